// Blocked layouts (nCx8c, nCx16c) through the public API: the conversion
// helper, the shapes, the errors, and kernels computing on them against the
// reference (the shape-file and fuzz tests draw them too); and channels last
// where few channels take the staging paths of vectors along the width.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstring>

#include "convjit/convjit.hpp"
#include "kernels/buffer.hpp"
#include "validation/reference.hpp"
#include "validation/test_data.hpp"
#include "problem/activation_strides.hpp"

namespace convjit {
namespace {

Shape spatial(std::initializer_list<int64_t> sizes) {
  Shape s;
  for (int64_t v : sizes) s.dim[s.nd++] = v;
  return s;
}

TEST(Layouts, ShapesOfEveryLayout) {
  const Shape hw = spatial({5, 7});
  EXPECT_EQ(activation_shape(Layout::ncx, 2, 20, hw).str(), "[2,20,5,7]");
  EXPECT_EQ(activation_shape(Layout::nxc, 2, 20, hw).str(), "[2,5,7,20]");
  EXPECT_EQ(activation_shape(Layout::nCx8c, 2, 20, hw).str(), "[2,3,5,7,8]");
  EXPECT_EQ(activation_shape(Layout::nCx16c, 2, 20, spatial({4, 5, 7})).str(), "[2,2,4,5,7,16]");
  ConvDesc d = ConvDesc::parse("mb3ic20ih9oc40kh3");
  d.layout = Layout::nCx16c;
  EXPECT_EQ(d.src_shape(3).str(), "[3,2,9,9,16]");
  EXPECT_EQ(d.dst_shape(3).str(), "[3,3,7,7,16]");
}

TEST(Layouts, ConversionsRoundTripAndZeroThePadding) {
  for (DataType dt : {DataType::f32, DataType::f64}) {
    const int64_t channels = 21;
    const Shape sp = spatial({3, 4, 5});
    Buffer plain(dt, activation_shape(Layout::ncx, 2, channels, sp));
    fill_integer(plain, 7, -9, 9, 1.0);
    Buffer current(dt, plain.shape());
    std::memcpy(current.data(), plain.data(), plain.bytes());
    Layout at = Layout::ncx;
    for (Layout next : {Layout::nCx16c, Layout::nxc, Layout::nCx8c, Layout::nCx16c, Layout::ncx}) {
      Buffer to(dt, activation_shape(next, 2, channels, sp));
      for (int64_t i = 0; i < to.size(); ++i) to.set(i, NAN);
      convert_layout(current.cview(), at, to.view(), next, channels);
      for (int64_t i = 0; i < to.size(); ++i) ASSERT_FALSE(std::isnan(to.get(i))) << to_string(next) << " " << i;
      if (const int64_t block = channel_block(next)) {
        // Channels 21.. of the last block: [n][last block][pixel][lane].
        const int64_t blocks = (channels + block - 1) / block, pixels = 60;
        for (int64_t n = 0; n < 2; ++n)
          for (int64_t p = 0; p < pixels; ++p)
            for (int64_t lane = channels % block; lane < block; ++lane)
              EXPECT_EQ(to.get(((n * blocks + blocks - 1) * pixels + p) * block + lane), 0.0);
      }
      current = std::move(to);
      at = next;
    }
    ASSERT_EQ(current.bytes(), plain.bytes());
    EXPECT_EQ(std::memcmp(current.data(), plain.data(), plain.bytes()), 0) << to_string(dt);
  }
}

// Every pair of layouts, channel counts inside one block, across blocks
// and with a partial last one, and single pixels: each element lands where
// ActivationStrides says.
TEST(Layouts, EveryPairOfLayoutsConverts) {
  const Layout layouts[] = {Layout::ncx, Layout::nxc, Layout::nCx8c, Layout::nCx16c};
  for (int64_t channels : {1, 5, 16, 21, 40})
    for (const Shape& sp : {spatial({3, 4, 5}), spatial({1}), spatial({2, 9})})
      for (Layout from_layout : layouts)
        for (Layout to_layout : layouts) {
          SCOPED_TRACE(std::string(to_string(from_layout)) + " -> " + std::string(to_string(to_layout)) + ", " +
                       std::to_string(channels) + " channels, " + sp.str());
          std::array<int64_t, 3> sizes{1, 1, 1};
          for (int a = 0; a < sp.nd; ++a) sizes[3 - sp.nd + a] = sp.dim[a];
          const ActivationStrides fs = ActivationStrides::of(from_layout, channels, sizes);
          const ActivationStrides ts = ActivationStrides::of(to_layout, channels, sizes);
          Buffer from(DataType::f32, activation_shape(from_layout, 2, channels, sp));
          Buffer to(DataType::f32, activation_shape(to_layout, 2, channels, sp));
          const int64_t pixels = sizes[0] * sizes[1] * sizes[2];
          auto value = [&](int64_t n, int64_t c, int64_t p) { return float((n * channels + c) * pixels + p + 1); };
          for (int64_t n = 0; n < 2; ++n)
            for (int64_t c = 0; c < channels; ++c)
              for (int64_t p = 0; p < pixels; ++p) from.set(n * fs.n + fs.channel(c) + p * fs.w, value(n, c, p));
          convert_layout(from.cview(), from_layout, to.view(), to_layout, channels);
          for (int64_t n = 0; n < 2; ++n)
            for (int64_t c = 0; c < channels; ++c)
              for (int64_t p = 0; p < pixels; ++p)
                ASSERT_EQ(to.get(n * ts.n + ts.channel(c) + p * ts.w), value(n, c, p)) << n << " " << c << " " << p;
        }
}

TEST(Layouts, ConversionErrorsNameTheViewAndWriteNothing) {
  const Shape hw = spatial({4, 4});
  Buffer from(DataType::f32, activation_shape(Layout::ncx, 1, 10, hw));
  Buffer to(DataType::f32, activation_shape(Layout::nCx8c, 1, 10, hw));
  Buffer wrong(DataType::f32, activation_shape(Layout::nCx16c, 1, 10, hw));
  Buffer f64(DataType::f64, activation_shape(Layout::nCx8c, 1, 10, hw));
  for (int64_t i = 0; i < to.size(); ++i) to.set(i, 3);
  auto expect_error = [](auto&& call, const std::string& field, const std::string& part) {
    try {
      call();
      ADD_FAILURE() << "no error for " << part;
    } catch (const Error& e) {
      EXPECT_EQ(e.field(), field);
      EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
    }
  };
  expect_error([&] { convert_layout(from.cview(), Layout::ncx, wrong.view(), Layout::nCx8c, 10); }, "to",
               "to has shape [1,1,4,4,16] but layout nCx8c of this tensor is [1,2,4,4,8]");
  expect_error([&] { convert_layout(from.cview(), Layout::nxc, to.view(), Layout::nCx8c, 10); }, "from",
               "from has shape [1,10,4,4] but 10 channels in layout nxc take [1,10,4,10]");
  expect_error([&] { convert_layout(from.cview(), Layout::ncx, f64.view(), Layout::nCx8c, 10); }, "to",
               "to is f64 but from is f32");
  expect_error([&] { convert_layout(from.cview(), Layout::ncx, to.view(), Layout::nCx8c, 0); }, "channels",
               "channels=0 must be positive");
  for (int64_t i = 0; i < to.size(); ++i) ASSERT_EQ(to.get(i), 3) << "written on failure at " << i;
}

TEST(Layouts, GroupsMustFillWholeBlocks) {
  ConvDesc d = ConvDesc::parse("g2mb1ic32ih8oc48kh3");
  d.layout = Layout::nCx8c;
  EXPECT_NO_THROW(d.validate());
  d.layout = Layout::nCx16c;
  try {
    d.validate();
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), "oc");
    EXPECT_NE(std::string(e.what()).find("oc/g=24 is not a multiple of 16, the channel block of layout nCx16c"),
              std::string::npos)
        << e.what();
  }
  d = ConvDesc::parse("g24mb1ic24ih8oc24kh3");  // depthwise runs across the blocks
  d.layout = Layout::nCx16c;
  EXPECT_NO_THROW(d.validate());
}

