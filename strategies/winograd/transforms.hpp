#pragma once
// Winograd's minimal filtering F(m x m, 3 x 3) (Lavin and Gray, 2015): an
// output tile of m x m from an input tile of a x a (a = m + 2) with a^2
// multiplications instead of 9 m^2. Weights g (3 x 3) become U = G g G^T,
// an input tile d becomes V = B^T d B, and the tile's output is
// Y = A^T (U . V) A, the products summed over input channels first. m = 2
// uses the points 0, 1, -1; m = 4 the points 0, 5/8, -5/8, 3/2, -3/2 (and
// infinity).
//
// The transforms are written as products with constant matrices, one row
// at a time, in a fixed order: the JIT path and the interpreter run the same
// C++ here, so they agree bit for bit; only the products differ in who
// computes them.
#include <cstdint>
#include <type_traits>
#include <utility>

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

// The points 0, +-5/8, +-3/2 (oneDNN's F(4x4) takes them too) rather than
// Lavin's 0, +-1, +-2 or the 0, 1, -1, 1/2, -2 used before: simulated in f32
// on uniform data (3 to 256 input channels, the products summed as the
// kernels do), the largest error of the largest output 1.27e-6 to 1.33e-6
// against 1.86e-6 to 2.17e-6 and 4.9e-6 to 6.4e-6, the best of a grid of
// dyadic points (p from 1/2 to 3/4, q from 5/4 to 7/4); the worst-case
// magnification of the sums of magnitudes (validation/test_data.cpp) 62.7
// against 97.4 and 256. Every entry of B^T and A^T is dyadic, so exact in
// f32, and B^T has 22 non-zero entries (26 before). G's, with 1/225, 1/119
// and 1/1071, are rounded once, in double, at bind.
template <>
struct Matrices<4> {
  static constexpr int m = 4, a = 6;
  static constexpr double BT[a][a] = {{225.0 / 256, 0, -169.0 / 64, 0, 1, 0},
                                      {0, -45.0 / 32, -9.0 / 4, 5.0 / 8, 1, 0},
                                      {0, 45.0 / 32, -9.0 / 4, -5.0 / 8, 1, 0},
                                      {0, -75.0 / 128, -25.0 / 64, 3.0 / 2, 1, 0},
                                      {0, 75.0 / 128, -25.0 / 64, -3.0 / 2, 1, 0},
                                      {0, 225.0 / 256, 0, -169.0 / 64, 0, 1}};
  static constexpr double G[a][3] = {{256.0 / 225, 0, 0},
                                     {-2048.0 / 2975, -256.0 / 595, -32.0 / 119},
                                     {-2048.0 / 2975, 256.0 / 595, -32.0 / 119},
                                     {128.0 / 1071, 64.0 / 357, 32.0 / 119},
                                     {128.0 / 1071, -64.0 / 357, 32.0 / 119},
                                     {0, 0, 1}};
  static constexpr double AT[m][a] = {{1, 1, 1, 1, 1, 0},
                                      {0, 5.0 / 8, -5.0 / 8, 3.0 / 2, -3.0 / 2, 0},
                                      {0, 25.0 / 64, 25.0 / 64, 9.0 / 4, 9.0 / 4, 0},
                                      {0, 125.0 / 512, -125.0 / 512, 27.0 / 8, -27.0 / 8, 1}};
};

// U = G g G^T: the a x a transformed weights of a 3 x 3 filter, in double
// (once at bind; the caller rounds them). D is double, or a vector of
// doubles holding a filter in each lane: the same sums in the same order.
template <int M, class D>
void weight_transform(const D (&g)[3][3], D (&u)[M + 2][M + 2]) {
  using W = Matrices<M>;
  D t[W::a][3];
  for (int i = 0; i < W::a; ++i)
    for (int j = 0; j < 3; ++j) {
      t[i][j] = D{};
      for (int k = 0; k < 3; ++k) t[i][j] += W::G[i][k] * g[k][j];
    }
  for (int i = 0; i < W::a; ++i)
    for (int j = 0; j < W::a; ++j) {
      u[i][j] = D{};
      for (int k = 0; k < 3; ++k) u[i][j] += t[i][k] * W::G[j][k];
    }
}

