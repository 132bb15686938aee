#include "python/src/errors.hpp"

#include "convjit/error.hpp"

namespace py = pybind11;

namespace convjit::python {
namespace {

// The type object lives as long as the interpreter: the module keeps a
// reference in its dict, and this one is never released (no destructor
// runs at exit, when Python may be gone).
PyObject* error_type = nullptr;

constexpr const char* kErrorDoc =
    "A convolution convjit cannot run as asked: a bad argument, an impossible\n"
    "problem, mismatched tensors. A ValueError; `field` names the argument or\n"
    "the problem's field it is about (\"stride\", \"weight\", \"oc\", \"dst\", ...),\n"
    "and the message is the C++ library's convjit::Error message, unchanged.";

void set_python_error(const convjit::Error& e) {
  py::object instance = py::reinterpret_borrow<py::object>(error_type)(e.what());
  instance.attr("field") = e.field();
  PyErr_SetObject(error_type, instance.ptr());
}

}  // namespace

void register_errors(py::module_& m) {
  // A class attribute, so that an Error raised from Python code without a
  // field still has one.
  py::dict attributes;
  attributes["field"] = "";
  error_type = PyErr_NewExceptionWithDoc("convjit.Error", kErrorDoc, PyExc_ValueError,
                                         attributes.ptr());
  if (!error_type) throw py::error_already_set();
  m.add_object("Error", py::reinterpret_borrow<py::object>(error_type));
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const convjit::Error& e) {
      set_python_error(e);
    }
  });
}

void arg_error(const std::string& field, const std::string& what) {
  throw convjit::Error(field, field + ": " + what);
}

std::string short_repr(py::handle value) {
  std::string text = py::repr(value);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

}  // namespace convjit::python
