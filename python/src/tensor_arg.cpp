#include "python/src/tensor_arg.hpp"

#include <dlpack/dlpack.h>
#include <pybind11/numpy.h>

// NumPy's C API makes new arrays for a fraction of pybind11's py::array
// constructor's cost (which builds shape and stride vectors first); this is
// the one file that uses it, so its table of functions is this file's.
#define PY_ARRAY_UNIQUE_SYMBOL convjit_numpy_api
#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#include <numpy/arrayobject.h>

#include <cstdint>

#include "convjit/error.hpp"
#include "python/src/errors.hpp"

namespace py = pybind11;

namespace convjit::python {
namespace {

// NumPy's type numbers of float32 and float64 (NPY_FLOAT, NPY_DOUBLE).
constexpr int kNpyFloat = 11, kNpyDouble = 12;
constexpr int kMaxDims = 6;  // convjit::Shape's
constexpr int64_t kCacheLine = 64;
constexpr int64_t kAlignFrom = 64 << 10;  // bytes of an output aligned to a cache line

// NumPy functions the slow paths call. Never released: they must outlive
// every call, and there is no safe moment to release them at exit.
py::handle numpy_function(const char* name) {
  return py::object(py::module_::import("numpy").attr(name)).release();
}

void check_dims(int nd, const Field& field) {
  if (nd > kMaxDims)
    arg_error(field.str(), "has " + std::to_string(nd) + " dimensions; at most " +
                               std::to_string(kMaxDims) + " are supported");
}

bool element_aligned(const void* data, DataType dt) {
  return reinterpret_cast<uintptr_t>(data) % size_of(dt) == 0;
}

// `made`: `a` was made here (a copy, or a view of a buffer), so the
// TensorArg keeps it; the caller's own array is only borrowed.
TensorArg from_numpy(const py::array& a, const Field& field, Access access, bool made) {
  const py::dtype dtype = a.dtype();
  TensorArg arg;
  if (dtype.num() == kNpyFloat) {
    arg.dt = DataType::f32;
  } else if (dtype.num() == kNpyDouble) {
    arg.dt = DataType::f64;
  } else {
    arg_error(field.str(), "data type " + std::string(py::str(static_cast<const py::handle&>(dtype))) +
                               " is not supported (float32 or float64)");
  }
  const int nd = static_cast<int>(a.ndim());
  check_dims(nd, field);
  const bool in_place = (a.flags() & py::array::c_style) && dtype.byteorder() != '>' &&
                        element_aligned(a.data(), arg.dt);
  if (!in_place) {
    if (access == Access::write)
      arg_error(field.str(), "must be C-contiguous, aligned to its element and native-endian: "
                             "it is written in place");
    // The one copy of a strided, misaligned or byte-swapped input.
    static const py::handle require = numpy_function("require");
    py::object copy = require(a, dtype.attr("newbyteorder")("="), "CA");
    if (!(py::array(copy).flags() & py::array::c_style))
      throw std::logic_error("numpy.require returned an array that is not C-contiguous");
    return from_numpy(copy, field, access, true);
  }
  if (access == Access::write && !a.writeable()) arg_error(field.str(), "is read-only");
  arg.data = const_cast<void*>(a.data());
  arg.shape.nd = nd;
  for (int d = 0; d < nd; ++d) arg.shape.dim[d] = a.shape(d);
  if (made) arg.owner = a;
  return arg;
}

// Whether a DLPack tensor's strides (in elements; null: compact) are those
// of a C-contiguous tensor. Axes of size 1 may have any stride.
bool dlpack_compact(const DLTensor& t) {
  if (!t.strides) return true;
  int64_t expected = 1;
  for (int d = t.ndim - 1; d >= 0; --d) {
    if (t.shape[d] != 1 && t.strides[d] != expected) return false;
    expected *= t.shape[d];
  }
  return true;
}

TensorArg from_dlpack(py::handle obj, const Field& field, Access access) {
  py::object capsule;
  try {
    capsule = obj.attr("__dlpack__")();
  } catch (py::error_already_set& e) {
    arg_error(field.str(), "__dlpack__() failed: " +
                               std::string(py::str(e.type().attr("__name__"))) + ": " +
                               std::string(py::str(e.value())));
  }
  // The capsule is borrowed, not consumed: it keeps its name, so when it
  // dies its producer's destructor frees the tensor (the DLPack protocol).
  auto* managed = static_cast<DLManagedTensor*>(PyCapsule_GetPointer(capsule.ptr(), "dltensor"));
  if (!managed) {
    PyErr_Clear();
    arg_error(field.str(), "__dlpack__() did not return a DLPack capsule");
  }
  const DLTensor& t = managed->dl_tensor;
  if (t.device.device_type != kDLCPU)
    arg_error(field.str(), "is not in CPU memory (DLPack device type " +
                               std::to_string(t.device.device_type) + ")");
  TensorArg arg;
  if (t.dtype.code == kDLFloat && t.dtype.lanes == 1 && t.dtype.bits == 32) {
    arg.dt = DataType::f32;
  } else if (t.dtype.code == kDLFloat && t.dtype.lanes == 1 && t.dtype.bits == 64) {
    arg.dt = DataType::f64;
  } else {
    arg_error(field.str(), "DLPack data type (code " + std::to_string(t.dtype.code) + ", " +
                               std::to_string(t.dtype.bits) + " bits, " +
                               std::to_string(t.dtype.lanes) +
                               " lanes) is not supported (float32 or float64)");
  }
  check_dims(t.ndim, field);
  void* data = static_cast<char*>(t.data) + t.byte_offset;
  if (!dlpack_compact(t) || !element_aligned(data, arg.dt)) {
    if (access == Access::write)
      arg_error(field.str(), "must be C-contiguous and aligned to its element: "
                             "it is written in place");
    // NumPy reads the same capsule protocol; its copy is then compact.
    static const py::handle from = numpy_function("from_dlpack");
    return tensor_arg(from(obj), field, access);
  }
  arg.data = data;
  arg.shape.nd = t.ndim;
  for (int d = 0; d < t.ndim; ++d) arg.shape.dim[d] = t.shape[d];
  arg.owner = std::move(capsule);
  return arg;
}

}  // namespace

std::string Field::str() const {
  return index < 0 ? std::string(name) : std::string(name) + "[" + std::to_string(index) + "]";
}

TensorArg tensor_arg(py::handle obj, const Field& field, Access access) {
  if (py::isinstance<py::array>(obj))
    return from_numpy(py::reinterpret_borrow<py::array>(obj), field, access, false);
  if (py::hasattr(obj, "__dlpack__")) return from_dlpack(obj, field, access);
  if (PyObject_CheckBuffer(obj.ptr())) {
    // NumPy reads the buffer protocol (format, shape, strides) without a copy.
    static const py::handle asarray = numpy_function("asarray");
    return from_numpy(asarray(obj), field, access, true);  // the view keeps the buffer
  }
  arg_error(field.str(), "expected a NumPy array, a tensor with __dlpack__ or an object with the "
                         "buffer protocol, got " + std::string(py::str(obj.get_type().attr("__name__"))));
}

void import_numpy_api() {
  if (_import_array() < 0) throw py::error_already_set();
}

py::array empty_array(DataType dt, const Shape& shape) {
  const int64_t bytes = shape.elems() * static_cast<int64_t>(size_of(dt));
  if (bytes >= kAlignFrom) {
    // Large outputs start on a cache line: the kernels' streaming stores
    // write whole lines then (NumPy's own arrays start 16 bytes into one,
    // which cost seed:batch30000 a quarter more time).
    Shape raw;
    raw.nd = 1;
    raw.dim[0] = bytes + kCacheLine;
    npy_intp dims[1] = {raw.dim[0]};
    PyObject* base = PyArray_EMPTY(1, dims, NPY_UINT8, 0);
    if (!base) throw py::error_already_set();
    const py::array owner = py::reinterpret_steal<py::array>(base);
    auto* data = static_cast<char*>(const_cast<void*>(owner.data()));
    data += (kCacheLine - reinterpret_cast<uintptr_t>(data) % kCacheLine) % kCacheLine;
    return view_of(owner, data, dt, shape);
  }
  npy_intp dims[kMaxDims];
  for (int d = 0; d < shape.nd; ++d) dims[d] = shape.dim[d];
  PyObject* a = PyArray_EMPTY(shape.nd, dims, dt == DataType::f32 ? NPY_FLOAT32 : NPY_FLOAT64, 0);
  if (!a) throw py::error_already_set();
  return py::reinterpret_steal<py::array>(a);
}

py::array view_of(const py::array& base, void* data, DataType dt, const Shape& shape) {
  npy_intp dims[kMaxDims];
  for (int d = 0; d < shape.nd; ++d) dims[d] = shape.dim[d];
  PyObject* view = PyArray_New(&PyArray_Type, shape.nd, dims,
                               dt == DataType::f32 ? NPY_FLOAT32 : NPY_FLOAT64, nullptr, data, 0,
                               NPY_ARRAY_CARRAY, nullptr);
  if (!view) throw py::error_already_set();
  // The view keeps the base (and its memory) alive; SetBaseObject steals.
  if (PyArray_SetBaseObject(reinterpret_cast<PyArrayObject*>(view), base.inc_ref().ptr()) < 0) {
    Py_DECREF(view);
    throw py::error_already_set();
  }
  return py::reinterpret_steal<py::array>(view);
}

std::string shape_text(const Shape& shape) {
  std::string text = "(";
  for (int d = 0; d < shape.nd; ++d)
    text += (d ? ", " : "") + std::to_string(shape.dim[d]);
  return text + (shape.nd == 1 ? ",)" : ")");
}

std::string_view dtype_name(DataType dt) { return dt == DataType::f32 ? "float32" : "float64"; }

}  // namespace convjit::python
