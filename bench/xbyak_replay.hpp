#pragma once
// A kernel's machine code replayed through a plain Xbyak::CodeGenerator:
// decoded with Zydis into instructions whose operands are Xbyak's, then
// emitted one Xbyak call per instruction, so that Xbyak's own encoding time
// for exactly those instructions can be timed (convjit_bench
// --encoding-floor) and its bytes checked against the original's.
#include <Zydis/Zydis.h>
#include <xbyak/xbyak.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <variant>
#include <vector>

namespace convjit::bench {

// One operand as an Xbyak call takes it: a general or opmask register, a
// vector register (xmm, ymm or zmm by its kind, with {k}{z}; a Ymm because
// vpermpd takes one), a memory operand (ptr_b for embedded broadcast), an
// immediate.
using Arg = std::variant<Xbyak::Reg, Xbyak::Ymm, Xbyak::Address, uint64_t>;

// One decoded instruction, ready to replay: decoding and building its
// operands happen before the timing (they are not encoding); the labels are
// made in each replay, as a generator makes its own.
struct Insn {
  ZydisMnemonic mnemonic = ZYDIS_MNEMONIC_INVALID;
  std::size_t offset = 0, length = 0;  // in the kernel's code
  int nargs = 0;
  std::array<Arg, 4> args;
  int label = -1;   // a branch target: the label defined before it
  int target = -1;  // a branch: its target's label
  bool near = true;  // a branch: rel32, else rel8, as the original
  bool skip = false;  // no Xbyak call replays it (counted, never timed)
};

struct Program {
  std::vector<Insn> insns;
  int labels = 0;
  int end_label = -1;  // a branch to the end of the code
};

// The code as a program to replay: every instruction with its operands;
// branches to labels at their targets, so that the replay's displacements
// are the original's too. An instruction that does not decode, or whose
// operands have no Xbyak form here, is kept and marked skip.
Program decode(const uint8_t* code, std::size_t size);

// The floor: a plain CodeGenerator on a buffer made beforehand (as
// generated_code.hpp's with_generated hands VectorGenerator its thread's
// buffer), every instruction one Xbyak call, the labels made here as a
// generator makes its own. Returns the size of the code; `offsets` (when
// given) gets where each instruction starts in it, and `at` the index of
// the one being emitted when Xbyak throws.
std::size_t replay(const Program& p, std::span<uint8_t> buffer, std::vector<std::size_t>* offsets = nullptr,
                   std::size_t* at = nullptr);

// Runnable code the way Xbyak itself makes it under W^X: a CodeGenerator
// that allocates its own `size` bytes (DontSetProtectRWE: never writable and
// executable at once), the same Xbyak calls, then setProtectModeRE(). The
// generator is returned so that its release falls outside a caller's timing,
// as a kernel's code lives past make_kernel.
std::unique_ptr<Xbyak::CodeGenerator> replay_runnable(const Program& p, std::size_t size);

// Replays until a pass emits everything not marked skip, marking skip each
// instruction that throws; returns how many of that pass's instructions
// have the original's bytes.
int check_replay(Program& p, const uint8_t* code, std::span<uint8_t> buffer);

}  // namespace convjit::bench
