#include "strategies/oc_vector/geometry.hpp"

#include "jit/vector_generator.hpp"

namespace convjit {

ChannelGeometry ChannelGeometry::of(const ConvDesc& desc, const Plan& plan) {
  using A = ConvDesc::Axis;
  ChannelGeometry g;
  if (plan.staged) {
    g.in_d = (desc.o[A::D] - 1) * desc.s[A::D] + desc.ext(A::D);
    g.in_h = (desc.o[A::H] - 1) * desc.s[A::H] + desc.ext(A::H);
    g.in_w = (desc.o[A::W] - 1) * desc.s[A::W] + desc.ext(A::W);
  } else {
    g.in_d = desc.i[A::D];
    g.in_h = desc.i[A::H];
    g.in_w = desc.i[A::W];
    g.pad_h = desc.p[A::H];
    g.pad_w = desc.p[A::W];
  }
  // Staged inputs keep the user's layout, ncx's becoming nxc.
  const int64_t block = channel_block(desc.layout);
  auto blocks = [block](int64_t channels) { return (channels + block - 1) / block; };
  g.in_block = block ? block : desc.ic;
  g.in_pix = g.in_block;
  g.in_row = g.in_w * g.in_pix;
  g.in_plane = g.in_h * g.in_row;
  g.in_cblock = block ? g.in_d * g.in_plane : 0;
  g.in_image = block ? blocks(desc.ic) * g.in_cblock : g.in_d * g.in_plane;
  g.out_block = block ? block : desc.oc;
  g.out_pix = g.out_block;
  g.out_row = desc.o[A::W] * g.out_pix;
  g.out_plane = desc.o[A::H] * g.out_row;
  g.out_cblock = block ? desc.o[A::D] * g.out_plane : 0;
  g.out_image = block ? blocks(desc.oc) * g.out_cblock : desc.o[A::D] * g.out_plane;

  g.depthwise = is_depthwise(desc);
  g.vecs = plan.oc_blk / plan.vlen;
  g.oc_blocks = vector_channels(desc) / plan.oc_blk;
  g.oc_tail = vector_channels(desc) % plan.oc_blk;
  g.w_blocks = desc.o[A::W] / plan.ur_w;
  g.w_tail = desc.o[A::W] % plan.ur_w;
  g.shares_row = desc.o[A::D] * desc.o[A::H] == 1 && desc.p[A::W] == 0 && desc.pb[A::W] <= 0 && g.w_blocks > 0;
  g.ic_blocks = desc.icg() / plan.ic_blk;
  g.wei_tap = desc.icg() * plan.oc_blk;
  g.wei_block = desc.spatial_k() * g.wei_tap;
  g.wei_group = g.blocks_with_tail() * g.wei_block;
  g.streams_weights =
      looped_groups(desc) * g.wei_group * int64_t(size_of(desc.dt)) >= VectorGenerator::kStreamedWeightBytes;
  // Input channels per step of the ic loop: enough that a step's FMAs hide
  // the loop's four instructions (and the prefetch's three), no more, since
  // every unrolled channel is code to emit and make_kernel's time is mostly
  // the encoder's. Measured (Zen 5, 1 thread, alternated in one process,
  // the three layouts): blocks of 28 accumulators a channel a step ran as
  // fast as two (ResNet-50 res2a and res3a branch2b, 0.998-1.005 by median)
  // in a third less code (res2a's 8.1 KB -> 5.3), but 3% slower where the
  // step prefetches (res4b_branch2a, 1 MB of weights); 20 accumulators a
  // step ran 2-8% slower. Not yet checked on the Xeon.
  const int64_t accumulators = int64_t(plan.ur_w) * g.vecs;
  const int64_t min_fmas = g.streams_weights ? kMinPrefetchingStepFmas : kMinStepFmas;
  for (int64_t u : {2, 4, 8})
    if (plan.ic_blk % u == 0 && g.ic_unroll * accumulators < min_fmas) g.ic_unroll = u;
  if (!g.depthwise)
    while (g.chains * 2 * accumulators <= 8 && g.ic_unroll % (g.chains * 2) == 0 &&
           OcRegisters{plan.ur_w, int(g.vecs), int(g.chains * 2)}.fits(plan.isa))
      g.chains *= 2;
  return g;
}

}  // namespace convjit
