// The ground truth checked against properties that do not need a second
// convolution to trust (linearity, shifts, deltas, hand-computed values) and
// against a tiny independent implementation; plus the test-data helpers.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "convjit/error.hpp"
#include "convjit/kernel.hpp"
#include "convjit/layout.hpp"
#include "kernels/buffer.hpp"
#include "validation/reference.hpp"
#include "validation/reference_kernel.hpp"
#include "validation/test_data.hpp"

namespace convjit {
namespace {

ConvDesc make_desc(const std::string& text, DataType dt = DataType::f64, PostOps post_ops = {},
                   Layout layout = Layout::ncx) {
  ConvDesc desc = ConvDesc::parse(text);
  desc.dt = dt;
  desc.post_ops = post_ops;
  desc.layout = layout;
  return desc;
}

Buffer buffer_of(DataType dt, const Shape& shape, const std::vector<double>& values) {
  Buffer buf(dt, shape);
  EXPECT_EQ(buf.size(), static_cast<int64_t>(values.size()));
  for (int64_t i = 0; i < buf.size(); ++i) buf.set(i, values[i]);
  return buf;
}

std::vector<double> values_of(const Buffer& buf) {
  std::vector<double> v(buf.size());
  for (int64_t i = 0; i < buf.size(); ++i) v[i] = buf.get(i);
  return v;
}

Buffer conv(const ConvDesc& desc, const Buffer& src, const Buffer& wei, const Buffer& bias) {
  const int64_t batch = src.shape().dim[0];
  Buffer dst(desc.dt, desc.dst_shape(batch));
  reference_conv(desc, src.data(), wei.data(), bias.empty() ? nullptr : bias.data(), dst.data(),
                 batch);
  return dst;
}

Buffer conv(const ConvDesc& desc, const ProblemData& data) {
  return conv(desc, data.src, data.wei, data.bias);
}

// out = a * x + b * y, elementwise, shaped like x.
Buffer axpby(double a, const Buffer& x, double b, const Buffer& y) {
  Buffer out(x.dt(), x.shape());
  for (int64_t i = 0; i < x.size(); ++i) out.set(i, a * x.get(i) + b * y.get(i));
  return out;
}

#define EXPECT_SAME(got, want)                                 \
  do {                                                         \
    const Comparison c_ = compare(got, want, 0, false);        \
    EXPECT_EQ(c_.mismatches, 0) << c_.str();                   \
  } while (0)

// Views a buffer as [outer][mid][inner] and keeps mid indices [m0, m0 + mn):
// channels of an activation, output channels of weights, planes of a depth.
Buffer slice(const Buffer& in, const Shape& out_shape, int64_t outer, int64_t mid, int64_t inner,
             int64_t m0, int64_t mn) {
  Buffer out(in.dt(), out_shape);
  EXPECT_EQ(out.size(), outer * mn * inner);
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t m = 0; m < mn; ++m)
      for (int64_t i = 0; i < inner; ++i)
        out.set((o * mn + m) * inner + i, in.get((o * mid + m0 + m) * inner + i));
  return out;
}

// Views a buffer as [outer][a][b] and writes it as [outer][b][a]: ncx <-> nxc.
Buffer swap_inner(const Buffer& in, const Shape& out_shape, int64_t outer, int64_t a, int64_t b) {
  Buffer out(in.dt(), out_shape);
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < a; ++i)
      for (int64_t j = 0; j < b; ++j) out.set((o * b + j) * a + i, in.get((o * a + i) * b + j));
  return out;
}

// Index into a 4D (N, C, H, W) buffer.
int64_t at4(const Shape& s, int64_t n, int64_t c, int64_t h, int64_t w) {
  return ((n * s.dim[1] + c) * s.dim[2] + h) * s.dim[3] + w;
}

// --- Hand-computed values -------------------------------------------------

