#include "bench/encoding_floor.hpp"

#include <Zydis/Zydis.h>
#include <xbyak/xbyak.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <variant>

#include "bench/suites.hpp"
#include "convjit/engine.hpp"
#include "convjit/error.hpp"
#include "jit/executable_memory.hpp"
#include "jit/jit_code.hpp"
#include "kernels/planned_kernel.hpp"
#include "planner/strategy.hpp"
#include "tools/report.hpp"

namespace convjit::bench {
namespace {

// Warm repeats per problem, after one untimed run of each; min and median.
constexpr int kRepeats = 50;

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

struct NoCall : std::exception {};

const Xbyak::Operand& op(const Arg& a) {
  if (auto* r = std::get_if<Xbyak::Reg>(&a)) return *r;
  if (auto* v = std::get_if<Xbyak::Ymm>(&a)) return *v;
  return std::get<Xbyak::Address>(a);
}
const Xbyak::Ymm& vec(const Arg& a) { return std::get<Xbyak::Ymm>(a); }
const Xbyak::Address& mem(const Arg& a) { return std::get<Xbyak::Address>(a); }
const Xbyak::Reg& gpr(const Arg& a) { return std::get<Xbyak::Reg>(a); }
uint64_t imm(const Arg& a) { return std::get<uint64_t>(a); }
bool is_mem(const Arg& a) { return std::holds_alternative<Xbyak::Address>(a); }
bool is_imm(const Arg& a) { return std::holds_alternative<uint64_t>(a); }
void need(bool form) {
  if (!form) throw NoCall();
}

// Emits `i` by the Xbyak call that encodes it, as the generators call it:
// the mnemonics they emit (both ISAs, f32 and f64) and their near kin.
// Throws NoCall (or Xbyak's or std::variant's error) for any other.
void encode(Xbyak::CodeGenerator& g, const Insn& i, std::vector<Xbyak::Label>& labels) {
  using G = Xbyak::CodeGenerator;
  const auto& a = i.args;
  const int n = i.nargs;
  const auto to = [&]() -> const Xbyak::Label& { return labels.at(i.target); };
  const G::LabelType jump = i.near ? G::T_NEAR : G::T_SHORT;
// vector = vector op vector/memory
#define CONVJIT_XXO(M, f)                     \
  case ZYDIS_MNEMONIC_##M:                    \
    need(n == 3);                             \
    g.f(vec(a[0]), vec(a[1]), op(a[2]));      \
    return;
// loads (vector, vector/memory) and stores (memory, vector)
#define CONVJIT_MOVE(M, f)                                             \
  case ZYDIS_MNEMONIC_##M:                                             \
    need(n == 2);                                                      \
    if (is_mem(a[0])) g.f(mem(a[0]), vec(a[1]));                       \
    else g.f(vec(a[0]), op(a[1]));                                     \
    return;
#define CONVJIT_ALU(M, f)                                              \
  case ZYDIS_MNEMONIC_##M:                                             \
    need(n == 2);                                                      \
    if (is_imm(a[1])) g.f(op(a[0]), static_cast<uint32_t>(imm(a[1]))); \
    else g.f(op(a[0]), op(a[1]));                                      \
    return;
#define CONVJIT_JUMP(M, f)    \
  case ZYDIS_MNEMONIC_##M:    \
    g.f(to(), jump);          \
    return;
  switch (i.mnemonic) {
    CONVJIT_XXO(VFMADD231PS, vfmadd231ps)
    CONVJIT_XXO(VFMADD231PD, vfmadd231pd)
    CONVJIT_XXO(VFMADD231SS, vfmadd231ss)
    CONVJIT_XXO(VFMADD231SD, vfmadd231sd)
    CONVJIT_XXO(VXORPS, vxorps)
    CONVJIT_XXO(VXORPD, vxorpd)
    CONVJIT_XXO(VMAXPS, vmaxps)
    CONVJIT_XXO(VMAXPD, vmaxpd)
    CONVJIT_XXO(VADDPS, vaddps)
    CONVJIT_XXO(VADDPD, vaddpd)
    CONVJIT_XXO(VSUBPS, vsubps)
    CONVJIT_XXO(VSUBPD, vsubpd)
    CONVJIT_XXO(VMULPS, vmulps)
    CONVJIT_XXO(VMULPD, vmulpd)
    CONVJIT_XXO(VPERMT2PS, vpermt2ps)
    CONVJIT_XXO(VPERMT2PD, vpermt2pd)
    CONVJIT_XXO(VUNPCKLPS, vunpcklps)
    CONVJIT_XXO(VUNPCKLPD, vunpcklpd)
    CONVJIT_XXO(VUNPCKHPS, vunpckhps)
    CONVJIT_XXO(VUNPCKHPD, vunpckhpd)
    CONVJIT_MOVE(VMOVUPS, vmovups)
    CONVJIT_MOVE(VMOVUPD, vmovupd)
    CONVJIT_MOVE(VMOVAPS, vmovaps)
    CONVJIT_MOVE(VMOVAPD, vmovapd)
    CONVJIT_ALU(ADD, add)
    CONVJIT_ALU(SUB, sub)
    CONVJIT_ALU(CMP, cmp)
    CONVJIT_ALU(AND, and_)
    CONVJIT_ALU(OR, or_)
    CONVJIT_ALU(XOR, xor_)
    CONVJIT_JUMP(JMP, jmp)
    CONVJIT_JUMP(JZ, jz)
    CONVJIT_JUMP(JNZ, jnz)
    CONVJIT_JUMP(JB, jb)
    CONVJIT_JUMP(JBE, jbe)
    CONVJIT_JUMP(JNB, jae)
    CONVJIT_JUMP(JNBE, ja)
    CONVJIT_JUMP(JL, jl)
    CONVJIT_JUMP(JLE, jle)
    CONVJIT_JUMP(JNL, jge)
    CONVJIT_JUMP(JNLE, jg)
    CONVJIT_JUMP(JS, js)
    CONVJIT_JUMP(JNS, jns)
    case ZYDIS_MNEMONIC_VBROADCASTSS: need(n == 2); g.vbroadcastss(vec(a[0]), op(a[1])); return;
    case ZYDIS_MNEMONIC_VBROADCASTSD: need(n == 2); g.vbroadcastsd(vec(a[0]), op(a[1])); return;
    case ZYDIS_MNEMONIC_VMOVDDUP: need(n == 2); g.vmovddup(vec(a[0]), op(a[1])); return;
    case ZYDIS_MNEMONIC_VMOVSS:
    case ZYDIS_MNEMONIC_VMOVSD: {
      const bool ss = i.mnemonic == ZYDIS_MNEMONIC_VMOVSS;
      need(n == 2);
      if (is_mem(a[0])) ss ? g.vmovss(mem(a[0]), vec(a[1])) : g.vmovsd(mem(a[0]), vec(a[1]));
      else ss ? g.vmovss(vec(a[0]), mem(a[1])) : g.vmovsd(vec(a[0]), mem(a[1]));
      return;
    }
    case ZYDIS_MNEMONIC_VMASKMOVPS:
    case ZYDIS_MNEMONIC_VMASKMOVPD: {
      const bool ps = i.mnemonic == ZYDIS_MNEMONIC_VMASKMOVPS;
      need(n == 3);
      if (is_mem(a[0])) ps ? g.vmaskmovps(mem(a[0]), vec(a[1]), vec(a[2])) : g.vmaskmovpd(mem(a[0]), vec(a[1]), vec(a[2]));
      else ps ? g.vmaskmovps(vec(a[0]), vec(a[1]), mem(a[2])) : g.vmaskmovpd(vec(a[0]), vec(a[1]), mem(a[2]));
      return;
    }
    case ZYDIS_MNEMONIC_VSHUFPS: need(n == 4); g.vshufps(vec(a[0]), vec(a[1]), op(a[2]), uint8_t(imm(a[3]))); return;
    case ZYDIS_MNEMONIC_VSHUFPD: need(n == 4); g.vshufpd(vec(a[0]), vec(a[1]), op(a[2]), uint8_t(imm(a[3]))); return;
    case ZYDIS_MNEMONIC_VPERMPD:
      need(n == 3);
      if (is_imm(a[2])) g.vpermpd(vec(a[0]), op(a[1]), uint8_t(imm(a[2])));
      else g.vpermpd(vec(a[0]), vec(a[1]), op(a[2]));
      return;
    case ZYDIS_MNEMONIC_MOV:
      need(n == 2);
      if (is_imm(a[1])) g.mov(op(a[0]), imm(a[1]));
      else g.mov(op(a[0]), op(a[1]));
      return;
    case ZYDIS_MNEMONIC_TEST:
      need(n == 2);
      if (is_imm(a[1])) g.test(op(a[0]), static_cast<uint32_t>(imm(a[1])));
      else g.test(op(a[0]), gpr(a[1]));
      return;
    case ZYDIS_MNEMONIC_LEA: need(n == 2); g.lea(gpr(a[0]), mem(a[1])); return;
    case ZYDIS_MNEMONIC_SHL: need(n == 2); g.shl(op(a[0]), int(imm(a[1]))); return;
    case ZYDIS_MNEMONIC_SHR: need(n == 2); g.shr(op(a[0]), int(imm(a[1]))); return;
    case ZYDIS_MNEMONIC_SAR: need(n == 2); g.sar(op(a[0]), int(imm(a[1]))); return;
    case ZYDIS_MNEMONIC_DEC: need(n == 1); g.dec(op(a[0])); return;
    case ZYDIS_MNEMONIC_INC: need(n == 1); g.inc(op(a[0])); return;
    case ZYDIS_MNEMONIC_PUSH: need(n == 1); g.push(op(a[0])); return;
    case ZYDIS_MNEMONIC_POP: need(n == 1); g.pop(op(a[0])); return;
    case ZYDIS_MNEMONIC_KMOVW:
      need(n == 2);
      if (is_mem(a[0])) g.kmovw(mem(a[0]), Xbyak::Opmask(gpr(a[1]).getIdx()));
      else if (!gpr(a[0]).isOPMASK()) g.kmovw(Xbyak::Reg32(gpr(a[0]).getIdx()), Xbyak::Opmask(gpr(a[1]).getIdx()));
      else if (!is_mem(a[1]) && gpr(a[1]).isREG()) g.kmovw(Xbyak::Opmask(gpr(a[0]).getIdx()), Xbyak::Reg32(gpr(a[1]).getIdx()));
      else g.kmovw(Xbyak::Opmask(gpr(a[0]).getIdx()), op(a[1]));
      return;
    case ZYDIS_MNEMONIC_PREFETCHT0: need(n == 1); g.prefetcht0(mem(a[0])); return;
    case ZYDIS_MNEMONIC_PREFETCHT1: need(n == 1); g.prefetcht1(mem(a[0])); return;
    case ZYDIS_MNEMONIC_PREFETCHT2: need(n == 1); g.prefetcht2(mem(a[0])); return;
    case ZYDIS_MNEMONIC_PREFETCHNTA: need(n == 1); g.prefetchnta(mem(a[0])); return;
    case ZYDIS_MNEMONIC_PREFETCHW: need(n == 1); g.prefetchw(mem(a[0])); return;
    // Padding: the generators pad with Xbyak's multi-byte nops
    // (VectorGenerator::align_code), one instruction per nop(length).
    case ZYDIS_MNEMONIC_NOP: g.nop(i.length); return;
    case ZYDIS_MNEMONIC_VZEROUPPER: g.vzeroupper(); return;
    case ZYDIS_MNEMONIC_RET: need(n == 0); g.ret(); return;
    default: throw NoCall();
  }
#undef CONVJIT_XXO
#undef CONVJIT_MOVE
#undef CONVJIT_ALU
#undef CONVJIT_JUMP
}

// ---- Decoding -------------------------------------------------------------

std::optional<Arg> register_arg(ZydisRegister r) {
  using O = Xbyak::Operand;
  const int id = ZydisRegisterGetId(r);
  switch (ZydisRegisterGetClass(r)) {
    case ZYDIS_REGCLASS_GPR64: return Xbyak::Reg(id, O::REG, 64);
    case ZYDIS_REGCLASS_GPR32: return Xbyak::Reg(id, O::REG, 32);
    case ZYDIS_REGCLASS_GPR16: return Xbyak::Reg(id, O::REG, 16);
    case ZYDIS_REGCLASS_MASK: return Xbyak::Reg(id, O::OPMASK, 64);
    case ZYDIS_REGCLASS_XMM: return Xbyak::Ymm(id, O::XMM, 128);
    case ZYDIS_REGCLASS_YMM: return Xbyak::Ymm(id, O::YMM, 256);
    case ZYDIS_REGCLASS_ZMM: return Xbyak::Ymm(id, O::ZMM, 512);
    default: return std::nullopt;  // 8-bit (ah..bh encode apart), rip, segments, ...
  }
}

// [base + index * scale + disp]; `bits`: the operand's size where no
// register gives it (mov [m], imm), else 0 (ptr); ptr_b with a broadcast.
std::optional<Arg> memory_arg(const ZydisDecodedOperandMem& m, int bits, bool broadcast) {
  if (m.type != ZYDIS_MEMOP_TYPE_MEM && m.type != ZYDIS_MEMOP_TYPE_AGEN) return std::nullopt;
  Xbyak::RegExp e(static_cast<size_t>(m.disp.value));
  for (const auto& [reg, scale] : {std::pair{m.base, 1}, std::pair{m.index, int(m.scale)}}) {
    if (reg == ZYDIS_REGISTER_NONE) continue;
    const std::optional<Arg> r = register_arg(reg);  // rip-relative: none; the generators use none
    if (!r || !std::holds_alternative<Xbyak::Reg>(*r)) return std::nullopt;
    e = e + Xbyak::RegExp(std::get<Xbyak::Reg>(*r), scale);
  }
  return Xbyak::Address(bits, broadcast, e);
}

// The visible operands of `in` as Xbyak's, the opmask and {z} on the first;
// false when one has no Xbyak form here.
bool operands_of(const ZydisDecodedInstruction& in, const ZydisDecodedOperand* ops, Insn& out) {
  bool has_register = false;
  for (int k = 0; k < in.operand_count_visible; ++k)
    has_register = has_register || (ops[k].type == ZYDIS_OPERAND_TYPE_REGISTER &&
                                     ops[k].encoding != ZYDIS_OPERAND_ENCODING_MASK);
  const bool broadcast = in.avx.broadcast.mode != ZYDIS_BROADCAST_MODE_INVALID && !in.avx.broadcast.is_static;
  for (int k = 0; k < in.operand_count_visible; ++k) {
    const ZydisDecodedOperand& o = ops[k];
    if (o.encoding == ZYDIS_OPERAND_ENCODING_MASK) continue;  // EVEX.aaa: a decorator, below
    std::optional<Arg> arg;
    if (o.type == ZYDIS_OPERAND_TYPE_REGISTER) arg = register_arg(o.reg.value);
    else if (o.type == ZYDIS_OPERAND_TYPE_MEMORY) arg = memory_arg(o.mem, has_register ? 0 : o.size, broadcast);
    else if (o.type == ZYDIS_OPERAND_TYPE_IMMEDIATE && !o.imm.is_relative) arg = o.imm.value.u;
    if (!arg || out.nargs == int(out.args.size())) return false;
    out.args[out.nargs++] = *arg;
  }
  const ZydisMaskMode mode = in.avx.mask.mode;
  if ((mode == ZYDIS_MASK_MODE_MERGING || mode == ZYDIS_MASK_MODE_ZEROING) && in.avx.mask.reg != ZYDIS_REGISTER_K0) {
    if (out.nargs == 0 || is_imm(out.args[0])) return false;
    std::visit([&](auto& first) {
      if constexpr (!std::is_same_v<std::decay_t<decltype(first)>, uint64_t>) {
        first.setOpmaskIdx(ZydisRegisterGetId(in.avx.mask.reg));
        if (mode == ZYDIS_MASK_MODE_ZEROING) first.setZero();
      }
    }, out.args[0]);
  }
  return true;
}

// The code as a program to replay: every instruction with its operands;
// branches to labels at their targets, so that the replay's displacements
// are the original's too. An instruction that does not decode, or whose
// operands have no Xbyak form here, is kept and marked skip.
Program decode(const uint8_t* code, std::size_t size) {
  ZydisDecoder decoder;
  ZydisDecoderInit(&decoder, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);
  Program p;
  std::vector<std::pair<std::size_t, uint64_t>> branches;  // insn, target offset
  ZydisDecodedInstruction in;
  ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];
  for (std::size_t at = 0; at < size;) {
    Insn i;
    i.offset = at;
    if (!ZYAN_SUCCESS(ZydisDecoderDecodeFull(&decoder, code + at, size - at, &in, ops))) {
      i.length = 1;
      i.skip = true;
    } else {
      i.mnemonic = in.mnemonic;
      i.length = in.length;
      uint64_t target = 0;
      if (in.meta.branch_type != ZYDIS_BRANCH_TYPE_NONE && in.mnemonic != ZYDIS_MNEMONIC_RET) {
        i.skip = in.operand_count_visible != 1 || !ops[0].imm.is_relative ||
                 !ZYAN_SUCCESS(ZydisCalcAbsoluteAddress(&in, &ops[0], at, &target));
        i.near = in.raw.imm[0].size != 8;
        if (!i.skip) branches.emplace_back(p.insns.size(), target);
      } else if (in.mnemonic != ZYDIS_MNEMONIC_NOP) {  // a nop replays by its length
        i.skip = !operands_of(in, ops, i);
      }
    }
    at += i.length;
    p.insns.push_back(std::move(i));
  }
  std::map<uint64_t, int> labels;  // target offset -> label
  for (auto [from, target] : branches) {
    auto it = std::lower_bound(p.insns.begin(), p.insns.end(), target,
                               [](const Insn& i, uint64_t t) { return i.offset < t; });
    if (target != size && (it == p.insns.end() || it->offset != target)) {
      p.insns[from].skip = true;  // into the middle of an instruction
      continue;
    }
    auto [l, added] = labels.try_emplace(target, p.labels);
    if (added) ++p.labels;
    p.insns[from].target = l->second;
    if (target == size) p.end_label = l->second;
    else it->label = l->second;
  }
  return p;
}

// ---- Replaying ------------------------------------------------------------

// The floor: a plain CodeGenerator on a buffer made beforehand (as
// generated_code.hpp's with_generated hands VectorGenerator its thread's
// buffer), every instruction one Xbyak call, the labels made here as a
// generator makes its own. Returns the size of the code; `offsets` (when
// given) gets where each instruction starts in it, and `at` the index of
// the one being emitted when Xbyak throws.
std::size_t replay(const Program& p, std::span<uint8_t> buffer, std::vector<std::size_t>* offsets = nullptr,
                   std::size_t* at = nullptr) {
  Xbyak::CodeGenerator g(buffer.size(), buffer.data());
  g.setDefaultEncoding(Xbyak::EvexEncoding);  // as VectorGenerator
  std::vector<Xbyak::Label> labels(p.labels);
  for (std::size_t k = 0; k < p.insns.size(); ++k) {
    const Insn& i = p.insns[k];
    if (i.label >= 0) g.L(labels[i.label]);
    if (offsets) (*offsets)[k] = g.getSize();
    if (i.skip) continue;
    if (at) *at = k;
    encode(g, i, labels);
  }
  if (p.end_label >= 0) g.L(labels[p.end_label]);
  return g.getSize();
}

// Replays until a pass emits everything not marked skip, marking skip each
// instruction that throws; returns how many of that pass's instructions
// have the original's bytes.
int check_replay(Program& p, const uint8_t* code, std::span<uint8_t> buffer) {
  std::vector<std::size_t> offsets(p.insns.size());
  for (;;) {
    std::size_t at = 0;
    try {
      replay(p, buffer, &offsets, &at);
      break;
    } catch (const std::exception&) {  // Xbyak::Error, NoCall, bad_variant_access
      if (p.insns[at].skip) throw;     // not an instruction's: a label's
      p.insns[at].skip = true;
    }
  }
  int same = 0;
  for (std::size_t k = 0; k < p.insns.size(); ++k) {
    const Insn& i = p.insns[k];
    same += !i.skip && std::memcmp(buffer.data() + offsets[k], code + i.offset, i.length) == 0;
  }
  return same;
}

// ---- Timing and the table -------------------------------------------------

template <class F>
double seconds(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct Times {
  std::vector<double> s;
  double min() const { return *std::min_element(s.begin(), s.end()); }
  double median() const {
    std::vector<double> v = s;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
  }
};

std::string fmt(const char* format, double v) {
  char text[64];
  std::snprintf(text, sizeof text, format, v);
  return text;
}

double median_of(std::vector<double> v) { return Times{std::move(v)}.median(); }

struct RowResult {
  std::string name;
  double ratio = 0, gen_ratio = 0, paired = 0, ns_per_insn = 0;
  int insns = 0, same = 0, skipped = 0;
};

// One problem: its kernel's code timed three ways, interleaved repeat by
// repeat: emit (the strategy's generator and the copy into executable
// memory), the copy alone, the replay.
std::optional<RowResult> measure(Engine& engine, const Problem& problem, Table& table,
                                 std::map<std::string, int>& not_replayed) {
  const std::unique_ptr<Kernel> kernel = engine.make_kernel(problem.desc, Backend::jit);
  const auto& planned = dynamic_cast<const PlannedKernel&>(*kernel);
  const JitCode* code = planned.jit_code();
  if (!code) {  // a driver without generated code: shown, not timed
    table.add({problem.suite, problem.name, std::string(to_string(problem.desc.dt)),
               std::string(planned.plan().strategy->name()), "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-",
               "no generated code"});
    return std::nullopt;
  }
  const Plan& plan = planned.plan();
  const WorkProblem work(problem.desc);  // what the engine made the plan for (kernels/engine.cpp)
  const std::span<const uint8_t> bytes(code->code(), code->size());

  Program program = decode(code->code(), code->size());
  std::vector<uint8_t> buffer(std::max<std::size_t>(64 << 10, 2 * code->size()));
  const int same = check_replay(program, code->code(), buffer);

  // Warm: one of each, untimed; and the emit checked to be the kernel's code.
  bool emit_same = false;
  {
    const std::shared_ptr<const JitCode> again = plan.strategy->emit(work, plan);
    emit_same = again->size() == bytes.size() && std::memcmp(again->code(), bytes.data(), bytes.size()) == 0;
    ExecutableCode::copy_of(bytes);
    replay(program, buffer);
  }
  Times emit, copy, floor;
  for (int r = 0; r < kRepeats; ++r) {
    std::shared_ptr<const JitCode> made;
    std::unique_ptr<ExecutableCode> copied;
    emit.s.push_back(seconds([&] { made = plan.strategy->emit(work, plan); }));
    copy.s.push_back(seconds([&] { copied = ExecutableCode::copy_of(bytes); }));
    floor.s.push_back(seconds([&] { replay(program, buffer); }));
  }

  RowResult row;
  row.name = problem.suite + "/" + problem.name + "/" + std::string(to_string(problem.desc.dt));
  for (const Insn& i : program.insns) {
    row.insns += 1;
    if (!i.skip) continue;
    row.skipped += 1;
    ++not_replayed[i.mnemonic == ZYDIS_MNEMONIC_INVALID ? "(undecodable byte)" : ZydisMnemonicGetString(i.mnemonic)];
  }
  row.same = same;
  row.ratio = emit.min() / floor.min();
  row.gen_ratio = (emit.min() - copy.min()) / floor.min();
  // Each repeat's emit over its own replay, run right after it: steadier
  // than the mins where the machine's speed drifts during a row.
  std::vector<double> pairs;
  for (int r = 0; r < kRepeats; ++r) pairs.push_back(emit.s[r] / floor.s[r]);
  row.paired = median_of(pairs);
  row.ns_per_insn = floor.min() * 1e9 / std::max(1, row.insns - row.skipped);
  const double us = 1e6;
  std::string check = std::to_string(same) + "/" + std::to_string(row.insns);
  if (row.skipped) check += " (" + std::to_string(row.skipped) + " not replayed)";
  if (!emit_same) check += " (emit differs from the kernel's code)";
  table.add({problem.suite, problem.name, std::string(to_string(problem.desc.dt)), std::string(plan.strategy->name()),
             std::to_string(bytes.size()), std::to_string(row.insns), fmt("%.1f", code->compile_seconds() * us),
             fmt("%.1f", emit.min() * us), fmt("%.1f", emit.median() * us), fmt("%.1f", copy.min() * us),
             fmt("%.1f", floor.min() * us), fmt("%.1f", floor.median() * us), fmt("%.1f", row.ns_per_insn),
             fmt("%.2f", row.ratio), fmt("%.2f", row.gen_ratio), fmt("%.2f", row.paired), check});
  return row;
}

void summarize(std::ostream& out, const std::vector<RowResult>& rows, const std::map<std::string, int>& not_replayed) {
  if (rows.empty()) return;
  auto line = [&](const char* what, double RowResult::*field) {
    std::vector<double> v;
    const RowResult* worst = &rows.front();
    int within = 0;
    for (const RowResult& r : rows) {
      v.push_back(r.*field);
      within += r.*field <= 1.5;
      if (r.*field > worst->*field) worst = &r;
    }
    out << "- " << what << ": median " << fmt("%.2f", median_of(v)) << ", max " << fmt("%.2f", worst->*field)
        << " (" << worst->name << "); " << within << " of " << rows.size() << " rows within 1.5x\n";
  };
  line("emit / floor", &RowResult::ratio);
  line("(emit - copy) / floor", &RowResult::gen_ratio);
  line("paired ratio", &RowResult::paired);
  std::vector<double> ns;
  int insns = 0, same = 0, skipped = 0;
  for (const RowResult& r : rows) {
    ns.push_back(r.ns_per_insn);
    insns += r.insns;
    same += r.same;
    skipped += r.skipped;
  }
  out << "- floor: median " << fmt("%.1f", median_of(ns)) << " ns per instruction\n"
      << "- replay check: " << same << " of " << insns << " instructions replayed byte for byte, " << skipped
      << " not replayed (left out of the floor)";
  for (const auto& [name, count] : not_replayed) out << "; " << name << " x" << count;
  out << "\n";
}

}  // namespace

int encoding_floor(const FloorOptions& o, std::ostream& out) {
  std::vector<DataType> dts;
  for (const std::string& d : o.dts) dts.push_back(parse_data_type(d, "--dt"));
  EngineOptions eo;
  eo.threads = 1;
  eo.max_isa = o.isa;
  Engine engine(eo);
  const CpuFacts& cpu = engine.cpu();
  if (!o.isa.empty() && cpu.isa != parse_isa(o.isa, "--isa"))
    throw Error("--isa", "--isa " + o.isa + ": this CPU has only " + std::string(to_string(cpu.detected_isa)));
  if (cpu.isa == Isa::scalar) throw Error("--isa", "no JIT on this CPU (the JIT needs AVX2+FMA): no code to time");

  std::vector<Problem> problems;  // all made first: a bad --suite fails before any output
  for (const std::string& suite : o.suites.empty() ? default_suite_names() : o.suites)
    for (Problem& p : make_suite(suite, dts, CONVJIT_PROBLEMS_DIR)) problems.push_back(std::move(p));

  out << "# Code generation against its floor: Xbyak encoding the same instructions\n\n"
      << "CPU: " << cpu.str() << "; code for " << to_string(cpu.isa) << "; 1 thread; " << kRepeats
      << " warm repeats per problem, interleaved; times in us.\n\n"
      << "- first: the kernel's compile by the engine (JitCode::compile_seconds: cold, once).\n"
      << "- emit: `plan.strategy->emit(work, plan)`: the strategy's generator on its thread's buffer, then the "
         "copy into executable memory.\n"
      << "- copy: `ExecutableCode::copy_of` of the same bytes alone; emit - copy is the generator alone.\n"
      << "- floor: the kernel's code decoded (Zydis) and replayed by a plain Xbyak::CodeGenerator on a buffer "
         "made beforehand: its construction, one Xbyak call per instruction (through a switch on the "
         "mnemonic; operands built before the timing), branches to Xbyak::Labels at their real targets (made per replay; near or short as in the "
         "original), nops as nop(length).\n"
      << "- ratio: emit min / floor min; gen ratio: (emit min - copy min) / floor min; paired: the median "
         "over repeats of emit / floor of the same repeat.\n"
      << "- check: instructions whose replayed bytes equal the kernel's / instructions.\n\n";
  Table table({"suite", "problem", "dt", "strategy", "bytes", "insns", "first", "emit min", "emit med", "copy min",
               "floor min", "floor med", "floor ns/insn", "ratio", "gen ratio", "paired", "check"});
  std::vector<RowResult> rows;
  std::map<std::string, int> not_replayed;
  for (const Problem& problem : problems)
    if (std::optional<RowResult> row = measure(engine, problem, table, not_replayed)) rows.push_back(*row);
  table.print(out);
  out << "\n";
  summarize(out, rows, not_replayed);
  return 0;
}

}  // namespace convjit::bench
