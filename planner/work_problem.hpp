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

ConvDesc work_problem(const ConvDesc& desc);

}  // namespace convjit
