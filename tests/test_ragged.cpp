// Ragged batches: one call over many tensors of different batch sizes gives
// exactly what running each alone gives, and no run path allocates.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <new>
#include <random>
#include <vector>

#include "convjit/convjit.hpp"
#include "validation/test_data.hpp"

namespace {
std::atomic<bool> g_counting{false};
std::atomic<int64_t> g_allocations{0};
}  // namespace

// The test binary's global allocator counts while asked to.
void* operator new(std::size_t size) {
  if (g_counting.load(std::memory_order_relaxed)) g_allocations.fetch_add(1);
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
// The nothrow forms too (std::stable_sort asks for its buffer so), or the
// runtime's own would hand out memory that the replaced delete frees.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  if (g_counting.load(std::memory_order_relaxed)) g_allocations.fetch_add(1);
  return std::malloc(size ? size : 1);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return operator new(size, tag); }
// The deletes are not inlined: inlined where a pointer from new is freed,
// GCC warns of new/free mismatch (-Wmismatched-new-delete), not knowing that
// this new is malloc.
[[gnu::noinline]] void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace convjit {
namespace {

struct Ragged {
  std::vector<Buffer> src, dst;
  std::vector<TensorPair> pairs;
};

Ragged make_ragged(const ConvDesc& d, const std::vector<int64_t>& batches, uint64_t seed) {
  Ragged r;
  for (std::size_t i = 0; i < batches.size(); ++i) {
    r.src.emplace_back(d.dt, d.src_shape(batches[i]));
    fill_integer(r.src.back(), seed + i, -4, 4, 0.9);
    r.dst.emplace_back(d.dt, d.dst_shape(batches[i]));
  }
  for (std::size_t i = 0; i < batches.size(); ++i) r.pairs.push_back({r.src[i].view(), r.dst[i].view()});
  return r;
}

void expect_ragged_equals_singles(const char* text, Layout layout, int threads, Backend backend) {
  ConvDesc d = ConvDesc::parse(text);
  d.layout = layout;
  d.post_ops = {true, true};
  Engine engine(EngineOptions{.threads = threads});
  auto kernel = engine.make_kernel(d, backend);
  ProblemData data = make_problem_data(d, 1, Fill::integer, 3);
  kernel->bind(data.wei.view(), data.bias.view());
  Ragged r = make_ragged(d, {3, 0, 1, 7, 2, 5}, 11);
  kernel->run_ragged(r.pairs);
  for (std::size_t i = 0; i < r.pairs.size(); ++i) {
    Buffer alone(d.dt, r.dst[i].shape());
    kernel->run(r.src[i].view(), alone.view());
    ASSERT_EQ(std::memcmp(alone.data(), r.dst[i].data(), alone.bytes()), 0)
        << text << " pair " << i << " backend " << to_string(backend) << " threads " << threads;
  }
}

TEST(Ragged, MatchesEachTensorRunAlone) {
  for (Backend backend : {Backend::automatic, Backend::interp, Backend::reference})
    for (int threads : {1, 2})
      for (Layout layout : {Layout::ncx, Layout::nxc}) {
        expect_ragged_equals_singles("mb1ic1ih16oc4kh5", layout, threads, backend);
        expect_ragged_equals_singles("g2mb1ic4ih9oc6kh3sh2ph1", layout, threads, backend);
      }
}

TEST(Ragged, ChecksEveryPairBeforeTouchingAny) {
  ConvDesc d = ConvDesc::parse("mb1ic1ih16oc4kh5");
  Engine engine;
  auto kernel = engine.make_kernel(d);
  ProblemData data = make_problem_data(d, 1, Fill::integer, 3);
  kernel->bind(data.wei.view());
  Ragged r = make_ragged(d, {2, 3}, 5);
  Buffer wrong(d.dt, d.dst_shape(4));  // batch 4 for a src of batch 3
  r.pairs[1].dst = wrong.view();
  try {
    kernel->run_ragged(r.pairs);
    FAIL() << "a mismatched pair was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), "pairs[1].dst");
  }
  Buffer zeros(d.dt, r.dst[0].shape());
  EXPECT_EQ(std::memcmp(zeros.data(), r.dst[0].data(), zeros.bytes()), 0) << "pair 0 was written";
}

int64_t allocations_during(const std::function<void()>& f) {
  g_allocations = 0;
  g_counting = true;
  f();
  g_counting = false;
  return g_allocations.load();
}

TEST(Ragged, NoHeapAllocationOnAnyRunPath) {
  // The last gathers its input (a strided 1x1 filter, channels first).
  for (const char* text : {"mb4ic1ih16oc4kh5", "mb2ic3ih32oc10kh2sh2ph1", "mb1ic1ih64oc1kh3", "mb3ic4ih24oc256oh12kh1sh2"})
    for (Layout layout : {Layout::ncx, Layout::nxc})
      for (int threads : {1, 2})
        for (Backend backend : {Backend::automatic, Backend::interp, Backend::reference}) {
          ConvDesc d = ConvDesc::parse(text);
          d.layout = layout;
          Engine engine(EngineOptions{.threads = threads});
          auto kernel = engine.make_kernel(d, backend);
          ProblemData data = make_problem_data(d, d.mb, Fill::integer, 3);
          kernel->bind(data.wei.view());
          Buffer dst(d.dt, d.dst_shape(d.mb));
          Ragged r = make_ragged(d, {2, 1, 3}, 9);
          kernel->run(data.src.view(), dst.view());  // warm-up: OpenMP starts its threads
          kernel->run_ragged(r.pairs);
          const std::string what = std::string(text) + " " + std::string(to_string(backend));
          EXPECT_EQ(allocations_during([&] { kernel->run(data.src.view(), dst.view()); }), 0) << what;
          EXPECT_EQ(allocations_during([&] { kernel->run_ragged(r.pairs); }), 0) << what;
        }
  // The counter does count: a deliberate allocation is seen.
  EXPECT_EQ(allocations_during([] {
              int* volatile p = new int(1);
              delete p;
            }),
            1);
}

}  // namespace
}  // namespace convjit