TEST(Reference, Im2colWorkedExample) {
  for (DataType dt : {DataType::f64, DataType::f32}) {
    const ConvDesc desc = make_desc("mb1ic1ih3oc1kh2", dt, {.bias = true});
    const Buffer src = buffer_of(dt, desc.src_shape(1), {3, 9, 0, 2, 8, 1, 1, 4, 8});
    const Buffer wei = buffer_of(dt, desc.wei_shape(), {8, 9, 4, 4});
    const Buffer bias = buffer_of(dt, desc.bias_shape(), {0.06});
    Buffer dst(dt, desc.dst_shape(1));
    auto kernel = make_reference_kernel(desc);
    kernel->bind(wei.cview(), bias.cview());
    kernel->run(src.cview(), dst.view());
    const double tol = dt == DataType::f64 ? 1e-12 : 1e-4;
    const std::vector<double> want{145.06, 108.06, 108.06, 121.06};
    ASSERT_EQ(dst.size(), 4);
    for (int i = 0; i < 4; ++i) EXPECT_NEAR(dst.get(i), want[i], tol) << to_string(dt) << " " << i;
  }
}

TEST(Reference, OneDimensionalByHand) {
  const ConvDesc desc = make_desc("mb1ic1iw4oc1kw3");
  const Buffer src = buffer_of(DataType::f64, desc.src_shape(1), {1, 2, 3, 4});
  const Buffer wei = buffer_of(DataType::f64, desc.wei_shape(), {1, 0, -1});
  EXPECT_EQ(values_of(conv(desc, src, wei, {})), (std::vector<double>{-2, -2}));
}

// --- Properties -----------------------------------------------------------

TEST(Reference, LayoutsAgree) {
  const ConvDesc ncx = make_desc("mb2ic3ih5iw6oc4kh3kw2sh2ph1pw1", DataType::f32, {.bias = true});
  ConvDesc nxc = ncx;
  nxc.layout = Layout::nxc;
  const int64_t n = ncx.mb;
  const ProblemData data = make_problem_data(ncx, n, Fill::real, 11);
  const Buffer src_nxc = swap_inner(data.src, nxc.src_shape(n), n, ncx.ic, ncx.spatial_in());
  const Buffer got_nxc = conv(nxc, src_nxc, data.wei, data.bias);
  const Buffer got = swap_inner(got_nxc, ncx.dst_shape(n), n, ncx.spatial_out(), ncx.oc);
  EXPECT_SAME(got, conv(ncx, data));
}

TEST(Reference, DeltaInputGivesFlippedFilter) {
  const ConvDesc desc = make_desc("mb1ic1ih7oc1kh3");
  Buffer src(desc.dt, desc.src_shape(1));
  const Shape& ss = src.shape();
  src.set(at4(ss, 0, 0, 3, 3), 1);
  const Buffer wei = buffer_of(desc.dt, desc.wei_shape(), {1, 2, 3, 4, 5, 6, 7, 8, 9});
  const Buffer dst = conv(desc, src, wei, {});
  // Output (y, x) sees the delta through tap (3 - y, 3 - x).
  for (int64_t y = 0; y < 5; ++y)
    for (int64_t x = 0; x < 5; ++x) {
      const int64_t ky = 3 - y, kx = 3 - x;
      const bool hit = ky >= 0 && ky < 3 && kx >= 0 && kx < 3;
      EXPECT_EQ(dst.get(at4(dst.shape(), 0, 0, y, x)), hit ? wei.get(ky * 3 + kx) : 0.0)
          << y << "," << x;
    }
}

// Integer data in f64: every result is exact, so equalities hold bit for bit.
TEST(Reference, LinearInInput) {
  const ConvDesc desc = make_desc("mb2ic3ih6oc2kh3ph1");
  const ProblemData a = make_problem_data(desc, 2, Fill::integer, 1);
  const ProblemData b = make_problem_data(desc, 2, Fill::integer, 2);
  const Buffer mixed = axpby(3, a.src, -2, b.src);
  const Buffer ya = conv(desc, a.src, a.wei, {});
  const Buffer yb = conv(desc, b.src, a.wei, {});
  EXPECT_SAME(conv(desc, mixed, a.wei, {}), axpby(3, ya, -2, yb));
}

TEST(Reference, LinearInWeights) {
  const ConvDesc desc = make_desc("g2mb2ic4ih6oc4kh3sh2ph1");
  const ProblemData a = make_problem_data(desc, 2, Fill::integer, 3);
  const ProblemData b = make_problem_data(desc, 2, Fill::integer, 4);
  const Buffer mixed = axpby(-1, a.wei, 5, b.wei);
  const Buffer ya = conv(desc, a.src, a.wei, {});
  const Buffer yb = conv(desc, a.src, b.wei, {});
  EXPECT_SAME(conv(desc, a.src, mixed, {}), axpby(-1, ya, 5, yb));
}

