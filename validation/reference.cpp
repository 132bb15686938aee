#include "validation/reference.hpp"

#include <algorithm>

#include "problem/activation_strides.hpp"

namespace convjit {
namespace {

// Input coordinate read by output position x through tap kk on axis a, or -1
// when that tap falls into the padding.
int64_t input_pos(const ConvDesc& desc, int a, int64_t x, int64_t kk) {
  const int64_t pos = x * desc.s[a] - desc.p[a] + kk * (desc.d[a] + 1);
  return pos >= 0 && pos < desc.i[a] ? pos : -1;
}

// Outputs of a row summed together (4 KiB of double on the stack).
constexpr int64_t kRowPiece = 512;

// Ceiling of a / b, for b > 0 and any a.
int64_t ceil_div(int64_t a, int64_t b) { return a > 0 ? (a + b - 1) / b : -(-a / b); }

// The outputs of one row (n, oc, od, oh), kRowPiece at a time, are summed
// together, tap by tap, so that the innermost loop runs along the row
// between bounds worked out once per tap; each output still sums its
// products in double, in the order ic, kd, kh, kw.
template <class T>
void conv(const ConvDesc& desc, const T* src, const T* wei, const T* bias, T* dst,
          int64_t batch) {
  const ActivationStrides ss = ActivationStrides::of(desc.layout, desc.ic, desc.i);
  const ActivationStrides ds = ActivationStrides::of(desc.layout, desc.oc, desc.o);
  const int64_t icg = desc.icg(), ocg = desc.ocg();
  const auto& k = desc.k;
  // Weights are dense [g][oc/g][ic/g][kd][kh][kw]; g * (oc/g) == oc, so the
  // output channel indexes the first two dims together.
  const int64_t wei_oc = icg * k[0] * k[1] * k[2];
  const int64_t ow_count = desc.o[2], sw = desc.s[2];

  // Threads cost more than they save on tiny problems (tests run thousands).
  const double macs = double(batch) * desc.oc * desc.spatial_out() * wei_oc;
#pragma omp parallel for collapse(4) schedule(static) if (macs > 1e5)
  for (int64_t n = 0; n < batch; ++n)
    for (int64_t oc = 0; oc < desc.oc; ++oc)
      for (int64_t od = 0; od < desc.o[0]; ++od)
        for (int64_t oh = 0; oh < desc.o[1]; ++oh)
          // A row in pieces on the stack: the reference backend's run
          // allocates nothing, like every kernel's.
          for (int64_t c0 = 0; c0 < ow_count; c0 += kRowPiece) {
            const int64_t c1 = std::min(ow_count, c0 + kRowPiece);
            double row[kRowPiece];
            std::fill(row, row + (c1 - c0), 0.0);
            const int64_t ic0 = oc / ocg * icg;  // first input channel of the group
            for (int64_t ic = 0; ic < icg; ++ic)
              for (int64_t kd = 0; kd < k[0]; ++kd) {
                const int64_t id = input_pos(desc, 0, od, kd);
                if (id < 0) continue;
                for (int64_t kh = 0; kh < k[1]; ++kh) {
                  const int64_t ih = input_pos(desc, 1, oh, kh);
                  if (ih < 0) continue;
                  const T* line = src + ss.at(n, ic0 + ic, id, ih, 0);
                  for (int64_t kw = 0; kw < k[2]; ++kw) {
                    // Output ow reads column ow * sw + shift, inside [0, iw) for
                    // ow in [first, end).
                    const int64_t shift = kw * (desc.d[2] + 1) - desc.p[2];
                    const int64_t first = std::max(c0, ceil_div(-shift, sw));
                    const int64_t end = std::min(c1, ceil_div(desc.i[2] - shift, sw));
                    const double w = static_cast<double>(wei[oc * wei_oc + ((ic * k[0] + kd) * k[1] + kh) * k[2] + kw]);
                    for (int64_t ow = first; ow < end; ++ow)
                      row[ow - c0] += static_cast<double>(line[(ow * sw + shift) * ss.w]) * w;
                  }
                }
              }
            for (int64_t ow = c0; ow < c1; ++ow) {
              double acc = row[ow - c0];
              if (desc.post_ops.bias) acc += static_cast<double>(bias[oc]);
              if (desc.post_ops.relu) acc = std::max(acc, 0.0);
              dst[ds.at(n, oc, od, oh, ow)] = static_cast<T>(acc);
            }
          }
}

}  // namespace

void reference_conv(const ConvDesc& desc, const void* src, const void* wei,
                    const void* bias, void* dst, int64_t batch) {
  if (desc.dt == DataType::f32)
    conv(desc, static_cast<const float*>(src), static_cast<const float*>(wei),
         static_cast<const float*>(bias), static_cast<float*>(dst), batch);
  else
    conv(desc, static_cast<const double*>(src), static_cast<const double*>(wei),
         static_cast<const double*>(bias), static_cast<double*>(dst), batch);
}

}  // namespace convjit
