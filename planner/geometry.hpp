#pragma once
// Geometry: the sizes and strides that follow from a (desc, plan) pair, in
// elements. The driver, the emitter and the interpreter all read them from
// here so that they agree on every offset.
#include <cstdint>
#include <utility>
#include <vector>

#include "convjit/conv_desc.hpp"
#include "planner/plan.hpp"

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
};

// Whether staged row zy (plane zy / in_h, row zy % in_h, padding included)
// is read by some output row and tap; strided layers skip rows between
// their outputs. Both strategies stage the same in_d x in_h rows per
// channel: (o - 1) * s + the kernel's extent along each axis.
std::vector<char> staged_rows_read(const ConvDesc& desc);

// Taps t < taps with 0 <= front + t * dilation1 < size, the rest falling in
// padding: the first, and how many (a contiguous run).
std::pair<int64_t, int64_t> taps_inside(int64_t front, int64_t taps, int64_t dilation1, int64_t size);

// Kernels of staged inputs with depth padding skip the depth taps that
// fall in it; the driver passes which (CallArgs::kd_count).
inline bool skips_depth_padding(const ConvDesc& d, const Plan& plan) {
  return plan.staged && (d.p[ConvDesc::D] > 0 || d.pb[ConvDesc::D] > 0);
}
// The depth taps of output plane z that read the input rather than staged
// depth padding: the first, and how many (a contiguous run); all of them
// when the kernel does not skip depth padding.
std::pair<int64_t, int64_t> input_depth_taps(const ConvDesc& desc, const Plan& plan, int64_t z);

}  // namespace convjit
