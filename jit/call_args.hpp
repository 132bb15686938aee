#pragma once
// The one argument of every inner kernel, JIT'd or interpreted: a band of
// output rows of one output plane, for one block of output channels.
#include <cstddef>
#include <cstdint>

namespace convjit {

struct CallArgs {
  const void* src;     // input under output row 0 of the band, channel 0 of the group
  const void* wei;     // packed weights of this output-channel block
  const void* bias;    // bias of the block's first channel; null without bias
  void* dst;           // output row 0 of the band, first channel of the block
  int64_t row_blocks;  // ow_vector: full blocks of ur_h rows; oc_vector: rows; winograd: blocks of ur_w tiles
  int64_t row_tail;    // ow_vector: nonzero: then the geometry's row_tail rows; winograd: then this many tiles
  int64_t flags;       // oc_vector: kAccumulate | kLastPass
  int64_t kh_count;    // oc_vector: rows of taps to run; src and wei are at the first
  int64_t kd_count;    // planes of taps to run (the rest fall in depth padding); src and wei are at the first
  // oc_vector, one row of output pixels shared by threads (ChannelGeometry::
  // shares_row): the full blocks of ur_w pixels to run from src and dst,
  // then, if w_tail_too, the geometry's pixel tail.
  int64_t w_blocks;
  int64_t w_tail_too;
  // oc_vector and winograd: the weights of the driver's next call, which
  // this one prefetches into the L2 where the weights are large
  // (VectorGenerator::kStreamedWeightBytes); a hint, never read.
  const void* wei_next;
};

// Which variant of the inner kernel: a full output-channel block, or the
// block of the oc/g % oc_blk channels left over.
enum class OcPart : int { full = 0, tail = 1 };

using InnerFn = void (*)(const CallArgs*);

}  // namespace convjit