// The input and output transforms work on a vector of channels at once
// (GCC's vector extension: compiled to the instructions of the target the
// caller is compiled for); per channel the arithmetic is that of one tile:
// each entry a sum in increasing k, zero terms skipped, the matrices'
// entries constants once the loops are unrolled.
template <class T>
struct Channels {
  static constexpr int lanes = 64 / sizeof(T);
  typedef T type __attribute__((vector_size(64)));
};
template <class T>
using ChannelVec = typename Channels<T>::type;

template <class V>
using Element = std::remove_cvref_t<decltype(std::declval<V>()[0])>;

// A line of a transform, one matrix's rows against a line of the tile:
// y(i, sum_k L[i][k] x(k)) for i < Rows, each sum in increasing k, zero
// terms skipped (F(2x2)'s lines; F(4x4)'s pair their rows, below).
template <class V, int Rows, int N, class Mat, class In, class Out>
[[gnu::always_inline]] inline void line(const Mat& L, In x, Out y) {
#pragma GCC unroll 8
  for (int i = 0; i < Rows; ++i) {
    V s = {};
#pragma GCC unroll 8
    for (int k = 0; k < N; ++k)
      if (L[i][k] != 0) s += x(k) * Element<V>(L[i][k]);
    y(i, s);
  }
}

// F(4x4)'s points come in pairs, +-5/8 and +-3/2: B^T's rows 1 and 2 (and
// 3 and 4) take the same terms, the odd ones of opposite sign, and so do
// A^T's columns 1 and 2 (and 3 and 4). A line of each pair is then the sum
// and the difference of its even and odd parts: 18 operations a line of
// B^T instead of 22, 13 of A^T instead of 18.
template <class V, class In, class Out>
[[gnu::always_inline]] inline void input_line4(In x, Out y) {
  using W = Matrices<4>;
  using E = Element<V>;
  // What the sums below compute, entry by entry.
  static_assert([] {
    const double p = W::BT[1][1], q = W::BT[1][2], r = W::BT[1][3], s = W::BT[3][1], t = W::BT[3][2], u = W::BT[3][3];
    const double want[6][6] = {{W::BT[0][0], 0, W::BT[0][2], 0, 1, 0}, {0, p, q, r, 1, 0}, {0, -p, q, -r, 1, 0},
                               {0, s, t, u, 1, 0}, {0, -s, t, -u, 1, 0}, {0, W::BT[5][1], 0, W::BT[5][3], 0, 1}};
    for (int i = 0; i < 6; ++i)
      for (int k = 0; k < 6; ++k)
        if (want[i][k] != W::BT[i][k]) return false;
    return true;
  }());
  const V e12 = x(2) * E(W::BT[1][2]) + x(4), o12 = x(1) * E(W::BT[1][1]) + x(3) * E(W::BT[1][3]);
  const V e34 = x(2) * E(W::BT[3][2]) + x(4), o34 = x(1) * E(W::BT[3][1]) + x(3) * E(W::BT[3][3]);
  y(0, x(0) * E(W::BT[0][0]) + x(2) * E(W::BT[0][2]) + x(4));
  y(1, e12 + o12);
  y(2, e12 - o12);
  y(3, e34 + o34);
  y(4, e34 - o34);
  y(5, x(1) * E(W::BT[5][1]) + x(3) * E(W::BT[5][3]) + x(5));
}

