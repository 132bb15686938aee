#include "kernels/scratch_pool.hpp"

#include <thread>

namespace convjit {

void ScratchPool::reset(DataType dt, int slots, int64_t in, int64_t out) {
  if (count_.load(std::memory_order_relaxed) > 0 && dt == dt_ && slots == slots_ && in == in_size_ &&
      out == out_size_)
    return;
  dt_ = dt;
  slots_ = slots;
  in_size_ = in;
  out_size_ = out;
  for (auto& set : sets_) set.reset();
  sets_[0] = make_set();
  count_.store(1, std::memory_order_release);
}

std::unique_ptr<ScratchPool::Set> ScratchPool::make_set() const {
  auto set = std::make_unique<Set>();
  // A kernel that stages nothing has no memory (null slots) to stage into.
  // Not zeroed: staging writes every element the kernel reads, padding
  // included (the tests' allocator fills slots with NaN to hold it to
  // that), so bind does not pay for pages that the first run touches anyway.
  auto slot = [&](int64_t size, BufferUse use) {
    return size ? Buffer(dt_, Shape{1, {size}}, use, Buffer::Init::none) : Buffer();
  };
  for (int s = 0; s < slots_; ++s) {
    set->in.push_back(slot(in_size_, BufferUse::staged_input));
    set->out.push_back(slot(out_size_, BufferUse::staged_output));
  }
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
