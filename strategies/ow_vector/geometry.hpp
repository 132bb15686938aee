#pragma once
// Geometry: the sizes and strides that follow from a (desc, plan) pair, in
// elements. The driver, the emitter and the interpreter all read them from
// here so that they agree on every offset.
#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "convjit/conv_desc.hpp"
#include "planner/plan.hpp"
#include "planner/staging.hpp"
#include "planner/work_problem.hpp"

namespace convjit {

struct Geometry {
  // The kernel's view of its input: channels of planes of rows; a row holds
  // `phases` interleaved sub-rows of `phase_len` elements (stride phases of
  // the width axis), so that every tap reads a contiguous vector.
  int64_t in_d = 0, in_h = 0;      // planes and rows per channel
  int64_t phases = 1, phase_len = 0;
  int64_t in_row = 0;              // elements per row (phases * phase_len)
  int64_t in_plane = 0, in_chan = 0;
  int64_t in_image = 0;            // all ic/g channels of one group

  int64_t out_row = 0, out_plane = 0, out_chan = 0;  // ncx output strides
  int64_t oc_blocks = 0, oc_tail = 0;  // full blocks, channels in the tail block
  int64_t blocks_with_tail() const { return oc_blocks + (oc_tail ? 1 : 0); }
  int64_t row_blocks = 0, row_tail = 0;  // per output plane
  int64_t row_blocks_with_tail() const { return row_blocks + (row_tail ? 1 : 0); }
  int64_t w_blocks = 0, w_tail = 0;      // full ur_w blocks; lanes left over

  // Packed weights per group: [oc block][ic][kd][kh][kw][oc_blk].
  int64_t wei_block = 0, wei_group = 0;

  // Tap t of the width axis reads phase tap_phase(t) at offset tap_shift(t).
  int64_t tap_phase(int64_t kw) const { return kw * dw1 % phases; }
  int64_t tap_shift(int64_t kw) const { return kw * dw1 / phases; }
  int64_t dw1 = 1;  // width dilation, 1-based
  // Input columns between neighbouring output columns: 1 when staged (the
  // phases did the striding), else the width stride (2 at most, split in
  // registers by the emitter).
  int64_t col_step = 1;

  static Geometry of(const ConvDesc& desc, const Plan& plan);
  // The same, output rows work.out_row_pitch apart where it is set.
  static Geometry of(const WorkProblem& work, const Plan& plan);
};

// The vector registers of a block of rows x vecs x ocs, in the order the
// generator allocates them: the accumulators, one input per vector, the
// weights (weight_registers()), and to split stride 2 in registers the odd
// inputs (on AVX-512 with the permutation indices in the last register).
// The one statement of ow_vector's register budget: the planner fits
// total() in allocatable_registers(isa), the generator allocates by it and
// refuses a register beyond the ISA's.
struct OwRegisters {
  int rows, vecs, ocs;
  int weights;  // weight_registers()
  bool split_stride;
  int accs() const { return rows * vecs * ocs; }
  int acc(int r, int v, int o) const { return (r * vecs + v) * ocs + o; }
  int input(int v) const { return accs() + v; }
  // Weight w: held, channel o of tap t is w = t * ocs + o.
  int weight(int w) const { return accs() + vecs + w; }
  int odd() const { return weight(weights); }
  int total(Isa isa) const { return odd() + (split_stride ? (isa == Isa::avx512 ? 2 : 1) : 0); }
  // What the accumulators may take of the ISA's registers.
  int accumulator_budget(Isa isa) const { return allocatable_registers(isa) - (total(isa) - accs()); }
};

// Weight registers of a block of `ocs` channels, `taps` taps (kh x kw) an
// input channel: one broadcast, one per channel, or one per channel and tap
// (capped: a filter of a million taps fits no register file either way).
inline int weight_registers(WeightRegs w, int ocs, int64_t taps) {
  return w == WeightRegs::held ? int(std::min<int64_t>(taps * ocs, 1 << 20)) : w == WeightRegs::stationary ? ocs : 1;
}

// Input bytes that one block of ur_h output rows reads over all input
// channels of a group: the unit of the driver's row tiles, which the cost
// model's reread term prices.
int64_t ow_vector_row_block_bytes(const ConvDesc& desc, int ur_h);

}  // namespace convjit
