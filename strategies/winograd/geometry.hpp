#pragma once
// The sizes of the Winograd strategy, in elements, shared by its planner,
// generator, interpreter and driver. An image of one group is cut into
// tiles of m x m outputs; the tiles are taken `chunk` at a time (the
// transformed input and products of a chunk stay in the L2): for each of
// the a^2 positions of a tile, V[position] holds the chunk's transformed
// inputs as rows of ic/g channels, U[position] the transformed weights as
// [oc block][ic/g][oc_blk], and M[position] the products as rows of the
// output channels rounded up to whole blocks.
#include <cstdint>
#include <utility>

#include "convjit/conv_desc.hpp"
#include "planner/plan.hpp"

namespace convjit {

struct WinogradGeometry {
  // Input channels summed into one partial sum before it is added to the
  // products: a chain of 64 roundings, not ic/g, where the error of F(4x4,
  // 3x3) grows (simulated in f32: its largest error at 512 channels falls
  // from 5.2e-6 to 1.7e-6 of the largest output, at 64 channels unchanged),
  // for one load and add of each accumulator per 64 FMAs. The sums over
  // input channels are most of Winograd's error (simulated, summed exactly
  // F(4x4)'s error at 64 channels falls 2.6-4x): winograd_2x2, asked for
  // its accuracy, sums 32 at a time, its largest error on ResNet-50 and
  // VGG-19 0.7-0.9x that with 64, below oneDNN's Winograd's and direct
  // convolution's on each layer, for 1.01-1.02x the time (Zen 4, 1 thread,
  // alternated); 16 took it to 0.5-0.8x for 1.05-1.07x. The default keeps
  // 64: its target is speed (16 cost F(4x4) 1.04-1.09x, 32 1.02x).
  static constexpr int64_t kSumBlock = 64, kAccurateSumBlock = 32;
  int64_t sum_block = kSumBlock;

  int m = 0, a = 0, positions = 0;     // output tile, input tile, a * a
  int64_t tiles_h = 0, tiles_w = 0;    // tiles of one image
  int64_t tiles = 0;                   // tiles_h * tiles_w
  int64_t chunk = 0;                   // tiles per chunk, a multiple of ur_w
  int64_t icg = 0, ocp = 0;            // input channels; output channels rounded up to oc_blk
  int64_t oc_blocks = 0;               // ocp / oc_blk
  int64_t v_position = 0, m_position = 0;  // the most a position's rows take: positions(chunk)
  // Elements between two positions of V and of M for a chunk of `tiles`:
  // their rows and one cache line more, so that the a^2 positions of a
  // tile never share the L1's sets (a chunk of 4 KiB multiples did).
  std::pair<int64_t, int64_t> positions_apart(int64_t tiles, int64_t line_elements) const {
    return {tiles * icg + line_elements, tiles * ocp + line_elements};
  }
  int64_t u_position = 0, u_group = 0;     // icg * ocp, positions * u_position
  // The products prefetch the next call's transformed weights, a line per
  // input channel (VectorGenerator::kStreamedWeightBytes).
  bool streams_weights = false;
  // The tiles past a chunk's whole blocks of ur_w: computed one at a time
  // where the weights of a position's block stay in the L1 (each single
  // tile reads them again), else as one more block, padded with zero tiles.
  bool tail_singly = false;
  // The transforms' order: tile after tile, each tile's vectors of channels
  // in turn (channels last, and blocked layouts of small images), or vector
  // after vector, each over the tiles.
  bool tile_major = false;
  // Rows of V and M a chunk of `tiles` tiles takes: padded to whole blocks
  // unless its tail is computed singly.
  int64_t rows(int64_t tiles, int ur_w) const { return tail_singly ? tiles : round_up(tiles, int64_t(ur_w)); }
  static WinogradGeometry of(const ConvDesc& desc, const Plan& plan);
};

// The vector registers of a block of `tiles` x `vecs`, in the order the
// generator allocates them: the accumulators, the weight vectors of one
// input channel, the broadcast input. The one statement of the strategy's
// register budget: the planner fits total() in allocatable_registers(isa),
// the generator allocates by it and refuses a register beyond the ISA's.
struct WinogradRegisters {
  int tiles, vecs;
  int acc(int t, int v) const { return t * vecs + v; }
  int weight(int v) const { return tiles * vecs + v; }
  int input() const { return weight(vecs); }
  int total() const { return input() + 1; }
  // A single tile's second partial sum, side by side with its first, in the
  // registers of the block's tiles 1 to 3: accumulators, weights, input.
  bool pairs_sums() const { return tiles >= 4; }
  int pair_acc(int v) const { return acc(1, v); }
  int pair_weight(int v) const { return acc(2, v); }
  int pair_input() const { return acc(3, 0); }
};

}  // namespace convjit
