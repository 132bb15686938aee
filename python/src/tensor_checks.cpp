#include "python/src/tensor_checks.hpp"

#include <string>

#include "python/src/conv_args.hpp"
#include "python/src/errors.hpp"

namespace convjit::python {
namespace {

void check_dtype(const TensorArg& t, DataType dt, const Field& field, const char* whose) {
  if (t.dt != dt)
    arg_error(field.str(), "data type " + std::string(dtype_name(t.dt)) + " does not match " +
                               whose + " " + std::string(dtype_name(dt)));
}

// "(N, 3, 32, 32)": the batch is free.
std::string image_text(const Shape& image) {
  std::string text = shape_text(image);
  return "(N" + text.substr(text.find_first_of(",)")) ;
}

}  // namespace

int64_t check_activation(const TensorArg& t, const Shape& image, DataType dt, const Field& field) {
  check_dtype(t, dt, field, "the kernel's");
  bool ok = t.shape.nd == image.nd;
  for (int d = 1; ok && d < image.nd; ++d) ok = t.shape.dim[d] == image.dim[d];
  if (!ok)
    arg_error(field.str(), "shape " + shape_text(t.shape) + " does not match the kernel's " +
                               image_text(image));
  return t.shape.dim[0];
}

void check_output(const TensorArg& t, const Shape& shape, DataType dt, const Field& field) {
  check_dtype(t, dt, field, "the input's");
  if (!(t.shape == shape))
    arg_error(field.str(), "shape " + shape_text(t.shape) + " does not match the output's " +
                               shape_text(shape));
}

ConstTensorView weight_view(const ConvDesc& desc, const TensorArg& t) {
  check_dtype(t, desc.dt, {"weight"}, "the kernel's");
  const Shape torch = torch_weight_shape(desc), native = desc.wei_shape();
  if (!(t.shape == torch) && !(t.shape == native))
    arg_error("weight", "shape " + shape_text(t.shape) + " does not match the kernel's " +
                            shape_text(torch) +
                            (torch == native ? "" : " (or " + shape_text(native) + ")"));
  return {t.data, desc.dt, native};
}

ConstTensorView bias_view(const ConvDesc& desc, const TensorArg& t, bool present) {
  if (!present) {
    if (desc.post_ops.bias) arg_error("bias", "missing: the kernel was made with a bias");
    return {};
  }
  if (!desc.post_ops.bias) arg_error("bias", "given, but the kernel was made without a bias");
  check_dtype(t, desc.dt, {"bias"}, "the kernel's");
  if (!(t.shape == desc.bias_shape()))
    arg_error("bias", "shape " + shape_text(t.shape) + " does not match the kernel's " +
                          shape_text(desc.bias_shape()));
  return {t.data, desc.dt, desc.bias_shape()};
}

}  // namespace convjit::python
