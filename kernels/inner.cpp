#include "kernels/inner.hpp"

#include "planner/strategy.hpp"

namespace convjit {

std::unique_ptr<Inner> make_interpreter(const WorkProblem& work, const Plan& plan) {
  return plan.strategy->interpreter(work, plan);
}

}  // namespace convjit
