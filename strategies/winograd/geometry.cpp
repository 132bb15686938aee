#include "strategies/winograd/geometry.hpp"

#include <algorithm>

namespace convjit {
namespace {

// What a chunk's transformed inputs and products may take: a quarter of a
// 1 MiB L2, so that the weights of a position and the chunk's output
// stay beside them.
constexpr int64_t kChunkBytes = 256 << 10;

}  // namespace

WinogradGeometry WinogradGeometry::of(const ConvDesc& desc, const Plan& plan) {
  WinogradGeometry g;
  g.m = plan.tile;
  g.a = g.m + 2;
  g.positions = g.a * g.a;
  g.tiles_h = (desc.o[ConvDesc::H] + g.m - 1) / g.m;
  g.tiles_w = (desc.o[ConvDesc::W] + g.m - 1) / g.m;
  g.tiles = g.tiles_h * g.tiles_w;
  g.icg = desc.icg();
  g.ocp = round_up(desc.ocg(), plan.oc_blk);
  g.oc_blocks = g.ocp / plan.oc_blk;
  const int64_t per_tile = int64_t(g.positions) * (g.icg + g.ocp) * int64_t(size_of(desc.dt));
  const int64_t fit = std::max<int64_t>(1, kChunkBytes / per_tile / plan.ur_w) * plan.ur_w;
  g.chunk = std::min(fit, round_up(g.tiles, plan.ur_w));
  g.v_position = g.chunk * g.icg;
  g.m_position = g.chunk * g.ocp;
  g.u_position = g.icg * g.ocp;
  g.u_group = g.positions * g.u_position;
  return g;
}

}  // namespace convjit
