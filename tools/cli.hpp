#pragma once
// The convjit command line, callable in-process (the tests do).

namespace convjit {

// Parses argv and runs the subcommand (none: the default suite). Returns the
// exit status: 0 success, 1 a failed check, 2 bad usage or bad input (the
// reason printed on stderr as "convjit: error: ...").
int run_cli(int argc, char** argv);

}  // namespace convjit
