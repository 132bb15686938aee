#pragma once
// Tensors from Python checked against a problem before the library sees
// them, so that errors name the Python arguments ("input", "out", "weight")
// and speak in Python's shapes. What only the library can tell (overlapping
// tensors, a kernel without weights) keeps the library's message.
#include <cstdint>

#include "convjit/conv_desc.hpp"
#include "python/src/tensor_arg.hpp"

namespace convjit::python {

// The batch of an activation whose other dimensions must be `image`'s (the
// shape of one image: dim[0] == 1).
int64_t check_activation(const TensorArg& t, const Shape& image, DataType dt, const Field& field);
// An output: exactly `shape`.
void check_output(const TensorArg& t, const Shape& shape, DataType dt, const Field& field);
// Weights shaped as PyTorch's [OC, IC/G, *kernel] or as desc.wei_shape(),
// viewed as the latter.
ConstTensorView weight_view(const ConvDesc& desc, const TensorArg& t);
// A bias of shape [OC]; a null view when `present` is false and the problem
// has none. Refuses a bias the problem has no post-op for, and the reverse.
ConstTensorView bias_view(const ConvDesc& desc, const TensorArg& t, bool present);

}  // namespace convjit::python