TEST(Reference, ShiftEquivariantAtStrideOne) {
  const ConvDesc desc = make_desc("mb1ic2ih8iw9oc3kh3kw2");
  const ProblemData data = make_problem_data(desc, 1, Fill::integer, 5);
  constexpr int64_t dy = 1, dx = 2;
  Buffer shifted(desc.dt, desc.src_shape(1));
  const Shape& ss = shifted.shape();
  for (int64_t c = 0; c < desc.ic; ++c)
    for (int64_t h = dy; h < ss.dim[2]; ++h)
      for (int64_t w = dx; w < ss.dim[3]; ++w)
        shifted.set(at4(ss, 0, c, h, w), data.src.get(at4(ss, 0, c, h - dy, w - dx)));
  const Buffer y = conv(desc, data.src, data.wei, {});
  const Buffer ys = conv(desc, shifted, data.wei, {});
  const Shape& ds = y.shape();
  // Without padding, every output past the shift sees only shifted data.
  for (int64_t c = 0; c < desc.oc; ++c)
    for (int64_t h = dy; h < ds.dim[2]; ++h)
      for (int64_t w = dx; w < ds.dim[3]; ++w)
        ASSERT_EQ(ys.get(at4(ds, 0, c, h, w)), y.get(at4(ds, 0, c, h - dy, w - dx)))
            << c << "," << h << "," << w;
}

TEST(Reference, ReluClampsAfterBias) {
  const ConvDesc plain = make_desc("mb2ic3ih6oc4kh3ph1", DataType::f32, {.bias = true});
  ConvDesc relu = plain;
  relu.post_ops.relu = true;
  const ProblemData data = make_problem_data(plain, 2, Fill::real, 6);
  const Buffer y = conv(plain, data);
  const Buffer yr = conv(relu, data);
  int64_t negatives = 0;
  for (int64_t i = 0; i < y.size(); ++i) {
    negatives += y.get(i) < 0;
    ASSERT_EQ(yr.get(i), std::max(y.get(i), 0.0)) << i;
  }
  EXPECT_GT(negatives, 0);
}

// A grouped convolution is g independent convolutions on channel slices.
class ReferenceGroups : public ::testing::TestWithParam<const char*> {};

TEST_P(ReferenceGroups, EqualSeparateConvolutions) {
  const ConvDesc desc = make_desc(GetParam(), DataType::f64, {.bias = true});
  const int64_t n = desc.mb, icg = desc.icg(), ocg = desc.ocg();
  ConvDesc one = desc;
  one.g = 1;
  one.g_written = false;
  one.ic = icg;
  one.oc = ocg;
  const ProblemData data = make_problem_data(desc, n, Fill::integer, 7);
  const Buffer y = conv(desc, data);
  const int64_t wei_per_oc = icg * desc.spatial_k();
  for (int64_t gi = 0; gi < desc.g; ++gi) {
    const Buffer src = slice(data.src, one.src_shape(n), n, desc.ic, desc.spatial_in(), gi * icg, icg);
    const Buffer wei = slice(data.wei, one.wei_shape(), 1, desc.oc, wei_per_oc, gi * ocg, ocg);
    const Buffer bias = slice(data.bias, one.bias_shape(), 1, desc.oc, 1, gi * ocg, ocg);
    const Buffer want = slice(y, one.dst_shape(n), n, desc.oc, desc.spatial_out(), gi * ocg, ocg);
    SCOPED_TRACE("group " + std::to_string(gi));
    EXPECT_SAME(conv(one, src, wei, bias), want);
  }
}

INSTANTIATE_TEST_SUITE_P(Reference, ReferenceGroups,
                         ::testing::Values("g2mb2ic4ih6oc6kh3ph1", "g3mb2ic3ih6oc3kh3sh2",
                                           "g4mb1ic8id3ih4iw5oc4kd2kh3kw2"));

// 1D is 2D with a height of one: the memory is the same, so are the results.
TEST(Reference, OneDimensionalIsFlatTwoDimensional) {
  const ConvDesc d1 = make_desc("mb2ic2iw8oc3kw3sw2pw1");
  const ConvDesc d2 = make_desc("mb2ic2ih1iw8oc3kh1kw3sw2pw1");
  ASSERT_EQ(d1.ndims, 1);
  const ProblemData data = make_problem_data(d1, 2, Fill::integer, 8);
  const Buffer src2 = buffer_of(d2.dt, d2.src_shape(2), values_of(data.src));
  const Buffer wei2 = buffer_of(d2.dt, d2.wei_shape(), values_of(data.wei));
  EXPECT_EQ(values_of(conv(d1, data)), values_of(conv(d2, src2, wei2, {})));
}

