#pragma once
// convjit.Engine: the CPU, the thread count, the code cache and the wisdom;
// it makes Kernel objects from PyTorch-style shapes or from a descriptor.
#include <pybind11/pybind11.h>

namespace convjit::python {

void register_engine(pybind11::module_& m);

}  // namespace convjit::python
