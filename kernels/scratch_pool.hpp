#pragma once
// Scratch for the runs of one kernel. Kernel::run may be called from many
// threads at once, and two runs must never stage into the same memory, so
// each run leases a set of slots (one per thread of the run) for as long as
// it lasts. The set made at bind time serves every run that overlaps no
// other: only overlapping runs allocate, once per extra set, which is kept
// for later runs. Each slot is a buffer of its own (an overrun of one slot
// reaches a guard page under tests/guard_alloc, not the next slot), and so
// starts a cache line of its own: threads that write the ends of
// neighbouring slots do not pass a line between them.
#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "kernels/buffer.hpp"

namespace convjit {

class ScratchPool {
 public:
  // Sets of `slots` slots of `in` and `out` elements of dt each (0: none,
  // a null slot); drops the sets made before unless they have those sizes
  // (a rebind keeps them). Not thread-safe with leases.
  void reset(DataType dt, int slots, int64_t in, int64_t out);

  // A run's hold on one set; slot(t) is the slot of thread t of the run.
  class Lease {
   public:
    explicit Lease(const ScratchPool& pool) : pool_(pool), set_(pool.acquire()) {}
    ~Lease() { pool_.release(set_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    int slot(int thread) const { return set_ * pool_.slots_ + thread; }

   private:
    const ScratchPool& pool_;
    const int set_;
  };

  template <class T> T* in(int slot) const { return at<T>(&Set::in, slot); }
  template <class T> T* out(int slot) const { return at<T>(&Set::out, slot); }

 private:
  // Overlapping runs beyond this wait for a set to come free.
  static constexpr int kMaxSets = 64;
  struct Set {
    std::vector<Buffer> in, out;  // one per slot
    std::atomic<bool> busy{false};
  };

  int acquire() const;
  void release(int set) const;
  std::unique_ptr<Set> make_set() const;
  // Scratch is written by const run(): each slot belongs to one thread.
  template <class T> T* at(std::vector<Buffer> Set::*which, int slot) const {
    const Set& set = *sets_[slot / slots_];
    return const_cast<T*>((set.*which)[slot % slots_].template as<T>());
  }

  DataType dt_ = DataType::f32;
  int slots_ = 1;
  int64_t in_size_ = 0, out_size_ = 0;
  // sets_[0, count_) are made and never move; more are added under grow_.
  mutable std::array<std::unique_ptr<Set>, kMaxSets> sets_;
  mutable std::atomic<int> count_{0};
  mutable std::mutex grow_;
};

}  // namespace convjit
