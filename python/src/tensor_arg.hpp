#pragma once
// Tensors handed in from Python: NumPy arrays, objects with __dlpack__
// (PyTorch CPU tensors) and anything else with the buffer protocol. Read in
// place when C-contiguous, aligned to their element and native-endian;
// otherwise an input is copied once, and an output is refused (a copy would
// never be written back).
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <string>
#include <string_view>

#include "convjit/types.hpp"

namespace convjit::python {

// The name of an argument in messages, "input" or "inputs[3]", built only
// when an error is raised.
struct Field {
  const char* name;
  Py_ssize_t index = -1;
  std::string str() const;
};

struct TensorArg {
  void* data = nullptr;
  DataType dt = DataType::f32;
  Shape shape;
  // What keeps `data` alive when it is not the caller's object itself: a
  // copy, a NumPy view of a buffer, or the DLPack capsule. A NumPy array
  // read in place is only borrowed, valid as long as the caller holds it.
  pybind11::object owner;
};

enum class Access { read, write };

// The tensor's memory is valid while `obj` lives (and the result does).
// Throws convjit::Error naming `field` when obj is not a float32/float64
// tensor of at most 6 dimensions, or, for Access::write, cannot be written
// in place.
TensorArg tensor_arg(pybind11::handle obj, const Field& field, Access access);

// Loads NumPy's C API; once, as the module is imported.
void import_numpy_api();

// A new C-contiguous NumPy array, uninitialised; from 64 KiB up, starting
// on a cache line (a view of a slightly larger array).
pybind11::array empty_array(DataType dt, const Shape& shape);

// A C-contiguous array over `data`, which lies inside `base`'s memory: it
// keeps `base` alive.
pybind11::array view_of(const pybind11::array& base, void* data, DataType dt, const Shape& shape);

std::string shape_text(const Shape& shape);  // "(2, 3, 32, 32)", as Python prints it
std::string_view dtype_name(DataType dt);    // "float32", "float64"

}  // namespace convjit::python
