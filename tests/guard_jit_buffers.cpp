#include "tests/guard_jit_buffers.hpp"

#include <map>
#include <mutex>

namespace convjit {

// One for the process: buffers outlive the GuardJitBuffers they were made
// under, and must find their way back to munmap.
class GuardJitBuffers::Allocator final : public BufferAllocator {
 public:
  static Allocator& instance() {
    static Allocator* a = new Allocator;  // never destroyed: buffers may outlive main's statics
    return *a;
  }

  void* allocate(std::size_t bytes, BufferUse use) override {
    std::lock_guard lock(mutex_);
    const auto u = static_cast<std::size_t>(use);
    const GuardSide side = made_[u]++ % 2 ? other_side(first_) : first_;
    GuardedRegion region;
    try {
      region = map_guarded(bytes, side);
    } catch (const Error&) {
      return nullptr;  // Buffer reports it as out of memory
    }
    live_[region.data] = {{use, static_cast<const char*>(region.data), bytes, side}, region};
    return region.data;
  }

  void release(void* data, std::size_t) noexcept override {
    std::lock_guard lock(mutex_);
    auto it = live_.find(data);
    if (it == live_.end()) return;
    unmap_guarded(it->second.region);
    live_.erase(it);
  }

  std::optional<Allocation> find(const void* p) {
    std::lock_guard lock(mutex_);
    const auto at = reinterpret_cast<uintptr_t>(p);
    const std::size_t page = GuardedTensor::page_size();
    for (const auto& [data, record] : live_) {
      const auto begin = reinterpret_cast<uintptr_t>(record.allocation.data);
      if (at + page >= begin && at < begin + record.allocation.bytes + page) return record.allocation;
    }
    return std::nullopt;
  }

  // The state a scope sets and restores.
  struct Turns {
    GuardSide first;
    std::array<int64_t, kBufferUses> made;
  };
  Turns swap(Turns turns) {
    std::lock_guard lock(mutex_);
    Turns before{first_, made_};
    first_ = turns.first;
    made_ = turns.made;
    return before;
  }
  int64_t made(BufferUse use) {
    std::lock_guard lock(mutex_);
    return made_[static_cast<std::size_t>(use)];
  }

 private:
  struct Record {
    Allocation allocation;
    GuardedRegion region;
  };
  std::mutex mutex_;
  GuardSide first_ = GuardSide::end;
  std::array<int64_t, kBufferUses> made_{};
  std::map<void*, Record> live_;
};

GuardJitBuffers::GuardJitBuffers(GuardSide first) {
  Allocator& a = Allocator::instance();
  const Allocator::Turns before = a.swap({first, {}});
  previous_first_ = before.first;
  made_before_ = before.made;
  previous_ = set_jit_buffer_allocator(&a);
}

GuardJitBuffers::~GuardJitBuffers() {
  Allocator& a = Allocator::instance();
  // An enclosing scope goes on where it was.
  a.swap({previous_first_, made_before_});
  set_jit_buffer_allocator(previous_);
}

std::optional<GuardJitBuffers::Allocation> GuardJitBuffers::find(const void* p) {
  return Allocator::instance().find(p);
}

int64_t GuardJitBuffers::made(BufferUse use) const { return Allocator::instance().made(use); }

}  // namespace convjit
