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
#include "convjit/conv_desc.hpp"

namespace convjit {

// Its own type so that what wants the rewritten problem says so, and so
// that nothing rewrites twice: made once from the user's ConvDesc (a
// WorkProblem passed where one is made is copied, not rewritten).
struct WorkProblem : ConvDesc {
  explicit WorkProblem(const ConvDesc& user);
};

// Every group one input and one output channel.
inline bool is_depthwise(const ConvDesc& d) { return d.g > 1 && d.icg() == 1 && d.ocg() == 1; }

}  // namespace convjit