// A 3D kernel spanning the whole depth sums 2D convolutions of depth slices.
TEST(Reference, ThreeDimensionalSumsPlanes) {
  const ConvDesc d3 = make_desc("mb1ic2id3ih5iw5oc2kd3kh3kw3");
  const ConvDesc d2 = make_desc("mb1ic2ih5oc2kh3");
  ASSERT_EQ(d3.ndims, 3);
  ASSERT_EQ(d3.o[0], 1);
  const ProblemData data = make_problem_data(d3, 1, Fill::integer, 9);
  const int64_t depth = d3.i[0], plane = d3.i[1] * d3.i[2], kplane = d3.k[1] * d3.k[2];
  Buffer sum(d2.dt, d2.dst_shape(1));
  for (int64_t z = 0; z < depth; ++z) {
    const Buffer src = slice(data.src, d2.src_shape(1), d3.ic, depth, plane, z, 1);
    const Buffer wei = slice(data.wei, d2.wei_shape(), d3.oc * d3.ic, d3.k[0], kplane, z, 1);
    sum = axpby(1, sum, 1, conv(d2, src, wei, {}));
  }
  EXPECT_EQ(values_of(conv(d3, data)), values_of(sum));
}

TEST(Reference, DilationEqualsZeroInsertedKernel) {
  const ConvDesc dilated = make_desc("mb1ic2ih9iw11oc3kh3kw3dh1dw2ph1pw2");
  const ConvDesc dense = make_desc("mb1ic2ih9iw11oc3kh5kw7ph1pw2");
  ASSERT_EQ(dilated.o, dense.o);
  const ProblemData data = make_problem_data(dilated, 1, Fill::integer, 10);
  Buffer wei(dense.dt, dense.wei_shape());
  for (int64_t oi = 0; oi < dilated.oc * dilated.ic; ++oi)
    for (int64_t kh = 0; kh < 3; ++kh)
      for (int64_t kw = 0; kw < 3; ++kw)
        wei.set((oi * 5 + kh * 2) * 7 + kw * 3, data.wei.get((oi * 3 + kh) * 3 + kw));
  EXPECT_SAME(conv(dilated, data), conv(dense, data.src, wei, {}));
}

// --- An independent implementation --------------------------------------

// Scatters each input element to the outputs that read it, instead of
// gathering taps per output: a different loop structure, so a shared
// indexing mistake is unlikely. ncx only; values in double.
std::vector<double> naive_scatter(const ConvDesc& c, const Buffer& src, const Buffer& wei,
                                  const Buffer& bias) {
  const int64_t n_img = c.mb, icg = c.icg(), ocg = c.ocg();
  std::vector<double> out(n_img * c.oc * c.spatial_out(), 0.0);
  auto out_pos = [&](int a, int64_t in, int64_t kk) -> int64_t {
    const int64_t num = in + c.p[a] - kk * (c.d[a] + 1);
    if (num < 0 || num % c.s[a] != 0 || num / c.s[a] >= c.o[a]) return -1;
    return num / c.s[a];
  };
  for (int64_t n = 0; n < n_img; ++n)
    for (int64_t ic = 0; ic < c.ic; ++ic)
      for (int64_t z = 0; z < c.i[0]; ++z)
        for (int64_t y = 0; y < c.i[1]; ++y)
          for (int64_t x = 0; x < c.i[2]; ++x) {
            const double v = src.get((((n * c.ic + ic) * c.i[0] + z) * c.i[1] + y) * c.i[2] + x);
            const int64_t grp = ic / icg;
            for (int64_t oc = grp * ocg; oc < (grp + 1) * ocg; ++oc)
              for (int64_t kd = 0; kd < c.k[0]; ++kd)
                for (int64_t kh = 0; kh < c.k[1]; ++kh)
                  for (int64_t kw = 0; kw < c.k[2]; ++kw) {
                    const int64_t oz = out_pos(0, z, kd), oy = out_pos(1, y, kh),
                                  ox = out_pos(2, x, kw);
                    if (oz < 0 || oy < 0 || ox < 0) continue;
                    const double w =
                        wei.get((((oc * icg + ic % icg) * c.k[0] + kd) * c.k[1] + kh) * c.k[2] + kw);
                    out[(((n * c.oc + oc) * c.o[0] + oz) * c.o[1] + oy) * c.o[2] + ox] += v * w;
                  }
          }
  for (int64_t i = 0; i < static_cast<int64_t>(out.size()); ++i) {
    if (c.post_ops.bias) out[i] += bias.get(i / c.spatial_out() % c.oc);
    if (c.post_ops.relu) out[i] = std::max(out[i], 0.0);
  }
  return out;
}