// A kernel on blocked tensors gives the reference's result; the padding
// channels of its output are left as they were.
TEST(Layouts, KernelsComputeOnBlockedTensors) {
  Engine engine;
  for (const char* text : {"mb2ic20ih9oc40kh3ph1", "g32mb1ic32ih10oc32kh3sh2ph1", "mb1ic3ih12oc10kh3",
                           "mb1ic48ih6oc24kh1", "mb1ic16id4ih5iw5oc16kd3kh3kw3pd1ph1pw1",
                           // One pass over blocks whose last is partial: 2 x 16 + 5, 4 x 8 + 5.
                           "mb1ic37ih7oc20kh3ph1"})
    for (Layout layout : {Layout::nCx8c, Layout::nCx16c})
      for (DataType dt : {DataType::f32, DataType::f64}) {
        ConvDesc d = ConvDesc::parse(text);
        d.layout = layout;
        d.dt = dt;
        d.post_ops = {true, true};
        SCOPED_TRACE(d.full_str());
        auto kernel = engine.make_kernel(d);
        EXPECT_NE(kernel->plan_str().find("oc_vector"), std::string::npos) << kernel->plan_str();
        ProblemData data = make_problem_data(d, d.mb, Fill::integer, 11);
        kernel->bind(data.wei.cview(), data.bias.cview());
        Buffer got(dt, d.dst_shape(d.mb)), want(dt, d.dst_shape(d.mb));
        for (int64_t i = 0; i < got.size(); ++i) got.set(i, -7);
        kernel->run(data.src.cview(), got.view());
        reference_conv(d, data.src.data(), data.wei.data(), data.bias.data(), want.data(), d.mb);
        const Comparison c = compare(d, got, want, 0, true);
        EXPECT_TRUE(c.ok()) << c.str();
        const int64_t block = channel_block(layout), blocks = (d.oc + block - 1) / block;
        const int64_t pixels = d.spatial_out();
        for (int64_t lane = d.oc % block; d.oc % block && lane < block; ++lane)
          EXPECT_EQ(got.get(((blocks - 1) * pixels) * block + lane), -7) << "padding lane " << lane;
      }
}

