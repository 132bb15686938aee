#pragma once
// Winograd's minimal filtering F(m x m, 3 x 3) (Lavin and Gray, 2015): an
// output tile of m x m from an input tile of a x a (a = m + 2) with a^2
// multiplications instead of 9 m^2. Weights g (3 x 3) become U = G g G^T,
// an input tile d becomes V = B^T d B, and the tile's output is
// Y = A^T (U . V) A, the products summed over input channels first. m = 2
// uses the points 0, 1, -1; m = 4 the points 0, 1, -1, 2, -2 (and infinity).
//
// The transforms are written as products with constant matrices, one row
// at a time, in a fixed order: the JIT path and the interpreter run the same
// C++ here, so they agree bit for bit; only the products differ in who
// computes them.
#include <cstdint>

namespace convjit::winograd {

template <int M>
struct Matrices;

template <>
struct Matrices<2> {
  static constexpr int m = 2, a = 4;
  static constexpr double BT[a][a] = {{1, 0, -1, 0}, {0, 1, 1, 0}, {0, -1, 1, 0}, {0, 1, 0, -1}};
  static constexpr double G[a][3] = {{1, 0, 0}, {0.5, 0.5, 0.5}, {0.5, -0.5, 0.5}, {0, 0, 1}};
  static constexpr double AT[m][a] = {{1, 1, 1, 0}, {0, 1, -1, -1}};
};

template <>
struct Matrices<4> {
  static constexpr int m = 4, a = 6;
  static constexpr double BT[a][a] = {{4, 0, -5, 0, 1, 0},  {0, -4, -4, 1, 1, 0}, {0, 4, -4, -1, 1, 0},
                                      {0, -2, -1, 2, 1, 0}, {0, 2, -1, -2, 1, 0}, {0, 4, 0, -5, 0, 1}};
  static constexpr double G[a][3] = {{1.0 / 4, 0, 0},
                                     {-1.0 / 6, -1.0 / 6, -1.0 / 6},
                                     {-1.0 / 6, 1.0 / 6, -1.0 / 6},
                                     {1.0 / 24, 1.0 / 12, 1.0 / 6},
                                     {1.0 / 24, -1.0 / 12, 1.0 / 6},
                                     {0, 0, 1}};
  static constexpr double AT[m][a] = {{1, 1, 1, 1, 1, 0}, {0, 1, -1, 2, -2, 0}, {0, 1, 1, 4, 4, 0}, {0, 1, -1, 8, -8, 1}};
};

// U = G g G^T: the a x a transformed weights of a 3 x 3 filter (in double,
// once at bind, rounded to T at the end).
template <int M, class T>
void weight_transform(const T (&g)[3][3], T (&u)[M + 2][M + 2]) {
  using W = Matrices<M>;
  double t[W::a][3], r[W::a][W::a];
  for (int i = 0; i < W::a; ++i)
    for (int j = 0; j < 3; ++j) {
      t[i][j] = 0;
      for (int k = 0; k < 3; ++k) t[i][j] += W::G[i][k] * double(g[k][j]);
    }
  for (int i = 0; i < W::a; ++i)
    for (int j = 0; j < W::a; ++j) {
      r[i][j] = 0;
      for (int k = 0; k < 3; ++k) r[i][j] += t[i][k] * W::G[j][k];
      u[i][j] = T(r[i][j]);
    }
}

// The input and output transforms work on C channels at once (a tile's
// a x a values of C channels, channels innermost), so that the compiler
// keeps each channel's sums in vector lanes; per channel the arithmetic is
// that of one tile: each entry a sum in increasing k, zero terms skipped.

// out[i][j] = sum_k L[i][k] x[k][j], or with `right` x[i][k] L[j][k].
template <int Rows, int N, int Inner, int C, class T, class Mat>
[[gnu::always_inline]] inline void product(const Mat& L, const T (&x)[N][Inner][C], T (&out)[Rows][Inner][C], bool right) {
  for (int i = 0; i < Rows; ++i)
    for (int j = 0; j < Inner; ++j) {
      T s[C] = {};
      for (int k = 0; k < N; ++k) {
        const double l = right ? L[j][k] : L[i][k];
        if (l == 0) continue;
        for (int c = 0; c < C; ++c) s[c] += T(l) * (right ? x[i][k][c] : x[k][j][c]);
      }
      for (int c = 0; c < C; ++c) out[i][j][c] = s[c];
    }
}

// V = B^T d B for C channels of one a x a input tile.
template <int M, int C, class T>
[[gnu::always_inline]] inline void input_transform(const T (&d)[M + 2][M + 2][C], T (&v)[M + 2][M + 2][C]) {
  using W = Matrices<M>;
  T t[W::a][W::a][C];
  product<W::a, W::a, W::a, C>(W::BT, d, t, false);  // t = B^T d
  product<W::a, W::a, W::a, C>(W::BT, t, v, true);   // v = t B
}

// Y = A^T x A for C channels of one a x a tile of summed products.
template <int M, int C, class T>
[[gnu::always_inline]] inline void output_transform(const T (&x)[M + 2][M + 2][C], T (&y)[M][M][C]) {
  using W = Matrices<M>;
  T t[M][W::a][C];
  product<M, W::a, W::a, C>(W::AT, x, t, false);  // t = A^T x
  // y = t A: rows of t against rows of A^T.
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < M; ++j) {
      T s[C] = {};
      for (int k = 0; k < W::a; ++k) {
        if (W::AT[j][k] == 0) continue;
        for (int c = 0; c < C; ++c) s[c] += t[i][k][c] * T(W::AT[j][k]);
      }
      for (int c = 0; c < C; ++c) y[i][j][c] = s[c];
    }
}

}  // namespace convjit::winograd
