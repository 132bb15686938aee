#pragma once
// The ow_vector generator: vectors along the output width, weights
// broadcast, a register block of ur_h rows x ur_w vectors x oc_blk channels
// accumulated over every input channel and tap before one store. One
// template for AVX-512 (Zmm, opmask tails) and AVX2 (Ymm, vmaskmov tails).
#include <utility>
#include <type_traits>
#include <vector>

#include "convjit/conv_desc.hpp"
#include "jit/call_args.hpp"
#include "jit/jit_code.hpp"
#include "strategies/ow_vector/geometry.hpp"
#include "planner/plan.hpp"
#include "jit/vector_generator.hpp"

namespace convjit {

template <class Vmm>
class OwVectorGenerator : public VectorGenerator {
 public:
  OwVectorGenerator(const WorkProblem& work, const Plan& plan, std::span<uint8_t> buffer, bool annotate = false);

 private:
  // A block's shape: rows x vectors x channels, the live lanes of its last
  // vector (vlen: all), and the width of its registers: a tail of one short
  // vector runs in xmm or ymm, so that it reads no more than it needs (a
  // zmm load reaching into a dst just written waits for that store: seed
  // tiny ran 2.5x slower with src and dst adjacent, as malloc places them).
  struct Block {
    int rows, vecs, ocs, last_lanes, bits;
    int lanes(int v, int vlen) const { return v == vecs - 1 ? last_lanes : vlen; }
  };

  void generate_entry(int ocs);
  void row_block(int rows, int ocs);
  void block(const Block& b);
  void taps(const Block& b);
  void taps_stationary_weights(const Block& b);
  // prefetcht0 of the lines the block reads prefetch_channels_ channels on.
  void prefetch_input_ahead(const Block& b);
  void epilogue(const Block& b);
  // Loads the input of `lanes` output columns starting at element `index`,
  // splitting stride 2 in registers when the plan reads the user's tensor.
  void load_input(const Block& b, int v, int64_t index, int lanes);

  OwRegisters regs(const Block& b) const {
    return {b.rows, b.vecs, b.ocs, weight_registers(plan_.weights, b.ocs, desc_.k[ConvDesc::H] * desc_.k[ConvDesc::W]),
            split_stride_};
  }
  Xbyak::Xmm acc(const Block& b, int r, int v, int o) const { return vec(regs(b).acc(r, v, o), b.bits); }
  Xbyak::Xmm in_vec(const Block& b, int v) const { return vec(regs(b).input(v), b.bits); }
  // Weight register w (OwRegisters::weight()).
  Xbyak::Xmm wei_vec(const Block& b, int w = 0) const { return vec(regs(b).weight(w), b.bits); }
  Xbyak::Xmm odd_vec(const Block& b) const { return vec(regs(b).odd(), b.bits); }
  Vmm index_vec() const { return Vmm(31); }

  // Masks: AVX-512 keeps one opmask per partial lane count of a block (set
  // before its loops); AVX2 reloads its mask vector before each masked op.
  void prepare_masks(const Block& b);
  Xbyak::Opmask opmask(int lanes) const;

  // The base's masked moves, with the opmask holding `lanes`.
  void load(const Xbyak::Xmm& v, const Xbyak::Address& a, int lanes) { VectorGenerator::load(v, a, lanes, mask_for(v, lanes)); }
  void store(const Xbyak::Address& a, const Xbyak::Xmm& v, int lanes) { VectorGenerator::store(a, v, lanes, mask_for(v, lanes)); }
  Xbyak::Opmask mask_for(const Xbyak::Xmm& v, int lanes) const {
    return kZmm<Vmm> && lanes < lanes_of(v) ? opmask(lanes) : Xbyak::Opmask(0);
  }

  const Geometry geo_;
  const bool split_stride_;  // stride-2 columns read from the user's tensor
  // Depth taps in staged depth padding are skipped: the depth loop runs
  // args.kd_count times from the first tap that reads the input.
  const bool skips_depth_taps_;
  const bool ic_loop_, depth_loop_;  // more than one pass: a loop is emitted
  const int64_t prefetch_channels_;  // 0: none (see kPrefetchChannels)
  int mask_lanes_[7] = {};  // lane counts held by k1..k7 in the current block

  // Registers by role, besides the base's loop registers (a tap: an input
  // channel and plane).
  const Xbyak::Reg64 reg_ic_left = rbx;
  const Xbyak::Reg64 reg_kd_left = rbp;
  const Xbyak::Reg64 reg_wei = r12;
  const Xbyak::Reg64 reg_bias = r13;
};

}  // namespace convjit
