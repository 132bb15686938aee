#pragma once
// What the convjit columns share: a Kernel made and bound with the
// creation columns timed (first make_kernel, the cached one, bind), and
// run on each piece from the plain-layout slots.
#include <sys/mman.h>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>

#include "bench/impl.hpp"
#include "convjit/kernel.hpp"

namespace convjit::bench {

// The bytes of `wei` copied into memory never touched before, mapped for
// the copy (2 MiB pages from 1 MiB, as packed weights take): what a first
// bind's pages cost the OS, timed just after the bind; none if unmapped.
inline std::optional<double> fresh_copy_seconds(const Buffer& wei) {
  constexpr std::size_t kHuge = std::size_t(2) << 20;
  const bool huge = wei.bytes() >= kHuge / 2;
  const std::size_t bytes = huge ? (wei.bytes() + kHuge - 1) / kHuge * kHuge : wei.bytes();
  const std::size_t mapped = bytes + (huge ? kHuge : 0);  // room to align to a huge page
  const auto start = std::chrono::steady_clock::now();
  void* map = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (map == MAP_FAILED) return std::nullopt;
  char* p = static_cast<char*>(map);
  if (huge) {
    p += (kHuge - reinterpret_cast<uintptr_t>(p) % kHuge) % kHuge;
    madvise(p, bytes, MADV_HUGEPAGE);  // a hint, as for packed weights
  }
  std::memcpy(p, wei.data(), wei.bytes());
  const double s = seconds_since(start);
  munmap(map, mapped);
  return s;
}

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
    fresh_copy_s = fresh_copy_seconds(wei);
  }

  void compute(const void* src, void* dst, int64_t batch) override {
    const DataType dt = kernel_->desc().dt;
    kernel_->run(ConstTensorView(src, dt, kernel_->src_shape(batch)), TensorView(dst, dt, kernel_->dst_shape(batch)));
  }

  std::unique_ptr<Kernel> kernel_;
};

}  // namespace convjit::bench
