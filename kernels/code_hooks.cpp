#include "kernels/code_hooks.hpp"

namespace convjit {

void on_code_created(const ConvDesc&, const Plan&, const JitCode&) {}

}  // namespace convjit
