#pragma once
// Running a shell command line from a test and keeping what it printed.
#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace convjit::testing {

struct Outcome {
  int status = -1;     // exit status; -1 when it did not exit normally
  std::string output;  // what the command printed on stdout
};

inline Outcome shell(const std::string& command) {
  Outcome o;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return o;
  char chunk[4096];
  for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, pipe)) > 0;) o.output.append(chunk, n);
  const int raw = pclose(pipe);
  o.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return o;
}

}  // namespace convjit::testing
