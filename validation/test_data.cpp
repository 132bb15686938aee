#include "validation/test_data.hpp"

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "convjit/error.hpp"
#include "convjit/layout.hpp"
#include "planner/staging.hpp"

namespace convjit {
namespace {

constexpr uint64_t kGamma = 0x9E3779B97F4A7C15ull;
constexpr int64_t kParallelMin = 1 << 16;  // elements; fewer are not worth threads

uint64_t mix64(uint64_t z) {  // splitmix64's finaliser
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Counter-based: element i of stream `seed` is splitmix64's i-th output, so
// every element can be computed independently (in parallel, in any order).
// Mixing the seed first keeps streams of nearby seeds from being shifts of
// one another.
uint64_t hash(uint64_t seed, int64_t i) {
  return mix64(mix64(seed) + (static_cast<uint64_t>(i) + 1) * kGamma);
}

// Uniform in [0, 1) from the top 53 bits (or the top 32 for `unit32`).
double unit53(uint64_t h) { return static_cast<double>(h >> 11) * 0x1p-53; }
double unit32(uint64_t h) { return static_cast<double>(h >> 32) * 0x1p-32; }

// The non-zero integers of [lo, hi], numbered 0..count-1 in increasing order.
struct NonZeroRange {
  int64_t lo, hi;
  bool has_zero() const { return lo <= 0 && 0 <= hi; }
  int64_t count() const { return hi - lo + 1 - (has_zero() ? 1 : 0); }
  int64_t nth(int64_t j) const {
    const int64_t v = lo + j;
    return has_zero() && v >= 0 ? v + 1 : v;
  }
};

template <class T>
void fill_integer_as(T* out, int64_t n, uint64_t seed, NonZeroRange range, double density) {
  const int64_t choices = range.count();
  if (choices == 0) density = 0;  // [0, 0]: nothing but zeros to pick
  const auto modulus = static_cast<uint64_t>(std::max<int64_t>(choices, 1));
#pragma omp parallel for schedule(static) if (n > kParallelMin)
  for (int64_t i = 0; i < n; ++i) {
    // The top 32 bits decide zero or not, the bottom 32 pick the value, so
    // the two choices are independent. (The modulo bias is < 2^-27.)
    const uint64_t h = hash(seed, i);
    const auto pick = static_cast<int64_t>((h & 0xFFFFFFFFull) % modulus);
    out[i] = unit32(h) < density ? static_cast<T>(range.nth(pick)) : T(0);
  }
}

template <class T>
void fill_real_as(T* out, int64_t n, uint64_t seed, double lo, double hi) {
  // Rounding to T may land exactly on hi; the interval is half-open.
  const T below_hi = std::nextafter(static_cast<T>(hi), static_cast<T>(lo));
#pragma omp parallel for schedule(static) if (n > kParallelMin)
  for (int64_t i = 0; i < n; ++i) {
    const T v = static_cast<T>(lo + (hi - lo) * unit53(hash(seed, i)));
    out[i] = v < static_cast<T>(hi) ? v : below_hi;
  }
}

// Independent streams for src, weights and bias from one user seed.
enum Stream : uint64_t { kSrc = 1, kWei = 2, kBias = 3 };
uint64_t stream_seed(uint64_t seed, Stream s) { return mix64(seed ^ (s * kGamma)); }

int64_t accumulation_length(const ConvDesc& desc) { return desc.icg() * desc.spatial_k(); }

// Integer data: symmetric ranges [-m, m]. An output is at most
// L * src * wei + bias in magnitude, and so is every partial sum in any
// order; keeping that below 2^24 makes every f32 sum exact.
struct IntRanges {
  int src, wei, bias;
  double worst_sum(int64_t L) const { return double(L) * src * wei + bias; }
};
constexpr double kExactF32 = 0x1p24;

IntRanges integer_ranges(const ConvDesc& desc) {
  // Widest first: wide values catch more index bugs (a swapped tap is less
  // likely to hold the same value); narrower ones buy room for long sums.
  constexpr IntRanges kCandidates[] = {{4, 2, 8}, {2, 2, 4}, {2, 1, 2}, {1, 1, 1}};
  const int64_t L = accumulation_length(desc);
  for (IntRanges r : kCandidates) {
    if (!desc.post_ops.bias) r.bias = 0;
    if (r.worst_sum(L) < kExactF32) return r;
  }
  throw Error("desc", "accumulation length " + std::to_string(L) +
                          " is too long for exact integer test data in f32");
}

// Exact zeros in src, as real activations have; only once the sum is long
// enough that they rarely zero a whole output.
double integer_src_density(const ConvDesc& desc) {
  return accumulation_length(desc) < 8 ? 1.0 : 0.8;
}

// Real data: uniform in [-kRealMax, kRealMax) for src, weights and bias.
constexpr double kRealMax = 1.0;

}  // namespace

void fill_integer(Buffer& buf, uint64_t seed, int lo, int hi, double density) {
  if (lo > hi)
    throw Error("fill", "empty range [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
  const NonZeroRange range{lo, hi};
  if (buf.dt() == DataType::f32)
    fill_integer_as(buf.as<float>(), buf.size(), seed, range, density);
  else
    fill_integer_as(buf.as<double>(), buf.size(), seed, range, density);
}

void fill_real(Buffer& buf, uint64_t seed, double lo, double hi) {
  if (buf.dt() == DataType::f32)
    fill_real_as(buf.as<float>(), buf.size(), seed, lo, hi);
  else
    fill_real_as(buf.as<double>(), buf.size(), seed, lo, hi);
}

ProblemData make_problem_data(const ConvDesc& desc, int64_t batch, Fill fill, uint64_t seed) {
  ProblemData data{Buffer(desc.dt, desc.src_shape(batch)), Buffer(desc.dt, desc.wei_shape()),
                   desc.post_ops.bias ? Buffer(desc.dt, desc.bias_shape()) : Buffer()};
  const bool bias = desc.post_ops.bias;
  if (fill == Fill::integer) {
    const IntRanges r = integer_ranges(desc);
    fill_integer(data.src, stream_seed(seed, kSrc), -r.src, r.src, integer_src_density(desc));
    fill_integer(data.wei, stream_seed(seed, kWei), -r.wei, r.wei, 1.0);
    if (bias) fill_integer(data.bias, stream_seed(seed, kBias), -r.bias, r.bias, 1.0);
  } else {
    fill_real(data.src, stream_seed(seed, kSrc), -kRealMax, kRealMax);
    fill_real(data.wei, stream_seed(seed, kWei), -kRealMax, kRealMax);
    if (bias) fill_real(data.bias, stream_seed(seed, kBias), -kRealMax, kRealMax);
  }
  return data;
}

double largest_magnitude(const Buffer& b) {
  double m = 0;
  if (b.empty()) return m;
  for (int64_t i = 0; i < b.size(); ++i) m = std::max(m, std::fabs(b.get(i)));
  return m;
}

DataMagnitudes magnitudes_of(const ProblemData& data) {
  return {largest_magnitude(data.src), largest_magnitude(data.wei), largest_magnitude(data.bias)};
}

namespace {

// Winograd's sums of magnitudes through its transforms are at most
// 179656451881/2867602500 (about 62.7) times direct convolution's for
// F(4x4, 3x3) with the points of strategies/winograd/transforms.hpp (64/9
// for F(2x2, 3x3)):
// max over output rows i of (sum_p |A^T|_ip g_p b_p)^2 / 9, g_p and b_p the
// sums of row p of |G| and |B^T|. Its longest chain of roundings is
// 4a + ic/g + 3, a = m + 2. The tolerance takes the larger tile unless the
// problem asks for F(2x2) (which tile a kernel uses is its plan's); the
// test of strategies/winograd derives the bound output by output.
double winograd_worst_case(const ConvDesc& desc, const DataMagnitudes& m) {
  const bool small = desc.algorithm == Algorithm::winograd_2x2;
  const double amplification = small ? 64.0 / 9 : 179656451881.0 / 2867602500;
  const double a = small ? 4 : 6;
  const double L = static_cast<double>(accumulation_length(desc));
  const double eps = desc.dt == DataType::f32 ? FLT_EPSILON : DBL_EPSILON;
  return (4 * a + double(desc.icg()) + 3) * eps * amplification * L * m.src * m.wei + 2 * eps * m.bias;
}

}  // namespace

double worst_case_tolerance(const ConvDesc& desc, const DataMagnitudes& m) {
  if (desc.algorithm != Algorithm::direct) return winograd_worst_case(desc, m);
  // A kernel that rounds each product and each partial sum to T, in any
  // order or blocking, errs by at most gamma_{L+1} * sum|terms| ~ (L+1) u M
  // (Higham, Accuracy and Stability, 3.1 / 4.2), where u = eps/2 is the unit
  // roundoff and M = L * max|src| * max|wei| + max|bias| bounds sum|terms|.
  // The reference rounds its exact-in-double result once: u M more. Using
  // eps instead of u leaves a factor 2 of margin.
  const double L = static_cast<double>(accumulation_length(desc));
  const double eps = desc.dt == DataType::f32 ? FLT_EPSILON : DBL_EPSILON;
  return (L + 2) * eps * (L * m.src * m.wei + m.bias);
}

double tolerance(const ConvDesc& desc, Fill fill) {
  if (desc.algorithm != Algorithm::direct) {  // not exact on integers: fractions in the transforms
    const IntRanges r = integer_ranges(desc);
    const bool bias = desc.post_ops.bias;
    return winograd_worst_case(desc, fill == Fill::integer ? DataMagnitudes{double(r.src), double(r.wei), bias ? double(r.bias) : 0.0}
                                                           : DataMagnitudes{kRealMax, kRealMax, bias ? kRealMax : 0.0});
  }
  if (fill == Fill::integer) return 0;  // every sum is exact (integer_ranges)
  const DataMagnitudes real{kRealMax, kRealMax, desc.post_ops.bias ? kRealMax : 0.0};
  const double worst = worst_case_tolerance(desc, real);
  // The worst case is linear in L, while rounding errors of random data
  // (independent, of either sign) grow like sqrt(L): |error| <= lambda
  // sqrt(L) u sum|terms| except with probability about 2 exp(-lambda^2 / 2)
  // per output (Higham and Mary, "A new approach to probabilistic rounding
  // error analysis", 2019). lambda = 8 in units of eps (16 in u): below
  // 1e-50 per output, so no campaign fails a correct kernel by chance;
  // the fuzz prints the largest error it saw as a fraction of this.
  constexpr double kLambda = 8;
  const double L = static_cast<double>(accumulation_length(desc));
  const double eps = desc.dt == DataType::f32 ? FLT_EPSILON : DBL_EPSILON;
  const double likely = kLambda * std::sqrt(L + 2) * eps * (L * real.src * real.wei + real.bias);
  return std::min(worst, likely);
}

std::string Comparison::str() const {
  std::string s = std::to_string(mismatches) + " of " + std::to_string(count) + " differ";
  if (first_bad >= 0) s += " (first at " + std::to_string(first_bad) + ")";
  char err[32];
  std::snprintf(err, sizeof err, "%g", max_abs_err);
  s += ", max err " + std::string(err) + ", " + std::to_string(want_zeros) +
       " zeros in reference";
  if (seen < count) s += " among the " + std::to_string(seen) + " outputs that see the input";
  if (!trusted) s += " (untrusted: the reference is mostly zeros)";
  return s;
}

namespace {

// Compares elementwise; only elements with seen(i) count towards trust.
template <class Seen>
Comparison compare_seen(const Buffer& got, const Buffer& want, double tol, bool relu, Seen seen) {
  if (got.size() != want.size())
    throw Error("compare", "got " + got.shape().str() + " but want " + want.shape().str());
  Comparison c;
  c.count = want.size();
  bool saw_nan = false;
  for (int64_t i = 0; i < c.count; ++i) {
    const double g = got.get(i), w = want.get(i);
    const double err = std::fabs(g - w);
    if (std::isnan(err)) saw_nan = true;
    else if (err > c.max_abs_err) c.max_abs_err = err;
    if (!(err <= tol)) {  // written so that NaN counts as a mismatch
      if (c.mismatches++ == 0) c.first_bad = i;
    }
    if (seen(i)) {
      ++c.seen;
      if (w == 0) ++c.want_zeros;
    }
  }
  if (saw_nan) c.max_abs_err = std::numeric_limits<double>::quiet_NaN();
  // With the symmetric fills above, non-zero outputs are the rule, so more
  // than half zeros means the problem (padding, data, a bad fill) hides the
  // kernel's arithmetic. ReLU alone zeroes about half of them, so allow up to
  // 80% then. Below 4 elements a fraction says nothing.
  const double max_zero_fraction = relu ? 0.8 : 0.5;
  if (c.seen >= 4 && c.want_zeros > max_zero_fraction * c.seen) c.trusted = false;
  return c;
}

}  // namespace

Comparison compare(const Buffer& got, const Buffer& want, double tol, bool relu) {
  return compare_seen(got, want, tol, relu, [](int64_t) { return true; });
}

std::vector<char> outputs_seeing_input(const ConvDesc& d) {
  std::array<std::vector<char>, 3> axis;
  for (int a = 0; a < 3; ++a) {
    axis[a].resize(d.o[a]);
    for (int64_t o = 0; o < d.o[a]; ++o)
      axis[a][o] = taps_inside(o * d.s[a] - d.p[a], d.k[a], d.d[a] + 1, d.i[a]).second > 0;
  }
  std::vector<char> seen(d.spatial_out());
  for (int64_t z = 0, i = 0; z < d.o[0]; ++z)
    for (int64_t y = 0; y < d.o[1]; ++y)
      for (int64_t x = 0; x < d.o[2]; ++x, ++i) seen[i] = axis[0][z] && axis[1][y] && axis[2][x];
  return seen;
}

Comparison compare(const ConvDesc& desc, const Buffer& got, const Buffer& want, double tol, bool relu) {
  if (!(got.shape() == want.shape())) return compare(got, want, tol, relu);
  // Blocked outputs are compared as ncx: their padding channels are not the
  // kernel's to write.
  if (channel_block(desc.layout)) {
    ConvDesc plain = desc;
    plain.layout = Layout::ncx;
    auto channels_only = [&](const Buffer& b) {
      Buffer out(desc.dt, plain.dst_shape(b.shape().dim[0]));
      convert_layout(b.cview(), desc.layout, out.view(), Layout::ncx, desc.oc);
      return out;
    };
    return compare(plain, channels_only(got), channels_only(want), tol, relu);
  }
  // An output whose window lies wholly in padding is 0 (or its bias) by
  // construction: compared exactly like the rest, but no evidence of the
  // arithmetic either way, so it does not count towards trust.
  const std::vector<char> seen = outputs_seeing_input(desc);
  const int64_t spatial = desc.spatial_out();
  const int64_t channels_inner = desc.layout == Layout::nxc ? desc.oc : 1;
  return compare_seen(got, want, tol, relu,
                      [&](int64_t i) { return seen[i / channels_inner % spatial] != 0; });
}

}  // namespace convjit