class ReferenceNaive : public ::testing::TestWithParam<const char*> {};

TEST_P(ReferenceNaive, MatchesScatterImplementation) {
  for (PostOps post_ops : {PostOps{}, PostOps{.bias = true, .relu = true}}) {
    const ConvDesc desc = make_desc(GetParam(), DataType::f64, post_ops);
    SCOPED_TRACE(desc.full_str());
    const ProblemData data = make_problem_data(desc, desc.mb, Fill::integer, 12);
    EXPECT_EQ(values_of(conv(desc, data)), naive_scatter(desc, data.src, data.wei, data.bias));
  }
}

INSTANTIATE_TEST_SUITE_P(
    Reference, ReferenceNaive,
    ::testing::Values("mb2ic3ih7oc4kh3ph1",                   // same padding
                      "mb1ic2ih8iw7oc3kh3kw2sh2sw3ph2pw1",    // strides, uneven pads
                      "g2mb2ic4ih9oc6kh3sh2ph1dh1",           // groups, dilation
                      "mb1ic1ih5oc1kh3oh7",                   // padding from oh
                      "mb1ic1ih8oc1kh3sh2",                   // negative back padding
                      "mb1ic2ih4oc2kh5ph3",                   // kernel larger than input
                      "mb1ic2iw10oc3kw4sw2pw3",               // 1D
                      "mb1ic2id5ih6iw5oc2kd3kh2kw3sd2pd1ph1dw1"));  // 3D

// --- The Kernel interface over the reference ------------------------------

// Runs f and returns the field of the Error it throws ("" if none), checking
// that the message contains `words`.
std::string error_field(const std::function<void()>& f, const std::string& words = "") {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
    return e.field();
  }
  return "";
}

class ReferenceKernel : public ::testing::Test {
 protected:
  ConvDesc desc = make_desc("mb2ic3ih6oc4kh3ph1", DataType::f32, {.bias = true});
  ProblemData data = make_problem_data(desc, 2, Fill::integer, 13);
  std::unique_ptr<Kernel> kernel = make_reference_kernel(desc);
};

TEST_F(ReferenceKernel, RunsTheReference) {
  EXPECT_EQ(kernel->backend(), Backend::reference);
  EXPECT_EQ(kernel->plan_str(), "reference");
  EXPECT_FALSE(kernel->bound());
  kernel->bind(data.wei.cview(), data.bias.cview());
  EXPECT_TRUE(kernel->bound());
  Buffer dst(desc.dt, desc.dst_shape(2));
  kernel->run(data.src.cview(), dst.view());
  EXPECT_SAME(dst, conv(desc, data));
}

TEST_F(ReferenceKernel, BindCopiesTheWeights) {
  kernel->bind(data.wei.cview(), data.bias.cview());
  const Buffer want = conv(desc, data);
  data.wei.set(0, 100);
  data.bias.set(0, 100);
  Buffer dst(desc.dt, desc.dst_shape(2));
  kernel->run(data.src.cview(), dst.view());
  EXPECT_SAME(dst, want);
}

