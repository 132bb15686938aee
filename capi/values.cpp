// The C structs and enums read as C++ values. C hands over any int as an
// enum, so every value is checked before it is used.
#include <string>

#include "capi/handles.hpp"
#include "capi/status.hpp"

namespace convjit::capi {
namespace {

// The value of a C enum, or an Error naming the field and the known values.
template <class To, std::size_t N>
To known(int value, const char* field, const char* type, const To (&values)[N], const char* names) {
  if (value >= 0 && static_cast<std::size_t>(value) < N) return values[value];
  throw Error(field, std::string(field) + "=" + std::to_string(value) + " is not a " + type + " (" +
                         names + ")");
}

}  // namespace

ConvDesc to_desc(const convjit_problem* problem) {
  require(problem, "problem");
  require(problem->desc, "desc");
  // The enum fields first: they are cheaper to check than the descriptor.
  const DataType dt = known(problem->dtype, "dtype", "convjit_dtype",
                            {DataType::f32, DataType::f64}, "0 CONVJIT_F32, 1 CONVJIT_F64");
  const Layout layout =
      known(problem->layout, "layout", "convjit_layout",
            {Layout::ncx, Layout::nxc, Layout::nCx8c, Layout::nCx16c},
            "0 CONVJIT_NCX, 1 CONVJIT_NXC, 2 CONVJIT_NCX8C, 3 CONVJIT_NCX16C");
  constexpr unsigned kKnownPostOps = CONVJIT_POST_BIAS | CONVJIT_POST_RELU;
  if (problem->post_ops & ~kKnownPostOps)
    throw Error("post_ops",
                "post_ops=" + std::to_string(problem->post_ops) +
                    " has bits other than CONVJIT_POST_BIAS (1) and CONVJIT_POST_RELU (2)");
  const Algorithm algorithm =
      known(problem->algorithm, "algorithm", "convjit_algorithm",
            {Algorithm::direct, Algorithm::winograd, Algorithm::fastest, Algorithm::winograd_2x2},
            "0 CONVJIT_ALGORITHM_DIRECT, 1 CONVJIT_ALGORITHM_WINOGRAD, "
            "2 CONVJIT_ALGORITHM_FASTEST, 3 CONVJIT_ALGORITHM_WINOGRAD_2X2");
  ConvDesc desc = ConvDesc::parse(problem->desc);
  desc.dt = dt;
  desc.layout = layout;
  desc.post_ops.bias = problem->post_ops & CONVJIT_POST_BIAS;
  desc.post_ops.relu = problem->post_ops & CONVJIT_POST_RELU;
  desc.algorithm = algorithm;
  desc.validate();  // the layout's rules (whole channel blocks per group) come with it
  return desc;
}

Backend to_backend(convjit_backend backend) {
  return known(backend, "backend", "convjit_backend",
               {Backend::automatic, Backend::jit, Backend::interp, Backend::reference},
               "0 CONVJIT_BACKEND_AUTO, 1 CONVJIT_BACKEND_JIT, 2 CONVJIT_BACKEND_INTERP, "
               "3 CONVJIT_BACKEND_REFERENCE");
}

Effort to_effort(convjit_effort effort) {
  return known(effort, "effort", "convjit_effort",
               {Effort::estimate, Effort::measure, Effort::patient, Effort::exhaustive},
               "0 CONVJIT_EFFORT_ESTIMATE, 1 CONVJIT_EFFORT_MEASURE, 2 CONVJIT_EFFORT_PATIENT, "
               "3 CONVJIT_EFFORT_EXHAUSTIVE");
}

}  // namespace convjit::capi
