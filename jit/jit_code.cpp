#include "jit/jit_code.hpp"

#include <chrono>

#include "convjit/error.hpp"
#include "jit/oc_vector_generator.hpp"
#include "jit/ow_vector_generator.hpp"

namespace convjit {
namespace {

// Code made by one generator; owns its pages.
template <class Generator>
class GeneratedCode : public JitCode {
 public:
  GeneratedCode(const ConvDesc& desc, const Plan& plan, std::size_t max_size)
      : gen_(desc, plan, max_size) {
    gen_.setProtectModeRE();  // W^X: written above, only executable from now on
    entries_[0] = gen_.entry(OcPart::full);
    entries_[1] = gen_.entry(OcPart::tail);
    code_ = gen_.getCode();
    size_ = gen_.getSize();
    notes_ = gen_.take_notes();
  }
  void set_compile_seconds(double s) { compile_seconds_ = s; }

 private:
  Generator gen_;
};

template <class Generator>
std::shared_ptr<GeneratedCode<Generator>> emit_growing(const ConvDesc& desc, const Plan& plan) {
  // Start small (most kernels are a few KiB) and grow on overflow.
  for (std::size_t max_size = 16 << 10;; max_size *= 4) {
    try {
      return std::make_shared<GeneratedCode<Generator>>(desc, plan, max_size);
    } catch (const Xbyak::Error& e) {
      if (static_cast<int>(e) != Xbyak::ERR_CODE_IS_TOO_BIG || max_size > (64u << 20))
        throw Error("plan", std::string("plan: code generation failed: ") + e.what());
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
