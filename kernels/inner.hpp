#pragma once
// The inner kernel a driver calls for each band of output rows: JIT'd code,
// or the interpreter running the same plan in portable C++.
#include <memory>

#include "convjit/conv_desc.hpp"
#include "jit/call_args.hpp"
#include "jit/jit_code.hpp"
#include "planner/geometry.hpp"
#include "planner/plan.hpp"

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
// the JIT bit for bit (FMAs are std::fma).
std::unique_ptr<Inner> make_interpreter(const ConvDesc& desc, const Plan& plan);
std::unique_ptr<Inner> make_ow_vector_interpreter(const ConvDesc& desc, const Plan& plan);
std::unique_ptr<Inner> make_oc_vector_interpreter(const ConvDesc& desc, const Plan& plan);

}  // namespace convjit
