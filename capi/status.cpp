// Statuses, the thread's last error, the version, and the one place where
// exceptions become statuses.
#include "capi/status.hpp"

#include <cstdarg>
#include <cstdio>
#include <exception>
#include <new>

#include "kernels/buffer.hpp"

namespace convjit::capi {
namespace {

// Fixed arrays, not std::string: recording an out-of-memory error must not
// need memory. A message too long for its array is cut, ending in "...".
struct LastError {
  char field[128] = "";
  char message[1024] = "";
};
thread_local LastError last_error;

template <std::size_t N>
__attribute__((format(printf, 2, 3))) void print(char (&to)[N], const char* format, ...) noexcept {
  va_list args;
  va_start(args, format);
  const int n = std::vsnprintf(to, N, format, args);
  va_end(args);
  if (n < 0) {
    to[0] = '\0';
  } else if (static_cast<std::size_t>(n) >= N) {
    to[N - 4] = to[N - 3] = to[N - 2] = '.';
  }
}

convjit_status fail(convjit_status status, const Error& e) noexcept {
  print(last_error.field, "%s", e.field().c_str());
  print(last_error.message, "%s", e.what());
  return status;
}

convjit_status internal(const char* function, const char* what) noexcept {
  last_error.field[0] = '\0';
  print(last_error.message, "%s: internal error, a bug in convjit: %s", function, what);
  return CONVJIT_INTERNAL_ERROR;
}

}  // namespace

convjit_status translate_current_exception(const char* function) noexcept {
  try {
    throw;
  } catch (const NullPointer& e) {  // the Error subclasses first
    return fail(CONVJIT_NULL_POINTER, e);
  } catch (const IoError& e) {
    return fail(CONVJIT_IO_ERROR, e);
  } catch (const OutOfMemory& e) {  // a Buffer's allocation; its field names no input
    last_error.field[0] = '\0';
    print(last_error.message, "%s", e.what());
    return CONVJIT_OUT_OF_MEMORY;
  } catch (const Error& e) {
    return fail(CONVJIT_INVALID_ARGUMENT, e);
  } catch (const std::bad_alloc& e) {
    last_error.field[0] = '\0';
    print(last_error.message, "%s: out of memory (%s)", function, e.what());
    return CONVJIT_OUT_OF_MEMORY;
  } catch (const std::exception& e) {
    return internal(function, e.what());
  } catch (...) {
    return internal(function, "an exception of unknown type");
  }
}

}  // namespace convjit::capi

extern "C" {

const char* convjit_status_string(convjit_status status) {
  switch (status) {
    case CONVJIT_SUCCESS: return "success";
    case CONVJIT_INVALID_ARGUMENT: return "invalid argument";
    case CONVJIT_NULL_POINTER: return "null pointer";
    case CONVJIT_IO_ERROR: return "I/O error";
    case CONVJIT_OUT_OF_MEMORY: return "out of memory";
    case CONVJIT_INTERNAL_ERROR: return "internal error";
  }
  return "unknown status";
}

const char* convjit_last_error_message(void) { return convjit::capi::last_error.message; }
const char* convjit_last_error_field(void) { return convjit::capi::last_error.field; }
const char* convjit_version(void) { return CONVJIT_VERSION; }

}  // extern "C"
