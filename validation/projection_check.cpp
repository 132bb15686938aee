#include "validation/projection_check.hpp"

#include <cmath>
#include <cstring>
#include <unordered_set>

#include "convjit/error.hpp"
#include "problem/activation_strides.hpp"

namespace convjit {
namespace {

// Integer fills keep every partial sum of an output below 2^24; with
// weights r up to 2^20 and 2^18 channels a group, every partial sum of a
// combination stays below 2^62: exact in int64.
constexpr int64_t kMaxR = int64_t{1} << 20;
constexpr int64_t kMaxChannelsPerGroup = int64_t{1} << 18;

uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Distinct within a group: two channels with one weight would let an output
// that swapped them pass. Fixed seed: a check is reproducible.
std::vector<int64_t> random_weights(int64_t g, int64_t ocg) {
  uint64_t state = 0x5EED;
  std::vector<int64_t> r;
  r.reserve(g * ocg);
  for (int64_t group = 0; group < g; ++group) {
    std::unordered_set<int64_t> used;
    while (static_cast<int64_t>(used.size()) < ocg) {
      const int64_t v = 1 + static_cast<int64_t>(splitmix64(state) % kMaxR);
      if (used.insert(v).second) r.push_back(v);
    }
  }
  return r;
}

// Input coordinate read by output position x through tap kk on axis a, or
// -1 in the padding (as the reference computes it).
int64_t input_pos(const ConvDesc& desc, int a, int64_t x, int64_t kk) {
  const int64_t pos = x * desc.s[a] - desc.p[a] + kk * (desc.d[a] + 1);
  return pos >= 0 && pos < desc.i[a] ? pos : -1;
}

// The reference's loops with one output channel per group, whose weights
// are the r-combination of the group's: expected[n][group][pixel].
template <class T>
std::vector<int64_t> combined_conv(const ConvDesc& desc, const T* src, const T* wei, const T* bias,
                                   int64_t batch, const std::vector<int64_t>& r) {
  const ActivationStrides ss = ActivationStrides::of(desc.layout, desc.ic, desc.i);
  const int64_t icg = desc.icg(), ocg = desc.ocg(), taps = desc.spatial_k();
  const int64_t pixels = desc.spatial_out();
  const auto& k = desc.k;
  const auto& o = desc.o;

  // wr[group][ic][tap] = sum over the group's channels of r[oc] * wei[oc][ic][tap].
  std::vector<int64_t> wr(desc.g * icg * taps, 0);
  std::vector<int64_t> base(desc.g, 0);  // sum of r[oc] * bias[oc]
  for (int64_t oc = 0; oc < desc.oc; ++oc) {
    const int64_t group = oc / ocg;
    for (int64_t j = 0; j < icg * taps; ++j)
      wr[group * icg * taps + j] += r[oc] * static_cast<int64_t>(wei[oc * icg * taps + j]);
    if (bias) base[group] += r[oc] * static_cast<int64_t>(bias[oc]);
  }

  std::vector<int64_t> out(batch * desc.g * pixels);
#pragma omp parallel for collapse(2) schedule(static) if (double(batch) * desc.ic * taps * pixels > 1e6)
  for (int64_t n = 0; n < batch; ++n)
    for (int64_t group = 0; group < desc.g; ++group) {
      int64_t* e = out.data() + (n * desc.g + group) * pixels;
      for (int64_t x = 0; x < pixels; ++x) e[x] = base[group];
      for (int64_t ic = 0; ic < icg; ++ic)
        for (int64_t kd = 0; kd < k[0]; ++kd)
          for (int64_t kh = 0; kh < k[1]; ++kh)
            for (int64_t kw = 0; kw < k[2]; ++kw) {
              const int64_t w = wr[(group * icg + ic) * taps + (kd * k[1] + kh) * k[2] + kw];
              if (w == 0) continue;
              for (int64_t od = 0; od < o[0]; ++od) {
                const int64_t id = input_pos(desc, 0, od, kd);
                if (id < 0) continue;
                for (int64_t oh = 0; oh < o[1]; ++oh) {
                  const int64_t ih = input_pos(desc, 1, oh, kh);
                  if (ih < 0) continue;
                  int64_t* row = e + (od * o[1] + oh) * o[2];
                  for (int64_t ow = 0; ow < o[2]; ++ow) {
                    const int64_t iw = input_pos(desc, 2, ow, kw);
                    if (iw < 0) continue;
                    row[ow] += w * static_cast<int64_t>(src[ss.at(n, group * icg + ic, id, ih, iw)]);
                  }
                }
              }
            }
    }
  return out;
}

// The value as an exact integer, or false (NaN, a fraction, out of range).
template <class T>
bool as_integer(T v, int64_t& out) {
  if (!(std::fabs(v) < T(0x1p53)) || std::trunc(v) != v) return false;
  out = static_cast<int64_t>(v);
  return true;
}

template <class T>
int64_t count_mismatches(const ConvDesc& desc, const T* dst, int64_t batch,
                         const std::vector<int64_t>& r, const std::vector<int64_t>& expected) {
  const ActivationStrides ds = ActivationStrides::of(desc.layout, desc.oc, desc.o);
  // Every layout keeps a channel's pixels ds.w apart (h = w * ow, d = h * oh).
  const int64_t ocg = desc.ocg(), pixels = desc.spatial_out(), step = ds.w;
  int64_t bad = 0;
  std::vector<int64_t> sum(pixels);
  std::vector<char> broken(pixels);  // a value that is no integer
  for (int64_t n = 0; n < batch; ++n)
    for (int64_t group = 0; group < desc.g; ++group) {
      std::fill(sum.begin(), sum.end(), 0);
      std::fill(broken.begin(), broken.end(), 0);
      for (int64_t oc = group * ocg; oc < (group + 1) * ocg; ++oc) {
        const T* plane = dst + n * ds.n + ds.channel(oc);
        for (int64_t x = 0; x < pixels; ++x) {
          int64_t v = 0;
          if (!as_integer(plane[x * step], v)) broken[x] = 1;
          sum[x] += r[oc] * v;
        }
      }
      const int64_t* e = expected.data() + (n * desc.g + group) * pixels;
      for (int64_t x = 0; x < pixels; ++x) bad += broken[x] || sum[x] != e[x];
    }
  // Padding channels of a blocked layout: left as the caller filled them.
  T unwritten;
  std::memset(&unwritten, ProjectionCheck::kUnwritten, sizeof unwritten);
  const int64_t padded = (desc.oc + ds.block - 1) / ds.block * ds.block;
  if (channel_block(desc.layout))
    for (int64_t n = 0; n < batch; ++n)
      for (int64_t c = desc.oc; c < padded; ++c)
        for (int64_t x = 0; x < pixels; ++x) {
          const T* v = dst + n * ds.n + ds.channel(c) + x * step;
          bad += std::memcmp(v, &unwritten, sizeof unwritten) != 0;
        }
  return bad;
}

}  // namespace

ProjectionCheck::ProjectionCheck(const ConvDesc& desc, const ProblemData& data, int64_t batch)
    : desc_(desc), batch_(batch) {
  if (desc.post_ops.relu)
    throw Error("desc", "the projection check needs a linear problem: " + desc.full_str() +
                            " has a ReLU post-op");
  if (desc.ocg() > kMaxChannelsPerGroup)
    throw Error("desc", "the projection check is exact up to " +
                            std::to_string(kMaxChannelsPerGroup) + " output channels a group");
  r_ = random_weights(desc.g, desc.ocg());
  const void* bias = desc.post_ops.bias ? data.bias.data() : nullptr;
  if (desc.dt == DataType::f32)
    expected_ = combined_conv(desc, data.src.as<float>(), data.wei.as<float>(),
                              static_cast<const float*>(bias), batch, r_);
  else
    expected_ = combined_conv(desc, data.src.as<double>(), data.wei.as<double>(),
                              static_cast<const double*>(bias), batch, r_);
}

int64_t ProjectionCheck::mismatches(const Buffer& dst) const {
  if (!(dst.shape() == desc_.dst_shape(batch_)) || dst.dt() != desc_.dt)
    throw Error("dst", "the projection check was made for " + desc_.full_str() + " with " +
                           std::to_string(batch_) + " images");
  if (desc_.dt == DataType::f32) return count_mismatches(desc_, dst.as<float>(), batch_, r_, expected_);
  return count_mismatches(desc_, dst.as<double>(), batch_, r_, expected_);
}

}  // namespace convjit
