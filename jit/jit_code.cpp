#include "jit/jit_code.hpp"

#include <chrono>

#include "convjit/error.hpp"
#include "jit/executable_memory.hpp"
#include "jit/oc_vector_generator.hpp"
#include "jit/ow_vector_generator.hpp"

namespace convjit {
namespace {

// Code made by one generator, copied into executable memory.
class GeneratedCode : public JitCode {
 public:
  template <class Generator>
  explicit GeneratedCode(Generator& gen) : exec_(ExecutableCode::copy_of({gen.getCode(), gen.getSize()})) {
    code_ = exec_->data();
    size_ = exec_->size();
    for (OcPart part : {OcPart::full, OcPart::tail})
      if (const InnerFn fn = gen.entry(part))
        entries_[int(part)] = reinterpret_cast<InnerFn>(
            code_ + (reinterpret_cast<const uint8_t*>(fn) - gen.getCode()));
    notes_ = gen.take_notes();
  }
  void set_compile_seconds(double s) { compile_seconds_ = s; }

 private:
  std::unique_ptr<ExecutableCode> exec_;
};

template <class Generator>
std::shared_ptr<GeneratedCode> emit_growing(const ConvDesc& desc, const Plan& plan) {
  // Emitted into a buffer of the thread's, kept from one kernel to the next
  // (most kernels are a few KiB), grown on overflow.
  thread_local std::vector<uint8_t> buffer(64 << 10);
  for (;;) {
    try {
      Generator gen(desc, plan, buffer);
      return std::make_shared<GeneratedCode>(gen);
    } catch (const Xbyak::Error& e) {
      if (static_cast<int>(e) != Xbyak::ERR_CODE_IS_TOO_BIG || buffer.size() > (64u << 20))
        throw Error("plan", std::string("plan: code generation failed: ") + e.what());
      buffer.resize(buffer.size() * 4);
    }
  }
}

}  // namespace

std::shared_ptr<const JitCode> emit_code(const ConvDesc& desc, const Plan& plan) {
  if (auto why = plan_rejection(desc, plan)) throw Error("plan", "plan " + plan.str() + ": " + *why);
  auto start = std::chrono::steady_clock::now();
  auto finish = [&](auto code) -> std::shared_ptr<const JitCode> {
    code->set_compile_seconds(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return code;
  };
  const bool zmm = plan.isa == Isa::avx512;
  if (plan.isa == Isa::scalar)
    throw Error("plan", "plan: no code to emit for ISA " + std::string(to_string(plan.isa)));
  if (plan.strategy == Strategy::oc_vector)
    return zmm ? finish(emit_growing<OcVectorGenerator<Xbyak::Zmm>>(desc, plan))
               : finish(emit_growing<OcVectorGenerator<Xbyak::Ymm>>(desc, plan));
  return zmm ? finish(emit_growing<OwVectorGenerator<Xbyak::Zmm>>(desc, plan))
             : finish(emit_growing<OwVectorGenerator<Xbyak::Ymm>>(desc, plan));
}

}  // namespace convjit