TEST_F(ReferenceKernel, BindRejectsBadViews) {
  const Buffer wei64(DataType::f64, desc.wei_shape());
  const Buffer bias_short(desc.dt, Shape{1, {3}});
  auto bind = [&](ConstTensorView w, ConstTensorView b) { return [=, this] { kernel->bind(w, b); }; };
  ConstTensorView null_wei = data.wei.cview();
  null_wei.data = nullptr;
  EXPECT_EQ(error_field(bind(null_wei, data.bias.cview()), "null data"), "weights");
  EXPECT_EQ(error_field(bind(wei64.cview(), data.bias.cview()),
                        "weights: data type f64 does not match the kernel's f32"),
            "weights");
  EXPECT_EQ(error_field(bind(data.src.cview(), data.bias.cview()), desc.wei_shape().str()),
            "weights");
  EXPECT_EQ(error_field(bind(data.wei.cview(), {}), "missing"), "bias");
  EXPECT_EQ(error_field(bind(data.wei.cview(), bias_short.cview()), "[3]"), "bias");
  EXPECT_FALSE(kernel->bound());

  ConvDesc no_bias = desc;
  no_bias.post_ops.bias = false;
  auto plain = make_reference_kernel(no_bias);
  EXPECT_EQ(error_field([&] { plain->bind(data.wei.cview(), data.bias.cview()); }, "no bias"),
            "bias");
  EXPECT_EQ(error_field([&] { plain->bind(data.wei.cview()); }), "");
}

TEST_F(ReferenceKernel, RunRejectsBadViewsAndLeavesDst) {
  Buffer dst(desc.dt, desc.dst_shape(2));
  auto run = [&](ConstTensorView s, TensorView d) { return [=, this] { kernel->run(s, d); }; };
  EXPECT_EQ(error_field(run(data.src.cview(), dst.view()), "weights: run() before bind()"),
            "weights");
  kernel->bind(data.wei.cview(), data.bias.cview());

  fill_integer(dst, 1, 7, 7, 1.0);
  const Buffer src64(DataType::f64, desc.src_shape(2));
  const Buffer src3(desc.dt, desc.src_shape(3));
  Buffer dst64(DataType::f64, desc.dst_shape(2));
  ConstTensorView null_src = data.src.cview();
  null_src.data = nullptr;
  EXPECT_EQ(error_field(run(null_src, dst.view()), "null data"), "src");
  EXPECT_EQ(error_field(run(src64.cview(), dst.view()), "src: data type f64"), "src");
  EXPECT_EQ(error_field(run(src3.cview(), dst.view()), "batch"), "dst");
  EXPECT_EQ(error_field(run(data.src.cview(), dst64.view()), "dst: data type f64"), "dst");
  const Buffer src_wrong(desc.dt, Shape{4, {2, 3, 5, 6}});
  EXPECT_EQ(error_field(run(src_wrong.cview(), dst.view()), "[2,3,6,6]"), "src");
  for (int64_t i = 0; i < dst.size(); ++i) ASSERT_EQ(dst.get(i), 7) << i;
}

TEST_F(ReferenceKernel, EmptyBatchDoesNothing) {
  kernel->bind(data.wei.cview(), data.bias.cview());
  const ConstTensorView src{nullptr, desc.dt, desc.src_shape(0)};
  const TensorView dst{nullptr, desc.dt, desc.dst_shape(0)};
  EXPECT_EQ(error_field([&] { kernel->run(src, dst); }), "");
  const Buffer empty_src(desc.dt, desc.src_shape(0));
  Buffer empty_dst(desc.dt, desc.dst_shape(0));
  EXPECT_FALSE(empty_src.empty());
  EXPECT_EQ(empty_src.bytes(), 0u);
  kernel->run(empty_src.cview(), empty_dst.view());
}

// --- Test data -------------------------------------------------------------

TEST(TestData, FillsAreDeterministicPerSeed) {
  for (DataType dt : {DataType::f32, DataType::f64}) {
    Buffer a(dt, Shape{1, {1000}}), b(dt, Shape{1, {1000}}), c(dt, Shape{1, {1000}});
    fill_integer(a, 7, -4, 4, 0.7);
    fill_integer(b, 7, -4, 4, 0.7);
    fill_integer(c, 8, -4, 4, 0.7);
    EXPECT_EQ(values_of(a), values_of(b));
    EXPECT_GT(compare(a, c, 0, false).mismatches, 500);
    fill_real(a, 7, -1, 1);
    fill_real(b, 7, -1, 1);
    fill_real(c, 8, -1, 1);
    EXPECT_EQ(values_of(a), values_of(b));
    EXPECT_EQ(compare(a, c, 0, false).mismatches, 1000);
  }
}

