#include "kernels/page_arena.hpp"

#include <sys/mman.h>

#include <cstdlib>
#include <mutex>
#include <new>
#include <utility>
#include <vector>

namespace convjit {
namespace {

constexpr std::size_t kSlabBytes = std::size_t(2) << 20, kAlign = 64;

// Packed weights of 4 KiB to 1 MiB are carved one after another from 2 MiB
// slabs on transparent huge pages. On the project's KVM guests a fresh
// 4 KiB page costs a fault of about 9 us (a first bind of 64-512 KiB ran
// at 0.35-0.39 GB/s; populated in one call, 0.46-0.70), a fresh 2 MiB page
// 138 us: the layers of a model bound one after another land mostly on
// pages already there (from 4 KiB: first binds of MobileNet's and
// ResNet-50's 8-64 KiB 1x1 weights in a fresh process, 0.2-0.4 GB/s on
// pages of their own, 1.7-21 GB/s in a slab but the one that faults it in,
// 220-270 us where its own pages took 26-42). A slab goes back when its
// last buffer dies, but the one being filled, which is kept for the next,
// and one more kept aside for the next slab needed, its pages already there
// (rebinding one kernel's 16 KiB weights in a loop faulted a new 2 MiB slab
// every 128 binds: 40% of a 2.8 us bind). So at most two empty slabs, 4 MiB,
// stay while no kernel lives.
class PageArena final : public BufferAllocator {
 public:
  void* allocate(std::size_t bytes, BufferUse) override {
    bytes = (bytes + kAlign - 1) / kAlign * kAlign;
    if (bytes > kSlabBytes) return nullptr;
    std::lock_guard lock(mutex_);
    if (slabs_.empty() || slabs_.back().used + bytes > kSlabBytes) {
      if (!slabs_.empty() && slabs_.back().live == 0) {
        std::free(slabs_.back().base);
        slabs_.pop_back();
      }
      void* base = std::exchange(spare_, nullptr);
      if (!base) {
        base = std::aligned_alloc(kSlabBytes, kSlabBytes);
        if (!base) return nullptr;
        madvise(base, kSlabBytes, MADV_HUGEPAGE);  // a hint: refused is fine
      }
      try {
        slabs_.push_back({static_cast<char*>(base), 0, 0});
      } catch (const std::bad_alloc&) {
        std::free(base);
        return nullptr;
      }
    }
    Slab& slab = slabs_.back();
    void* p = slab.base + slab.used;
    slab.used += bytes;
    ++slab.live;
    return p;
  }

  void release(void* p, std::size_t) noexcept override {
    std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < slabs_.size(); ++i) {
      Slab& slab = slabs_[i];
      if (static_cast<char*>(p) < slab.base || static_cast<char*>(p) >= slab.base + kSlabBytes) continue;
      if (--slab.live > 0) return;
      if (i + 1 == slabs_.size()) {
        slab.used = 0;
      } else {
        std::free(std::exchange(spare_, slab.base));
        slabs_.erase(slabs_.begin() + std::ptrdiff_t(i));
      }
      return;
    }
  }

 private:
  struct Slab {
    char* base;
    std::size_t used;  // bytes handed out, from the start
    int live;          // buffers not yet released
  };
  std::mutex mutex_;
  std::vector<Slab> slabs_;  // the last one is being filled
  void* spare_ = nullptr;     // an emptied slab, for the next one needed
};

}  // namespace

BufferAllocator& page_arena() {
  static PageArena* arena = new PageArena;
  return *arena;
}

}  // namespace convjit
