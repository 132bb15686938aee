#include "jit/jit_code.hpp"

#include "convjit/error.hpp"
#include "planner/strategy.hpp"

namespace convjit {
const std::vector<CodeNote>& JitCode::notes() const {
  std::call_once(notes_made_, [this] {
    if (notes_.empty()) notes_ = make_notes();
  });
  return notes_;
}

std::shared_ptr<const JitCode> emit_code(const WorkProblem& desc, const Plan& plan) {
  if (auto why = plan_rejection(desc, plan)) throw Error("plan", "plan " + plan.str() + ": " + *why);
  if (plan.isa == Isa::scalar)
    throw Error("plan", "plan: no code to emit for ISA " + std::string(to_string(plan.isa)));
  return plan.strategy->emit(desc, plan);
}

}  // namespace convjit
