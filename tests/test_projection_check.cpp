// The projection check (what the tuner verifies its expected output with):
// the reference's output passes on every kind of problem, and an output
// that is wrong anywhere, in any way a kernel can be wrong, fails.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "convjit/error.hpp"
#include "validation/projection_check.hpp"
#include "validation/reference.hpp"
#include "validation/test_data.hpp"
#include "problem/activation_strides.hpp"

namespace convjit {
namespace {

// Not make_desc: the unity build puts this file beside test_reference.cpp,
// whose make_desc(std::string, f64 by default) a string literal would then
// no longer reach.
ConvDesc projection_desc(const char* text, Layout layout = Layout::ncx, DataType dt = DataType::f32,
                         bool bias = false) {
  ConvDesc d = ConvDesc::parse(text);
  d.layout = layout;
  d.dt = dt;
  d.post_ops.bias = bias;
  d.validate();
  return d;
}

// What the tuner does: fill dst with the unwritten bytes, then compute.
Buffer reference_output(const ConvDesc& d, const ProblemData& data) {
  Buffer dst(d.dt, d.dst_shape(d.mb));
  std::memset(dst.data(), ProjectionCheck::kUnwritten, dst.bytes());
  reference_conv(d, data.src.data(), data.wei.data(), d.post_ops.bias ? data.bias.data() : nullptr,
                 dst.data(), d.mb);
  return dst;
}

// Index of output element (n, c, pixel x) of d's dst.
int64_t at(const ConvDesc& d, int64_t n, int64_t c, int64_t x) {
  const ActivationStrides s = ActivationStrides::of(d.layout, d.oc, d.o);
  return n * s.n + s.channel(c) + x * s.w;
}

// Problems of every kind the check must handle: layouts (blocked with padding
// channels too), groups, depthwise, strides, padding, dilation, 1D and 3D,
// bias, f64, several images.
std::vector<ConvDesc> problems() {
  return {projection_desc("mb2ic3ih12oc5kh3ph1"),
          projection_desc("mb2ic16ih9oc24kh3ph1", Layout::nxc, DataType::f32, true),
          projection_desc("mb3ic16ih7oc20kh3sh2ph1", Layout::nCx16c),
          projection_desc("mb2ic8ih9oc12kh3ph1", Layout::nCx8c, DataType::f64, true),
          projection_desc("g2mb2ic8ih10oc8kh3sh2"),
          projection_desc("g16mb2ic16ih8oc16kh3ph1", Layout::nCx16c),
          projection_desc("mb1ic4ih11oc6kh3dh1ph2"),
          projection_desc("mb2ic3iw20oc4kw5sw2pw2"),
          projection_desc("mb1ic2id5ih6iw7oc3kd3kh3kw3pd1ph1pw1", Layout::nxc, DataType::f64)};
}

TEST(ProjectionCheck, PassesTheReference) {
  for (const ConvDesc& d : problems()) {
    const ProblemData data = make_problem_data(d, d.mb, Fill::integer, 3);
    const ProjectionCheck check(d, data, d.mb);
    EXPECT_EQ(check.mismatches(reference_output(d, data)), 0) << d.full_str();
  }
}

TEST(ProjectionCheck, FailsAnOutputThatIsWrongAnywhere) {
  for (const ConvDesc& d : problems()) {
    SCOPED_TRACE(d.full_str());
    const ProblemData data = make_problem_data(d, d.mb, Fill::integer, 3);
    const ProjectionCheck check(d, data, d.mb);
    const int64_t last_pixel = d.spatial_out() - 1, last = d.mb - 1;
    // The corners of the output: first and last image, channel and pixel.
    const std::vector<int64_t> where = {at(d, 0, 0, 0), at(d, last, d.oc - 1, last_pixel),
                                        at(d, last, 0, last_pixel / 2), at(d, 0, d.oc - 1, 0)};
    for (int64_t i : where) {
      for (double wrong : {1.0, -1.0, 0.5, std::numeric_limits<double>::quiet_NaN()}) {
        Buffer dst = reference_output(d, data);
        dst.set(i, dst.get(i) + wrong);
        EXPECT_EQ(check.mismatches(dst), 1) << "element " << i << " off by " << wrong;
      }
      Buffer unwritten = reference_output(d, data);
      std::memset(static_cast<char*>(unwritten.data()) + i * size_of(d.dt),
                  ProjectionCheck::kUnwritten, size_of(d.dt));
      EXPECT_EQ(check.mismatches(unwritten), 1) << "element " << i << " left unwritten";
    }
    // Two channels of a group swapped: each one's values are right somewhere.
    Buffer swapped = reference_output(d, data);
    int64_t differ = 0;
    for (int64_t x = 0; x <= last_pixel; ++x) {
      const int64_t a = at(d, 0, 0, x), b = at(d, 0, d.ocg() - 1, x);
      const double va = swapped.get(a), vb = swapped.get(b);
      differ += va != vb;
      swapped.set(a, vb);
      swapped.set(b, va);
    }
    if (d.ocg() > 1) {
      EXPECT_EQ(check.mismatches(swapped), differ);
      EXPECT_GT(differ, 0);
    }
    // Another image's output, or the output of other data, is not this one's.
    const Buffer other = reference_output(d, make_problem_data(d, d.mb, Fill::integer, 4));
    EXPECT_GT(check.mismatches(other), d.spatial_out() / 2);
    // Zero's sign is no difference: a correct kernel may give -0.
    Buffer negative_zero = reference_output(d, data);
    for (int64_t i = 0; i < negative_zero.size(); ++i)
      if (negative_zero.get(i) == 0) negative_zero.set(i, -0.0);
    EXPECT_EQ(check.mismatches(negative_zero), 0);
  }
}

TEST(ProjectionCheck, FailsAWrittenPaddingChannel) {
  const ConvDesc d = projection_desc("mb2ic16ih6oc20kh3ph1", Layout::nCx16c);  // 12 padding channels
  const ProblemData data = make_problem_data(d, d.mb, Fill::integer, 3);
  const ProjectionCheck check(d, data, d.mb);
  for (int64_t c : {20, 31}) {
    Buffer dst = reference_output(d, data);
    dst.set(at(d, 1, c, 5), 0);
    EXPECT_EQ(check.mismatches(dst), 1) << "padding channel " << c;
  }
}

TEST(ProjectionCheck, RefusesWhatItCannotCheck) {
  ConvDesc relu = projection_desc("mb1ic4ih6oc4kh3");
  relu.post_ops.relu = true;
  const ProblemData data = make_problem_data(relu, 1, Fill::integer, 1);
  EXPECT_THROW(ProjectionCheck(relu, data, 1), Error);
  const ConvDesc d = projection_desc("mb1ic4ih6oc4kh3");
  const ProjectionCheck check(d, data, 1);
  EXPECT_THROW(check.mismatches(Buffer(d.dt, d.dst_shape(2))), Error) << "two images, made for one";
}

}  // namespace
}  // namespace convjit
