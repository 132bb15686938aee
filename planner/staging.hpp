#pragma once
// What every strategy that stages its input shares: which staged rows some
// tap reads, and which taps fall in padding.
#include <cstdint>
#include <utility>
#include <vector>

#include "convjit/conv_desc.hpp"
#include "planner/plan.hpp"

namespace convjit {

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
