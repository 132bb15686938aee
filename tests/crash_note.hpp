#pragma once
// A note printed if the process dies of SIGSEGV or SIGBUS while it is set,
// so that a guard-page hit names the problem that hit it: the crash ends the
// test binary before any gtest message could.
#include <string>

namespace convjit {

class CrashNote {
 public:
  explicit CrashNote(const std::string& text);  // replaces any note set before
  ~CrashNote();
  CrashNote(const CrashNote&) = delete;
  CrashNote& operator=(const CrashNote&) = delete;
};

}  // namespace convjit
