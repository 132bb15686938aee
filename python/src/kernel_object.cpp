#include "python/src/kernel_object.hpp"

#include <pybind11/numpy.h>

#include <mutex>
#include <vector>

#include "python/src/conv_args.hpp"
#include "python/src/errors.hpp"
#include "python/src/tensor_arg.hpp"
#include "python/src/tensor_checks.hpp"

namespace py = pybind11;

namespace convjit::python {
namespace {

py::tuple shape_tuple(const Shape& s) {
  py::tuple t(s.nd);
  for (int d = 0; d < s.nd; ++d) t[d] = s.dim[d];
  return t;
}

// A value per spatial axis of desc, outermost first.
template <class Value>
py::tuple axis_tuple(const ConvDesc& desc, Value value) {
  py::tuple t(desc.ndims);
  for (int a = desc.first_axis(); a < 3; ++a) t[a - desc.first_axis()] = value(desc, a);
  return t;
}

int64_t batch_arg(const KernelObject& k, py::handle batch) {
  if (batch.is_none()) return k.kernel().desc().mb;
  const long long n = PyLong_AsLongLong(batch.ptr());
  if (n == -1 && PyErr_Occurred()) {
    PyErr_Clear();
    arg_error("batch", "expected an int >= 0, got " + short_repr(batch));
  }
  if (n < 0) arg_error("batch", std::to_string(n) + " must be >= 0");
  return n;
}

// A new list of a sequence's items: it holds a reference to each tensor
// while the GIL is released, whatever another thread does to the sequence
// meanwhile.
py::list list_of(py::handle seq, const char* field) {
  if (!PySequence_Check(seq.ptr()) || PyUnicode_Check(seq.ptr()))
    arg_error(field, "expected a list or tuple of tensors, got " + short_repr(seq));
  py::object list = py::reinterpret_steal<py::object>(PySequence_List(seq.ptr()));
  if (!list) throw py::error_already_set();
  return py::reinterpret_steal<py::list>(list.release());
}

}  // namespace

KernelObject::KernelObject(std::shared_ptr<Engine> engine, std::unique_ptr<Kernel> kernel)
    : engine_(std::move(engine)), kernel_(std::move(kernel)) {}

void KernelObject::bind(ArrayArg weight_arg, OptionalArrayArg bias_arg) {
  const py::handle weight = weight_arg.h, bias = bias_arg.h;
  const ConvDesc& desc = kernel_->desc();
  const TensorArg w = tensor_arg(weight, {"weight"}, Access::read);
  TensorArg b;
  if (!bias.is_none()) b = tensor_arg(bias, {"bias"}, Access::read);
  const ConstTensorView wv = weight_view(desc, w), bv = bias_view(desc, b, !bias.is_none());
  py::gil_scoped_release nogil;
  std::unique_lock lock(mutex_);
  kernel_->bind(wv, bv);
}

py::object KernelObject::call(ArrayArg input_arg, OptionalArrayArg out_arg) const {
  const py::handle input = input_arg.h, out = out_arg.h;
  const DataType dt = kernel_->desc().dt;
  const TensorArg in = tensor_arg(input, {"input"}, Access::read);
  const int64_t batch = check_activation(in, kernel_->src_shape(1), dt, {"input"});
  const Shape dst_shape = kernel_->dst_shape(batch);
  py::object result;
  TensorArg o;  // held to the end: a DLPack capsule keeps its tensor's memory
  if (out.is_none()) {
    py::array a = empty_array(dt, dst_shape);
    o.data = a.mutable_data();
    result = std::move(a);
  } else {
    o = tensor_arg(out, {"out"}, Access::write);
    check_output(o, dst_shape, dt, {"out"});
    result = py::reinterpret_borrow<py::object>(out);
  }
  py::gil_scoped_release nogil;
  std::shared_lock lock(mutex_);
  kernel_->run({in.data, dt, in.shape}, {o.data, dt, dst_shape});
  return result;
}

py::object KernelObject::run_ragged(ArraysArg inputs_arg, OptionalArraysArg outs_arg) const {
  const py::handle inputs = inputs_arg.h, outs = outs_arg.h;
  const DataType dt = kernel_->desc().dt;
  const py::list ins = list_of(inputs, "inputs");
  const Py_ssize_t n = PyList_GET_SIZE(ins.ptr());
  PyObject** in_items = PySequence_Fast_ITEMS(ins.ptr());
  py::list given;
  PyObject** out_items = nullptr;
  if (!outs.is_none()) {
    given = list_of(outs, "outs");
    if (PyList_GET_SIZE(given.ptr()) != n)
      arg_error("outs", "has " + std::to_string(PyList_GET_SIZE(given.ptr())) +
                            " tensors; inputs has " + std::to_string(n));
    out_items = PySequence_Fast_ITEMS(given.ptr());
  }
  // Copies of inputs and DLPack capsules (none for NumPy arrays read in
  // place) live here until the run is over.
  std::vector<py::object> owners;
  // Per thread and only ever grown, as the library's own list: after a
  // thread's largest call, the pairs cost no allocation.
  thread_local std::vector<TensorPair> pairs;
  pairs.clear();
  pairs.reserve(static_cast<size_t>(n));
  int64_t out_elems = 0;  // of all the outputs to allocate
  for (Py_ssize_t i = 0; i < n; ++i) {
    TensorArg in = tensor_arg(in_items[i], {"inputs", i}, Access::read);
    const Shape dst_shape = kernel_->dst_shape(check_activation(in, kernel_->src_shape(1), dt, {"inputs", i}));
    void* dst = nullptr;
    if (out_items) {
      TensorArg o = tensor_arg(out_items[i], {"outs", i}, Access::write);
      check_output(o, dst_shape, dt, {"outs", i});
      dst = o.data;
      if (o.owner) owners.push_back(std::move(o.owner));
    } else {
      out_elems += dst_shape.elems();
    }
    pairs.push_back({{in.data, dt, in.shape}, {dst, dt, dst_shape}});
    if (in.owner) owners.push_back(std::move(in.owner));
  }
  // New outputs are views of one allocation: a thousand small ones would
  // cost a thousand mallocs, and on memory returned to the system between
  // calls, page faults in 4 KiB steps that two threads then contend for.
  py::list results(out_items ? 0 : n);
  if (!out_items) {
    // Each output starts on a cache line, as empty_array's large ones do.
    constexpr int64_t line = 64;
    const auto esize = static_cast<int64_t>(size_of(dt));
    Shape all;
    all.nd = 1;
    all.dim[0] = out_elems + (n + 1) * line / esize;
    const py::array base = empty_array(dt, all);
    auto* next = static_cast<char*>(const_cast<void*>(base.data()));
    for (Py_ssize_t i = 0; i < n; ++i) {
      TensorView& dst = pairs[i].dst;
      next += (line - reinterpret_cast<uintptr_t>(next) % line) % line;
      dst.data = next;
      next += dst.shape.elems() * esize;
      PyList_SET_ITEM(results.ptr(), i, view_of(base, dst.data, dt, dst.shape).release().ptr());
    }
  }
  {
    py::gil_scoped_release nogil;
    std::shared_lock lock(mutex_);
    kernel_->run_ragged(pairs);
  }
  if (out_items) return py::reinterpret_borrow<py::object>(outs);
  return results;
}

void register_kernel(py::module_& m) {
  py::class_<KernelObject>(m, "Kernel", R"(A compiled convolution, made by Engine.kernel().

Bind its weights once with bind(), then call it on any batch:
``kernel(input)`` returns a new NumPy array, ``kernel(input, out=y)`` writes
into y. One kernel may run from many threads at once (the GIL is released
while it runs); bind() waits for running calls to finish.)")
      .def("bind", &KernelObject::bind, py::arg("weight"), py::arg("bias") = py::none(),
           R"(Copies (and packs) the weights: shaped as PyTorch's [out_channels,
in_channels / groups, *kernel] (or the kernel's own weight_shape with a
leading groups dimension), and the bias [out_channels], required exactly when
the kernel was made with one. Same data type as the kernel.)")
      .def("__call__", &KernelObject::call, py::arg("input"), py::arg("out") = py::none(),
           R"(Runs the convolution on ``input`` (any batch size; the other
dimensions as input_shape() says) and returns the output: a new NumPy array,
or ``out`` (C-contiguous, writable, exactly output_shape(batch)) filled in
place. An input that is not C-contiguous, aligned to its element and
native-endian is copied once first; NumPy arrays, buffer-protocol objects and
__dlpack__ tensors (PyTorch CPU tensors) are read in place.)")
      .def("run_ragged", &KernelObject::run_ragged, py::arg("inputs"), py::arg("outs") = py::none(),
           R"(Runs every tensor of ``inputs`` (a list of tensors of the same per-image
shape and any batch sizes) in one call, their images spread over the threads
as one batch would be. Returns a list of new output arrays (views of one
allocation, freed when the last of them is), or fills ``outs`` (a list of as
many writable tensors) and returns it. Nothing is written when any tensor
is refused.)")
      .def_property_readonly("bound", &KernelObject::bound, "Whether bind() has given it weights.")
      .def_property_readonly("plan", [](const KernelObject& k) { return k.kernel().plan_str(); },
                             "The plan this kernel runs, on one line (as `convjit dump` shows it).")
      .def("disassembly", [](const KernelObject& k) { return k.kernel().disassembly(); },
           "The generated machine code as annotated Intel-syntax assembly (empty\n"
           "for the interpreter and reference backends).")
      .def_property_readonly("code", [](const KernelObject& k) {
             const auto code = k.kernel().code();
             return py::bytes(reinterpret_cast<const char*>(code.data()), code.size());
           }, "The generated machine code's bytes.")
      .def_property_readonly("descriptor", [](const KernelObject& k) { return k.kernel().desc().str(); },
                             "The problem in benchdnn descriptor syntax (problems/README.md).")
      .def_property_readonly("dtype", [](const KernelObject& k) { return std::string(dtype_name(k.kernel().desc().dt)); },
                             "'float32' or 'float64'.")
      .def_property_readonly("layout", [](const KernelObject& k) { return std::string(to_string(k.kernel().desc().layout)); },
                             "'ncx' (channels first), 'nxc' (channels last), 'nCx8c' or 'nCx16c'.")
      .def_property_readonly("post_ops", [](const KernelObject& k) { return to_string(k.kernel().desc().post_ops); },
                             "'none', 'bias', 'relu' or 'bias,relu'.")
      .def_property_readonly("algorithm", [](const KernelObject& k) { return std::string(to_string(k.kernel().desc().algorithm)); },
                             "The algorithm asked for: 'direct', 'winograd', 'winograd_2x2' or\n"
                             "'fastest' (the strategy that computes is the plan's first word).")
      .def_property_readonly("backend", [](const KernelObject& k) { return std::string(to_string(k.kernel().backend())); },
                             "'jit', 'interp' or 'reference'.")
      .def_property_readonly("stride", [](const KernelObject& k) { return axis_tuple(k.kernel().desc(), [](const ConvDesc& d, int a) { return d.s[a]; }); },
                             "Per spatial axis, as PyTorch's stride.")
      .def_property_readonly("padding", [](const KernelObject& k) {
             return axis_tuple(k.kernel().desc(), [](const ConvDesc& d, int a) { return py::make_tuple(d.p[a], d.pb[a]); });
           }, "Per spatial axis, (front, back) as conv()'s padding takes it. A back\n"
              "padding < 0 leaves the input's last rows unread.")
      .def_property_readonly("dilation", [](const KernelObject& k) { return axis_tuple(k.kernel().desc(), [](const ConvDesc& d, int a) { return d.d[a] + 1; }); },
                             "Per spatial axis, as PyTorch's dilation (1: dense).")
      .def_property_readonly("groups", [](const KernelObject& k) { return k.kernel().desc().g; },
                             "Groups of input and output channels (as PyTorch's groups).")
      .def_property_readonly("batch", [](const KernelObject& k) { return k.kernel().desc().mb; },
                             "The problem's batch (a descriptor's mb): only the default of\n"
                             "input_shape() and output_shape(); any batch runs.")
      .def_property_readonly("weight_shape", [](const KernelObject& k) { return shape_tuple(torch_weight_shape(k.kernel().desc())); },
                             "The weights' shape as PyTorch has it: (out_channels, in_channels / groups, *kernel).")
      .def("input_shape", [](const KernelObject& k, py::handle batch) { return shape_tuple(k.kernel().src_shape(batch_arg(k, batch))); },
           py::arg("batch") = py::none(), "The input's shape for a batch of `batch` images (None: the problem's).")
      .def("output_shape", [](const KernelObject& k, py::handle batch) { return shape_tuple(k.kernel().dst_shape(batch_arg(k, batch))); },
           py::arg("batch") = py::none(), "The output's shape for a batch of `batch` images (None: the problem's).")
      .def("__repr__", [](const KernelObject& k) {
        const ConvDesc& d = k.kernel().desc();
        return "<convjit.Kernel " + d.full_str() + " plan " + k.kernel().plan_str() + ">";
      });
}

}  // namespace convjit::python
