#include "strategies/winograd/geometry.hpp"

#include <algorithm>
#include <tuple>

#include "jit/cpu_caches.hpp"
#include "jit/vector_generator.hpp"

namespace convjit {
namespace {

// What a chunk's transformed inputs and products may take: a quarter of a
// 1 MiB L2 (Zen 5's; Sapphire Rapids has 2 MiB), so that the weights of a
// position and the chunk's output stay beside them.
constexpr int64_t kChunkBytes = 256 << 10;
// Transformed weights beyond half of that L2 come from farther away once
// per chunk: the chunk then takes as many bytes of tiles as the weights
// have (their traffic no more than the chunk's own), up to this much. On
// ResNet-50's res4 and VGG-19's conv4 layers at batch 1 (36 x 256 x 256 to
// 36 x 512 x 512 weights), chunks of 256 KiB streamed the weights 6 to 9
// times per image.
constexpr int64_t kMaxChunkBytes = 16 << 20;
// Unless the weights stay in the L3 (at most half of it, the other half the
// tensors'): read again per chunk from there, prefetched by the products,
// they cost less than a chunk's transformed tiles and products spilling
// from the L2 to the L3 in both transforms. Then a chunk takes twice the L2.
// Measured (Zen 4: 1 MiB L2, 32 MiB L3; 1 thread, nCx16c, alternated in one
// process) against 16 MiB chunks: VGG-19 conv3_2 (9.4 MB of weights) 0.92-0.94
// of the time at batch 1, 0.90 with 2 threads, conv3_1 (4.7 MB) 0.97,
// ResNet-50 res4 at batch 32 (9.4 MB) 0.95; res4 at batch 1 and res3 even;
// conv4_1 and conv4_2 (19 and 38 MB, beyond half this L3) 1.13-1.25.
int64_t max_chunk_bytes(int64_t u_bytes) {
  return u_bytes <= last_level_cache_bytes() / 2 ? 2 * l2_cache_bytes() : kMaxChunkBytes;
}

// The L1 data cache of Sapphire Rapids and of Zen 5 alike: a block's
// weights of one position (ic/g x oc_blk) within it are read again by each
// single tile at L1 speed. Measured on the Xeon at batch 1, against the
// padded block, one process: ResNet-50 res3 (32 KiB; 49 tiles, 8 blocks of
// 6 and one tile) 0.86-0.93 of the time with 1 thread, 0.80-0.88 with 2;
// computed singly, res4 (64 KiB) was even and res5 (128 KiB, from the L2)
// 1.03-1.09. On Zen 4, whose L1d is 32 KiB, the choice is as good as even
// from 32 to 64 KiB (res3 with 128 to 256 input channels: singly 0.991-0.997
// of the padded block's time, alternated in one process), so one constant.
constexpr int64_t kL1Bytes = 48 << 10;

// Blocked layouts: an image of one group's input channels up to this size
// is transformed tile after tile, a larger one a block of channels at a
// time (each block's plane read in order). Measured on the Xeon (1 thread,
// nCx16c, alternated in one process), tile after tile against block after
// block: ResNet-50 res3 to res5 and VGG-19 conv5 (100-400 KB) 0.82-0.97 of
// the time; res2 (800 KB) 0.97-1.06, VGG-19 conv4 (1.6 MB) 0.97-0.98, the
// 56x56 to 224x224 layers (3.2 MB and more) 1.03-1.08. Half the 1 MiB L2
// of Zen 5 (a quarter of Sapphire Rapids').
constexpr int64_t kTileMajorImageBytes = 512 << 10;

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
  g.sum_block = desc.algorithm == Algorithm::winograd_2x2 ? kAccurateSumBlock : kSumBlock;
  g.ocp = round_up(desc.ocg(), plan.oc_blk);
  g.oc_blocks = g.ocp / plan.oc_blk;
  const int64_t per_tile = int64_t(g.positions) * (g.icg + g.ocp) * int64_t(size_of(desc.dt));
  const int64_t u_bytes = int64_t(g.positions) * g.icg * g.ocp * int64_t(size_of(desc.dt));
  const int64_t bytes = u_bytes > 2 * kChunkBytes ? std::min(u_bytes, max_chunk_bytes(u_bytes)) : kChunkBytes;
  const int64_t fit = std::max<int64_t>(1, bytes / per_tile / plan.ur_w) * plan.ur_w;
  // Large weights: a chunk may span images (the driver takes the batch's
  // tiles image after image), so that a batch reads them once a chunk.
  g.chunk = u_bytes > 2 * kChunkBytes ? fit : std::min(fit, round_up(g.tiles, plan.ur_w));
  std::tie(g.v_position, g.m_position) = g.positions_apart(g.chunk, 64 / int64_t(size_of(desc.dt)));
  g.u_position = g.icg * g.ocp;
  g.u_group = g.positions * g.u_position;
  // Large transformed weights: the next call's (the next output-channel
  // block or position) are prefetched a line per input channel, all of them
  // where the call runs as many blocks of tiles as a block's output channels
  // take lines (oc_blk / 16 in f32), most of them otherwise. Without, a
  // call's first block waited on its weights from the L3 (ResNet-50 res5 at
  // batch 1: 16.8 MB of them read at 5-7 GB/s, where a plain read of 16 MB
  // streams at 19 GB/s). Measured (Xeon, 1 thread, nCx16c, alternated in
  // one process): res5 0.70-0.74 of the time without, res4 0.75-0.78, res3
  // 0.87-0.94, VGG-19 conv4 and conv5 0.83-0.86 at batch 1; res2 (590 KB)
  // 0.98-1.02; two lines an input channel, or to the L1 or the L3, did less.
  g.streams_weights =
      desc.g * g.u_group * int64_t(size_of(desc.dt)) >= VectorGenerator::kStreamedWeightBytes;
  g.tail_singly = plan.ur_w > 1 && g.icg * plan.oc_blk * int64_t(size_of(desc.dt)) <= kL1Bytes;
  const int64_t image_bytes = g.icg * desc.i[ConvDesc::H] * desc.i[ConvDesc::W] * int64_t(size_of(desc.dt));
  g.tile_major = desc.layout == Layout::nxc || (desc.layout != Layout::ncx && image_bytes <= kTileMajorImageBytes);
  return g;
}

}  // namespace convjit
