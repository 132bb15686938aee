#pragma once
// The files that show the code an engine made: the raw bytes (.bin), the
// annotated assembly (.asm) and a JSON sidecar (.json), all named after the
// problem and the plan, so a file always says where it came from (oneDNN's
// raw .bin dumps do not). One writer for CONVJIT_DUMP and `convjit dump`.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "convjit/conv_desc.hpp"
#include "jit/jit_code.hpp"
#include "planner/plan.hpp"

namespace convjit {

// Where each entry point of the code starts, in address order, and how many
// bytes it spans (to the next entry or to the end of the code).
struct CodeEntry {
  OcPart part = OcPart::full;
  std::size_t offset = 0, size = 0;
};
std::vector<CodeEntry> code_entries(const JitCode& code);
std::string_view to_string(OcPart part);  // "full", "oc_tail"
std::string describe(const CodeEntry& entry);  // "oc_tail at 00000240, 512 bytes"

// "<descriptor>.<dt>.<layout>.<post-ops>.<plan words>" with quotes dropped
// and anything but letters, digits, '-', '_' and '.' made '_'; a name too
// long for a file system is cut and ends in a hash of the whole.
std::string dump_name(const ConvDesc& desc, const Plan& plan);

// The disassembly under a header of comments: problem, plan, size, entries.
std::string dump_assembly(const ConvDesc& desc, const Plan& plan, const JitCode& code);
// descriptor, full_str, dt, layout, post_ops, plan (object), plan_str, isa,
// size, compile_s, entries: one JSON object.
std::string dump_json(const ConvDesc& desc, const Plan& plan, const JitCode& code);

struct DumpFile {
  std::string name;   // "<dump_name>.bin", ".asm" or ".json"
  std::string bytes;
};
std::vector<DumpFile> dump_files(const ConvDesc& desc, const Plan& plan, const JitCode& code);

// Writes dump_files into dir (created if missing). Each file is written
// under a temporary name and renamed, so engines that compile the same
// kernel at once never leave a torn file. Throws Error naming the file.
void write_dump(const std::filesystem::path& dir, const ConvDesc& desc, const Plan& plan,
                const JitCode& code);

}  // namespace convjit