template <class V, class In, class Out>
[[gnu::always_inline]] inline void output_line4(In x, Out y) {
  using W = Matrices<4>;
  using E = Element<V>;
  static_assert([] {
    const double want[4][6] = {{1, 1, 1, 1, 1, 0},
                               {0, W::AT[1][1], -W::AT[1][1], W::AT[1][3], -W::AT[1][3], 0},
                               {0, W::AT[2][1], W::AT[2][1], W::AT[2][3], W::AT[2][3], 0},
                               {0, W::AT[3][1], -W::AT[3][1], W::AT[3][3], -W::AT[3][3], 1}};
    for (int i = 0; i < 4; ++i)
      for (int k = 0; k < 6; ++k)
        if (want[i][k] != W::AT[i][k]) return false;
    return true;
  }());
  const V s12 = x(1) + x(2), d12 = x(1) - x(2), s34 = x(3) + x(4), d34 = x(3) - x(4);
  y(0, x(0) + s12 + s34);
  y(1, d12 * E(W::AT[1][1]) + d34 * E(W::AT[1][3]));
  y(2, s12 * E(W::AT[2][1]) + s34 * E(W::AT[2][3]));
  y(3, d12 * E(W::AT[3][1]) + d34 * E(W::AT[3][3]) + x(5));
}

// A line of B^T (input) or of A^T (output) against a line of a tile.
template <int M, class V, class In, class Out>
[[gnu::always_inline]] inline void input_line(In x, Out y) {
  if constexpr (M == 4) input_line4<V>(x, y);
  else line<V, M + 2, M + 2>(Matrices<M>::BT, x, y);
}
template <int M, class V, class In, class Out>
[[gnu::always_inline]] inline void output_line(In x, Out y) {
  if constexpr (M == 4) output_line4<V>(x, y);
  else line<V, M, M + 2>(Matrices<M>::AT, x, y);
}

// L x L^T for a vector of channels of one a x a tile, line_of taking L's
// rows against a line (B^T's: V = B^T d B; A^T's: Y = A^T x A): over the
// tile's columns, then over the rows of the result. The tile is read
// through in(i, j, into), which loads the vector at row i, column j (from
// memory, or an array) into `into`, and each result handed to out(i, j,
// value): the first pass loads from where the tile is, the second stores
// where the results go. Through arrays of the whole tile in and out (a x a
// vectors each, more than there are registers, spilled beside the sums),
// the same sums took 1.03-1.05x the time on ResNet-50 res2 and VGG-19
// conv1_1 and conv1_2 at batch 1 (every layout, AVX-512 and AVX2), 1.01 on
// conv2_x and res3, as much on the rest, whose products outweigh them (Zen
// 4, 1 thread, old and new alternated process by process, bit-identical
// outputs). Vectors pass by reference: returned by value from a function
// compiled for no vector ISA, they would change its ABI.
template <int Rows, int A, class V, class Line, class In, class Out>
[[gnu::always_inline]] inline void two_sided(Line line_of, In in, Out out) {
  V t[Rows][A];
#pragma GCC unroll 8
  for (int j = 0; j < A; ++j) {
    V column[A];
#pragma GCC unroll 8
    for (int k = 0; k < A; ++k) in(k, j, column[k]);
    line_of([&](int k) -> const V& { return column[k]; }, [&](int i, const V& s) { t[i][j] = s; });
  }
#pragma GCC unroll 8
  for (int i = 0; i < Rows; ++i)
    line_of([&](int k) -> const V& { return t[i][k]; }, [&](int j, const V& s) { out(i, j, s); });
}

// V = B^T d B for a vector of channels of one a x a input tile.
template <int M, class V, class In, class Out>
[[gnu::always_inline]] inline void input_transform(In in, Out out) {
  two_sided<M + 2, M + 2, V>([](auto x, auto y) { input_line<M, V>(x, y); }, in, out);
}

// Y = A^T x A for a vector of channels of one a x a tile of summed products.
template <int M, class V, class In, class Out>
[[gnu::always_inline]] inline void output_transform(In in, Out out) {
  two_sided<M, M + 2, V>([](auto x, auto y) { output_line<M, V>(x, y); }, in, out);
}

}  // namespace convjit::winograd
