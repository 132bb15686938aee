#pragma once
// Cache-blocked transpose for the drivers' layout changes (channels first
// <-> channels last): tiles keep both the reads and the writes within a few
// cache lines, and inside a tile 8x8 (f32) or 4x4 (f64) blocks move through
// AVX registers, where element by element they cost about ten cycles each
// (measured: the NCHW ResNet-50 layers spent most of their time here). The
// blocks at the edges are masked, so few channels (4 rows of 12 columns per
// output row of seed:batch30000) take the same path.
#include <immintrin.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <type_traits>

namespace convjit {
namespace transpose_detail {

// Lane masks for the blocks at a tile's edge: the first n lanes set. Masked
// loads never touch the lanes left out, so an edge block reads only its own
// elements.
inline constexpr int32_t kLanes32[16] = {-1, -1, -1, -1, -1, -1, -1, -1};
inline constexpr int64_t kLanes64[8] = {-1, -1, -1, -1};

// Stores the first n lanes of v in pieces of 8, 4, 2 and 1 elements: masked
// stores (vmaskmovps) took five times as long on Zen 5 (seed:batch30000
// channels last: 12.7 ms against 7.8 ms with pieces).
__attribute__((target("avx"))) inline void store_first(float* to, __m256 v, int n) {
  if (n == 8) return _mm256_storeu_ps(to, v);
  __m128 part = _mm256_castps256_ps128(v);
  if (n & 4) {
    _mm_storeu_ps(to, part);
    part = _mm256_extractf128_ps(v, 1);
    to += 4;
  }
  if (n & 2) {
    _mm_storel_pi(reinterpret_cast<__m64*>(to), part);
    part = _mm_movehl_ps(part, part);
    to += 2;
  }
  if (n & 1) _mm_store_ss(to, part);
}

__attribute__((target("avx"))) inline void store_first(double* to, __m256d v, int n) {
  if (n == 4) return _mm256_storeu_pd(to, v);
  __m128d part = _mm256_castpd256_pd128(v);
  if (n & 2) {
    _mm_storeu_pd(to, part);
    part = _mm256_extractf128_pd(v, 1);
    to += 2;
  }
  if (n & 1) _mm_store_sd(to, part);
}

// The AVX blocks are compiled for AVX in these functions only and called
// only where the CPU has it (has_avx). A block is rows x cols of at most
// 8x8 (f32) or 4x4 (f64); kEdge: some of its rows or columns are missing.
template <bool kEdge>
__attribute__((target("avx"))) inline void block8x8(const float* from, int64_t from_stride, float* to,
                                                    int64_t to_stride, int rows = 8, int cols = 8) {
  const __m256i load_mask = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(kLanes32 + 8 - cols));
  __m256 r[8], t[8];
  for (int i = 0; i < 8; ++i)
    r[i] = !kEdge ? _mm256_loadu_ps(from + i * from_stride)
           : i < rows ? _mm256_maskload_ps(from + i * from_stride, load_mask)
                      : _mm256_setzero_ps();
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
    t[i] = _mm256_permute2f128_ps(r[i], r[i + 4], 0x20);
    t[i + 4] = _mm256_permute2f128_ps(r[i], r[i + 4], 0x31);
  }
  for (int c = 0; c < (kEdge ? cols : 8); ++c)
    if (kEdge) store_first(to + c * to_stride, t[c], rows);
    else _mm256_storeu_ps(to + c * to_stride, t[c]);
}

template <bool kEdge>
__attribute__((target("avx"))) inline void block4x4(const double* from, int64_t from_stride, double* to,
                                                    int64_t to_stride, int rows = 4, int cols = 4) {
  const __m256i load_mask = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(kLanes64 + 4 - cols));
  __m256d r[4], t[4];
  for (int i = 0; i < 4; ++i)
    r[i] = !kEdge ? _mm256_loadu_pd(from + i * from_stride)
           : i < rows ? _mm256_maskload_pd(from + i * from_stride, load_mask)
                      : _mm256_setzero_pd();
  for (int i = 0; i < 4; i += 2) {
    t[i] = _mm256_unpacklo_pd(r[i], r[i + 1]);      // a0 b0 | a2 b2
    t[i + 1] = _mm256_unpackhi_pd(r[i], r[i + 1]);  // a1 b1 | a3 b3
  }
  r[0] = _mm256_permute2f128_pd(t[0], t[2], 0x20);
  r[1] = _mm256_permute2f128_pd(t[1], t[3], 0x20);
  r[2] = _mm256_permute2f128_pd(t[0], t[2], 0x31);
  r[3] = _mm256_permute2f128_pd(t[1], t[3], 0x31);
  for (int c = 0; c < (kEdge ? cols : 4); ++c)
    if (kEdge) store_first(to + c * to_stride, r[c], rows);
    else _mm256_storeu_pd(to + c * to_stride, r[c]);
}

