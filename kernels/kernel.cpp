#include "convjit/kernel.hpp"

#include <string>

#include "convjit/error.hpp"

namespace convjit {
namespace {

// Every check throws before anything is touched, so a failed bind() or run()
// leaves the kernel and dst as they were.
void check_view(const std::string& field, const void* data, DataType dt, const Shape& shape,
                DataType want_dt, const Shape& want_shape) {
  // An empty tensor (batch 0) may come without memory.
  if (!data && shape.elems() != 0) throw Error(field, field + ": null data");
  if (dt != want_dt)
    throw Error(field, field + ": data type " + std::string(to_string(dt)) +
                           " does not match the kernel's " + std::string(to_string(want_dt)));
  if (!(shape == want_shape))
    throw Error(field, field + ": shape " + shape.str() + " does not match the expected " +
                           want_shape.str());
}

template <class Ptr>
void check_view(const std::string& field, const BasicTensorView<Ptr>& view, DataType want_dt,
                const Shape& want_shape) {
  check_view(field, view.data, view.dt, view.shape, want_dt, want_shape);
}

int64_t batch_of(const std::string& field, const Shape& shape) {
  if (shape.nd < 1 || shape.dim[0] < 0)
    throw Error(field, field + ": shape " + shape.str() + " has no batch dimension");
  return shape.dim[0];
}

}  // namespace

void Kernel::bind(ConstTensorView weights, ConstTensorView bias) {
  check_view("weights", weights, desc_.dt, desc_.wei_shape());
  if (desc_.post_ops.bias) {
    if (!bias.data) throw Error("bias", "bias: missing, but the kernel has the bias post-op");
    check_view("bias", bias, desc_.dt, desc_.bias_shape());
  } else if (bias.data) {
    throw Error("bias", "bias: given, but the kernel has no bias post-op");
  }
  do_bind(weights.data, desc_.post_ops.bias ? bias.data : nullptr);
  bound_ = true;
}

void Kernel::run(ConstTensorView src, TensorView dst) const {
  if (!bound_) throw Error("weights", "weights: run() before bind()");
  const int64_t batch = batch_of("src", src.shape);
  if (batch_of("dst", dst.shape) != batch)
    throw Error("dst", "dst: batch " + std::to_string(dst.shape.dim[0]) +
                           " does not match the src batch " + std::to_string(batch));
  check_view("src", src, desc_.dt, desc_.src_shape(batch));
  check_view("dst", dst, desc_.dt, desc_.dst_shape(batch));
  if (batch == 0) return;
  do_run(src.data, dst.data, batch);
}

}  // namespace convjit
