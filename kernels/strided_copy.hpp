#pragma once
// Copies of every stride-th element: ow_vector's stride phases and the
// gathered input of strided 1x1 layers (gather.hpp).
#include <algorithm>
#include <cstdint>

namespace convjit {

// to[j] = from[j * kStride] for j < n. The strides of the common stride-2 and
// stride-3 phases are constants, so that the compiler vectorizes them (the
// staging of a first layer's strided input took a third of its time).
template <int64_t kStride, class T>
void copy_every(const T* from, int64_t n, T* to) {
  for (int64_t j = 0; j < n; ++j) to[j] = from[j * kStride];
}

template <class T>
void copy_strided(const T* from, int64_t stride, int64_t n, T* to) {
  switch (stride) {
    case 1: std::copy(from, from + n, to); return;
    case 2: copy_every<2>(from, n, to); return;
    case 3: copy_every<3>(from, n, to); return;
    default:
      for (int64_t j = 0; j < n; ++j) to[j] = from[j * stride];
  }
}

}  // namespace convjit
