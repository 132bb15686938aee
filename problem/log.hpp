#pragma once
// convjit's logger: quiet by default (warnings and errors on stderr);
// CONVJIT_VERBOSE=1 adds info (one line per kernel created), =2 debug (one
// line per run).
#include <spdlog/spdlog.h>

namespace convjit {

spdlog::logger& log();
// The verbosity CONVJIT_VERBOSE asked for: 0, 1 or 2.
int verbosity();

}  // namespace convjit
