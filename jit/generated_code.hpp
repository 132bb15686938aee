#pragma once
// How a strategy's generator becomes JitCode: run on a reusable buffer of
// the thread's, copied into executable memory, timed; its notes made on
// demand by the same generator run again annotated. A strategy's emit() is
// generate<ItsGenerator>(work, plan).
#include <xbyak/xbyak.h>

#include <chrono>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "convjit/error.hpp"
#include "jit/executable_memory.hpp"
#include "jit/jit_code.hpp"
#include "planner/work_problem.hpp"

namespace convjit {
namespace generated_code {


// Runs a Generator on a buffer of the thread's (most kernels are a few
// KiB; kept from one kernel to the next, grown on overflow) and hands it to
// `use` before the next run of the same Generator on the thread reuses it.
template <class Generator, class Use>
auto with_generated(const WorkProblem& desc, const Plan& plan, bool annotate, Use&& use) {
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
  GeneratedCode(Generator& gen, const WorkProblem& desc, const Plan& plan)
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
  const WorkProblem desc_;
  const Plan plan_;
};

template <class Generator>
std::shared_ptr<GeneratedCode<Generator>> emit_growing(const WorkProblem& desc, const Plan& plan) {
  return with_generated<Generator>(desc, plan, false, [&](Generator& gen) {
    return std::make_shared<GeneratedCode<Generator>>(gen, desc, plan);
  });
}

}  // namespace generated_code

// Generator<Xbyak::Zmm> for AVX-512 plans, Generator<Xbyak::Ymm> for AVX2.
template <template <class> class Generator>
std::shared_ptr<const JitCode> generate(const WorkProblem& desc, const Plan& plan) {
  const auto start = std::chrono::steady_clock::now();
  auto finish = [&](auto code) -> std::shared_ptr<const JitCode> {
    code->set_compile_seconds(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return code;
  };
  using generated_code::emit_growing;
  return plan.isa == Isa::avx512 ? finish(emit_growing<Generator<Xbyak::Zmm>>(desc, plan))
                                 : finish(emit_growing<Generator<Xbyak::Ymm>>(desc, plan));
}

}  // namespace convjit
