#include "tests/winograd_bound.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "convjit/error.hpp"
#include "problem/activation_strides.hpp"
#include "strategies/winograd/transforms.hpp"

namespace convjit {
namespace {

template <int M, class T>
std::vector<double> bound_of(const ConvDesc& d, const T* src, const T* wei, const T* bias) {
  using W = winograd::Matrices<M>;
  constexpr int A = M + 2;
  const ActivationStrides in = ActivationStrides::of(d.layout, d.ic, d.i), out = ActivationStrides::of(d.layout, d.oc, d.o);
  const double eps = std::numeric_limits<T>::epsilon() / 2;
  const int64_t icg = d.icg(), ocg = d.ocg();
  std::vector<double> bound(size_t(out.n * d.mb), 0.0);
  auto abs_product = [](const auto& L, const double (&x)[A][A], double (&y)[A][A], bool transpose) {
    for (int i = 0; i < A; ++i)
      for (int j = 0; j < A; ++j) {
        double s = 0;
        for (int k = 0; k < A; ++k) s += transpose ? x[i][k] * std::abs(L[j][k]) : std::abs(L[i][k]) * x[k][j];
        y[i][j] = s;
      }
  };
  // |G| |g| |G^T| of every filter, and per tile |B^T| |d| |B| of every input
  // channel, each once: the fuzz computes this bound for every problem it
  // draws Winograd for, on top of the reference.
  struct Square {
    double v[A][A];
  };
  std::vector<Square> ub(static_cast<size_t>(d.g * ocg * icg));
  for (int64_t f = 0; f < d.g * ocg * icg; ++f) {
    const T* g = wei + f * 9;
    Square& u = ub[size_t(f)];
    for (int i = 0; i < A; ++i)
      for (int j = 0; j < A; ++j) {
        u.v[i][j] = 0;
        for (int p = 0; p < 3; ++p)
          for (int q = 0; q < 3; ++q) u.v[i][j] += std::abs(W::G[i][p]) * std::abs(double(g[p * 3 + q])) * std::abs(W::G[j][q]);
      }
  }
  std::vector<Square> vb(static_cast<size_t>(icg)), mag(static_cast<size_t>(ocg));
  for (int64_t n = 0; n < d.mb; ++n)
    for (int64_t grp = 0; grp < d.g; ++grp)
      for (int64_t ty = 0; ty * M < d.o[1]; ++ty)
        for (int64_t tx = 0; tx * M < d.o[2]; ++tx) {
          for (int64_t ic = 0; ic < icg; ++ic) {
            double dd[A][A] = {}, t1[A][A];
            for (int i = 0; i < A; ++i)
              for (int j = 0; j < A; ++j) {
                const int64_t y = ty * M + i - d.p[1], x = tx * M + j - d.p[2];
                if (y >= 0 && y < d.i[1] && x >= 0 && x < d.i[2])
                  dd[i][j] = std::abs(double(src[in.at(n, grp * icg + ic, 0, y, x)]));
              }
            abs_product(W::BT, dd, t1, false);
            abs_product(W::BT, t1, vb[size_t(ic)].v, true);
          }
          for (int64_t oc = 0; oc < ocg; ++oc) {
            double (&s)[A][A] = mag[size_t(oc)].v;
            for (int i = 0; i < A; ++i)
              for (int j = 0; j < A; ++j) s[i][j] = 0;
            for (int64_t ic = 0; ic < icg; ++ic) {
              const Square& u = ub[size_t((grp * ocg + oc) * icg + ic)];
              for (int i = 0; i < A; ++i)
                for (int j = 0; j < A; ++j) s[i][j] += u.v[i][j] * vb[size_t(ic)].v[i][j];
            }
            for (int i = 0; i < M && ty * M + i < d.o[1]; ++i)
              for (int j = 0; j < M && tx * M + j < d.o[2]; ++j) {
                double sum = 0;
                for (int p = 0; p < A; ++p)
                  for (int q = 0; q < A; ++q) sum += std::abs(W::AT[i][p]) * std::abs(W::AT[j][q]) * s[p][q];
                const double b = bias ? std::abs(double(bias[grp * ocg + oc])) : 0;
                bound[size_t(out.at(n, grp * ocg + oc, 0, ty * M + i, tx * M + j))] =
                    double(4 * A + icg + 3) * eps * sum + 2 * eps * b;
              }
          }
        }
  return bound;
}

template <class T>
std::vector<double> bound_typed(const ConvDesc& d, int m, const ProblemData& data) {
  const T* bias = data.bias.empty() ? nullptr : data.bias.as<T>();
  if (m == 2) return bound_of<2, T>(d, data.src.as<T>(), data.wei.as<T>(), bias);
  return bound_of<4, T>(d, data.src.as<T>(), data.wei.as<T>(), bias);
}

}  // namespace

std::vector<double> winograd_bound(const ConvDesc& d, int m, const ProblemData& data) {
  if (d.ndims != 2 || d.k[1] != 3 || d.k[2] != 3 || (m != 2 && m != 4))
    throw Error("winograd_bound", "the bound is F(2x2,3x3)'s or F(4x4,3x3)'s, not m=" + std::to_string(m) +
                                      " of " + d.str());
  return d.dt == DataType::f32 ? bound_typed<float>(d, m, data) : bound_typed<double>(d, m, data);
}

std::string BoundCheck::str() const {
  char at[160] = "";
  if (first >= 0) std::snprintf(at, sizeof at, " (first at %lld: got %.9g want %.9g bound %.3g)",
                                static_cast<long long>(first), got, want, bound);
  return std::to_string(beyond) + " of " + std::to_string(count) + " outputs beyond the Winograd bound" + at;
}

BoundCheck check_within_bound(const ConvDesc& d, const Buffer& got, const Buffer& want,
                              const std::vector<double>& bound) {
  const ActivationStrides out = ActivationStrides::of(d.layout, d.oc, d.o);
  BoundCheck c;
  for (int64_t n = 0; n < d.mb; ++n)
    for (int64_t oc = 0; oc < d.oc; ++oc)
      for (int64_t z = 0; z < d.o[0]; ++z)
        for (int64_t y = 0; y < d.o[1]; ++y)
          for (int64_t x = 0; x < d.o[2]; ++x) {
            const int64_t i = out.at(n, oc, z, y, x);
            const double g = got.get(i), w = want.get(i), err = std::abs(g - w), b = bound[size_t(i)];
            ++c.count;
            if (b > 0) c.largest_fraction = std::max(c.largest_fraction, err / b);
            if (!(err <= b)) {  // NaN too
              if (c.beyond++ == 0) c.first = i, c.got = g, c.want = w, c.bound = b;
            }
          }
  return c;
}

}  // namespace convjit
