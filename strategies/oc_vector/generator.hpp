#pragma once
// The oc_vector generator: vectors along output channels, one input channel
// broadcast at a time, a register block of ur_w output pixels x oc vectors;
// kw and the input-channel loop unrolled. One template for AVX-512 (Zmm,
// opmask tails) and AVX2 (Ymm, vmaskmov tails).
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "convjit/conv_desc.hpp"
#include "jit/call_args.hpp"
#include "jit/jit_code.hpp"
#include "strategies/oc_vector/geometry.hpp"
#include "planner/plan.hpp"
#include "jit/vector_generator.hpp"

namespace convjit {

template <class Vmm>
class OcVectorGenerator : public VectorGenerator {
 public:
  OcVectorGenerator(const ConvDesc& desc, const Plan& plan, std::span<uint8_t> buffer, bool annotate = false);

 private:
  // A block: output pixels x vectors of channels, the last with
  // `last_lanes` live lanes; w0: its first output column where the block is
  // peeled off the row's loop to skip the width padding, -1 inside the loop.
  struct Block {
    int pixels, vecs, last_lanes;
    int64_t w0 = -1;
    int lanes(int v, int vlen) const { return v == vecs - 1 ? last_lanes : vlen; }
  };

  void generate_entry(int channels);
  void block(const Block& b);
  void taps(const Block& b);
  // Emits column(x) for every width tap x: unrolled, or partly in a
  // run-time loop that advances the tap registers.
  template <class Column>
  void tap_columns(const Block& b, Column column);
  // Whether pixel j of the block reads input column x of the kernel (not padding).
  bool reads(const Block& b, int j, int64_t x) const;
  bool in_padding(int64_t w0, int pixels) const;
  void epilogue(const Block& b);

  // Accumulator set s (see ChannelGeometry::chains), then the weights and the input.
  OcRegisters regs(const Block& b) const { return {b.pixels, b.vecs, int(geo_.chains)}; }
  Vmm acc(const Block& b, int j, int v, int s = 0) const { return Vmm(reg(regs(b).acc(j, v, s))); }
  Vmm wei_vec(const Block& b, int v) const { return Vmm(reg(regs(b).weight(v))); }
  Vmm in_vec(const Block& b) const { return Vmm(reg(regs(b).input())); }
  void sum_chains(const Block& b);

  // The base's masked moves, with the block's one tail mask, in the
  // narrowest register that holds `lanes`: every pixel of a one-channel
  // blocked output is a move 16 bytes off a line when dst is (nCx16c
  // mb1ic1ih50oc1kh2, dst at +16: 1.20x the aligned time in zmm).
  void load(const Vmm& v, const Xbyak::Address& a, int lanes) { VectorGenerator::load(narrow(v, lanes), a, lanes, k_tail); }
  void store(const Xbyak::Address& a, const Vmm& v, int lanes) { VectorGenerator::store(a, narrow(v, lanes), lanes, k_tail); }
  Xbyak::Xmm narrow(const Vmm& v, int lanes) const { return vec(v.getIdx(), narrowest_bits(lanes, v.getBit())); }

  const ChannelGeometry geo_;

  // Registers by role, besides the base's loop registers (a row: one output
  // row; a width block: a block of pixels; a tap: a (kd, kh) pair).
  const Xbyak::Reg64 reg_kd_left = rbx;
  const Xbyak::Reg64 reg_kh_left = rbp;
  const Xbyak::Reg64 reg_ic_left = r12;
  const Xbyak::Reg64 reg_wei = r13;
  const Xbyak::Reg64 reg_flags = r15;
  const Xbyak::Opmask k_tail = k1;
};

}  // namespace convjit
