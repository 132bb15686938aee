// Packed weights of 4 KiB to 1 MiB share 2 MiB slabs (kernels/page_arena):
// each buffer is aligned, whole and apart from the others, keeps what was
// written to it while others come and go, and a zeroed one reads zero on
// memory a dead buffer left dirty.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdint>
#include <thread>
#include <vector>

#include "kernels/buffer.hpp"
#include "kernels/page_arena.hpp"

namespace convjit {
// Named: the tests' unity build puts files side by side, where helpers of
// an anonymous namespace with common names could meet another file's.
namespace page_arena_test {
namespace {

constexpr std::uintptr_t kSlab = std::uintptr_t(2) << 20;

Buffer packed(int64_t floats, Buffer::Init init = Buffer::Init::none) {
  return Buffer(DataType::f32, Shape{1, {floats}}, BufferUse::packed_weights, init);
}

std::uintptr_t address(const Buffer& b) { return reinterpret_cast<std::uintptr_t>(b.data()); }

void fill(Buffer& b, float v) { std::fill_n(b.as<float>(), b.size(), v); }

bool holds(const Buffer& b, float v) {
  return std::all_of(b.as<float>(), b.as<float>() + b.size(), [v](float x) { return x == v; });
}

TEST(PageArena, PackedWeightsOfAFewPagesShareSlabsApartAndWhole) {
  // 8 KiB (MobileNet's first 1x1), 64 KiB, 147 KiB (ResNet-50 res2's 3x3),
  // 256 KiB, 600 KiB.
  const int64_t sizes[] = {2 << 10, 16 << 10, 36864 + 5, 64 << 10, 150 << 10};
  std::vector<Buffer> buffers;
  for (int64_t n : sizes) {
    buffers.push_back(packed(n));
    fill(buffers.back(), float(buffers.size()));
  }
  for (std::size_t i = 0; i < buffers.size(); ++i) {
    EXPECT_EQ(address(buffers[i]) % 64, 0u) << i;
    EXPECT_TRUE(holds(buffers[i], float(i + 1))) << i;
    for (std::size_t j = 0; j < i; ++j)
      EXPECT_TRUE(address(buffers[i]) >= address(buffers[j]) + buffers[j].bytes() ||
                  address(buffers[j]) >= address(buffers[i]) + buffers[i].bytes())
          << i << " overlaps " << j;
  }
#ifndef __SANITIZE_ADDRESS__  // where each buffer is an allocation of its own
  // The first four were carved from one slab.
  EXPECT_EQ(address(buffers[0]) / kSlab, address(buffers[3]) / kSlab);
  EXPECT_EQ(address(buffers[0]) / kSlab, (address(buffers[3]) + buffers[3].bytes() - 1) / kSlab);
#endif
}

TEST(PageArena, MemoryComesBackAndAZeroedBufferReadsZero) {
  std::vector<Buffer> dirty;
  for (int i = 0; i < 6; ++i) {
    dirty.push_back(packed(40 << 10));
    fill(dirty.back(), -1.0f);
  }
  const Buffer kept = packed(20 << 10);
  dirty.clear();  // every slab but the one `kept` is in goes back, or is emptied
  std::vector<Buffer> fresh;
  for (int i = 0; i < 6; ++i) {
    fresh.push_back(packed(40 << 10, Buffer::Init::zero));
    EXPECT_TRUE(holds(fresh.back(), 0.0f)) << i;
    fill(fresh.back(), float(i));
  }
  for (int i = 0; i < 6; ++i) EXPECT_TRUE(holds(fresh[std::size_t(i)], float(i))) << i;
}

long minor_faults() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}

// A slab emptied while another is being filled is kept aside and filled
// next, its pages already there: filling it faults none.
TEST(PageArena, AnEmptiedSlabIsFilledNextWithoutFaults) {
  constexpr int64_t kQuarter = int64_t(kSlab / 4 / sizeof(float));
  std::vector<Buffer> first, next;
  first.reserve(12);
  next.reserve(4);
  for (int i = 0; i < 12; ++i) {
    first.push_back(packed(kQuarter));
    fill(first.back(), 1.0f);
  }
  // A slab that four of them fill, not the last one's.
  const std::uintptr_t last = address(first.back()) / kSlab;
  std::uintptr_t emptied = 0;
  for (const Buffer& b : first) {
    const std::uintptr_t s = address(b) / kSlab;
    const auto in_s = [&](const Buffer& o) { return address(o) / kSlab == s; };
    if (s != last && std::count_if(first.begin(), first.end(), in_s) == 4) emptied = s;
  }
  std::erase_if(first, [&](const Buffer& b) { return address(b) / kSlab == emptied; });
  const long faults = minor_faults();
  for (int i = 0; i < 4; ++i) {
    next.push_back(packed(kQuarter));
    fill(next.back(), 2.0f);
  }
  const long filling = minor_faults() - faults;
  for (const Buffer& b : first) EXPECT_TRUE(holds(b, 1.0f));
  for (const Buffer& b : next) EXPECT_TRUE(holds(b, 2.0f));
#ifndef __SANITIZE_ADDRESS__  // where each buffer is an allocation of its own
  ASSERT_NE(emptied, 0u) << "no slab of four";
  for (const Buffer& b : next) EXPECT_EQ(address(b) / kSlab, emptied);
  EXPECT_EQ(filling, 0) << "page faults filling the emptied slab again";
#endif
}

TEST(PageArena, ThreadsTakeAndReturnBuffersConcurrently) {
  auto work = [](float mark, bool* ok) {
    for (int round = 0; round < 50; ++round) {
      std::vector<Buffer> mine;
      for (int i = 0; i < 4; ++i) {
        mine.push_back(packed(int64_t(17 + i) << 10));
        fill(mine.back(), mark + float(i));
      }
      for (int i = 0; i < 4; ++i) *ok = *ok && holds(mine[std::size_t(i)], mark + float(i));
    }
  };
  bool ok[2] = {true, true};
  std::thread a(work, 1.0f, &ok[0]), b(work, 100.0f, &ok[1]);
  a.join();
  b.join();
  EXPECT_TRUE(ok[0]);
  EXPECT_TRUE(ok[1]);
}

}  // namespace
}  // namespace page_arena_test
}  // namespace convjit
