#pragma once
// The inner kernel a driver calls for each band of output rows: JIT'd code,
// or the interpreter running the same plan in portable C++.
#include <memory>

#include "convjit/conv_desc.hpp"
#include "jit/call_args.hpp"
#include "jit/jit_code.hpp"
#include "planner/plan.hpp"
#include "planner/work_problem.hpp"

// On the interpreters' inner loops: each is compiled twice and chosen when
// the library loads (an ifunc), for x86-64-v3 (AVX2 and FMA, which every CPU
// with a JIT has: std::fma becomes one instruction and the channel loops
// vectorise) and for any x86-64 (std::fma calls libm). Both round each FMA
// once, in the same order: the same bits, ten times faster where the JIT
// runs (the differential fuzz: 11.3 s -> 1.1 s for 300 problems). The tests
// and every checked run lean on the interpreter.
// Not under ThreadSanitizer, whose instrumented ifunc resolver runs before
// its runtime is up and crashes at load.
#if defined(__SANITIZE_THREAD__)
#define CONVJIT_INTERPRETER_LOOP
#else
#define CONVJIT_INTERPRETER_LOOP [[gnu::target_clones("arch=x86-64-v3", "default")]]
#endif

namespace convjit {

class Inner {
 public:
  virtual ~Inner() = default;
  virtual void call(OcPart part, const CallArgs& args) const = 0;
};

class JitInner final : public Inner {
 public:
  explicit JitInner(std::shared_ptr<const JitCode> code) : code_(std::move(code)) {}
  void call(OcPart part, const CallArgs& args) const override { code_->entry(part)(&args); }
  const JitCode& code() const { return *code_; }

 private:
  std::shared_ptr<const JitCode> code_;
};

// Executes the plan's loop nest in scalar C++, in the same order of
// accumulation as the emitted code, so integer and real results both match
// the JIT bit for bit (FMAs are std::fma): the plan's strategy's
// interpreter.
std::unique_ptr<Inner> make_interpreter(const WorkProblem& work, const Plan& plan);

// What every strategy's interpreter holds: the work problem, the plan, and
// the strategy's geometry of the two (Geo::of), which its driver and
// generator read too.
template <class Geo>
class PlanInterpreter : public Inner {
 public:
  PlanInterpreter(const WorkProblem& work, const Plan& plan) : desc_(work), plan_(plan), geo_(Geo::of(work, plan)) {}

 protected:
  // Output channels of the block a call computes.
  int channels(OcPart part) const { return part == OcPart::full ? plan_.oc_blk : static_cast<int>(geo_.oc_tail); }
  // Output channel c's accumulated value `v` with the post-ops applied, as
  // the generators' epilogue does: the bias, then ReLU (vmaxps against
  // +0: +0 for -0 and NaN).
  template <class T>
  T with_post_ops(T v, const void* bias, int64_t c) const {
    if (desc_.post_ops.bias) v += static_cast<const T*>(bias)[c];
    return desc_.post_ops.relu && !(v > T(0)) ? T(0) : v;
  }

  const ConvDesc desc_;
  const Plan plan_;
  const Geo geo_;
};

// A strategy's interpreter, Interpreter<float> or <double> by the data type.
template <template <class> class Interpreter>
std::unique_ptr<Inner> make_typed(const WorkProblem& work, const Plan& plan) {
  if (work.dt == DataType::f64) return std::make_unique<Interpreter<double>>(work, plan);
  return std::make_unique<Interpreter<float>>(work, plan);
}

}  // namespace convjit
