#pragma once
// Cache-blocked transpose for the drivers' layout changes (channels first
// <-> channels last): tiles keep both the reads and the writes within a few
// cache lines, and inside a tile 8x8 (f32) or 4x4 (f64) blocks move through
// AVX registers, where element by element they cost about ten cycles each
// (measured: the NCHW ResNet-50 layers spent most of their time here).
#include <immintrin.h>

#include <algorithm>
#include <cstdint>
#include <type_traits>

namespace convjit {
namespace transpose_detail {

// The AVX blocks are compiled for AVX in these functions only and called
// only where the CPU has it (has_avx).
__attribute__((target("avx"))) inline void block8x8(const float* from, int64_t from_stride, float* to,
                                                    int64_t to_stride) {
  __m256 r[8], t[8];
  for (int i = 0; i < 8; ++i) r[i] = _mm256_loadu_ps(from + i * from_stride);
  for (int i = 0; i < 8; i += 2) {
    t[i] = _mm256_unpacklo_ps(r[i], r[i + 1]);      // a0 b0 a1 b1 | a4 b4 a5 b5
    t[i + 1] = _mm256_unpackhi_ps(r[i], r[i + 1]);  // a2 b2 a3 b3 | a6 b6 a7 b7
  }
  for (int i = 0; i < 8; i += 4) {
    r[i] = _mm256_shuffle_ps(t[i], t[i + 2], 0x44);      // a0 b0 c0 d0 | a4 b4 c4 d4
    r[i + 1] = _mm256_shuffle_ps(t[i], t[i + 2], 0xEE);  // a1 b1 c1 d1 | a5 ...
    r[i + 2] = _mm256_shuffle_ps(t[i + 1], t[i + 3], 0x44);
    r[i + 3] = _mm256_shuffle_ps(t[i + 1], t[i + 3], 0xEE);
  }
  for (int i = 0; i < 4; ++i) {
    _mm256_storeu_ps(to + i * to_stride, _mm256_permute2f128_ps(r[i], r[i + 4], 0x20));
    _mm256_storeu_ps(to + (i + 4) * to_stride, _mm256_permute2f128_ps(r[i], r[i + 4], 0x31));
  }
}

__attribute__((target("avx"))) inline void block4x4(const double* from, int64_t from_stride, double* to,
                                                    int64_t to_stride) {
  __m256d r[4], t[4];
  for (int i = 0; i < 4; ++i) r[i] = _mm256_loadu_pd(from + i * from_stride);
  for (int i = 0; i < 4; i += 2) {
    t[i] = _mm256_unpacklo_pd(r[i], r[i + 1]);      // a0 b0 | a2 b2
    t[i + 1] = _mm256_unpackhi_pd(r[i], r[i + 1]);  // a1 b1 | a3 b3
  }
  _mm256_storeu_pd(to, _mm256_permute2f128_pd(t[0], t[2], 0x20));
  _mm256_storeu_pd(to + to_stride, _mm256_permute2f128_pd(t[1], t[3], 0x20));
  _mm256_storeu_pd(to + 2 * to_stride, _mm256_permute2f128_pd(t[0], t[2], 0x31));
  _mm256_storeu_pd(to + 3 * to_stride, _mm256_permute2f128_pd(t[1], t[3], 0x31));
}

inline bool has_avx() {
  static const bool avx = __builtin_cpu_supports("avx");
  return avx;
}

}  // namespace transpose_detail

// to[c * to_stride + r] = from[r * from_stride + c] for r < rows, c < cols.
template <class T>
void transpose(const T* from, int64_t rows, int64_t cols, int64_t from_stride, T* to,
               int64_t to_stride) {
  // Tiles of 128 rows x 32 columns: with rows of `to` 4 KiB apart (1024
  // channels) all its lines fall in the same L1 sets, and short tiles of 32
  // rows kept revisiting them (measured, 1024 x 196: 120 us; 128-row tiles:
  // 19 us; other shapes within 20% either way).
  constexpr int64_t kTileRows = 128, kTileCols = 32, kBlock = std::is_same_v<T, float> ? 8 : 4;
  const bool simd = transpose_detail::has_avx();
  for (int64_t r0 = 0; r0 < rows; r0 += kTileRows) {
    const int64_t r1 = std::min(rows, r0 + kTileRows);
    for (int64_t c0 = 0; c0 < cols; c0 += kTileCols) {
      const int64_t c1 = std::min(cols, c0 + kTileCols);
      // Whole blocks, columns outer: the lines a block column writes are
      // completed by the next blocks down before anything can evict them
      // (channels-last rows 4 KiB apart all fall in the same L1 sets).
      const int64_t rs = simd ? r0 + (r1 - r0) / kBlock * kBlock : r0;
      const int64_t cs = simd ? c0 + (c1 - c0) / kBlock * kBlock : c0;
      for (int64_t c = c0; c < cs; c += kBlock)
        for (int64_t r = r0; r < rs; r += kBlock) {
          if constexpr (std::is_same_v<T, float>)
            transpose_detail::block8x8(from + r * from_stride + c, from_stride, to + c * to_stride + r, to_stride);
          else
            transpose_detail::block4x4(from + r * from_stride + c, from_stride, to + c * to_stride + r, to_stride);
        }
      for (int64_t r = r0; r < r1; ++r)
        for (int64_t c = r < rs ? cs : c0; c < c1; ++c) to[c * to_stride + r] = from[r * from_stride + c];
    }
  }
}

}  // namespace convjit
