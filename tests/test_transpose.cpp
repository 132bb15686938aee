// The drivers' transpose (kernels/transpose.hpp): every shape, whole blocks
// and masked edge blocks alike, moves each element to its place and touches
// nothing else: the matrices sit flush against guard pages, and the gaps
// between the destination's rows keep their old values.
#include <gtest/gtest.h>

#include <cstdint>

#include "guard_alloc.hpp"
#include "kernels/transpose.hpp"

namespace convjit {
namespace {

template <class T>
void check_transpose(int64_t rows, int64_t cols, int64_t from_stride, int64_t to_stride, GuardSide side) {
  constexpr DataType dt = sizeof(T) == 4 ? DataType::f32 : DataType::f64;
  const int64_t from_elems = (rows - 1) * from_stride + cols, to_elems = (cols - 1) * to_stride + rows;
  GuardedTensor from(dt, Shape{1, {from_elems}}, side), to(dt, Shape{1, {to_elems}}, side);
  T* in = static_cast<T*>(from.data());
  T* out = static_cast<T*>(to.data());
  for (int64_t i = 0; i < from_elems; ++i) in[i] = T(i + 1);
  for (int64_t i = 0; i < to_elems; ++i) out[i] = T(-1);
  transpose(in, rows, cols, from_stride, out, to_stride);
  for (int64_t c = 0; c < cols; ++c)
    for (int64_t r = 0; r < to_stride && c * to_stride + r < to_elems; ++r) {
      const T want = r < rows ? in[r * from_stride + c] : T(-1);
      ASSERT_EQ(out[c * to_stride + r], want) << rows << "x" << cols << " strides " << from_stride << ", "
                                              << to_stride << ": element (" << r << ", " << c << ")";
    }
}

template <class T>
void check_shapes() {
  for (int64_t rows = 1; rows <= 19; ++rows)
    for (int64_t cols = 1; cols <= 19; ++cols)
      for (GuardSide side : {GuardSide::end, GuardSide::start}) {
        check_transpose<T>(rows, cols, cols, rows, side);
        check_transpose<T>(rows, cols, cols + 3, rows + 5, side);
      }
}

TEST(Transpose, EveryEdgeBlockF32) { check_shapes<float>(); }
TEST(Transpose, EveryEdgeBlockF64) { check_shapes<double>(); }

TEST(Transpose, TilesOfManyRowsAndColumns) {
  // Beyond one 128 x 32 tile in both directions, with edges in each.
  for (GuardSide side : {GuardSide::end, GuardSide::start}) {
    check_transpose<float>(261, 75, 80, 300, side);
    check_transpose<double>(130, 37, 37, 131, side);
    // Rows of `from` 4 KiB apart: tiles of 8 rows (what the L1's sets hold).
    check_transpose<float>(53, 41, 1024, 60, side);
    check_transpose<double>(29, 19, 512, 33, side);
  }
}

}  // namespace
}  // namespace convjit
