#pragma once
// The C ABI's error handling. Every entry point runs its body in guarded(),
// so no exception reaches C: each becomes a status, and its message and
// field become the calling thread's last error.
#include <string>

#include "convjit/convjit.h"
#include "convjit/error.hpp"

namespace convjit::capi {

// A required handle or pointer was NULL: CONVJIT_NULL_POINTER.
class NullPointer : public Error {
 public:
  explicit NullPointer(const std::string& name) : Error(name, name + " must not be NULL") {}
  NullPointer(const std::string& name, const std::string& message) : Error(name, message) {}
};

// A wisdom file that cannot be used or written: CONVJIT_IO_ERROR.
class IoError : public Error {
 public:
  using Error::Error;
};

inline void require(const void* pointer, const char* name) {
  if (!pointer) throw NullPointer(name);
}

// The status of the exception being handled, its message and field stored
// as the thread's last error. Only inside a catch block (it rethrows to
// tell the types apart); never throws. `function` names the entry point in
// the message of an internal error.
convjit_status translate_current_exception(const char* function) noexcept;

template <class Body>
convjit_status guarded(const char* function, Body&& body) noexcept {
  try {
    body();
    return CONVJIT_SUCCESS;
  } catch (...) {
    return translate_current_exception(function);
  }
}

}  // namespace convjit::capi
