#pragma once
// Kernel: a convolution ready to run. Obtained from an Engine; weights are
// bound (and packed) once, then run() may be called any number of times,
// from any number of threads at once, with any batch size.
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "convjit/conv_desc.hpp"
#include "convjit/types.hpp"

#pragma GCC visibility push(default)
namespace convjit {

// One tensor of a ragged batch: its source and destination, of any batch size
// (src.shape.dim[0]) but the kernel's per-image shape.
struct TensorPair {
  ConstTensorView src;
  TensorView dst;
};

class Kernel {
 public:
  virtual ~Kernel() = default;
  Kernel(const Kernel&) = delete;
  Kernel& operator=(const Kernel&) = delete;

  const ConvDesc& desc() const noexcept { return desc_; }
  // desc().src_shape(batch) and dst_shape(batch) from the per-image shapes
  // the kernel keeps: nothing computed per call (the C ABI's run took 70 ns
  // on seed:tiny building them from the desc, 11 of them the run's own).
  Shape src_shape(int64_t batch) const noexcept { return with_batch(src_image_, batch); }
  Shape dst_shape(int64_t batch) const noexcept { return with_batch(dst_image_, batch); }
  virtual Backend backend() const noexcept = 0;
  // The plan this kernel runs, on one line ("reference" for the reference).
  virtual std::string plan_str() const = 0;
  // The machine code it runs (empty for the interpreter and the reference),
  // and that code as annotated Intel-syntax assembly.
  virtual std::span<const uint8_t> code() const { return {}; }
  virtual std::string disassembly() const { return {}; }

  // Copies (and packs) the weights, shaped desc().wei_shape(), and the bias,
  // shaped desc().bias_shape(), required iff desc().post_ops.bias. Throws
  // Error on a mismatch, leaving the kernel as it was. Not thread-safe with run.
  void bind(ConstTensorView weights, ConstTensorView bias = {});
  bool bound() const noexcept { return bound_; }

  // dst = conv(src). The batch is src.shape.dim[0]; src and dst shapes must
  // be desc().src_shape(batch) and desc().dst_shape(batch). Any pointer
  // aligned to its element works. Throws Error on a mismatch, a pointer that
  // splits an element, a dst sharing a byte with src, or when no weights are
  // bound; dst is untouched then.
  void run(const ConstTensorView& src, const TensorView& dst) const;

  // Runs every pair in one call, their images spread over the threads as if
  // they were one batch: a ragged batch at big-batch speed, no allocation.
  // Each pair is checked as run() checks it, and no dst may share a byte
  // with any src or other dst (srcs may); on an error no dst is touched.
  // Allocates only on a thread's first call with more pairs than before.
  void run_ragged(std::span<const TensorPair> pairs) const;

 protected:
  explicit Kernel(ConvDesc desc)
      : desc_(std::move(desc)), src_image_(desc_.src_shape(1)), dst_image_(desc_.dst_shape(1)),
        src_image_elems_(src_image_.elems()), dst_image_elems_(dst_image_.elems()), esize_(size_of(desc_.dt)) {}
  // Called with checked arguments; bias is null without the bias post-op.
  virtual void do_bind(const void* weights, const void* bias) = 0;
  // `images`: the total batch of all pairs, at least 1.
  virtual void do_run(std::span<const TensorPair> pairs, int64_t images) const = 0;
  // run()'s shortcut for a run small enough to go at once from the
  // pointers (seed:tiny's whole run), with no TensorPair built: true if done.
  virtual bool run_at_once(const void* /*src*/, void* /*dst*/, int64_t /*images*/) const { return false; }

 private:
  static Shape with_batch(Shape image, int64_t batch) noexcept {
    image.dim[0] = batch;
    return image;
  }
  int64_t check_pair(const TensorPair& pair, int64_t index) const;
  bool pair_ok(const ConstTensorView& src, const TensorView& dst) const;
  [[gnu::noinline, gnu::cold]] void check_run(const ConstTensorView& src, const TensorView& dst) const;
  [[gnu::noinline]] void run_one(const ConstTensorView& src, const TensorView& dst) const;

  ConvDesc desc_;
  Shape src_image_, dst_image_;  // one image's: run() checks shapes against them
  int64_t src_image_elems_, dst_image_elems_;
  std::size_t esize_;
  bool bound_ = false;
};

}  // namespace convjit
#pragma GCC visibility pop
