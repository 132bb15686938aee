// libFuzzer: ConvDesc::parse on any bytes. What it accepts prints as a
// canonical descriptor that parses back to the same problem and prints the
// same again; what it refuses is a convjit::Error, never another exception,
// a crash or undefined behaviour (the fuzzers run under ASan and UBSan).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "convjit/conv_desc.hpp"
#include "convjit/error.hpp"

namespace {

[[noreturn]] void fail(const std::string& what, std::string_view input) {
  std::fprintf(stderr, "fuzz_conv_desc: %s\n  input: '%.*s'\n", what.c_str(),
               static_cast<int>(input.size()), input.data());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  convjit::ConvDesc desc;
  try {
    desc = convjit::ConvDesc::parse(text);
  } catch (const convjit::Error&) {
    return 0;  // refused, as it should be, with a message
  }
  const std::string canonical = desc.str();
  try {
    const convjit::ConvDesc back = convjit::ConvDesc::parse(canonical);
    if (!(back == desc)) fail("parse(str()) differs: str() = '" + canonical + "'", text);
    if (back.str() != canonical) fail("str() is not a fixed point: '" + back.str() + "'", text);
    desc.validate();  // parse validated it: must not throw now
    // The shapes of an accepted problem are computable. (Not flops(): it
    // loops over the kernel taps, minutes for a kernel of 10^10 taps,
    // which the grammar accepts; this fuzzer found it.)
    (void)desc.src_shape(desc.mb).elems();
    (void)desc.dst_shape(desc.mb).elems();
    (void)desc.wei_shape().elems();
  } catch (const convjit::Error& e) {
    fail("accepted, but then: " + std::string(e.what()) + " (str() = '" + canonical + "')", text);
  }
  return 0;
}
