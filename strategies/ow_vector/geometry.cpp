#include "strategies/ow_vector/geometry.hpp"

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

Geometry Geometry::of(const WorkProblem& work, const Plan& plan) {
  Geometry g = of(static_cast<const ConvDesc&>(work), plan);
  if (work.out_row_pitch) {
    g.out_row = work.out_row_pitch;
    g.out_plane = work.o[ConvDesc::H] * g.out_row;
    g.out_chan = work.o[ConvDesc::D] * g.out_plane;
  }
  return g;
}

}  // namespace convjit
