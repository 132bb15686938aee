#pragma once
// The thread count of the module's engines. "All cores" is counted here
// rather than left to OpenMP's default: importing torch first lowers that
// default for the whole process (to its count of physical cores, 1 on some
// VMs), and convjit's speed should not depend on the order of imports.
#include <pybind11/pybind11.h>

namespace convjit::python {

// The CPUs this process may run on (its affinity mask), at least 1.
int available_cpus();

// None or 0: available_cpus(); else the int given, which must be >= 0.
int thread_count(pybind11::handle threads, const char* field);

}  // namespace convjit::python
