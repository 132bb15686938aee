#include "jit/vector_generator.hpp"

#include <climits>
#include <type_traits>

#include "convjit/error.hpp"

namespace convjit {
namespace {

// vmaskmov masks: loading kMaskN at offset (lanes_per_vector - n) gives n
// leading all-ones lanes.
alignas(64) const int32_t kMask32[16] = {-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};
alignas(64) const int64_t kMask64[8] = {-1, -1, -1, -1, 0, 0, 0, 0};

}  // namespace

VectorGenerator::VectorGenerator(std::span<uint8_t> buffer, DataType dt, int vlen)
    : Xbyak::CodeGenerator(buffer.size(), buffer.data()),
      bytes_(static_cast<int>(size_of(dt))),
      vlen_(vlen) {
  setDefaultEncoding(Xbyak::EvexEncoding);
}

int32_t VectorGenerator::disp(int64_t index) const {
  int64_t bytes = index * bytes_;
  if (bytes > INT_MAX || bytes < INT_MIN)
    throw Error("plan", "plan: an offset of " + std::to_string(bytes) +
                            " bytes does not fit the 32-bit displacement of x86-64");
  return static_cast<int32_t>(bytes);
}

void VectorGenerator::load_ymm_mask(int lanes) {
  if (bytes_ == 4)
    mov(reg_tmp, reinterpret_cast<size_t>(kMask32 + 8 - lanes));
  else
    mov(reg_tmp, reinterpret_cast<size_t>(kMask64 + 4 - lanes));
  vmovups(mask_vec(), ptr[reg_tmp]);
}

template <class Vmm>
void VectorGenerator::load(const Vmm& v, const Xbyak::Address& a, int lanes,
                                const Xbyak::Opmask& mask) {
  const bool f32 = bytes_ == 4;
  if (lanes >= vlen_) {
    if (f32) vmovups(v, a); else vmovupd(v, a);
  } else if constexpr (std::is_same_v<Vmm, Xbyak::Zmm>) {
    if (f32) vmovups(v | mask | T_z, a); else vmovupd(v | mask | T_z, a);
  } else {
    load_ymm_mask(lanes);
    if (f32) vmaskmovps(v, mask_vec(), a); else vmaskmovpd(v, mask_vec(), a);
  }
}

template <class Vmm>
void VectorGenerator::store(const Xbyak::Address& a, const Vmm& v, int lanes,
                                 const Xbyak::Opmask& mask) {
  const bool f32 = bytes_ == 4;
  if (lanes >= vlen_) {
    if (f32) vmovups(a, v); else vmovupd(a, v);
  } else if constexpr (std::is_same_v<Vmm, Xbyak::Zmm>) {
    if (f32) vmovups(a | mask, v); else vmovupd(a | mask, v);
  } else {
    load_ymm_mask(lanes);
    if (f32) vmaskmovps(a, mask_vec(), v); else vmaskmovpd(a, mask_vec(), v);
  }
}

template <class Vmm>
void VectorGenerator::fma(const Vmm& acc, const Vmm& x, const Xbyak::Operand& w) {
  if (bytes_ == 4) vfmadd231ps(acc, x, w); else vfmadd231pd(acc, x, w);
}

template <class Vmm>
void VectorGenerator::broadcast(const Vmm& v, const Xbyak::Address& a) {
  if (bytes_ == 4) vbroadcastss(v, a); else vbroadcastsd(v, a);
}

#define CONVJIT_VECTOR_OPS(Vmm)                                                                  \
  template void VectorGenerator::load(const Vmm&, const Xbyak::Address&, int, const Xbyak::Opmask&); \
  template void VectorGenerator::store(const Xbyak::Address&, const Vmm&, int, const Xbyak::Opmask&); \
  template void VectorGenerator::fma(const Vmm&, const Vmm&, const Xbyak::Operand&);               \
  template void VectorGenerator::broadcast(const Vmm&, const Xbyak::Address&);
CONVJIT_VECTOR_OPS(Xbyak::Zmm)
CONVJIT_VECTOR_OPS(Xbyak::Ymm)
#undef CONVJIT_VECTOR_OPS

}  // namespace convjit
