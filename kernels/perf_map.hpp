#pragma once
// Names for convjit's code in perf's profiles: perf reads /tmp/perf-<pid>.map,
// one "<start hex> <size hex> <name>" line per symbol (no 0x prefix), to
// name the addresses of JIT code that no ELF file describes.
#include <string>

#include "convjit/conv_desc.hpp"
#include "jit/jit_code.hpp"
#include "planner/plan.hpp"

namespace convjit {

std::string perf_map_path();  // /tmp/perf-<pid>.map

// One line per entry point: "convjit:<full_str>:<plan>", ":oc_tail" added
// for the output-channel tail's entry.
std::string perf_map_lines(const ConvDesc& desc, const Plan& plan, const JitCode& code);

// Appends perf_map_lines to perf_map_path(). Thread-safe; throws Error when
// the file cannot be written.
void append_perf_map(const ConvDesc& desc, const Plan& plan, const JitCode& code);

}  // namespace convjit
