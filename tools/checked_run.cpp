#include "tools/checked_run.hpp"

#include "convjit/error.hpp"
#include "kernels/reference.hpp"
#include "planner/log.hpp"

namespace convjit {

std::unique_ptr<Kernel> make_cli_kernel(Engine& engine, const ConvDesc& desc, Backend backend) {
  if (backend != Backend::automatic) return engine.make_kernel(desc, backend);
  try {
    return engine.make_kernel(desc, backend);
  } catch (const Error& e) {
    desc.validate();  // an invalid problem is the user's error, not a reason to fall back
    static bool warned = false;  // once per process, not once per problem
    if (!warned) log().warn("backend auto unavailable ({}); using the reference", e.what());
    warned = true;
    return engine.make_kernel(desc, Backend::reference);
  }
}

Buffer run_once(Kernel& kernel, const ProblemData& data) {
  kernel.bind(data.wei.cview(), data.bias.cview());
  const ConvDesc& desc = kernel.desc();
  Buffer dst(desc.dt, desc.dst_shape(data.src.shape().dim[0]));
  kernel.run(data.src.cview(), dst.view());
  return dst;
}

Comparison check_against_reference(const ConvDesc& desc, const ProblemData& data,
                                   const Buffer& dst, double tol) {
  Buffer want(desc.dt, dst.shape());
  reference_conv(desc, data.src.data(), data.wei.data(),
                 data.bias.empty() ? nullptr : data.bias.data(), want.data(),
                 data.src.shape().dim[0]);
  return compare(dst, want, tol, desc.post_ops.relu);
}

}  // namespace convjit
