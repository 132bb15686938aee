#pragma once
// OcVectorKernel: the oc_vector driver around an inner kernel (JIT'd or
// interpreted). Packs weights by output-channel blocks at bind time, stages
// inputs channels-last (with their padding) when the user's tensor cannot be
// read as it is, runs the input channels in cache-sized passes and spreads
// images (or the rows of one image) over the threads.
#include <memory>
#include <utility>
#include <vector>

#include "kernels/planned_kernel.hpp"
#include "planner/channel_geometry.hpp"
#include "planner/plan.hpp"

namespace convjit {

class OcVectorKernel final : public PlannedKernel {
 public:
  OcVectorKernel(const ConvDesc& desc, const ConvDesc& work, const Plan& plan, Backend backend,
                 std::shared_ptr<const Inner> inner);

 protected:
  void do_bind(const void* weights, const void* bias) override;
  void do_run(std::span<const TensorPair> pairs, int64_t images) const override;

 private:
  template <class T> void pack_weights(const T* wei);
  template <class T> void run_typed(std::span<const TensorPair> pairs, int64_t images) const;
  template <class T> void run_image(const T* src, T* dst, int64_t n, int slot) const;
  template <class T> void run_image_shared(const T* src, T* dst, int64_t n, int slot, int threads) const;
  // Staged rows [first, last) (of in_d x in_h) of image n, channels last.
  template <class T> void stage(const T* src, int64_t n, T* to, int64_t first, int64_t last) const;
  // Output rows [first, last) (of od x oh) back to the user's channels-first dst.
  template <class T> void unstage(const T* from, T* dst, int64_t n, int64_t first, int64_t last) const;
  // The rows of taps output row y reads: the first, and how many (height
  // padding the kernel skips leaves out the rest).
  std::pair<int64_t, int64_t> tap_rows(int64_t y) const;
  // Output rows [first, last) of channel blocks [block_first, block_last),
  // every group and pass.
  template <class T>
  void compute(const T* in, T* out, int64_t first, int64_t last, int64_t block_first, int64_t block_last) const;
  // The inner calls of compute(): call(part, args, src_at, dst_at) with
  // args complete but src and dst, which are in + src_at and out + dst_at.
  template <class T, class F>
  void for_each_call(int64_t first, int64_t last, int64_t block_first, int64_t block_last, F&& call) const;
  template <class T> void record_direct_calls();

  const ChannelGeometry geo_;
  // Staged rows that some tap reads (staged_rows_read); stage() leaves the
  // others unwritten.
  const std::vector<char> staged_rows_read_;
};

}  // namespace convjit
