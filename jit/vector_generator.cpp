#include "jit/vector_generator.hpp"

#include <climits>

#include "convjit/error.hpp"

namespace convjit {
namespace {

// vmaskmov masks: loading kMaskN at offset (lanes_per_vector - n) gives n
// leading all-ones lanes.
alignas(64) const int32_t kMask32[16] = {-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};
alignas(64) const int64_t kMask64[8] = {-1, -1, -1, -1, 0, 0, 0, 0};

}  // namespace

VectorGenerator::VectorGenerator(const ConvDesc& desc, const Plan& plan, std::span<uint8_t> buffer, bool annotate)
    : Xbyak::CodeGenerator(buffer.size(), buffer.data()),
      desc_(desc),
      plan_(plan),
      bytes_(static_cast<int>(size_of(desc.dt))),
      vlen_(plan.vlen),
      opmasks_(vlen_ * bytes_ == 64),
      annotate_(annotate),
      registers_(allocatable_registers(opmasks_ ? Isa::avx512 : Isa::avx2)) {
  setDefaultEncoding(Xbyak::EvexEncoding);
}

int32_t VectorGenerator::disp(int64_t index) const {
  int64_t bytes = index * bytes_;
  if (bytes > INT_MAX || bytes < INT_MIN)
    throw Error("plan", "plan: an offset of " + std::to_string(bytes) +
                            " bytes does not fit the 32-bit displacement of x86-64");
  return static_cast<int32_t>(bytes);
}

void VectorGenerator::refuse_register(int idx) const {
  throw Error("plan", "plan: internal error: vector register " + std::to_string(idx) + " is beyond the " +
                          std::to_string(registers_) + " a plan may use on " + (opmasks_ ? "AVX-512" : "AVX2"));
}

void VectorGenerator::align_code(int bytes) {
  if (const std::size_t pad = (bytes - getSize() % bytes) % bytes) nop(pad);
}

void VectorGenerator::add_imm(const Xbyak::Reg64& reg, int64_t bytes) {
  if (bytes == 0) return;
  if (bytes >= INT_MIN && bytes <= INT_MAX) {
    add(reg, static_cast<uint32_t>(bytes));
    return;
  }
  mov(reg_tmp, bytes);
  add(reg, reg_tmp);
}

void VectorGenerator::prefetch_next_weights() {
  constexpr int kLineBytes = 64;
  mov(reg_tmp, ptr[reg_args + offsetof(CallArgs, wei_next)]);
  prefetcht1(ptr[reg_tmp]);
  add(qword[reg_args + offsetof(CallArgs, wei_next)], kLineBytes);
}

void VectorGenerator::save_registers(std::vector<Xbyak::Reg64> used) {
  saved_ = std::move(used);
  for (const auto& r : saved_) push(r);
}

void VectorGenerator::return_restoring() {
  for (auto r = saved_.rbegin(); r != saved_.rend(); ++r) pop(*r);
  vzeroupper();
  ret();
}

void VectorGenerator::load_ymm_mask(int lanes) {
  if (bytes_ == 4)
    mov(reg_tmp, reinterpret_cast<size_t>(kMask32 + 8 - lanes));
  else
    mov(reg_tmp, reinterpret_cast<size_t>(kMask64 + 4 - lanes));
  vmovups(mask_vec(), ptr[reg_tmp]);
}

Xbyak::Xmm VectorGenerator::load_mask_as(const Xbyak::Xmm& v, int lanes) {
  load_ymm_mask(lanes);
  return v.isYMM() ? Xbyak::Xmm(mask_vec()) : Xbyak::Xmm(mask_vec().getIdx());
}

void VectorGenerator::load(const Xbyak::Xmm& v, const Xbyak::Address& a, int lanes,
                           const Xbyak::Opmask& mask) {
  const bool f32 = bytes_ == 4;
  if (lanes >= lanes_of(v)) {
    if (f32) vmovups(v, a); else vmovupd(v, a);
  } else if (opmasks_) {
    if (f32) vmovups(v | mask | T_z, a); else vmovupd(v | mask | T_z, a);
  } else {
    const Xbyak::Xmm m = load_mask_as(v, lanes);
    if (f32) vmaskmovps(v, m, a); else vmaskmovpd(v, m, a);
  }
}

void VectorGenerator::store(const Xbyak::Address& a, const Xbyak::Xmm& v, int lanes,
                            const Xbyak::Opmask& mask) {
  const bool f32 = bytes_ == 4;
  if (lanes >= lanes_of(v)) {
    if (f32) vmovups(a, v); else vmovupd(a, v);
  } else if (opmasks_) {
    if (f32) vmovups(a | mask, v); else vmovupd(a | mask, v);
  } else {
    const Xbyak::Xmm m = load_mask_as(v, lanes);
    if (f32) vmaskmovps(a, m, v); else vmaskmovpd(a, m, v);
  }
}

void VectorGenerator::fma(const Xbyak::Xmm& acc, const Xbyak::Xmm& x, const Xbyak::Operand& w) {
  if (bytes_ == 4) vfmadd231ps(acc, x, w); else vfmadd231pd(acc, x, w);
}

void VectorGenerator::add(const Xbyak::Xmm& d, const Xbyak::Xmm& a, const Xbyak::Operand& b) {
  if (bytes_ == 4) vaddps(d, a, b); else vaddpd(d, a, b);
}

void VectorGenerator::max(const Xbyak::Xmm& d, const Xbyak::Xmm& a, const Xbyak::Operand& b) {
  if (bytes_ == 4) vmaxps(d, a, b); else vmaxpd(d, a, b);
}

void VectorGenerator::broadcast(const Xbyak::Xmm& v, const Xbyak::Address& a) {
  if (bytes_ == 4) vbroadcastss(v, a);
  else if (v.isXMM()) vmovddup(v, a);  // vbroadcastsd has no xmm form
  else if (v.isZMM()) vbroadcastsd(Xbyak::Zmm(v.getIdx()), a);
  else vbroadcastsd(Xbyak::Ymm(v.getIdx()), a);
}

}  // namespace convjit