// Four rows of eight: each column is one 16-byte store, and half of
// block8x8's shuffles are left out (channels-last outputs of four channels,
// seed:batch30000's).
__attribute__((target("avx"))) inline void block4x8(const float* from, int64_t from_stride, float* to,
                                                    int64_t to_stride) {
  __m256 r[4], t[4];
  for (int i = 0; i < 4; ++i) r[i] = _mm256_loadu_ps(from + i * from_stride);
  t[0] = _mm256_unpacklo_ps(r[0], r[1]);  // a0 b0 a1 b1 | a4 b4 a5 b5
  t[1] = _mm256_unpackhi_ps(r[0], r[1]);  // a2 b2 a3 b3 | a6 b6 a7 b7
  t[2] = _mm256_unpacklo_ps(r[2], r[3]);
  t[3] = _mm256_unpackhi_ps(r[2], r[3]);
  r[0] = _mm256_shuffle_ps(t[0], t[2], 0x44);  // a0 b0 c0 d0 | a4 b4 c4 d4
  r[1] = _mm256_shuffle_ps(t[0], t[2], 0xEE);  // a1 b1 c1 d1 | a5 ...
  r[2] = _mm256_shuffle_ps(t[1], t[3], 0x44);
  r[3] = _mm256_shuffle_ps(t[1], t[3], 0xEE);
  for (int c = 0; c < 4; ++c) {
    _mm_storeu_ps(to + c * to_stride, _mm256_castps256_ps128(r[c]));
    _mm_storeu_ps(to + (c + 4) * to_stride, _mm256_extractf128_ps(r[c], 1));
  }
}

template <bool kEdge, class T>
void block(const T* from, int64_t from_stride, T* to, int64_t to_stride, int rows, int cols) {
  if constexpr (std::is_same_v<T, float>) {
    if (kEdge && rows == 4 && cols == 8) return block4x8(from, from_stride, to, to_stride);
    block8x8<kEdge>(from, from_stride, to, to_stride, rows, cols);
  } else {
    block4x4<kEdge>(from, from_stride, to, to_stride, rows, cols);
  }
}

// Rows `stride_bytes` apart that the L1's sets hold at once: 8 ways of
// 4 KiB (Zen 4 and 5; Sapphire Rapids has 12 of 4 KiB).
constexpr int64_t rows_in_l1(int64_t stride_bytes) {
  constexpr int64_t kWayBytes = 4096, kWays = 8;
  return kWayBytes / std::gcd(stride_bytes, kWayBytes) * kWays;
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
  // One row or one column is a strided copy, the blocks no help: a
  // depthwise layer's weights are a row of taps per channel (MobileNet's
  // conv3_1/dw: 128 calls of 9 taps; through the blocks, bind took 2.9 us
  // for 4.6 KB, 1.2 as a copy).
  if (rows == 1 || cols == 1 || !transpose_detail::has_avx()) {
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t c = 0; c < cols; ++c) to[c * to_stride + r] = from[r * from_stride + c];
    return;
  }
  // Tiles of 128 rows x 32 columns: with rows of `to` 4 KiB apart (1024
  // channels) all its lines fall in the same L1 sets, and short tiles of 32
  // rows kept revisiting them (measured, 1024 x 196: 120 us; 128-row tiles:
  // 19 us; other shapes within 20% either way). But where the rows of `from`
  // alias more than those of `to`, a tile has no more rows than their sets
  // hold: channels-last pixels of 512-2048 channels back to channels first
  // ran 1.9-4.6x faster (Zen 4, 7x7 to 56x56 images; 128-256 channels
  // 1.15-1.57x), the shapes whose tiles kept their rows within the noise.
  auto l1_rows = [](int64_t stride) { return transpose_detail::rows_in_l1(stride * int64_t(sizeof(T))); };
  const int64_t from_rows = l1_rows(from_stride);
  const int64_t tile_rows = from_rows < l1_rows(to_stride) ? std::clamp<int64_t>(from_rows, 8, 128) : 128;
  constexpr int64_t kTileCols = 32, kBlock = std::is_same_v<T, float> ? 8 : 4;
  for (int64_t r0 = 0; r0 < rows; r0 += tile_rows) {
    const int64_t r1 = std::min(rows, r0 + tile_rows);
    for (int64_t c0 = 0; c0 < cols; c0 += kTileCols) {
      const int64_t c1 = std::min(cols, c0 + kTileCols);
      // Columns outer: the lines a block column writes are completed by the
      // next blocks down before anything can evict them (channels-last rows
      // 4 KiB apart all fall in the same L1 sets).
      for (int64_t c = c0; c < c1; c += kBlock)
        for (int64_t r = r0; r < r1; r += kBlock) {
          const T* in = from + r * from_stride + c;
          T* out = to + c * to_stride + r;
          const int64_t block_rows = std::min(kBlock, r1 - r), block_cols = std::min(kBlock, c1 - c);
          if (block_rows == kBlock && block_cols == kBlock)
            transpose_detail::block<false>(in, from_stride, out, to_stride, kBlock, kBlock);
          else
            transpose_detail::block<true>(in, from_stride, out, to_stride, int(block_rows), int(block_cols));
        }
    }
  }
}

// A block of packed weights: `rows` rows of `cols` elements (row stride
// `ld`) transposed into `cols` rows of `width` elements, the lanes past
// `rows` zero (the output channels past the last).
template <class T>
void transpose_into_block(const T* from, int64_t rows, int64_t cols, int64_t ld, T* to, int64_t width) {
  if (rows) transpose(from, rows, cols, ld, to, width);
  if (rows < width)
    for (int64_t c = 0; c < cols; ++c) std::fill(to + c * width + rows, to + (c + 1) * width, T(0));
}

}  // namespace convjit
