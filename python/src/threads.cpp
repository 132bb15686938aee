#include "python/src/threads.hpp"

#include <sched.h>

#include <string>
#include <thread>

#include "python/src/errors.hpp"

namespace py = pybind11;

namespace convjit::python {

int available_cpus() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(CPU_COUNT(&set), 1);
  return static_cast<int>(std::max(std::thread::hardware_concurrency(), 1u));
}

int thread_count(py::handle threads, const char* field) {
  if (threads.is_none()) return available_cpus();
  if (!PyLong_Check(threads.ptr()) || PyBool_Check(threads.ptr()))
    arg_error(field, "expected an int or None, got " + short_repr(threads));
  const long long n = PyLong_AsLongLong(threads.ptr());
  if (n == -1 && PyErr_Occurred()) {
    PyErr_Clear();
    arg_error(field, short_repr(threads) + " is out of range");
  }
  if (n < 0) arg_error(field, std::to_string(n) + " must be >= 0");
  if (n > 4096) arg_error(field, std::to_string(n) + " is more than 4096");
  return n == 0 ? available_cpus() : static_cast<int>(n);
}

}  // namespace convjit::python
