#pragma once
// convjit.Error: convjit::Error as Python sees it, a ValueError whose
// `field` names the argument, with the C++ message unchanged.
#include <pybind11/pybind11.h>

#include <string>

namespace convjit::python {

// Creates convjit.Error in `m` and translates every convjit::Error that
// leaves a bound function into it.
void register_errors(pybind11::module_& m);

// A bad argument found by the module itself: a convjit::Error whose message
// starts with the field, as the library's tensor errors do ("out: ...").
[[noreturn]] void arg_error(const std::string& field, const std::string& what);

// A Python value for messages: repr() cut to a readable length.
std::string short_repr(pybind11::handle value);

}  // namespace convjit::python
