#pragma once
// convjit.conv(): PyTorch's functional convolution, with a cache of kernels
// keyed by shapes and arguments, so a loop of calls compiles once; and the
// thread count of the engine behind it.
#include <pybind11/pybind11.h>

namespace convjit::python {

void register_functional(pybind11::module_& m);

}  // namespace convjit::python
