#include "kernels/buffer.hpp"

#include <sys/mman.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>
#include <string>

#include "convjit/error.hpp"
#include "kernels/page_arena.hpp"

namespace convjit {
namespace {

constexpr std::size_t kAlign = 64;
// Large buffers are asked for on 2 MiB pages: on this project's KVM guests
// a first touch of 4 KiB pages ran at 0.19 GB/s (9.4 MiB of ResNet-50
// weights: 51 ms), of huge pages at 12-13 GB/s.
constexpr std::size_t kHugePage = std::size_t(2) << 20;
// From half a huge page up, a buffer takes a whole one: on the Zen 5 KVM
// guest a fresh 2 MiB page cost 138 us, 1 MiB of 4 KiB pages 3.2 ms
// touched; at most half of it unused. Smaller packed weights share huge
// pages (page_arena.cpp).
constexpr std::size_t kHugeFrom = kHugePage / 2;

#ifdef __SANITIZE_ADDRESS__
constexpr bool kShareSmallPages = false;
#else
constexpr bool kShareSmallPages = true;
#endif

std::atomic<BufferAllocator*> jit_allocator{nullptr};

// Bytes for `elems` elements of `dt`, rounded up to the alignment, as
// aligned_alloc requires a multiple of it. Never 0: an empty tensor still gets
// a valid, distinct pointer, so views of it are not mistaken for "no data".
std::size_t allocation_bytes(std::size_t bytes) {
  if (bytes == 0) bytes = kAlign;
  return (bytes + kAlign - 1) / kAlign * kAlign;
}

}  // namespace

std::string_view to_string(BufferUse use) {
  switch (use) {
    case BufferUse::plain: return "plain";
    case BufferUse::packed_weights: return "packed_weights";
    case BufferUse::bias: return "bias";
    case BufferUse::staged_input: return "staged_input";
    case BufferUse::staged_output: return "staged_output";
  }
  return "?";
}

BufferAllocator* set_jit_buffer_allocator(BufferAllocator* allocator) noexcept {
  return jit_allocator.exchange(allocator, std::memory_order_acq_rel);
}

void BufferFree::operator()(void* p) const noexcept {
  if (allocator) allocator->release(p, bytes);
  else std::free(p);
}

Buffer::Buffer(DataType dt, Shape shape, BufferUse use, Init init) : dt_(dt), shape_(shape) {
  for (int i = 0; i < shape.nd; ++i)
    if (shape.dim[i] < 0)
      throw Error("buffer", "shape " + shape.str() + " has a negative dimension");
  // elems() may wrap for absurd shapes; check the product dim by dim first,
  // and the bytes with room for the alignment.
  int64_t elems = 1;
  for (int i = 0; i < shape.nd; ++i) {
    if (shape.dim[i] != 0 && elems > std::numeric_limits<int64_t>::max() / shape.dim[i])
      throw Error("buffer", "buffer of shape " + shape.str() + " does not fit in memory");
    elems *= shape.dim[i];
  }
  constexpr auto kMax = std::numeric_limits<std::size_t>::max() - kAlign;
  if (static_cast<uint64_t>(elems) > kMax / size_of(dt))
    throw Error("buffer", "buffer of shape " + shape.str() + " does not fit in memory");
  bytes_ = static_cast<std::size_t>(elems) * size_of(dt);

  BufferAllocator* installed =
      use == BufferUse::plain ? nullptr : jit_allocator.load(std::memory_order_acquire);
  std::size_t alloc = installed ? bytes_ : allocation_bytes(bytes_);
  const bool huge = !installed && alloc >= kHugeFrom;
  if (huge) alloc = (alloc + kHugePage - 1) / kHugePage * kHugePage;
  // Smaller packed weights of a page or more share huge pages, but under
  // AddressSanitizer, which sees overruns between allocations only.
  const bool shared = kShareSmallPages && !installed && !huge && use == BufferUse::packed_weights &&
                      alloc >= kArenaFromBytes;
  BufferAllocator* allocator = installed ? installed : shared ? &page_arena() : nullptr;
  void* p = allocator ? allocator->allocate(alloc, use) : std::aligned_alloc(huge ? kHugePage : kAlign, alloc);
  if (!p)
    throw OutOfMemory("buffer", "cannot allocate " + std::to_string(bytes_) +
                                    " bytes for a buffer of shape " + shape.str() +
                                    ": not enough memory");
  if (huge) madvise(p, alloc, MADV_HUGEPAGE);  // a hint: refused is fine
  // An installed allocator fills its own (tests: NaN, whatever `init`).
  if (!installed && init == Init::zero) std::memset(p, 0, alloc);
  data_ = std::unique_ptr<void, BufferFree>(p, BufferFree{allocator, alloc});
}

double Buffer::get(int64_t i) const {
  return dt_ == DataType::f32 ? as<float>()[i] : as<double>()[i];
}

void Buffer::set(int64_t i, double v) {
  if (dt_ == DataType::f32)
    as<float>()[i] = static_cast<float>(v);
  else
    as<double>()[i] = v;
}

}  // namespace convjit
