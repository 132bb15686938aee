#pragma once
// What happens to code when an engine makes it, besides running it: dumps
// (CONVJIT_DUMP=DIR) and perf map entries (CONVJIT_PERF_MAP=1).
#include "convjit/conv_desc.hpp"
#include "jit/jit_code.hpp"
#include "planner/plan.hpp"

namespace convjit {

// Called once per generated kernel, outside the engine's lock. Never throws:
// a dump that cannot be written is a warning.
void on_code_created(const ConvDesc& desc, const Plan& plan, const JitCode& code);

}  // namespace convjit
