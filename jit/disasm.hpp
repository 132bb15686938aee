#pragma once
// Annotated Intel-syntax disassembly of generated code (Zydis).
#include <string>

#include "jit/jit_code.hpp"

namespace convjit {

// One instruction per line with its offset, the emitter's section notes as
// comments before the instructions they describe.
std::string disassemble(const JitCode& code);

}  // namespace convjit
