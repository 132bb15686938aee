#pragma once
// PyTorch's convolution arguments (stride, padding, dilation, groups, the
// shapes of input and weight) read from Python, and the convjit problem they
// describe. Shared by convjit.conv and Engine.kernel, so both read them alike.
#include <pybind11/pybind11.h>

#include <array>
#include <cstdint>

#include "convjit/conv_desc.hpp"
#include "convjit/types.hpp"

namespace convjit::python {

// Per spatial axis, outermost first; PyTorch's conventions (dilation 1 is
// dense). Plain bytes, so that it can be part of a cache key.
struct AxisArgs {
  int32_t nd = 0;        // spatial axes, 1 to 3
  int32_t same = 0;      // padding="same": front and back come from the kernel
  int64_t groups = 1;
  std::array<int64_t, 3> stride{1, 1, 1}, dilation{1, 1, 1};
  std::array<int64_t, 3> front{0, 0, 0}, back{0, 0, 0};  // padding
};

// Reads stride and dilation (an int or nd ints, >= 1), padding (an int, nd
// ints, nd (front, back) pairs, mixed, or "valid" / "same", >= 0) and groups
// (>= 1). Throws convjit::Error naming the argument.
AxisArgs parse_axis_args(int nd, pybind11::handle stride, pybind11::handle padding,
                         pybind11::handle dilation, pybind11::handle groups);

// ncx or nxc (and their aliases nchw, nhwc, ...), the layouts whose channel
// count an array's shape says. Blocked layouts are refused (field "layout").
Layout parse_plain_layout(pybind11::handle layout);
// Any layout, blocked ones included.
Layout parse_any_layout(pybind11::handle layout);
// "float32", "float64", "f32", "f64", or anything numpy.dtype() reads as one.
DataType parse_dtype(pybind11::handle dtype);
// A shape given as a sequence of ints.
Shape parse_shape(pybind11::handle shape, const char* field);

// The spatial axes of `input` (2 to 4 + 2 dims) in `layout`, checked: 1 to 3.
int spatial_axes(const Shape& input, const char* field);

// What torch.nn.functional.conv{1,2,3}d computes for these shapes and
// arguments, as a convjit problem: input [N, C, *spatial] (ncx) or
// [N, *spatial, C] (nxc), weight [OC, C/groups, *kernel]. The batch is only
// the problem's default (at least 1). Throws convjit::Error: the argument
// at fault, or the descriptor's field (the library's message).
ConvDesc conv_desc(const Shape& input, const Shape& weight, AxisArgs args, Layout layout,
                   DataType dt, PostOps post_ops);

// The weight shape PyTorch uses for desc: [OC, IC/G, *kernel].
Shape torch_weight_shape(const ConvDesc& desc);

}  // namespace convjit::python
