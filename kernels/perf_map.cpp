#include "kernels/perf_map.hpp"

#include <unistd.h>

#include <cinttypes>
#include <cstdio>
#include <mutex>

#include "convjit/error.hpp"
#include "kernels/code_dump.hpp"

namespace convjit {

std::string perf_map_path() { return "/tmp/perf-" + std::to_string(::getpid()) + ".map"; }

std::string perf_map_lines(const ConvDesc& desc, const Plan& plan, const JitCode& code) {
  const std::string name = "convjit:" + desc.full_str() + ":" + plan.str();
  std::string lines;
  char head[64];
  for (const CodeEntry& e : code_entries(code)) {
    std::snprintf(head, sizeof head, "%" PRIxPTR " %zx ",
                  reinterpret_cast<uintptr_t>(code.code() + e.offset), e.size);
    lines += head + name + (e.part == OcPart::tail ? ":oc_tail" : "") + "\n";
  }
  return lines;
}

void append_perf_map(const ConvDesc& desc, const Plan& plan, const JitCode& code) {
  // Engines compile on many threads; perf wants whole lines.
  static std::mutex mutex;
  const std::string lines = perf_map_lines(desc, plan, code);
  const std::string path = perf_map_path();
  std::lock_guard lock(mutex);
  std::FILE* f = std::fopen(path.c_str(), "a");
  const bool ok = f && std::fwrite(lines.data(), 1, lines.size(), f) == lines.size();
  if ((f && std::fclose(f) != 0) || !ok) throw Error(path, path + ": cannot append");
}

}  // namespace convjit
