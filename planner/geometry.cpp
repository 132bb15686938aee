#include "planner/geometry.hpp"

#include <algorithm>

namespace convjit {

Geometry Geometry::of(const ConvDesc& desc, const Plan& plan) {
  using A = ConvDesc::Axis;
  Geometry g;
  g.dw1 = desc.d[A::W] + 1;
  if (plan.staged) {
    // Only what the outputs read: negative back padding trims the tail.
    g.in_d = (desc.o[A::D] - 1) * desc.s[A::D] + desc.ext(A::D);
    g.in_h = (desc.o[A::H] - 1) * desc.s[A::H] + desc.ext(A::H);
    g.phases = desc.s[A::W];
    g.phase_len = desc.o[A::W] + (desc.k[A::W] - 1) * g.dw1 / g.phases;
  } else {
    g.in_d = desc.i[A::D];
    g.in_h = desc.i[A::H];
    g.phases = 1;
    g.phase_len = desc.i[A::W];
    g.col_step = desc.s[A::W];
  }
  g.in_row = g.phases * g.phase_len;
  g.in_plane = g.in_h * g.in_row;
  g.in_chan = g.in_d * g.in_plane;
  g.in_image = g.in_chan * desc.icg();

  g.out_row = desc.o[A::W];
  g.out_plane = desc.o[A::H] * g.out_row;
  g.out_chan = desc.o[A::D] * g.out_plane;
  g.oc_blocks = desc.ocg() / plan.oc_blk;
  g.oc_tail = desc.ocg() % plan.oc_blk;
  g.row_blocks = desc.o[A::H] / plan.ur_h;
  g.row_tail = desc.o[A::H] % plan.ur_h;
  int64_t block_w = int64_t(plan.ur_w) * plan.vlen;
  g.w_blocks = desc.o[A::W] / block_w;
  g.w_tail = desc.o[A::W] % block_w;

  g.wei_block = desc.icg() * desc.spatial_k() * plan.oc_blk;
  g.wei_group = g.blocks_with_tail() * g.wei_block;
  return g;
}

namespace {

std::vector<char> axis_rows_read(int64_t rows, int64_t outputs, int64_t stride, int64_t taps, int64_t dilation1) {
  std::vector<char> read(rows, 0);
  for (int64_t o = 0; o < outputs; ++o)
    for (int64_t k = 0; k < taps; ++k)
      if (const int64_t y = o * stride + k * dilation1; y < rows) read[y] = 1;
  return read;
}

}  // namespace

std::vector<char> staged_rows_read(const ConvDesc& d) {
  using A = ConvDesc::Axis;
  const int64_t in_d = (d.o[A::D] - 1) * d.s[A::D] + d.ext(A::D);
  const int64_t in_h = (d.o[A::H] - 1) * d.s[A::H] + d.ext(A::H);
  const auto planes = axis_rows_read(in_d, d.o[A::D], d.s[A::D], d.k[A::D], d.d[A::D] + 1);
  const auto rows = axis_rows_read(in_h, d.o[A::H], d.s[A::H], d.k[A::H], d.d[A::H] + 1);
  std::vector<char> read(in_d * in_h);
  for (int64_t z = 0; z < in_d; ++z)
    for (int64_t y = 0; y < in_h; ++y) read[z * in_h + y] = planes[z] && rows[y];
  return read;
}

std::pair<int64_t, int64_t> taps_inside(int64_t front, int64_t taps, int64_t dilation1, int64_t size) {
  const int64_t first = front >= 0 ? 0 : (-front + dilation1 - 1) / dilation1;
  const int64_t end = size - front <= 0 ? 0 : std::min(taps, (size - front + dilation1 - 1) / dilation1);
  return {std::min(first, taps), std::max<int64_t>(end - first, 0)};
}

std::pair<int64_t, int64_t> input_depth_taps(const ConvDesc& d, const Plan& plan, int64_t z) {
  if (!skips_depth_padding(d, plan)) return {0, d.k[0]};
  return taps_inside(z * d.s[0] - d.p[0], d.k[0], d.d[0] + 1, d.i[0]);
}

}  // namespace convjit
