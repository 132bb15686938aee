#pragma once
// Kernel: a convolution ready to run. Obtained from an Engine; weights are
// bound (and packed) once, then run() may be called any number of times,
// from any number of threads at once, with any batch size.
#include <memory>
#include <string>

#include "convjit/conv_desc.hpp"
#include "convjit/types.hpp"

namespace convjit {

class Kernel {
 public:
  virtual ~Kernel() = default;
  Kernel(const Kernel&) = delete;
  Kernel& operator=(const Kernel&) = delete;

  const ConvDesc& desc() const noexcept { return desc_; }
  virtual Backend backend() const noexcept = 0;
  // The plan this kernel runs, on one line ("reference" for the reference).
  virtual std::string plan_str() const = 0;

  // Copies (and packs) the weights, shaped desc().wei_shape(), and the bias,
  // shaped desc().bias_shape(), required iff desc().post_ops.bias. Throws
  // Error on a mismatch, leaving the kernel as it was. Not thread-safe with run.
  void bind(ConstTensorView weights, ConstTensorView bias = {});
  bool bound() const noexcept { return bound_; }

  // dst = conv(src). The batch is src.shape.dim[0]; src and dst shapes must
  // be desc().src_shape(batch) and desc().dst_shape(batch). Throws Error on a
  // mismatch or when no weights are bound; dst is untouched then.
  void run(ConstTensorView src, TensorView dst) const;

 protected:
  explicit Kernel(ConvDesc desc) : desc_(std::move(desc)) {}
  // Called with checked arguments; bias is null without the bias post-op.
  virtual void do_bind(const void* weights, const void* bias) = 0;
  virtual void do_run(const void* src, void* dst, int64_t batch) const = 0;

 private:
  ConvDesc desc_;
  bool bound_ = false;
};

}  // namespace convjit