TEST(TestData, IntegerFillHonoursRangeAndDensity) {
  Buffer buf(DataType::f64, Shape{1, {200000}});
  for (double density : {0.0, 0.25, 0.8, 1.0}) {
    fill_integer(buf, 3, -3, 2, density);
    int64_t nonzero = 0;
    for (double v : values_of(buf)) {
      ASSERT_EQ(v, std::round(v));
      ASSERT_TRUE(v >= -3 && v <= 2) << v;
      nonzero += v != 0;
    }
    EXPECT_NEAR(static_cast<double>(nonzero) / buf.size(), density, 0.01);
  }
  fill_integer(buf, 3, 1, 3, 1.0);  // a range without zero
  for (double v : values_of(buf)) ASSERT_TRUE(v >= 1 && v <= 3) << v;
}

TEST(TestData, RealFillIsHalfOpen) {
  Buffer buf(DataType::f32, Shape{1, {100000}});
  fill_real(buf, 4, -1, 1);
  double sum = 0;
  for (double v : values_of(buf)) {
    ASSERT_TRUE(v >= -1 && v < 1) << v;
    sum += v;
  }
  EXPECT_NEAR(sum / buf.size(), 0, 0.02);
}

TEST(TestData, ProblemDataShapes) {
  ConvDesc desc = make_desc("g2mb2ic4ih5oc6kh3", DataType::f32);
  ProblemData data = make_problem_data(desc, 3, Fill::integer, 1);
  EXPECT_EQ(data.src.shape(), desc.src_shape(3));
  EXPECT_EQ(data.wei.shape(), desc.wei_shape());
  EXPECT_TRUE(data.bias.empty());
  desc.post_ops.bias = true;
  data = make_problem_data(desc, 3, Fill::real, 1);
  EXPECT_EQ(data.bias.shape(), desc.bias_shape());
  // Streams are independent: src and weights are not the same numbers.
  EXPECT_NE(data.src.get(0), data.wei.get(0));
}

double max_abs(const Buffer& buf) {
  double m = 0;
  for (int64_t i = 0; i < buf.size(); ++i) m = std::max(m, std::fabs(buf.get(i)));
  return m;
}

// Integer data keeps the worst case exact in f32, so f32 and f64 agree
// exactly; the second shape is long enough to force narrower ranges.
class TestDataExact : public ::testing::TestWithParam<const char*> {};

TEST_P(TestDataExact, F32EqualsF64ForIntegerFills) {
  const ConvDesc d64 = make_desc(GetParam(), DataType::f64, {.bias = true});
  ConvDesc d32 = d64;
  d32.dt = DataType::f32;
  const ProblemData data64 = make_problem_data(d64, d64.mb, Fill::integer, 21);
  const ProblemData data32 = make_problem_data(d32, d32.mb, Fill::integer, 21);
  const double L = static_cast<double>(d64.icg() * d64.spatial_k());
  const double worst = L * max_abs(data64.src) * max_abs(data64.wei) + max_abs(data64.bias);
  EXPECT_LT(worst, 0x1p24);
  EXPECT_EQ(tolerance(d32, Fill::integer), 0);
  const Comparison c = compare(conv(d32, data32), conv(d64, data64), 0, false);
  EXPECT_TRUE(c.ok()) << c.str();
  EXPECT_LE(c.want_zeros * 10, c.count) << c.str();
}

INSTANTIATE_TEST_SUITE_P(TestData, TestDataExact,
                         ::testing::Values("mb2ic512ih6oc8kh3ph1", "mb1ic100000ih7oc1kh5"));

TEST(TestData, RealToleranceCoversF32Rounding) {
  const ConvDesc d64 = make_desc("mb2ic256ih6oc8kh3ph1", DataType::f64, {.bias = true});
  ConvDesc d32 = d64;
  d32.dt = DataType::f32;
  const double tol = tolerance(d32, Fill::real);
  EXPECT_GT(tol, 0);
  EXPECT_LT(tolerance(d64, Fill::real), tol);
  const ProblemData data32 = make_problem_data(d32, 2, Fill::real, 22);
  // The same f32 numbers, summed in double: the difference is f32 rounding.
  const ProblemData data64{buffer_of(d64.dt, data32.src.shape(), values_of(data32.src)),
                           buffer_of(d64.dt, data32.wei.shape(), values_of(data32.wei)),
                           buffer_of(d64.dt, data32.bias.shape(), values_of(data32.bias))};
  const Comparison c = compare(conv(d32, data32), conv(d64, data64), tol, false);
  EXPECT_TRUE(c.ok()) << c.str();
}

