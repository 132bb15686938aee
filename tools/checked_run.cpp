#include "tools/checked_run.hpp"

#include "validation/reference.hpp"

namespace convjit {

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
  return compare(desc, dst, want, tol, desc.post_ops.relu);
}

}  // namespace convjit
