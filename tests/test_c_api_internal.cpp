// The C ABI's exception translation (capi/status.hpp), for the statuses a C
// program cannot provoke: internal errors need a bug, and a std::bad_alloc
// from the C++ runtime needs luck. tests/c_api/ covers the rest from C.
#include <gtest/gtest.h>

#include <new>
#include <stdexcept>
#include <string>
#include <thread>

#include "capi/status.hpp"
#include "convjit/convjit.h"
#include "kernels/buffer.hpp"

namespace {

using convjit::capi::guarded;

std::string message() { return convjit_last_error_message(); }
std::string field() { return convjit_last_error_field(); }

TEST(CApiInternal, SuccessLeavesTheLastErrorAlone) {
  ASSERT_EQ(guarded("f", [] { throw convjit::Error("oc", "oc=10 is not divisible by g=3"); }),
            CONVJIT_INVALID_ARGUMENT);
  EXPECT_EQ(guarded("f", [] {}), CONVJIT_SUCCESS);
  EXPECT_EQ(field(), "oc");
  EXPECT_EQ(message(), "oc=10 is not divisible by g=3");
}

TEST(CApiInternal, StdExceptionIsAnInternalErrorNamingTheFunction) {
  EXPECT_EQ(guarded("convjit_kernel_run", [] { throw std::runtime_error("boom"); }),
            CONVJIT_INTERNAL_ERROR);
  EXPECT_EQ(field(), "");
  EXPECT_EQ(message(), "convjit_kernel_run: internal error, a bug in convjit: boom");
}

TEST(CApiInternal, ExceptionOfUnknownTypeIsAnInternalError) {
  EXPECT_EQ(guarded("convjit_kernel_bind", [] { throw 42; }), CONVJIT_INTERNAL_ERROR);
  EXPECT_EQ(field(), "");
  EXPECT_EQ(message(),
            "convjit_kernel_bind: internal error, a bug in convjit: an exception of unknown type");
}

TEST(CApiInternal, BadAllocIsOutOfMemory) {
  EXPECT_EQ(guarded("convjit_engine_tune", [] { throw std::bad_alloc(); }), CONVJIT_OUT_OF_MEMORY);
  EXPECT_EQ(field(), "");
  EXPECT_NE(message().find("convjit_engine_tune: out of memory"), std::string::npos) << message();
}

TEST(CApiInternal, ErrorSubclassesKeepTheirStatus) {
  EXPECT_EQ(guarded("f", [] { throw convjit::OutOfMemory("buffer", "buffer: not enough memory"); }),
            CONVJIT_OUT_OF_MEMORY);
  EXPECT_EQ(field(), "");  // the buffer is no input of the caller's
  EXPECT_EQ(message(), "buffer: not enough memory");
  EXPECT_EQ(guarded("f", [] { throw convjit::capi::NullPointer("kernel"); }),
            CONVJIT_NULL_POINTER);
  EXPECT_EQ(message(), "kernel must not be NULL");
  EXPECT_EQ(guarded("f", [] { throw convjit::capi::IoError("path", "path: unreadable"); }),
            CONVJIT_IO_ERROR);
  EXPECT_EQ(field(), "path");
}

TEST(CApiInternal, LongMessagesAreCutNotOverrun) {
  const std::string long_field(500, 'f'), long_message(5000, 'm');
  EXPECT_EQ(guarded("f", [&] { throw convjit::Error(long_field, long_message); }),
            CONVJIT_INVALID_ARGUMENT);
  EXPECT_LT(field().size(), long_field.size());
  EXPECT_LT(message().size(), long_message.size());
  EXPECT_EQ(message().substr(message().size() - 3), "...");
  EXPECT_EQ(field().substr(field().size() - 3), "...");
}

TEST(CApiInternal, TheLastErrorIsPerThread) {
  ASSERT_EQ(guarded("f", [] { throw convjit::Error("oc", "oc: mine"); }), CONVJIT_INVALID_ARGUMENT);
  std::thread other([] {
    EXPECT_EQ(message(), "");
    guarded("f", [] { throw convjit::Error("ic", "ic: theirs"); });
    EXPECT_EQ(message(), "ic: theirs");
  });
  other.join();
  EXPECT_EQ(message(), "oc: mine");
}

}  // namespace