TEST(TestData, CompareFindsSingleChangeAndNan) {
  Buffer want(DataType::f32, Shape{1, {1000}});
  fill_integer(want, 5, -4, 4, 1.0);
  Buffer got = axpby(1, want, 0, want);
  EXPECT_TRUE(compare(got, want, 0, false).ok());

  got.set(17, want.get(17) + 3);
  Comparison c = compare(got, want, 0, false);
  EXPECT_EQ(c.mismatches, 1);
  EXPECT_EQ(c.first_bad, 17);
  EXPECT_EQ(c.max_abs_err, 3);
  EXPECT_EQ(c.str(), "1 of 1000 differ (first at 17), max err 3, 0 zeros in reference");
  EXPECT_TRUE(compare(got, want, 3, false).ok());

  got.set(17, want.get(17));
  got.set(400, std::numeric_limits<double>::quiet_NaN());
  c = compare(got, want, 1e30, false);
  EXPECT_EQ(c.mismatches, 1);
  EXPECT_EQ(c.first_bad, 400);
  EXPECT_TRUE(std::isnan(c.max_abs_err));
}

TEST(TestData, CompareDistrustsMostlyZeros) {
  Buffer want(DataType::f64, Shape{1, {100}});
  Comparison c = compare(want, want, 0, true);
  EXPECT_EQ(c.want_zeros, 100);
  EXPECT_FALSE(c.trusted);
  EXPECT_FALSE(c.ok());
  EXPECT_NE(c.str().find("untrusted"), std::string::npos) << c.str();
  // 70% zeros: expected from ReLU, suspicious without it.
  for (int i = 0; i < 30; ++i) want.set(i, 1);
  EXPECT_TRUE(compare(want, want, 0, true).trusted);
  EXPECT_FALSE(compare(want, want, 0, false).trusted);
  // Too few elements for a fraction to mean anything.
  Buffer tiny(DataType::f64, Shape{1, {3}});
  EXPECT_TRUE(compare(tiny, tiny, 0, false).trusted);
}

// Outputs that see only padding do not count towards trust; the rest do,
// in every layout.
TEST(TestData, CompareTrustsOnlyOutputsThatSeeTheInput) {
  // Every output's window lies in the padding (iw1 with taps at -1 and +1).
  ConvDesc all = ConvDesc::parse("mb3ic3oc7ih22kh7sh1ph6dh0iw1kw2sw3pw1dw1");
  Buffer zeros(all.dt, all.dst_shape(3));
  Comparison c = compare(all, zeros, zeros, 0, false);
  EXPECT_EQ(c.seen, 0);
  EXPECT_TRUE(c.ok()) << c.str();
  Buffer wrong(all.dt, all.dst_shape(3));
  wrong.set(5, 1);
  EXPECT_EQ(compare(all, wrong, zeros, 0, false).mismatches, 1);

  // ow = 5, of which only the middle one (of iw1, padding 2) sees the input.
  for (const Layout layout : {Layout::ncx, Layout::nxc, Layout::nCx8c}) {
    ConvDesc d = ConvDesc::parse("mb1ic1oc4ih1iw1kh1kw1pw2");
    d.layout = layout;
    ASSERT_EQ(d.o[ConvDesc::W], 5);
    EXPECT_EQ(outputs_seeing_input(d), (std::vector<char>{0, 0, 1, 0, 0}));
    Buffer want(d.dt, d.dst_shape(1));
    c = compare(d, want, want, 0, false);
    EXPECT_EQ(c.seen, 4) << to_string(layout);  // the 4 channels of the middle output
    EXPECT_FALSE(c.trusted) << to_string(layout) << ": " << c.str();
    // Non-zero where the input is seen: trusted, whatever the padding holds.
    ConvDesc plain = d;
    plain.layout = Layout::ncx;
    Buffer seen_ones(d.dt, plain.dst_shape(1));
    for (int oc = 0; oc < 4; ++oc) seen_ones.set(oc * 5 + 2, 1);
    Buffer in_layout(d.dt, d.dst_shape(1));
    convert_layout(seen_ones.cview(), Layout::ncx, in_layout.view(), layout, d.oc);
    c = compare(d, in_layout, in_layout, 0, false);
    EXPECT_EQ(c.want_zeros, 0) << to_string(layout);
    EXPECT_TRUE(c.ok()) << to_string(layout) << ": " << c.str();
  }
}

}  // namespace
}  // namespace convjit
