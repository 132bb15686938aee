#pragma once
// Cache-blocked transpose for the drivers' layout changes (channels first
// <-> channels last): tiles keep both the reads and the writes within a few
// cache lines, which a plain double loop does not for large channel counts.
#include <algorithm>
#include <cstdint>

namespace convjit {

// to[c * to_stride + r] = from[r * from_stride + c] for r < rows, c < cols.
template <class T>
void transpose(const T* from, int64_t rows, int64_t cols, int64_t from_stride, T* to,
               int64_t to_stride) {
  constexpr int64_t kTile = 16;
  for (int64_t r0 = 0; r0 < rows; r0 += kTile) {
    const int64_t r1 = std::min(rows, r0 + kTile);
    for (int64_t c0 = 0; c0 < cols; c0 += kTile) {
      const int64_t c1 = std::min(cols, c0 + kTile);
      for (int64_t r = r0; r < r1; ++r)
        for (int64_t c = c0; c < c1; ++c) to[c * to_stride + r] = from[r * from_stride + c];
    }
  }
}

}  // namespace convjit
