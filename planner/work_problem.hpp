#pragma once
// The problem as the strategies compute it, which may be simpler than the
// user's and equal in memory: a 1x1, stride-1, unpadded convolution over
// contiguous pixels is a 1D one over all of them (longer rows, fewer tails;
// channels first, rows of up to 64 pixels when they divide the image);
// with one input and one output pixel, channels first is channels last,
// and with one input and one output channel, channels last is channels first;
// a problem with extent along one spatial axis only is a 1D one along it; a
// filter as wide as the unpadded image, one output wide, reads whole rows
// (one run of kh * iw taps along a longer axis); channels first, a filter as
// tall or deep as the image turns those planes into channels.
//
// One rewrite moves data: a 1x1 unpadded filter with a stride reads one
// pixel in s along each strided axis, spread over the cache lines and
// pages of the input; where many output channels read each of them again,
// the driver gathers those pixels first (gather.hpp), and the strategies
// compute the stride-1 problem over them.
#include "convjit/conv_desc.hpp"

namespace convjit {

// Its own type so that what wants the rewritten problem says so, and so
// that nothing rewrites twice: made once from the user's ConvDesc (a
// WorkProblem passed where one is made is copied, not rewritten).
struct WorkProblem : ConvDesc {
  explicit WorkProblem(const ConvDesc& user);
  // The input the strategies read is the user's gathered at its strides:
  // this problem's input is the user's output grid (see above).
  bool gathers_input = false;
  // Elements between output rows where the output is a band of columns of
  // wider rows (ow_vector's heads, written into the user's rows); 0: o[W].
  int64_t out_row_pitch = 0;
};

// Every group one input and one output channel.
inline bool is_depthwise(const ConvDesc& d) { return d.g > 1 && d.icg() == 1 && d.ocg() == 1; }

}  // namespace convjit
