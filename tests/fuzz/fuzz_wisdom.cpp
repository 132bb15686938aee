// libFuzzer: the wisdom loader on any bytes. A file is merged whole or not
// at all, with a reason when refused; it never throws, crashes or misbehaves
// (ASan, UBSan). What was merged saves to JSON that loads into a fresh
// wisdom unchanged.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "convjit/cpu.hpp"
#include "tuning/wisdom.hpp"

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& input) {
  std::fprintf(stderr, "fuzz_wisdom: %s\n  input (%zu bytes): %.200s\n", what.c_str(), input.size(),
               input.c_str());
  std::abort();
}

const convjit::CpuSignature& this_cpu() {
  static const convjit::CpuSignature cpu = convjit::CpuSignature::of(convjit::CpuFacts::detect(""));
  return cpu;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  convjit::Wisdom wisdom(this_cpu());
  const convjit::WisdomLoad load = wisdom.merge_text(text);
  if (load.status != convjit::WisdomLoad::merged) {
    if (wisdom.size() != 0) fail("refused (" + load.reason + ") but merged entries", text);
    if (load.reason.empty()) fail("refused without a reason", text);
    return 0;
  }
  const std::string saved = wisdom.to_json();
  convjit::Wisdom again(this_cpu());
  const convjit::WisdomLoad reload = again.merge_text(saved);
  if (reload.status != convjit::WisdomLoad::merged)
    fail("its own output refused: " + reload.reason + "\n  output: " + saved, text);
  if (again.to_json() != saved) fail("save -> load -> save changed the file:\n" + saved, text);
  return 0;
}
