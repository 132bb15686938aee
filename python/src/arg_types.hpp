#pragma once
// Argument types that only name themselves: each holds the Python object
// as given (read later by tensor_arg, parse_axis_args, ...), so that
// help(convjit.conv) shows "input: ArrayLike, stride: int | tuple" rather
// than pybind11's "handle". Loading one costs nothing.
#include <pybind11/pybind11.h>

namespace convjit::python {

struct ArrayArg { pybind11::handle h; };          // a tensor
struct OptionalArrayArg { pybind11::handle h; };  // a tensor or None
struct AxisArg { pybind11::handle h; };           // stride, dilation
struct PaddingArg { pybind11::handle h; };        // padding
struct IntArg { pybind11::handle h; };            // groups
struct StrArg { pybind11::handle h; };            // layout
struct ShapeArg { pybind11::handle h; };          // a shape
struct ProblemArg { pybind11::handle h; };        // a shape or a descriptor
struct OptionalShapeArg { pybind11::handle h; };  // a shape or None
struct DtypeArg { pybind11::handle h; };          // a data type
struct OptionalStrArg { pybind11::handle h; };    // a str or None
struct OptionalIntArg { pybind11::handle h; };    // an int or None
struct OptionalPathArg { pybind11::handle h; };   // a path or None
struct ArraysArg { pybind11::handle h; };         // a list of tensors
struct OptionalArraysArg { pybind11::handle h; }; // a list of tensors or None
struct PathArg { pybind11::handle h; };           // a path
struct OptionalFloatArg { pybind11::handle h; };  // a float or None

}  // namespace convjit::python

#define CONVJIT_PYTHON_ARG(Type, Name)                                              \
  template <>                                                                       \
  struct pybind11::detail::type_caster<convjit::python::Type> {                     \
    PYBIND11_TYPE_CASTER(convjit::python::Type, const_name(Name));                  \
    bool load(handle src, bool) {                                                   \
      value.h = src;                                                                \
      return true;                                                                  \
    }                                                                               \
    static handle cast(const convjit::python::Type& v, return_value_policy, handle) { \
      return v.h.inc_ref();                                                         \
    }                                                                               \
  }

CONVJIT_PYTHON_ARG(ArrayArg, "ArrayLike");
CONVJIT_PYTHON_ARG(OptionalArrayArg, "Optional[ArrayLike]");
CONVJIT_PYTHON_ARG(AxisArg, "int | tuple[int, ...]");
CONVJIT_PYTHON_ARG(PaddingArg, "int | str | tuple[int | tuple[int, int], ...]");
CONVJIT_PYTHON_ARG(IntArg, "int");
CONVJIT_PYTHON_ARG(StrArg, "str");
CONVJIT_PYTHON_ARG(ShapeArg, "tuple[int, ...]");
CONVJIT_PYTHON_ARG(ProblemArg, "str | tuple[int, ...]");
CONVJIT_PYTHON_ARG(OptionalShapeArg, "Optional[tuple[int, ...]]");
CONVJIT_PYTHON_ARG(DtypeArg, "str | numpy.dtype");
CONVJIT_PYTHON_ARG(OptionalStrArg, "Optional[str]");
CONVJIT_PYTHON_ARG(OptionalIntArg, "Optional[int]");
CONVJIT_PYTHON_ARG(OptionalPathArg, "Optional[str | os.PathLike]");
CONVJIT_PYTHON_ARG(ArraysArg, "Sequence[ArrayLike]");
CONVJIT_PYTHON_ARG(OptionalArraysArg, "Optional[Sequence[ArrayLike]]");
CONVJIT_PYTHON_ARG(PathArg, "str | os.PathLike");
CONVJIT_PYTHON_ARG(OptionalFloatArg, "Optional[float]");

#undef CONVJIT_PYTHON_ARG
