// How drivers spread a run over threads (kernels/parallel.hpp): every item
// of a ragged batch is computed exactly once whatever the threads and the
// chunks, a thread that finishes early takes over a slow one's chunks, and
// the dealer hands each thread its own share first.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "kernels/parallel.hpp"

namespace convjit {
namespace {

// Tensors of `batches` images each (some empty), 8 floats an image.
struct Ragged {
  explicit Ragged(const std::vector<int64_t>& batches) {
    for (int64_t b : batches) {
      Shape shape{2, {b, 8}};
      memory.emplace_back(b * 8);
      pairs.push_back({ConstTensorView(memory.back().data(), DataType::f32, shape),
                       TensorView(memory.back().data(), DataType::f32, shape)});
    }
    for (int64_t b : batches) images += b;
  }
  std::vector<std::vector<float>> memory;
  std::vector<TensorPair> pairs;
  int64_t images = 0;
};

// How often each (image of the run, part) was computed, and by which thread.
struct Visits {
  Visits(int64_t images, int64_t parts) : parts(parts), count(images * parts), thread(images * parts, -1) {}
  int64_t parts;
  std::vector<std::atomic<int>> count;
  std::vector<int> thread;
};

// Runs for_each_item and records its calls; `slow_thread` sleeps 2 ms in
// each: long beside the milliseconds a VM's vCPU can be taken away, during
// which the other thread takes nothing (with 300 us, a CI run on the 2-vCPU
// VM once saw the free thread take 44 of 64 items).
void record(const Ragged& r, int64_t parts, double flops, int threads, Visits& v, int slow_thread = -1) {
  for_each_item(r.pairs, r.images, parts, flops, threads, false,
                [&](const TensorPair& p, int64_t n, int64_t part, int t) {
    int64_t first = 0;  // the run's index of image 0 of p
    for (const TensorPair& q : r.pairs) {
      if (&q == &p) break;
      first += q.src.shape.dim[0];
    }
    ASSERT_GE(n, 0);
    ASSERT_LT(n, p.src.shape.dim[0]);
    ASSERT_LT(part, parts);
    const int64_t item = (first + n) * parts + part;
    v.count[item].fetch_add(1);
    v.thread[item] = t;
    if (t == slow_thread) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  });
}

TEST(ForEachItem, EveryItemOnceForAnyThreadsAndChunks) {
  const Ragged r({3, 0, 5, 1, 7, 0, 16, 2});
  for (int64_t parts : {1, 3})
    for (int threads : {1, 2, 3, 4})
      for (double flops : {0.0, 1e8, 1e12}) {  // as few chunks as threads, some, one per item
        Visits v(r.images, parts);
        record(r, parts, flops, threads, v);
        for (int64_t i = 0; i < r.images * parts; ++i)
          ASSERT_EQ(v.count[i].load(), 1) << "item " << i << ", parts " << parts << ", threads " << threads
                                          << ", flops " << flops;
      }
}

TEST(ForEachItem, AFreeThreadTakesOverASlowOnesChunks) {
  const Ragged r({40, 24});
  for (int slow : {0, 1}) {  // taking chunks after its own share, or before
    Visits v(r.images, 1);
    record(r, 1, 1e12, 2, v, slow);
    int64_t by_fast = 0;
    for (int64_t i = 0; i < r.images; ++i) {
      ASSERT_EQ(v.count[i].load(), 1) << "item " << i << ", slow thread " << slow;
      by_fast += v.thread[i] != slow;
    }
    // The slow thread sleeps in every item: the other computes its own half
    // and most of the slow one's, which an even split would not.
    EXPECT_GT(by_fast, r.images / 2 + r.images / 4) << "slow thread " << slow;
  }
}

TEST(ChunkDealer, OwnShareFirstThenTheOthersInTurn) {
  ChunkDealer dealer(10, 3);  // shares [0, 4) [4, 7) [7, 10)
  int visited = 0;
  int64_t chunk = -1;
  std::vector<int64_t> order;
  while (dealer.take(1, visited, chunk)) order.push_back(chunk);
  EXPECT_EQ(order, (std::vector<int64_t>{4, 5, 6, 7, 8, 9, 0, 1, 2, 3}));
  int other = 0;
  EXPECT_FALSE(dealer.take(0, other, chunk)) << "all ten were dealt";
}

TEST(ChunkDealer, EveryChunkOnceWhateverTheThreadsThatCome) {
  // More threads than shares: thread kMaxShares + 1 begins with share 1.
  const int threads = ChunkDealer::kMaxShares + 6;
  const int64_t chunks = 2 * ChunkDealer::kMaxShares;
  ChunkDealer dealer(chunks, threads);
  int visited = 0;
  int64_t chunk = -1;
  ASSERT_TRUE(dealer.take(ChunkDealer::kMaxShares + 1, visited, chunk));
  EXPECT_EQ(chunk, 2);
  EXPECT_EQ(visited, 0);
  // Only one of the threads asked for comes (OpenMP may give fewer): it
  // still gets every other chunk, once.
  std::vector<int> dealt(chunks, 0);
  dealt[chunk] = 1;
  int mine = 0;
  while (dealer.take(0, mine, chunk)) ++dealt[chunk];
  for (int64_t c = 0; c < chunks; ++c) EXPECT_EQ(dealt[c], 1) << "chunk " << c;
}

}  // namespace
}  // namespace convjit
