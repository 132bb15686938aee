#pragma once
// How drivers spread work over OpenMP threads without allocating.
#include <immintrin.h>
#include <omp.h>

#include <algorithm>
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

// Threads a run is worth: none beyond the first for tiny work.
inline int threads_for(double flops, int max_threads) {
  constexpr double kMinFlopsPerThread = 2e5;
  return static_cast<int>(std::clamp<double>(flops / kMinFlopsPerThread, 1, max_threads));
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

  // From image n of pairs[p] on, in a run of `images` images; does nothing
  // for images of kAheadBytes or more, or runs of less than kMinRunBytes.
  InputPrefetcher(std::span<const TensorPair> pairs, int64_t images, std::size_t p, int64_t n)
      : pairs_(pairs), q_(p) {
    if (q_ >= pairs_.size()) return;
    const ConstTensorView& src = pairs_[q_].src;
    image_ = bytes(q_) / std::max<int64_t>(src.shape.dim[0], 1);
    if (image_ == 0 || image_ >= kAheadBytes || image_ * images < kMinRunBytes) {
      image_ = 0;
      return;
    }
    offset_ = n * image_;
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
  std::size_t q_;
  int64_t offset_ = 0, image_ = 0;
};

// Calls item(pair, n, part, thread) for every part of every image of every
// pair (images x parts items in all), split in contiguous ranges over
// `threads` threads: a ragged batch runs as one batch. `flush_denormals`:
// each thread runs with FTZ/DAZ set (DenormalScope). Each thread ends with a
// store fence, so outputs its items streamed (stream_copy) are visible to the
// caller when the run returns.
template <class F>
void for_each_item(std::span<const TensorPair> pairs, int64_t images, int64_t parts, int threads,
                   bool flush_denormals, F&& item) {
  auto work = [&](int t, int nt) {
    const DenormalScope denormals(flush_denormals);
    auto [begin, end] = split(images * parts, nt, t);
    std::size_t p = 0;
    int64_t first = 0;  // global index of image 0 of pairs[p]
    auto batch = [&](std::size_t i) { return pairs[i].src.shape.dim[0]; };
    while (p < pairs.size() && first + batch(p) <= begin / parts) first += batch(p++);
    InputPrefetcher prefetch(pairs, images, p, begin / parts - first);
    for (int64_t it = begin; it < end; ++it) {
      const int64_t image = it / parts;
      while (image - first >= batch(p)) first += batch(p++);
      if (it % parts == 0) prefetch.next();
      item(pairs[p], image - first, it % parts, t);
    }
    _mm_sfence();
  };
  if (threads <= 1) {
    work(0, 1);  // no parallel region at all: tiny problems stay cheap
    return;
  }
#pragma omp parallel num_threads(threads)
  work(omp_get_thread_num(), omp_get_num_threads());
}

}  // namespace convjit
