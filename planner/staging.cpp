#include "planner/staging.hpp"

#include <algorithm>

namespace convjit {

namespace {

std::vector<char> axis_rows_read(int64_t rows, int64_t outputs, int64_t stride, int64_t taps, int64_t dilation1) {
  std::vector<char> read(rows, 0);
  for (int64_t o = 0; o < outputs; ++o)
    for (int64_t k = 0; k < taps; ++k)
      if (const int64_t y = o * stride + k * dilation1; y < rows) read[y] = 1;
  return read;
}

}  // namespace

std::vector<char> staged_rows_read(const ConvDesc& d) {
  using A = ConvDesc::Axis;
  const int64_t in_d = (d.o[A::D] - 1) * d.s[A::D] + d.ext(A::D);
  const int64_t in_h = (d.o[A::H] - 1) * d.s[A::H] + d.ext(A::H);
  const auto planes = axis_rows_read(in_d, d.o[A::D], d.s[A::D], d.k[A::D], d.d[A::D] + 1);
  const auto rows = axis_rows_read(in_h, d.o[A::H], d.s[A::H], d.k[A::H], d.d[A::H] + 1);
  std::vector<char> read(in_d * in_h);
  for (int64_t z = 0; z < in_d; ++z)
    for (int64_t y = 0; y < in_h; ++y) read[z * in_h + y] = planes[z] && rows[y];
  return read;
}

std::pair<int64_t, int64_t> taps_inside(int64_t front, int64_t taps, int64_t dilation1, int64_t size) {
  const int64_t first = front >= 0 ? 0 : (-front + dilation1 - 1) / dilation1;
  const int64_t end = size - front <= 0 ? 0 : std::min(taps, (size - front + dilation1 - 1) / dilation1);
  return {std::min(first, taps), std::max<int64_t>(end - first, 0)};
}

std::pair<int64_t, int64_t> input_depth_taps(const ConvDesc& d, const Plan& plan, int64_t z) {
  if (!skips_depth_padding(d, plan)) return {0, d.k[0]};
  return taps_inside(z * d.s[0] - d.p[0], d.k[0], d.d[0] + 1, d.i[0]);
}

}  // namespace convjit
