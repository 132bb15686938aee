#pragma once
// What happens when an engine makes code or a kernel, besides running it:
// dumps (CONVJIT_DUMP=DIR), perf map entries (CONVJIT_PERF_MAP=1) and the
// verbose line per kernel (CONVJIT_VERBOSE=1).
#include <cstddef>
#include <string>

#include "convjit/conv_desc.hpp"
#include "jit/jit_code.hpp"
#include "planner/plan.hpp"

namespace convjit {

// Called once per generated kernel, outside the engine's lock. Never throws:
// a dump that cannot be written is a warning.
void on_code_created(const ConvDesc& desc, const Plan& plan, const JitCode& code);

// Called once per kernel handed out (any backend, cached code or not): at
// info level, a line with the problem, plan, ISA, code size, the time taken
// and the `convjit run` command that makes the same kernel again.
void on_kernel_created(const ConvDesc& desc, const Plan& plan, Isa isa, Backend backend,
                       int threads, std::size_t code_size, double microseconds);

// "convjit run --problem <desc> --dt .. --layout .. --post-ops .. --threads N
// --backend B", the descriptor quoted for a POSIX shell where it needs it.
std::string replay_command(const ConvDesc& desc, Backend backend, int threads);

}  // namespace convjit
