#include "kernels/stream_copy.hpp"

#include <immintrin.h>

#include <cstdint>
#include <cstring>

namespace convjit {
namespace {

// Compiled for the wider ISAs only in these functions; called only when the
// engine's CPU facts say the ISA is there.
__attribute__((target("avx512f"))) void stream_lines_avx512(const char* src, char* dst, std::size_t lines) {
  for (std::size_t i = 0; i < lines; ++i)
    _mm512_stream_ps(reinterpret_cast<float*>(dst + 64 * i),
                     _mm512_loadu_ps(reinterpret_cast<const float*>(src + 64 * i)));
}

__attribute__((target("avx"))) void stream_lines_avx(const char* src, char* dst, std::size_t lines) {
  for (std::size_t i = 0; i < 2 * lines; ++i)
    _mm256_stream_ps(reinterpret_cast<float*>(dst + 32 * i),
                     _mm256_loadu_ps(reinterpret_cast<const float*>(src + 32 * i)));
}

}  // namespace

void stream_copy(const void* src, void* dst, std::size_t bytes, Isa isa) {
  const bool whole_lines = reinterpret_cast<std::uintptr_t>(dst) % 64 == 0 && bytes % 64 == 0;
  const char* from = static_cast<const char*>(src);
  char* to = static_cast<char*>(dst);
  if (whole_lines && isa == Isa::avx512)
    stream_lines_avx512(from, to, bytes / 64);
  else if (whole_lines && isa == Isa::avx2)
    stream_lines_avx(from, to, bytes / 64);
  else
    std::memcpy(dst, src, bytes);
}

}  // namespace convjit
