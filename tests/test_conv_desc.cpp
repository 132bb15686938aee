// ConvDesc: the descriptor grammar of problems/README.md, printing,
// validation, shapes and flops; and the small value types of types.hpp.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "convjit/conv_desc.hpp"
#include "convjit/error.hpp"
#include "convjit/types.hpp"

namespace convjit {
namespace {

// parse -> str -> parse gives the same desc, and str() is a fixed point.
void expect_round_trip(const ConvDesc& c) {
  const std::string text = c.str();
  const ConvDesc back = ConvDesc::parse(text);
  EXPECT_EQ(back, c) << text;
  EXPECT_EQ(back.str(), text);
}

TEST(ConvDescParse, ReadmeExample) {
  const ConvDesc c = ConvDesc::parse("mb1ic3ih224oc64oh112kh7sh2ph3n\"resnet_50:conv1\"");
  EXPECT_EQ(c.ndims, 2);
  EXPECT_EQ(c.mb, 1);
  EXPECT_EQ(c.g, 1);
  EXPECT_FALSE(c.g_written);
  EXPECT_EQ(c.ic, 3);
  EXPECT_EQ(c.oc, 64);
  for (int a : {ConvDesc::H, ConvDesc::W}) {
    EXPECT_EQ(c.i[a], 224);
    EXPECT_EQ(c.o[a], 112);
    EXPECT_EQ(c.k[a], 7);
    EXPECT_EQ(c.s[a], 2);
    EXPECT_EQ(c.p[a], 3);
    EXPECT_EQ(c.pb[a], 2);
    EXPECT_EQ(c.d[a], 0);
  }
  // The absent depth axis is a unit axis.
  EXPECT_EQ(c.i[ConvDesc::D], 1);
  EXPECT_EQ(c.o[ConvDesc::D], 1);
  EXPECT_EQ(c.k[ConvDesc::D], 1);
  EXPECT_EQ(c.p[ConvDesc::D], 0);
  EXPECT_EQ(c.pb[ConvDesc::D], 0);
  EXPECT_EQ(c.name, "\"resnet_50:conv1\"");
  EXPECT_EQ(c.str(), "mb1ic3ih224oc64oh112kh7sh2ph3n\"resnet_50:conv1\"");
  expect_round_trip(c);
}

TEST(ConvDescParse, Defaults) {
  const ConvDesc c = ConvDesc::parse("ic4oc8ih10kh3");
  EXPECT_EQ(c.mb, 2);
  EXPECT_EQ(c.g, 1);
  EXPECT_EQ(c.o[ConvDesc::H], 8);
  EXPECT_EQ(c.p[ConvDesc::H], 0);
  EXPECT_EQ(c.pb[ConvDesc::H], 0);
  EXPECT_EQ(c.s[ConvDesc::H], 1);
  EXPECT_EQ(c.dt, DataType::f32);
  EXPECT_EQ(c.layout, Layout::ncx);
  EXPECT_EQ(c.post_ops, PostOps{});
  EXPECT_EQ(c.str(), "mb2ic4ih10oc8oh8kh3ph0");
}

TEST(ConvDescParse, KeysInAnyOrderWithUnderscores) {
  const ConvDesc a = ConvDesc::parse("mb32_g1ic3oc32_ih224oh112kh3sh2dh0ph1_n\"x\"");
  const ConvDesc b = ConvDesc::parse("kh3ph1g1oc32ih224sh2ic3mb32oh112dh0_n\"x\"");
  EXPECT_EQ(a, b);
  EXPECT_TRUE(a.g_written);
  EXPECT_EQ(a.name, "\"x\"");
  EXPECT_EQ(a.o[ConvDesc::W], 112);
  // A trailing underscore follows a value too.
  EXPECT_EQ(ConvDesc::parse("ic1oc1iw4kw2_"), ConvDesc::parse("ic1oc1iw4kw2"));
}

TEST(ConvDescParse, NameTakesRestOfToken) {
  const ConvDesc c = ConvDesc::parse("ic1oc1iw4kw2nmb5_ic9\"odd\"");
  EXPECT_EQ(c.name, "mb5_ic9\"odd\"");
  EXPECT_EQ(c.mb, 2);
  EXPECT_EQ(c.ic, 1);
  expect_round_trip(c);
}

TEST(ConvDescParse, OneDimensional) {
  const ConvDesc c = ConvDesc::parse("g1mb50ic3iw224oc64ow112kw7sw2pw3n\"conv1d:2\"");
  EXPECT_EQ(c.ndims, 1);
  EXPECT_EQ(c.first_axis(), ConvDesc::W);
  EXPECT_EQ(c.i[ConvDesc::W], 224);
  EXPECT_EQ(c.pb[ConvDesc::W], 2);
  for (int a : {ConvDesc::D, ConvDesc::H}) {
    EXPECT_EQ(c.i[a], 1);
    EXPECT_EQ(c.o[a], 1);
    EXPECT_EQ(c.k[a], 1);
  }
  EXPECT_EQ(c.str(), "g1mb50ic3iw224oc64ow112kw7sw2pw3n\"conv1d:2\"");
  expect_round_trip(c);
}

TEST(ConvDescParse, ThreeDimensionalFillsDownward) {
  const ConvDesc c = ConvDesc::parse("mb1ic3id16oc8kd3sd2pd1dd1");
  EXPECT_EQ(c.ndims, 3);
  for (int a = 0; a < 3; ++a) {
    EXPECT_EQ(c.i[a], 16);
    EXPECT_EQ(c.k[a], 3);
    EXPECT_EQ(c.s[a], 2);
    EXPECT_EQ(c.p[a], 1);
    EXPECT_EQ(c.d[a], 1);
    // Computed values are copied too: ext 5, o = (16 - 5 + 2)/2 + 1 = 7.
    EXPECT_EQ(c.o[a], 7);
    EXPECT_EQ(c.pb[a], 6 * 2 - 16 + 5 - 1);
  }
  EXPECT_EQ(c.str(), "mb1ic3id16oc8od7kd3sd2pd1dd1");
  expect_round_trip(c);
}

TEST(ConvDescParse, ThreeDimensionalWithDistinctAxes) {
  const ConvDesc c =
      ConvDesc::parse("mb1ic3ih132iw130id116oc32kh3kw3kd3ph0pw0pd0sh1sw1sd1n\"unet\"");
  EXPECT_EQ(c.ndims, 3);
  EXPECT_EQ(c.o[ConvDesc::D], 114);
  EXPECT_EQ(c.o[ConvDesc::H], 130);
  EXPECT_EQ(c.o[ConvDesc::W], 128);
  // h differs from d, so both h and w are printed (one alone is an error).
  EXPECT_EQ(c.str(), "mb1ic3id116ih132iw130oc32od114oh130ow128kd3kh3kw3pd0ph0pw0n\"unet\"");
  expect_round_trip(c);
  // w alone differing still prints h, which equals d.
  expect_round_trip(ConvDesc::parse("ic2oc2id5ih5iw7kd3kh3kw3"));
}

TEST(ConvDescParse, TwoDimensionalSquareFill) {
  const ConvDesc c = ConvDesc::parse("ic2oc2ih9kh3sh2ph1dh1");
  EXPECT_EQ(c.ndims, 2);
  EXPECT_EQ(c.i[ConvDesc::W], 9);
  EXPECT_EQ(c.k[ConvDesc::W], 3);
  EXPECT_EQ(c.s[ConvDesc::W], 2);
  EXPECT_EQ(c.p[ConvDesc::W], 1);
  EXPECT_EQ(c.d[ConvDesc::W], 1);
  EXPECT_EQ(c.o[ConvDesc::W], c.o[ConvDesc::H]);
  EXPECT_EQ(c.pb[ConvDesc::W], c.pb[ConvDesc::H]);
  // Explicit w parameters equal to h give the same problem as the fill.
  EXPECT_EQ(c, ConvDesc::parse("ic2oc2ih9iw9kh3kw3sh2sw2ph1pw1dh1dw1"));
  // A rectangular problem prints w.
  const ConvDesc r = ConvDesc::parse("ic2oc2ih9iw12kh3kw1");
  EXPECT_EQ(r.str(), "mb2ic2ih9iw12oc2oh7ow12kh3kw1ph0pw0");
  expect_round_trip(r);
}

TEST(ConvDescParse, OutputWithoutPaddingComputesPadding) {
  // px = ((ox-1)sx - ix + ext) / 2 = (55 - 56 + 3) / 2 = 1, back padding 1.
  const ConvDesc c = ConvDesc::parse("mb50ic64ih56oc64oh56kh3n\"res2a\"");
  EXPECT_EQ(c.p[ConvDesc::H], 1);
  EXPECT_EQ(c.pb[ConvDesc::H], 1);
  // Odd total padding puts the extra row at the back.
  const ConvDesc odd = ConvDesc::parse("ic1oc1ih8oh8kh4");
  EXPECT_EQ(odd.p[ConvDesc::H], 1);
  EXPECT_EQ(odd.pb[ConvDesc::H], 2);
  // A written px0 is kept, not recomputed: ph0 with oh12 > 11 pads the back.
  const ConvDesc tail = ConvDesc::parse("ic32oc13_ih13oh12kh3ph0");
  EXPECT_EQ(tail.p[ConvDesc::H], 0);
  EXPECT_EQ(tail.pb[ConvDesc::H], 1);
  // ox equal to the unpadded output with a negative span keeps px = 0.
  const ConvDesc strided = ConvDesc::parse("ic1oc1ih9kh2sh4oh2");
  EXPECT_EQ(strided.p[ConvDesc::H], 0);
  EXPECT_EQ(strided.pb[ConvDesc::H], -3);
  expect_round_trip(c);
  expect_round_trip(odd);
  expect_round_trip(strided);
}

TEST(ConvDescParse, DilationExtent) {
  // 0-based dilation 2: a 3-tap kernel spans (3-1)*3+1 = 7 inputs.
  const ConvDesc c = ConvDesc::parse("ic1oc1iw20kw3dw2");
  EXPECT_EQ(c.ext(ConvDesc::W), 7);
  EXPECT_EQ(c.o[ConvDesc::W], 14);
  EXPECT_EQ(c.pb[ConvDesc::W], 0);
  const ConvDesc padded = ConvDesc::parse("ic1oc1iw20ow20kw3dw2");
  EXPECT_EQ(padded.p[ConvDesc::W], 3);
  EXPECT_EQ(padded.pb[ConvDesc::W], 3);
  expect_round_trip(c);
  expect_round_trip(padded);
}

TEST(ConvDescParse, NegativeBackPaddingWithinOneStride) {
  // 1x1 stride 2 on an even input: the last row is skipped, pb = -1 > -2.
  const ConvDesc c = ConvDesc::parse("mb2ic256ih56oc512oh28kh1sh2ph0");
  EXPECT_EQ(c.pb[ConvDesc::H], -1);
  EXPECT_EQ(c.pb[ConvDesc::W], -1);
  // pb = -(s-1) is the limit.
  const ConvDesc limit = ConvDesc::parse("ic1oc1ih144oh12kh1sh12ph0");
  EXPECT_EQ(limit.pb[ConvDesc::H], -11);
  expect_round_trip(c);
  expect_round_trip(limit);
}

TEST(ConvDescParse, StrideOverhangYieldsOneOutput) {
  // (2 - 3) / 2 + 1 truncates to 1 as in benchdnn; the missing tap is padding.
  const ConvDesc c = ConvDesc::parse("ic1oc1iw2kw3sw2");
  EXPECT_EQ(c.o[ConvDesc::W], 1);
  EXPECT_EQ(c.pb[ConvDesc::W], 1);
}

TEST(ConvDescParse, GroupsAndGWritten) {
  const ConvDesc g1 = ConvDesc::parse("g1ic4oc4iw8kw3");
  EXPECT_TRUE(g1.g_written);
  EXPECT_EQ(g1.str().substr(0, 2), "g1");
  const ConvDesc none = ConvDesc::parse("ic4oc4iw8kw3");
  EXPECT_FALSE(none.g_written);
  EXPECT_NE(g1, none);
  const ConvDesc dw = ConvDesc::parse("g32ic32oc32ih14kh3ph1");
  EXPECT_TRUE(dw.g_written);
  EXPECT_EQ(dw.icg(), 1);
  EXPECT_EQ(dw.ocg(), 1);
  expect_round_trip(g1);
  expect_round_trip(none);
  expect_round_trip(dw);
}

TEST(ConvDescParse, FullStr) {
  ConvDesc c = ConvDesc::parse("mb1ic1ih8oc1kh3");
  EXPECT_EQ(c.full_str(), "f32 ncx none mb1ic1ih8oc1oh6kh3ph0");
  c.dt = DataType::f64;
  c.layout = Layout::nxc;
  c.post_ops = {true, true};
  EXPECT_EQ(c.full_str(), "f64 nxc bias,relu mb1ic1ih8oc1oh6kh3ph0");
}

TEST(ConvDescParse, ValidateAcceptsParsed) {
  const ConvDesc c = ConvDesc::parse("g2mb3ic4oc6ih7iw5kh3kw2sh2ph1dw1");
  EXPECT_NO_THROW(c.validate());
}

TEST(ConvDescValidate, RejectsInconsistentHandBuiltDesc) {
  ConvDesc c = ConvDesc::parse("ic2oc2ih8kh3");
  c.pb[ConvDesc::H] = 5;  // not what rule 5 gives
  EXPECT_THROW(c.validate(), Error);
  ConvDesc flat = ConvDesc::parse("ic2oc2ih8kh3");
  flat.k[ConvDesc::D] = 2;  // an absent axis must stay a unit axis
  EXPECT_THROW(flat.validate(), Error);
  ConvDesc nd = ConvDesc::parse("ic2oc2ih8kh3");
  nd.ndims = 4;
  EXPECT_THROW(nd.validate(), Error);
}

// ---- bad input ------------------------------------------------------------

struct BadCase {
  const char* text;
  const char* field;
  std::vector<const char*> words;  // the message must contain each
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << "'" << c.text << "'"; }

class ConvDescBadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(ConvDescBadInput, ThrowsNamingFieldAndRule) {
  const BadCase& bad = GetParam();
  try {
    const ConvDesc c = ConvDesc::parse(bad.text);
    FAIL() << "accepted as " << c.str();
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), bad.field) << e.what();
    const std::string message = e.what();
    for (const char* word : bad.words)
      EXPECT_NE(message.find(word), std::string::npos) << "'" << word << "' not in: " << message;
    if (*bad.text) {
      EXPECT_NE(message.find(bad.text), std::string::npos) << "descriptor not quoted: " << message;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    ConvDescTable, ConvDescBadInput,
    ::testing::Values(
        // zero sizes
        BadCase{"mb0ic1oc1iw3kw1", "mb", {"mb=0", "positive"}},
        BadCase{"ic0oc1iw3kw1", "ic", {"ic=0", "positive"}},
        BadCase{"ic1oc0iw3kw1", "oc", {"oc=0", "positive"}},
        BadCase{"g0ic1oc1iw3kw1", "g", {"g=0", "positive"}},
        BadCase{"ic1oc1ih5kh0", "kh", {"kh", "positive"}},
        BadCase{"ic1oc1ih0kh3", "ih", {"ih", "positive"}},
        BadCase{"ic1oc1iw3kw1sw0", "sw", {"sw", "positive"}},
        // a present axis needs its input and kernel size
        BadCase{"ic1oc1ih5", "kh", {"kh", "axis h"}},
        BadCase{"ic1oc1ih5kh1sw2", "iw", {"iw", "axis w"}},
        // groups
        BadCase{"g3ic3oc10ih3kh1", "oc", {"oc=10 is not divisible by g=3"}},
        BadCase{"g2ic3oc4ih3kh1", "ic", {"ic=3 is not divisible by g=2"}},
        // kernel larger than the padded input
        BadCase{"ic1oc1ih2kh3", "oh", {"oh", "kernel extent 3", "padded input"}},
        BadCase{"ic1oc1iw3kw2dw5", "ow", {"ow", "kernel extent 7", "padded input"}},
        // output that does not match the input
        BadCase{"ic1oc1iw32kw3ow20",
                "ow",
                {"ow=20 does not match iw=32, kw=3, dw=0, sw=1, pw=0", "last 10 input columns",
                 "back padding -10 <= -sw"}},
        BadCase{"ic1oc1ih9kh2sh4oh1ph0", "oh", {"oh=1 does not match", "rows"}},
        BadCase{"ic1oc1id9kd2sd4od1", "od", {"od=1 does not match", "planes"}},
        // dimensionality
        BadCase{"ic1oc1", "descriptor", {"spatial"}},
        BadCase{"ic1oc1id4kd2ih5kh1", "iw", {"3D", "w"}},
        BadCase{"ic1oc1id4kd2iw5kw1", "ih", {"3D", "h"}},
        // 64-bit overflow
        BadCase{"mb9999999999ic9999999999ih9999999oc1kh1",
                "src",
                {"src element count mb*ic*ih*iw", "overflows 64 bits"}},
        BadCase{"mb1ic1oc9999999999iw9999999999kw1",
                "dst",
                {"dst element count mb*oc*ow", "overflows 64 bits"}},
        BadCase{"g1ic99999999999oc99999999999iw1kw1",
                "wei",
                {"wei element count", "overflows 64 bits"}},
        BadCase{"ic1oc1iw5kw3000000000000dw3000000000000",
                "kw",
                {"kernel extent", "overflows 64 bits"}},
        BadCase{
            "ic1oc1ih99999999999999999999kh1", "ih", {"99999999999999999999", "overflows 64 bits"}},
        // lexical errors
        BadCase{"mb1xx3", "xx", {"unknown key 'xx'", "offset 3"}},
        BadCase{"ic1oc1ih5kh3;", "descriptor", {"garbage", "';'", "offset 12"}},
        BadCase{"ic1oc1ih5kh3__", "descriptor", {"garbage", "'_'"}},
        BadCase{"_ic1oc1ih5kh3", "descriptor", {"garbage", "offset 0"}},
        BadCase{"ic1oc1ih5kh3oc2", "oc", {"oc given twice"}},
        BadCase{"ic1oc1ih5kh", "kh", {"'kh'", "no value"}},
        BadCase{"ic1oc1ih-5kh3", "ih", {"'ih'", "no value"}},
        BadCase{"ic1oc1ih5kh1n", "n", {"'n'", "no name"}}, BadCase{"", "descriptor", {"empty"}},
        // required keys
        BadCase{"oc1ih5kh1", "ic", {"ic is required"}},
        BadCase{"ic1ih5kh1", "oc", {"oc is required"}}));

// ---- shapes -----------------------------------------------------------------

Shape shape(std::vector<int64_t> dims) {
  Shape s;
  for (int64_t d : dims) s.dim[s.nd++] = d;
  return s;
}

TEST(ConvDescShapes, TwoDimensionalBothLayouts) {
  ConvDesc c = ConvDesc::parse("mb2ic6ih10iw12oc4oh8ow10kh3kw3");
  EXPECT_EQ(c.src_shape(5), shape({5, 6, 10, 12}));
  EXPECT_EQ(c.dst_shape(5), shape({5, 4, 8, 10}));
  c.layout = Layout::nxc;
  EXPECT_EQ(c.src_shape(5), shape({5, 10, 12, 6}));
  EXPECT_EQ(c.dst_shape(5), shape({5, 8, 10, 4}));
  EXPECT_EQ(c.wei_shape(), shape({4, 6, 3, 3}));
  EXPECT_EQ(c.bias_shape(), shape({4}));
}

TEST(ConvDescShapes, OneAndThreeDimensional) {
  ConvDesc one = ConvDesc::parse("ic3oc5iw16kw3");
  EXPECT_EQ(one.src_shape(1), shape({1, 3, 16}));
  EXPECT_EQ(one.dst_shape(1), shape({1, 5, 14}));
  EXPECT_EQ(one.wei_shape(), shape({5, 3, 3}));
  one.layout = Layout::nxc;
  EXPECT_EQ(one.src_shape(1), shape({1, 16, 3}));

  ConvDesc three = ConvDesc::parse("ic2oc4id6ih7iw8kd1kh2kw3");
  EXPECT_EQ(three.src_shape(2), shape({2, 2, 6, 7, 8}));
  EXPECT_EQ(three.dst_shape(2), shape({2, 4, 6, 6, 6}));
  EXPECT_EQ(three.wei_shape(), shape({4, 2, 1, 2, 3}));
  three.layout = Layout::nxc;
  EXPECT_EQ(three.dst_shape(2), shape({2, 6, 6, 6, 4}));
}

TEST(ConvDescShapes, GroupDimensionOnlyWhenWritten) {
  EXPECT_EQ(ConvDesc::parse("g1ic4oc8ih5kh3").wei_shape(), shape({1, 8, 4, 3, 3}));
  EXPECT_EQ(ConvDesc::parse("ic4oc8ih5kh3").wei_shape(), shape({8, 4, 3, 3}));
  EXPECT_EQ(ConvDesc::parse("g4ic4oc8ih5kh3").wei_shape(), shape({4, 2, 1, 3, 3}));
}

TEST(ConvDescShapes, ShapeHelpers) {
  const Shape s = shape({2, 3, 32, 32});
  EXPECT_EQ(s.elems(), 2 * 3 * 32 * 32);
  EXPECT_EQ(s.str(), "[2,3,32,32]");
  EXPECT_EQ(Shape{}.elems(), 1);
  EXPECT_EQ(Shape{}.str(), "[]");
  Shape t = s;
  t.dim[5] = 99;  // beyond nd: not compared
  EXPECT_EQ(s, t);
  t.dim[1] = 4;
  EXPECT_NE(s, t);
  EXPECT_NE(s, shape({2, 3, 32}));
}

// ---- flops ------------------------------------------------------------------

// Counts (output, tap) pairs whose input lies inside the image, the slow way.
double brute_force_flops(const ConvDesc& c, int64_t batch) {
  double taps = 0;
  for (int64_t od = 0; od < c.o[0]; ++od)
    for (int64_t oh = 0; oh < c.o[1]; ++oh)
      for (int64_t ow = 0; ow < c.o[2]; ++ow)
        for (int64_t kd = 0; kd < c.k[0]; ++kd)
          for (int64_t kh = 0; kh < c.k[1]; ++kh)
            for (int64_t kw = 0; kw < c.k[2]; ++kw) {
              const int64_t id = od * c.s[0] - c.p[0] + kd * (c.d[0] + 1);
              const int64_t ih = oh * c.s[1] - c.p[1] + kh * (c.d[1] + 1);
              const int64_t iw = ow * c.s[2] - c.p[2] + kw * (c.d[2] + 1);
              if (id >= 0 && id < c.i[0] && ih >= 0 && ih < c.i[1] && iw >= 0 && iw < c.i[2])
                taps += 1;
            }
  return 2.0 * batch * c.oc * c.icg() * taps;
}

TEST(ConvDescFlops, PaddingTapsDoNotCount) {
  for (const char* text : {"mb1ic3ih11oc4kh3ph1", "g2ic4oc6ih9iw7kh3kw5sh2sw3ph2pw4dh1",
                           "ic1oc1iw16ow16kw5pw9dw4", "ic2oc2id5ih6iw7kd3kh2kw3pd1ph1pw2sd2",
                           "ic1oc1iw2kw3sw2", "ic1oc1ih9kh2sh4oh2", "ic16oc16_iw1kw3ow100pw100"}) {
    const ConvDesc c = ConvDesc::parse(text);
    EXPECT_DOUBLE_EQ(c.flops(3), brute_force_flops(c, 3)) << text;
  }
}

TEST(ConvDescFlops, UnpaddedIsDenseCount) {
  const ConvDesc c = ConvDesc::parse("mb1ic1ih1024oc1kh3");
  EXPECT_DOUBLE_EQ(c.flops(1), 2.0 * 1022 * 1022 * 9);
  // 3x3 pad 1 on 4x4: the corner outputs see 4 taps, edges 6, inside 9.
  const ConvDesc p = ConvDesc::parse("ic1oc1ih4kh3ph1");
  EXPECT_DOUBLE_EQ(p.flops(1), 2.0 * (4 * 4 + 8 * 6 + 4 * 9));
}

// ---- types.hpp ----------------------------------------------------------------

TEST(ConvDescTypes, NamesRoundTrip) {
  for (DataType dt : {DataType::f32, DataType::f64}) EXPECT_EQ(parse_data_type(to_string(dt)), dt);
  for (Layout l : {Layout::ncx, Layout::nxc}) EXPECT_EQ(parse_layout(to_string(l)), l);
  for (Isa isa : {Isa::scalar, Isa::avx2, Isa::avx512}) EXPECT_EQ(parse_isa(to_string(isa)), isa);
  for (Backend b : {Backend::automatic, Backend::jit, Backend::interp, Backend::reference})
    EXPECT_EQ(parse_backend(to_string(b)), b);
  for (bool bias : {false, true})
    for (bool relu : {false, true}) {
      const PostOps ops{bias, relu};
      EXPECT_EQ(parse_post_ops(to_string(ops)), ops);
    }
  EXPECT_EQ(to_string(Backend::automatic), "auto");
  EXPECT_EQ(to_string(PostOps{true, true}), "bias,relu");
  EXPECT_EQ(size_of(DataType::f32), 4u);
  EXPECT_EQ(size_of(DataType::f64), 8u);
}

TEST(ConvDescTypes, AliasesAndCase) {
  EXPECT_EQ(parse_layout("NCHW"), Layout::ncx);
  EXPECT_EQ(parse_layout("ncw"), Layout::ncx);
  EXPECT_EQ(parse_layout("ncdhw"), Layout::ncx);
  EXPECT_EQ(parse_layout("nhwc"), Layout::nxc);
  EXPECT_EQ(parse_layout("nwc"), Layout::nxc);
  EXPECT_EQ(parse_layout("NDHWC"), Layout::nxc);
  EXPECT_EQ(parse_isa("AVX512"), Isa::avx512);
  EXPECT_EQ(parse_layout("nChw16c"), Layout::nCx16c);
  EXPECT_EQ(parse_layout("ncdhw8c"), Layout::nCx8c);
  EXPECT_EQ(to_string(parse_layout("nCw16c")), "nCx16c");
  EXPECT_EQ(parse_post_ops(""), PostOps{});
  EXPECT_EQ(parse_post_ops("none"), PostOps{});
  EXPECT_EQ(parse_post_ops("relu,bias"), (PostOps{true, true}));
}

TEST(ConvDescTypes, UnknownWordNamesFieldAndChoices) {
  try {
    parse_layout("nchw32c", "--layout");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), "--layout");
    EXPECT_STREQ(e.what(), "--layout: unknown value 'nchw32c' (expected one of: ncx, nxc, nCx8c, nCx16c)");
  }
  try {
    parse_backend("gpu");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), "backend");
    EXPECT_NE(std::string(e.what()).find("auto, jit, interp, reference"), std::string::npos);
  }
  EXPECT_THROW(parse_post_ops("bias,"), Error);
  EXPECT_THROW(parse_post_ops("bias,tanh"), Error);
  EXPECT_THROW(parse_isa("sse4"), Error);
  EXPECT_THROW(parse_data_type("bf16"), Error);
}

}  // namespace
}  // namespace convjit