// Channels last with few channels on wide images: ow_vector stages each
// input row of all channels by one transpose (padding and dilation on the
// width too), or reads one input channel as it is; then transposes the
// output. Both against the reference.
TEST(Layouts, ChannelsLastFewChannelsOnWideImages) {
  Engine engine;
  for (const char* text : {"mb1ic3ih40iw70oc3kh3kw3ph1pw1", "mb2ic2ih9iw67oc5kh5kw5ph2pw2",
                           "mb1ic3ih20iw80oc2kh3kw3pw2dw1", "mb3ic1ih16iw40oc4kh5kw5"})
    for (DataType dt : {DataType::f32, DataType::f64}) {
      ConvDesc d = ConvDesc::parse(text);
      d.layout = Layout::nxc;
      d.dt = dt;
      SCOPED_TRACE(d.full_str());
      auto kernel = engine.make_kernel(d);
      // (Narrower vectors, f64 or AVX2, may put them along the channels.)
      if (kernel->plan_str().starts_with("ow_vector")) {
        EXPECT_EQ(kernel->plan_str().find("direct") != std::string::npos, d.ic == 1) << kernel->plan_str();
      }
      ProblemData data = make_problem_data(d, d.mb, Fill::integer, 5);
      kernel->bind(data.wei.cview());
      Buffer got(dt, d.dst_shape(d.mb)), want(dt, d.dst_shape(d.mb));
      kernel->run(data.src.cview(), got.view());
      reference_conv(d, data.src.data(), data.wei.data(), nullptr, want.data(), d.mb);
      const Comparison c = compare(d, got, want, 0, true);
      EXPECT_TRUE(c.ok()) << c.str();
    }
}

TEST(Layouts, EightChannelBlocksOfF32UseEightLanes) {
  ConvDesc d = ConvDesc::parse("mb1ic16ih8oc16kh3");
  d.layout = Layout::nCx8c;
  Engine engine;
  auto kernel = engine.make_kernel(d);
  EXPECT_NE(kernel->plan_str().find(" v8 "), std::string::npos) << kernel->plan_str();
}

}  // namespace
}  // namespace convjit
