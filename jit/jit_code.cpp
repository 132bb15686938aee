#include "jit/jit_code.hpp"

#include <chrono>
#include <cstring>

#include "convjit/error.hpp"
#include "jit/executable_memory.hpp"
#include "jit/oc_vector_generator.hpp"
#include "jit/ow_vector_generator.hpp"

namespace convjit {
namespace {

// Runs a Generator on a buffer of the thread's (most kernels are a few
// KiB; kept from one kernel to the next, grown on overflow) and hands it to
// `use` before the next run of the same Generator on the thread reuses it.
template <class Generator, class Use>
auto with_generated(const ConvDesc& desc, const Plan& plan, bool annotate, Use&& use) {
  thread_local std::vector<uint8_t> buffer(64 << 10);
  for (;;) {
    try {
      Generator gen(desc, plan, buffer, annotate);
      return use(gen);
    } catch (const Xbyak::Error& e) {
      if (static_cast<int>(e) != Xbyak::ERR_CODE_IS_TOO_BIG || buffer.size() > (64u << 20))
        throw Error("plan", std::string("plan: code generation failed: ") + e.what());
      buffer.resize(buffer.size() * 4);
    }
  }
}

// Code made by one generator, copied into executable memory. Its notes are
// made when first asked for, by the same generator run again annotated.
template <class Generator>
class GeneratedCode : public JitCode {
 public:
  GeneratedCode(Generator& gen, const ConvDesc& desc, const Plan& plan)
      : exec_(ExecutableCode::copy_of({gen.getCode(), gen.getSize()})), desc_(desc), plan_(plan) {
    code_ = exec_->data();
    size_ = exec_->size();
    for (OcPart part : {OcPart::full, OcPart::tail})
      if (const InnerFn fn = gen.entry(part))
        entries_[int(part)] = reinterpret_cast<InnerFn>(
            code_ + (reinterpret_cast<const uint8_t*>(fn) - gen.getCode()));
  }
  void set_compile_seconds(double s) { compile_seconds_ = s; }

 private:
  std::vector<CodeNote> make_notes() const override {
    return with_generated<Generator>(desc_, plan_, true, [&](Generator& gen) {
      // Notes emit nothing: the annotated code is this code, byte for byte.
      if (gen.getSize() != size_ || std::memcmp(gen.getCode(), code_, size_) != 0)
        throw Error("plan", "plan " + plan_.str() + ": internal error: annotated code differs");
      return gen.take_notes();
    });
  }

  std::unique_ptr<ExecutableCode> exec_;
  const ConvDesc desc_;
  const Plan plan_;
};

template <class Generator>
std::shared_ptr<GeneratedCode<Generator>> emit_growing(const ConvDesc& desc, const Plan& plan) {
  return with_generated<Generator>(desc, plan, false, [&](Generator& gen) {
    return std::make_shared<GeneratedCode<Generator>>(gen, desc, plan);
  });
}

}  // namespace

const std::vector<CodeNote>& JitCode::notes() const {
  std::call_once(notes_made_, [this] {
    if (notes_.empty()) notes_ = make_notes();
  });
  return notes_;
}

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
