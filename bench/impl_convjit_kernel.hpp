#pragma once
// What the convjit columns share: a Kernel made and bound with the
// creation columns timed (first make_kernel, the cached one, bind), and
// run on each piece from the plain-layout slots.
#include <chrono>
#include <memory>

#include "bench/impl.hpp"
#include "convjit/kernel.hpp"

namespace convjit::bench {

class ConvjitKernelImpl : public PlainImpl {
 public:
  using PlainImpl::PlainImpl;

 protected:
  // First creation: planned and compiled. Then: the engine's caches (no
  // kernel is destroyed inside a clock: that is not creation).
  void make_and_bind(Engine& engine, const ConvDesc& desc, const Buffer& wei) {
    auto start = std::chrono::steady_clock::now();
    std::unique_ptr<Kernel> first = engine.make_kernel(desc, Backend::automatic);
    create_cold_s = seconds_since(start);
    double cached = 0;
    kernel_ = least_cached_creation([&] { return engine.make_kernel(desc, Backend::automatic); }, cached);
    create_cached_s = cached;
    first.reset();
    start = std::chrono::steady_clock::now();
    kernel_->bind(wei.cview());
    bind_s = seconds_since(start);
    bind_bytes = wei.bytes();
  }

  void compute(const void* src, void* dst, int64_t batch) override {
    const ConvDesc& desc = kernel_->desc();
    kernel_->run(ConstTensorView(src, desc.dt, desc.src_shape(batch)),
                 TensorView(dst, desc.dt, desc.dst_shape(batch)));
  }

  std::unique_ptr<Kernel> kernel_;
};

}  // namespace convjit::bench
