// The extension module convjit._convjit; the package convjit re-exports it
// (python/convjit/__init__.py).
#include <pybind11/pybind11.h>

#include "python/src/engine_object.hpp"
#include "python/src/errors.hpp"
#include "python/src/functional.hpp"
#include "python/src/kernel_object.hpp"
#include "python/src/tensor_arg.hpp"

PYBIND11_MODULE(_convjit, m) {
  m.doc() = "convjit's C++ extension; use the convjit package.";
  // Classes take their __module__ from the module's name as they are
  // registered: "convjit", where users meet them (and help() names them).
  convjit::python::import_numpy_api();
  m.attr("__name__") = "convjit";
  convjit::python::register_errors(m);
  convjit::python::register_kernel(m);
  convjit::python::register_engine(m);
  convjit::python::register_functional(m);
  m.attr("__name__") = "convjit._convjit";
  m.attr("__version__") = CONVJIT_VERSION;
}
