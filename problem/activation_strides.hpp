#pragma once
// Where element (n, c, d, h, w) of an activation tensor (src or dst) lives,
// in elements, for every layout: channel c sits in block c / block at lane
// c % block (ncx: blocks of one channel a plane apart; nxc: one block of all
// channels). Absent spatial axes have size 1, so one formula covers 1D to 3D.
#include <array>
#include <cstdint>

#include "convjit/types.hpp"

namespace convjit {

struct ActivationStrides {
  int64_t n = 0, cblock = 0, block = 1, d = 0, h = 0, w = 0;

  static ActivationStrides of(Layout layout, int64_t channels, const std::array<int64_t, 3>& spatial) {
    const int64_t pixels = spatial[0] * spatial[1] * spatial[2];
    const int64_t blocked = channel_block(layout);
    ActivationStrides s;
    s.block = layout == Layout::ncx ? 1 : layout == Layout::nxc ? channels : blocked;
    s.w = layout == Layout::ncx ? 1 : s.block;
    s.h = s.w * spatial[2];
    s.d = s.h * spatial[1];
    s.cblock = layout == Layout::ncx ? pixels : s.block * pixels;
    s.n = (channels + s.block - 1) / s.block * s.cblock;
    if (layout == Layout::nxc) s.cblock = 0;  // one block: c / block is always 0
    return s;
  }
  int64_t channel(int64_t c) const { return c / block * cblock + c % block; }
  int64_t at(int64_t in, int64_t c, int64_t id, int64_t ih, int64_t iw) const {
    return in * n + channel(c) + id * d + ih * h + iw * w;
  }
};

}  // namespace convjit
