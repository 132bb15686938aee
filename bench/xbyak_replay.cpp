#include "bench/xbyak_replay.hpp"

#include <cstring>
#include <exception>
#include <map>
#include <optional>

namespace convjit::bench {
namespace {

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

void replay_into(Xbyak::CodeGenerator& g, const Program& p, std::vector<std::size_t>* offsets, std::size_t* at) {
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
}

}  // namespace

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

std::size_t replay(const Program& p, std::span<uint8_t> buffer, std::vector<std::size_t>* offsets,
                   std::size_t* at) {
  Xbyak::CodeGenerator g(buffer.size(), buffer.data());
  replay_into(g, p, offsets, at);
  return g.getSize();
}

std::unique_ptr<Xbyak::CodeGenerator> replay_runnable(const Program& p, std::size_t size) {
  auto g = std::make_unique<Xbyak::CodeGenerator>(size, Xbyak::DontSetProtectRWE);
  replay_into(*g, p, nullptr, nullptr);
  g->setProtectModeRE();
  return g;
}

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

}  // namespace convjit::bench
