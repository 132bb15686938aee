#pragma once
// OwVectorKernel: the ow_vector driver around an inner kernel (JIT'd or
// interpreted).
// It packs the weights at bind time, stages inputs that the inner kernel
// cannot read as they are, and spreads images, channel blocks and row bands
// over threads. Everything it needs while running is sized at bind time.
#include <memory>

#include "convjit/kernel.hpp"
#include "kernels/buffer.hpp"
#include "kernels/inner.hpp"
#include "planner/geometry.hpp"
#include "planner/plan.hpp"

namespace convjit {

class OwVectorKernel final : public Kernel {
 public:
  OwVectorKernel(const ConvDesc& desc, const Plan& plan, Backend backend,
                std::shared_ptr<const Inner> inner);
  Backend backend() const noexcept override { return backend_; }
  std::string plan_str() const override { return plan_.str(); }
  const Plan& plan() const { return plan_; }

 protected:
  void do_bind(const void* weights, const void* bias) override;
  void do_run(std::span<const TensorPair> pairs, int64_t images) const override;

 private:
  template <class T> void pack_weights(const T* wei);
  template <class T> void run_typed(std::span<const TensorPair> pairs, int64_t images) const;
  // Stages, computes and unstages image n, group grp of one pair, using the
  // scratch of thread `slot`.
  template <class T> void run_image(const T* src, T* dst, int64_t n, int64_t grp, int slot) const;
  // The same, the work of one image shared by every thread of the team.
  template <class T> void run_image_shared(const T* src, T* dst, int64_t n, int64_t grp) const;
  // Fills `to` with the (n, group) image as the inner kernel reads it, rows
  // [row_begin, row_end) of the staged planes of every channel.
  template <class T>
  void stage(const T* src, int64_t n, int64_t grp, T* to, int64_t first, int64_t last) const;
  template <class T>
  void unstage(const T* from, T* dst, int64_t n, int64_t grp, int64_t first, int64_t last) const;
  // Runs output rows [row_begin, row_end) (multiples of ur_h but the plane's
  // tail) of every plane and channel block of one image.
  template <class T>
  void compute(const T* in, T* out, int64_t grp, int64_t block_begin, int64_t block_end) const;

  Plan plan_;
  Geometry geo_;
  Backend backend_;
  std::shared_ptr<const Inner> inner_;
  Buffer packed_wei_, bias_;
  // Per thread: the staged input and, for channels-last outputs, the output
  // in the inner kernel's channels-first order.
  Buffer staged_in_, staged_out_;
  int64_t staged_in_size_ = 0, staged_out_size_ = 0;
  double flops_per_image_ = 0;  // decides how many threads a run is worth
};

}  // namespace convjit
