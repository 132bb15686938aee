#include "kernels/gather.hpp"

#include <algorithm>

#include "kernels/strided_copy.hpp"
#include "problem/activation_strides.hpp"

namespace convjit {
namespace {

template <class T>
void gather(const ConvDesc& d, const T* src, int64_t images, T* to, int threads) {
  const ActivationStrides from = ActivationStrides::of(d.layout, d.ic, d.i);
  const ActivationStrides into = ActivationStrides::of(d.layout, d.ic, d.o);
  const int64_t blocks = (d.ic + from.block - 1) / from.block;
  const int64_t step = d.s[2] * from.w;  // between the pixels of a row that the filter reads
  // A plane is one channel block of one image: its rows, as the output's.
  auto plane = [&](int64_t q) {
    const int64_t n = q / blocks, b = q % blocks;
    for (int64_t z = 0; z < d.o[0]; ++z)
      for (int64_t y = 0; y < d.o[1]; ++y) {
        const T* row = src + n * from.n + b * from.cblock + z * d.s[0] * from.d + y * d.s[1] * from.h;
        T* out = to + n * into.n + b * into.cblock + z * into.d + y * into.h;
        if (from.block == 1) {
          copy_strided(row, step, d.o[2], out);
        } else {
          for (int64_t x = 0; x < d.o[2]; ++x) std::copy_n(row + x * step, from.block, out + x * into.w);
        }
      }
  };
  const int64_t planes = images * blocks;
  if (threads <= 1) {
    for (int64_t q = 0; q < planes; ++q) plane(q);
    return;
  }
#pragma omp parallel for num_threads(threads) schedule(static)
  for (int64_t q = 0; q < planes; ++q) plane(q);
}

}  // namespace

int64_t gathered_image_elems(const ConvDesc& user) {
  return ActivationStrides::of(user.layout, user.ic, user.o).n;
}

void gather_input(const ConvDesc& user, const void* src, int64_t images, void* to, int threads) {
  if (user.dt == DataType::f64)
    gather(user, static_cast<const double*>(src), images, static_cast<double*>(to), threads);
  else
    gather(user, static_cast<const float*>(src), images, static_cast<float*>(to), threads);
}

}  // namespace convjit
