// stream_copy (kernels/stream_copy.hpp): whatever dst's alignment and the
// length, dst gets src's bytes, the whole lines streamed and the partial
// ones at either end stored plainly, and not a byte around dst changes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

#include "convjit/cpu.hpp"
#include "kernels/stream_copy.hpp"

namespace convjit {
namespace {

TEST(StreamCopy, AnyAlignmentAndLengthCopiesExactlyDst) {
  const Isa best = CpuFacts::detect().isa;
  std::vector<Isa> isas{Isa::scalar};
  if (best == Isa::avx2 || best == Isa::avx512) isas.push_back(Isa::avx2);
  if (best == Isa::avx512) isas.push_back(Isa::avx512);
  constexpr std::size_t kGuard = 128;
  std::vector<uint8_t> src(4096 + 200);
  for (std::size_t i = 0; i < src.size(); ++i) src[i] = uint8_t(i * 7 + 1);
  for (const Isa isa : isas)
    for (const std::size_t bytes : {0, 1, 17, 63, 64, 65, 127, 128, 200, 1000, 4096 + 64, 4096 + 131})
      for (std::size_t offset = 0; offset < 64; ++offset) {
        const std::size_t size = kGuard + offset + bytes + kGuard;
        std::unique_ptr<uint8_t, decltype(&std::free)> memory(
            static_cast<uint8_t*>(std::aligned_alloc(64, (size + 63) / 64 * 64)), &std::free);
        uint8_t* dst = memory.get();
        std::fill(dst, dst + size, uint8_t(0xEE));
        // src at its own phase: the lines streamed are dst's.
        stream_copy(src.data() + offset % 7, dst + kGuard + offset, bytes, isa);
        for (std::size_t i = 0; i < size; ++i) {
          const bool inside = i >= kGuard + offset && i < kGuard + offset + bytes;
          const uint8_t want = inside ? src[offset % 7 + i - kGuard - offset] : uint8_t(0xEE);
          ASSERT_EQ(dst[i], want) << to_string(isa) << ": " << bytes << " bytes at +" << offset << ", byte "
                                  << int64_t(i) - int64_t(kGuard + offset) << (inside ? " (inside)" : " (around)");
        }
      }
}

}  // namespace
}  // namespace convjit
