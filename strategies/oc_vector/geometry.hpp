#pragma once
// ChannelGeometry: the sizes and strides of the oc_vector strategy, in
// elements, shared by its driver, emitter and interpreter. Activations are
// read channels-last: a pixel holds all ic (or oc) channels of every group.
#include <cstdint>

#include "convjit/conv_desc.hpp"
#include "planner/plan.hpp"
#include "planner/work_problem.hpp"

namespace convjit {

// Depthwise (is_depthwise): vectors run across the groups' channels
// instead of within a group.
// Channels along which oc_vector lays its vectors, and the groups it loops over.
inline int64_t vector_channels(const ConvDesc& d) { return is_depthwise(d) ? d.g : d.ocg(); }
inline int64_t looped_groups(const ConvDesc& d) { return is_depthwise(d) ? 1 : d.g; }

// The vector registers of a block of pixels x vecs, in the order the
// generator allocates them: `chains` sets of accumulators, the block's
// weight vectors, the broadcast input. The one statement of oc_vector's
// register budget: the planner fits total() in allocatable_registers(isa),
// ChannelGeometry picks the chains within it, the generator allocates by it
// and refuses a register beyond the ISA's.
struct OcRegisters {
  int pixels, vecs, chains = 1;
  int acc(int j, int v, int s) const { return (s * pixels + j) * vecs + v; }
  int weight(int v) const { return chains * pixels * vecs + v; }
  int input() const { return weight(vecs); }
  int total() const { return input() + 1; }
  bool fits(Isa isa) const { return total() <= allocatable_registers(isa); }
};

struct ChannelGeometry {
  int64_t in_d = 0, in_h = 0, in_w = 0;  // staged: only what the outputs read
  int64_t pad_h = 0, pad_w = 0;          // top and left padding the kernel skips (unstaged)
  int64_t in_pix = 0, in_row = 0, in_plane = 0, in_image = 0;
  int64_t out_pix = 0, out_row = 0, out_plane = 0, out_image = 0;
  // Channel c of a pixel is at c / block * cblock + c % block (nxc: one
  // block of all channels; blocked layouts: blocks a whole image apart).
  int64_t in_block = 1, in_cblock = 0, out_block = 1, out_cblock = 0;
  bool depthwise = false;                 // see is_depthwise()
  int64_t vecs = 0;                       // vectors in a full oc block
  int64_t oc_blocks = 0, oc_tail = 0;     // full blocks; channels of the tail block
  int64_t blocks_with_tail() const { return oc_blocks + (oc_tail ? 1 : 0); }
  int64_t w_blocks = 0, w_tail = 0;       // full blocks of ur_w pixels; pixels left
  // One output row (a 1x1 layer flattened to 1D) without width padding:
  // threads sharing an image split its pixel blocks (CallArgs::w_blocks).
  bool shares_row = false;
  int64_t ic_blocks = 0;                  // passes over the output
  int64_t ic_unroll = 1;                  // input channels per step of the ic loop
  // FMAs of a step that ic_unroll reaches, up to 8 channels: more where the
  // step also prefetches weights (streams_weights).
  static constexpr int64_t kMinStepFmas = 28, kMinPrefetchingStepFmas = 32;
  // The ic loop prefetches the next call's weights, a line per step
  // (VectorGenerator::kStreamedWeightBytes).
  bool streams_weights = false;
  // Accumulator sets the input channels of a step go to by turns (channel
  // u to set u % chains), summed after the taps: a block of fewer than 8
  // accumulators would otherwise wait on the latency of its FMA chains.
  int64_t chains = 1;
  // Packed weights per looped group: [oc block][kd][kh][kw][ic/g][oc_blk].
  int64_t wei_tap = 0, wei_block = 0, wei_group = 0;

  static ChannelGeometry of(const ConvDesc& desc, const Plan& plan);
  int64_t in_channel(int64_t c) const { return c / in_block * in_cblock + c % in_block; }
  int64_t out_channel(int64_t c) const { return c / out_block * out_cblock + c % out_block; }
};

// Height and width padding are skipped inside the kernel, not staged, when
// the input is channels-last or blocked and nothing pads or spans the depth.
inline bool pads_in_kernel(const ConvDesc& d) {
  return d.layout != Layout::ncx && d.p[ConvDesc::D] == 0 && d.pb[ConvDesc::D] == 0 &&
         d.k[ConvDesc::D] == 1;
}

// Flags of CallArgs for oc_vector: the partial sums of earlier input-channel
// passes are in dst; this pass is the last (apply the post-ops).
constexpr int64_t kAccumulate = 1, kLastPass = 2;

}  // namespace convjit
