#pragma once
// Annotated Intel-syntax disassembly of generated code (Zydis).
#include <string>

#include "jit/jit_code.hpp"

namespace convjit {

// One instruction per line with its offset ("0000002a  vfmadd231ps ..."),
// branch targets as offsets too, and the emitter's section notes as comments
// ("                ; row loop: ...") before the instruction at their offset.
// A byte that does not decode is a line "(undecodable byte XX)" and decoding
// resumes at the next byte, so a broken emitter still gets a full listing.
std::string disassemble(const JitCode& code);

}  // namespace convjit
