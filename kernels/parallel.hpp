#pragma once
// How drivers spread work over OpenMP threads without allocating.
#include <immintrin.h>
#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <span>
#include <utility>

#include "convjit/kernel.hpp"
#include "kernels/denormals.hpp"

namespace convjit {

// [begin, end) of part `t` of `n` items split in `parts` nearly equal parts.
inline std::pair<int64_t, int64_t> split(int64_t n, int parts, int t) {
  int64_t base = n / parts, extra = n % parts;
  int64_t begin = t * base + std::min<int64_t>(t, extra);
  return {begin, begin + base + (t < extra ? 1 : 0)};
}

// Whether `threads` sharing one image split its rows at least as evenly as
// its output-channel blocks: a 1x1 layer computed as one long row has one
// row; 7 rows of ResNet's last stage split 4 + 3, where its 32 blocks split
// 16 + 16.
inline bool split_by_rows(int64_t rows, int64_t blocks, int threads) {
  auto slowest = [threads](int64_t parts) { return double((parts + threads - 1) / threads) / double(parts); };
  return slowest(rows) <= slowest(blocks);
}

// Threads a run is worth: none beyond the first for tiny work.
constexpr double kMinFlopsPerThread = 2e5;
inline int threads_for(double flops, int max_threads) {
  return static_cast<int>(std::clamp<double>(flops / kMinFlopsPerThread, 1, max_threads));
}

// The most images of `flops_per_image` that threads_for() gives one thread.
inline int64_t images_for_one_thread(double flops_per_image, int max_threads) {
  constexpr int64_t kAny = int64_t(1) << 40;
  if (max_threads <= 1 || flops_per_image <= 0) return kAny;
  // Below 2 x kMinFlopsPerThread; the division's rounding settled by threads_for itself.
  auto n = static_cast<int64_t>(std::min(2 * kMinFlopsPerThread / flops_per_image, double(kAny)));
  while (n > 0 && threads_for(flops_per_image * double(n), max_threads) > 1) --n;
  while (n < kAny && threads_for(flops_per_image * double(n + 1), max_threads) == 1) ++n;
  return n;
}

// Keeps the input of the next kAheadBytes in L2 ahead of the images being
// computed, across the tensors of a ragged batch: small images are too
// short for the hardware prefetchers to ramp up within each, and every
// separate allocation starts them cold. Measured, 30,000 16x16 images, 5x5,
// 1 => 4: one batch 6.6 -> 5.4 ms on one thread, 3.6 -> 2.8 ms on two; the
// same images in 1000 separate tensors of 20-40: 1.07-1.09x one batch's time
// without, 0.98-1.02x with (64 KiB ahead; 32 KiB left 2 threads at 1.04-1.11x).
class InputPrefetcher {
 public:
  static constexpr int64_t kAheadBytes = 65536;
  // Runs whose input the caches hold anyway gain nothing (small ones lose).
  static constexpr int64_t kMinRunBytes = 4 << 20;

  InputPrefetcher() = default;
  // From image n of pairs[p] on, for `count` images of a run of `images`;
  // does nothing for images of kAheadBytes or more, or runs of less than
  // kMinRunBytes. Never asks for input past the `count` images: another
  // thread computes those.
  InputPrefetcher(std::span<const TensorPair> pairs, int64_t images, std::size_t p, int64_t n,
                  int64_t count)
      : pairs_(pairs), q_(p) {
    if (q_ >= pairs_.size()) return;
    const ConstTensorView& src = pairs_[q_].src;
    image_ = bytes(q_) / std::max<int64_t>(src.shape.dim[0], 1);
    if (image_ == 0 || image_ >= kAheadBytes || image_ * images < kMinRunBytes) {
      image_ = 0;
      return;
    }
    offset_ = n * image_;
    left_ = count * image_;
    advance(kAheadBytes);
  }
  // One image more: asks for the image kAheadBytes ahead.
  void next() {
    if (image_) advance(image_);
  }

 private:
  int64_t bytes(std::size_t q) const {
    return pairs_[q].src.shape.elems() * int64_t(size_of(pairs_[q].src.dt));
  }
  void advance(int64_t count) {
    count = std::min(count, left_);
    left_ -= count;
    while (count > 0 && q_ < pairs_.size()) {
      const int64_t take = std::min(count, bytes(q_) - offset_);
      const char* base = static_cast<const char*>(pairs_[q_].src.data);
      for (int64_t b = offset_; b < offset_ + take; b += 64) _mm_prefetch(base + b, _MM_HINT_T1);
      offset_ += take;
      count -= take;
      if (offset_ == bytes(q_)) ++q_, offset_ = 0;
    }
  }

