#include "kernels/inner.hpp"

namespace convjit {

std::unique_ptr<Inner> make_interpreter(const ConvDesc& desc, const Plan& plan) {
  if (plan.strategy == Strategy::oc_vector) return make_oc_vector_interpreter(desc, plan);
  return make_ow_vector_interpreter(desc, plan);
}

}  // namespace convjit
