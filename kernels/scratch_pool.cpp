#include "kernels/scratch_pool.hpp"

#include <thread>

namespace convjit {

void ScratchPool::reset(DataType dt, int slots, int64_t in, int64_t out) {
  dt_ = dt;
  slots_ = slots;
  // Each slot starts a cache line of its own: threads that write the ends
  // of neighbouring slots would otherwise pass the line between them.
  const int64_t line = 64 / int64_t(size_of(dt));
  in_size_ = (in + line - 1) / line * line;
  out_size_ = (out + line - 1) / line * line;
  for (auto& set : sets_) set.reset();
  sets_[0] = make_set();
  count_.store(1, std::memory_order_release);
}

std::unique_ptr<ScratchPool::Set> ScratchPool::make_set() const {
  auto set = std::make_unique<Set>();
  set->in = Buffer(dt_, Shape{1, {in_size_ * slots_}});
  set->out = Buffer(dt_, Shape{1, {out_size_ * slots_}});
  return set;
}

int ScratchPool::acquire() const {
  for (;;) {
    const int made = count_.load(std::memory_order_acquire);
    for (int i = 0; i < made; ++i)
      if (!sets_[i]->busy.exchange(true, std::memory_order_acquire)) return i;
    {
      std::lock_guard lock(grow_);
      const int now = count_.load(std::memory_order_relaxed);
      if (now == made && now < kMaxSets) {
        sets_[now] = make_set();
        sets_[now]->busy.store(true, std::memory_order_relaxed);
        count_.store(now + 1, std::memory_order_release);
        return now;
      }
    }
    if (count_.load(std::memory_order_relaxed) == kMaxSets) std::this_thread::yield();
  }
}

void ScratchPool::release(int set) const { sets_[set]->busy.store(false, std::memory_order_release); }

}  // namespace convjit
