#pragma once
// OwVectorKernel: the ow_vector driver around an inner kernel (JIT'd or
// interpreted).
// It packs the weights at bind time, stages inputs that the inner kernel
// cannot read as they are, and spreads images, channel blocks and row bands
// over threads. Everything it needs while running is sized at bind time.
#include <memory>
#include <vector>

#include "kernels/planned_kernel.hpp"
#include "planner/geometry.hpp"
#include "planner/plan.hpp"

namespace convjit {

class OwVectorKernel final : public PlannedKernel {
 public:
  OwVectorKernel(const ConvDesc& desc, const ConvDesc& work, const Plan& plan, Backend backend,
                std::shared_ptr<const Inner> inner);

 protected:
  void do_bind(const void* weights, const void* bias) override;
  void do_run(std::span<const TensorPair> pairs, int64_t images) const override;

 private:
  template <class T> void pack_weights(const T* wei);
  template <class T> void run_typed(std::span<const TensorPair> pairs, int64_t images) const;
  // Stages, computes and unstages image n, group grp of one pair, using the
  // scratch of thread `slot`.
  // `stream`: compute into the scratch, then stream it to dst.
  template <class T>
  void run_image(const T* src, T* dst, int64_t n, int64_t grp, int slot, bool stream) const;
  // The same, the work of one image shared by every thread of the team.
  template <class T>
  void run_image_shared(const T* src, T* dst, int64_t n, int64_t grp, int slot) const;
  // Fills `to` with the (n, group) image as the inner kernel reads it, rows
  // [first, last) of stage_rows(): the staged planes' rows of every channel,
  // or channels last without stride phases, each row of all channels at
  // once (one transpose instead of a strided copy per channel).
  template <class T>
  void stage(const T* src, int64_t n, int64_t grp, T* to, int64_t first, int64_t last) const;
  int64_t stage_rows() const;
  template <class T>
  void unstage(const T* from, T* dst, int64_t n, int64_t grp, int64_t first, int64_t last) const;
  // Runs row blocks [block_begin, block_end) of every plane and channel
  // block of one image, tile_blocks_ row blocks at a time.
  template <class T>
  void compute(const T* in, T* out, int64_t grp, int64_t block_begin, int64_t block_end) const;
  // The inner calls of compute(): call(part, args, src_at, dst_at) with
  // args complete but src and dst, which are in + src_at and out + dst_at.
  template <class T, class F>
  void for_each_call(int64_t grp, int64_t block_begin, int64_t block_end, F&& call) const;
  template <class T> void record_direct_calls();

  const Geometry geo_;
  // Row blocks per tile: every output-channel block sweeps one tile of the
  // input while it is in the L2 before the next tile is read.
  const int64_t tile_blocks_;
  // Staged rows (planes x rows of one channel) and stride phases that some
  // tap reads; stage() leaves the others unwritten. A phase's columns
  // [j0, j1) come from the input, the rest are padding.
  struct PhaseSpan {
    int64_t phase, j0, j1;
  };
  std::vector<char> staged_rows_read_;
  bool stages_pixels_ = false;  // channels last, one phase: rows of all channels
  std::vector<PhaseSpan> phase_spans_;
};

}  // namespace convjit
