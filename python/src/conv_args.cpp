#include "python/src/conv_args.hpp"

#include <pybind11/numpy.h>

#include <string>

#include "convjit/error.hpp"
#include "python/src/errors.hpp"
#include "python/src/tensor_arg.hpp"

namespace py = pybind11;

namespace convjit::python {
namespace {

constexpr const char* kAxisKeys = "dhw";  // the descriptor's letters, outermost first

// An int, or anything with __index__ (NumPy integers).
bool int_value(py::handle v, int64_t& out) {
  if (PyBool_Check(v.ptr()) || !PyIndex_Check(v.ptr())) return false;
  py::object index = py::reinterpret_steal<py::object>(PyNumber_Index(v.ptr()));
  if (!index) throw py::error_already_set();
  int overflow = 0;
  out = PyLong_AsLongLongAndOverflow(index.ptr(), &overflow);
  return overflow == 0;
}

bool is_sequence(py::handle v) {
  return PySequence_Check(v.ptr()) && !PyUnicode_Check(v.ptr()) && !PyBytes_Check(v.ptr());
}

std::string ints_wanted(int nd) {
  return "an int or a sequence of " + std::to_string(nd) + " ints";
}

// An int for every axis, or one per axis; each >= `min`.
std::array<int64_t, 3> per_axis(py::handle v, int nd, const char* field, int64_t min) {
  std::array<int64_t, 3> values{};
  int64_t one = 0;
  if (int_value(v, one)) {
    values.fill(one);
  } else if (is_sequence(v) && py::len(v) == static_cast<size_t>(nd)) {
    py::sequence seq = py::reinterpret_borrow<py::sequence>(v);
    for (int a = 0; a < nd; ++a)
      if (!int_value(seq[a], values[a]))
        arg_error(field, "expected " + ints_wanted(nd) + ", got " + short_repr(v));
  } else {
    arg_error(field, "expected " + ints_wanted(nd) + ", got " + short_repr(v));
  }
  for (int a = 0; a < nd; ++a)
    if (values[a] < min)
      arg_error(field, std::to_string(values[a]) + " must be >= " + std::to_string(min));
  return values;
}

void parse_padding(py::handle v, AxisArgs& args) {
  const char* field = "padding";
  if (PyUnicode_Check(v.ptr())) {
    const std::string word = py::str(v);
    if (word == "same") {
      args.same = 1;
      return;
    }
    if (word != "valid") arg_error(field, "unknown value '" + word + "' (expected 'valid' or 'same')");
    return;  // no padding
  }
  auto wanted = [&] {  // built only to throw
    return "an int, \"valid\", \"same\", or a sequence of " + std::to_string(args.nd) +
           " ints or (front, back) pairs";
  };
  int64_t one = 0;
  if (int_value(v, one)) {
    args.front.fill(one);
    args.back.fill(one);
  } else if (is_sequence(v) && py::len(v) == static_cast<size_t>(args.nd)) {
    py::sequence seq = py::reinterpret_borrow<py::sequence>(v);
    for (int a = 0; a < args.nd; ++a) {
      py::object axis = seq[a];
      if (int_value(axis, args.front[a])) {
        args.back[a] = args.front[a];
      } else if (!is_sequence(axis) || py::len(axis) != 2 ||
                 !int_value(py::reinterpret_borrow<py::sequence>(axis)[0], args.front[a]) ||
                 !int_value(py::reinterpret_borrow<py::sequence>(axis)[1], args.back[a])) {
        arg_error(field, "expected " + wanted() + ", got " + short_repr(v));
      }
    }
  } else {
    arg_error(field, "expected " + wanted() + ", got " + short_repr(v));
  }
  for (int a = 0; a < args.nd; ++a)
    if (args.front[a] < 0 || args.back[a] < 0)
      arg_error(field, "padding must be >= 0, got " + short_repr(v));
}

void check_same(AxisArgs& args, const int64_t* kernel) {
  for (int a = 0; a < args.nd; ++a)
    if (args.stride[a] != 1)
      arg_error("padding", "padding='same' needs stride 1 on every axis (as in PyTorch)");
  // PyTorch's split: the odd one of an odd total goes to the back.
  for (int a = 0; a < args.nd; ++a) {
    const int64_t total = args.dilation[a] * (kernel[a] - 1);
    args.front[a] = total / 2;
    args.back[a] = total - total / 2;
  }
}

}  // namespace

AxisArgs parse_axis_args(int nd, py::handle stride, py::handle padding, py::handle dilation,
                         py::handle groups) {
  AxisArgs args;
  args.nd = nd;
  args.stride = per_axis(stride, nd, "stride", 1);
  args.dilation = per_axis(dilation, nd, "dilation", 1);
  parse_padding(padding, args);
  if (!int_value(groups, args.groups)) arg_error("groups", "expected an int, got " + short_repr(groups));
  if (args.groups < 1) arg_error("groups", std::to_string(args.groups) + " must be >= 1");
  return args;
}

Layout parse_any_layout(py::handle layout) {
  if (!PyUnicode_Check(layout.ptr())) arg_error("layout", "expected a str, got " + short_repr(layout));
  return parse_layout(py::str(layout).cast<std::string>(), "layout");
}

Layout parse_plain_layout(py::handle layout) {
  // The common words first, without building a std::string (conv()'s path).
  if (PyUnicode_Check(layout.ptr())) {
    if (PyUnicode_CompareWithASCIIString(layout.ptr(), "ncx") == 0) return Layout::ncx;
    if (PyUnicode_CompareWithASCIIString(layout.ptr(), "nxc") == 0) return Layout::nxc;
  }
  const Layout l = parse_any_layout(layout);
  if (l != Layout::ncx && l != Layout::nxc)
    arg_error("layout", std::string(to_string(l)) +
                            " is for kernels made from a descriptor; shapes take ncx or nxc");
  return l;
}

DataType parse_dtype(py::handle dtype) {
  if (PyUnicode_Check(dtype.ptr())) {
    const std::string word = py::str(dtype);
    if (word == "f32") return DataType::f32;
    if (word == "f64") return DataType::f64;
  }
  py::dtype d;
  try {
    d = py::dtype::from_args(py::reinterpret_borrow<py::object>(dtype));
  } catch (py::error_already_set&) {
    arg_error("dtype", "expected float32 or float64, got " + short_repr(dtype));
  }
  if (d.kind() == 'f' && d.itemsize() == 4) return DataType::f32;
  if (d.kind() == 'f' && d.itemsize() == 8) return DataType::f64;
  arg_error("dtype", "expected float32 or float64, got " + std::string(py::str(d)));
}

Shape parse_shape(py::handle shape, const char* field) {
  if (!is_sequence(shape)) arg_error(field, "expected a sequence of ints, got " + short_repr(shape));
  const size_t n = py::len(shape);
  if (n > 6) arg_error(field, "has " + std::to_string(n) + " dimensions; at most 6 are supported");
  Shape s;
  s.nd = static_cast<int>(n);
  py::sequence seq = py::reinterpret_borrow<py::sequence>(shape);
  for (int d = 0; d < s.nd; ++d)
    if (!int_value(seq[d], s.dim[d]) || s.dim[d] < 0)
      arg_error(field, "expected a sequence of ints >= 0, got " + short_repr(shape));
  return s;
}

int spatial_axes(const Shape& input, const char* field) {
  if (input.nd < 3 || input.nd > 5)
    arg_error(field, "shape " + shape_text(input) +
                         " has " + std::to_string(input.nd) +
                         " dimensions; expected 3, 4 or 5 (batch, channels and 1 to 3 spatial axes)");
  return input.nd - 2;
}

ConvDesc conv_desc(const Shape& input, const Shape& weight, AxisArgs args, Layout layout,
                   DataType dt, PostOps post_ops) {
  const int nd = spatial_axes(input, "input");
  if (args.nd != nd) throw std::logic_error("conv_desc: axis arguments for another dimensionality");
  if (weight.nd != input.nd)
    arg_error("weight", "shape " + shape_text(weight) + " has " + std::to_string(weight.nd) +
                            " dimensions; the input's " + shape_text(input) + " needs " +
                            std::to_string(input.nd) + " (out channels, in channels / groups, " +
                            std::to_string(nd) + " kernel sizes)");
  const bool last = layout == Layout::nxc;
  const int64_t batch = input.dim[0], channels = input.dim[last ? input.nd - 1 : 1];
  const int64_t* spatial = &input.dim[last ? 1 : 2];
  const int64_t* kernel = &weight.dim[2];
  if (channels % args.groups != 0)
    arg_error("groups", "groups=" + std::to_string(args.groups) + " does not divide the input's " +
                            std::to_string(channels) + " channels");
  if (weight.dim[1] != channels / args.groups)
    arg_error("weight", "shape " + shape_text(weight) + " needs " +
                            std::to_string(channels / args.groups) +
                            " input channels in dimension 1 (the input's " +
                            std::to_string(channels) + " over groups=" +
                            std::to_string(args.groups) + "), has " + std::to_string(weight.dim[1]));
  if (args.same) check_same(args, kernel);

  // Sizes in the canonical order (g, mb, ic, inputs, oc, outputs, kernel,
  // strides, paddings, dilations), as the library's messages quote it.
  std::string sizes[6];  // i, o, k, s, p, d
  for (int a = 0; a < nd; ++a) {
    const char key = kAxisKeys[3 - nd + a];
    const int64_t i = spatial[a], k = kernel[a];
    const int64_t extent = (k - 1) * args.dilation[a] + 1;
    const int64_t padded = i + args.front[a] + args.back[a];
    auto put = [&](int what, char letter, int64_t value) {
      sizes[what] += letter;
      sizes[what] += key;
      sizes[what] += std::to_string(value);
    };
    put(0, 'i', i);
    put(2, 'k', k);
    if (args.stride[a] != 1) put(3, 's', args.stride[a]);
    put(4, 'p', args.front[a]);
    if (args.dilation[a] != 1) put(5, 'd', args.dilation[a] - 1);
    // The output size fixes the back padding; without it the descriptor
    // would assume back = front. Sizes of 0 are left to the descriptor's
    // own checks, which name them.
    if (i > 0 && k > 0) {
      if (padded < extent)
        arg_error("weight", "the kernel's extent " + std::to_string(extent) + " along axis " +
                                key + " (size " + std::to_string(k) + ", dilation " +
                                std::to_string(args.dilation[a]) +
                                ") exceeds the padded input " + std::to_string(padded) + " (" +
                                std::to_string(i) + " + padding " + std::to_string(args.front[a]) +
                                " + " + std::to_string(args.back[a]) + ")");
      put(1, 'o', (padded - extent) / args.stride[a] + 1);
    }
  }
  std::string text = args.groups > 1 ? "g" + std::to_string(args.groups) : "";
  text += "mb" + std::to_string(std::max<int64_t>(batch, 1)) + "ic" + std::to_string(channels) +
          sizes[0] + "oc" + std::to_string(weight.dim[0]);
  for (int what = 1; what < 6; ++what) text += sizes[what];
  ConvDesc desc = ConvDesc::parse(text);
  desc.dt = dt;
  desc.layout = layout;
  desc.post_ops = post_ops;
  return desc;
}

Shape torch_weight_shape(const ConvDesc& desc) {
  Shape s;
  s.dim[s.nd++] = desc.oc;
  s.dim[s.nd++] = desc.icg();
  for (int a = desc.first_axis(); a < 3; ++a) s.dim[s.nd++] = desc.k[a];
  return s;
}

}  // namespace convjit::python