  std::span<const TensorPair> pairs_;
  std::size_t q_ = 0;
  int64_t offset_ = 0, image_ = 0, left_ = 0;
};

// Chunks a run of `flops` in `items` is cut into for `threads`: enough that
// a thread which finishes early takes over the work of a slower one (on a VM
// one vCPU may be slower than the other for seconds at a time: 30,000 16x16
// images, 5x5, split evenly, took 2.9 ms on one thread and 3.9 ms on the
// other), few enough that taking one costs nothing next to it.
inline int64_t chunk_count(int64_t items, double flops, int threads) {
  constexpr int kMaxChunksPerThread = 32;
  constexpr double kMinChunkFlops = 4e6;  // about 20 us of FMAs
  const double chunks = std::clamp<double>(flops / kMinChunkFlops, threads,
                                           double(threads) * kMaxChunksPerThread);
  return std::min<int64_t>(items, static_cast<int64_t>(chunks));
}

// Deals the chunks of a run: each thread takes the chunks of its own share
// in order (one contiguous stream, as an even split would give it), then
// whatever is left of the others' shares. Every chunk is dealt once however
// few threads come to take them. No allocation: the shares' cursors live
// here, so threads beyond kMaxShares share the shares.
class ChunkDealer {
 public:
  static constexpr int kMaxShares = 64;
  ChunkDealer(int64_t chunks, int threads) : chunks_(chunks), shares_(std::min(threads, kMaxShares)) {
    for (int s = 0; s < shares_; ++s) next_[s].value.store(0, std::memory_order_relaxed);
  }
  // Whether thread t has a chunk left to compute: `chunk`, from share
  // t + `visited` (a count the thread keeps, from 0), its own when `visited`
  // is still 0.
  bool take(int t, int& visited, int64_t& chunk) {
    for (; visited < shares_; ++visited) {
      const int share = (t + visited) % shares_;
      auto [first, last] = split(chunks_, shares_, share);
      chunk = first + next_[share].value.fetch_add(1, std::memory_order_relaxed);
      if (chunk < last) return true;
    }
    return false;
  }
  // One past the last chunk of thread t's own share.
  int64_t own_end(int t) const { return split(chunks_, shares_, t % shares_).second; }

 private:
  struct alignas(64) Cursor {
    std::atomic<int64_t> value;
  };
  int64_t chunks_;
  int shares_;
  Cursor next_[kMaxShares];
};

// Calls item(pair, n, part, thread) for every part of every image of every
// pair (images x parts items in all), `flops` of work in all, over `threads`
// threads: a ragged batch runs as one batch. Items go in contiguous chunks
// that a ChunkDealer deals. `flush_denormals`: each thread runs with FTZ/DAZ
// set (DenormalScope). Each thread ends with a store fence, so outputs its
// items streamed (stream_copy) are visible to the caller when the run
// returns. Returns the threads of the team that ran (OpenMP may give fewer
// than asked), for the drivers to report (PlannedKernel::last_run).
template <class F>
int for_each_item(std::span<const TensorPair> pairs, int64_t images, int64_t parts, double flops,
                   int threads, bool flush_denormals, F&& item) {
  auto batch = [&](std::size_t i) { return pairs[i].src.shape.dim[0]; };
  // One thread's walk over the run: its cursor (pair p, of which image 0 is
  // image `first` of the run) and its prefetcher, which go on from one chunk
  // to the next when the next follows on.
  struct Walk {
    std::size_t p = 0;
    int64_t first = 0, next = -1;
    InputPrefetcher prefetch;
  };
  // Items [begin, end) on thread t; input is prefetched up to item `limit`.
  auto range = [&](Walk& w, int64_t begin, int64_t end, int64_t limit, int t) {
    if (begin < w.first * parts) w.p = 0, w.first = 0;
    while (w.p < pairs.size() && w.first + batch(w.p) <= begin / parts) w.first += batch(w.p++);
    if (begin != w.next) {
      const int64_t image = begin / parts, image_limit = (limit + parts - 1) / parts;
      w.prefetch = InputPrefetcher(pairs, images, w.p, image - w.first, image_limit - image);
    }
    for (int64_t it = begin; it < end; ++it) {
      const int64_t image = it / parts;
      while (image - w.first >= batch(w.p)) w.first += batch(w.p++);
      if (it % parts == 0) w.prefetch.next();
      item(pairs[w.p], image - w.first, it % parts, t);
    }
    w.next = end;
  };
  const int64_t items = images * parts;
  if (threads <= 1) {
    // No parallel region at all: tiny problems stay cheap.
    const DenormalScope denormals(flush_denormals);
    Walk w;
    range(w, 0, items, items, 0);
    _mm_sfence();
    return 1;
  }
  const int64_t chunks = chunk_count(items, flops, threads);
  ChunkDealer dealer(chunks, threads);
  int team = 1;
#pragma omp parallel num_threads(threads)
  {
    const DenormalScope denormals(flush_denormals);
    const int t = omp_get_thread_num();
    if (t == 0) team = omp_get_num_threads();
    Walk w;
    int visited = 0;
    int64_t c;
    // In its own share a thread prefetches to the share's end; in another's,
    // to the chunk's end (the share's owner may take the next chunk).
    while (dealer.take(t, visited, c)) {
      auto [begin, end] = split(items, int(chunks), int(c));
      const int64_t limit = visited == 0 ? split(items, int(chunks), int(dealer.own_end(t) - 1)).second : end;
      range(w, begin, end, limit, t);
    }
    _mm_sfence();
  }
  return team;
}

}  // namespace convjit
