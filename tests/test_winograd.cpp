// Winograd (opt-in): where it applies, and the reason where it does not;
// the JIT against the interpreter bit for bit; both against the reference
// within the error bound derived for F(m x m, 3 x 3) (winograd_bound.hpp),
// output by output, on uniform and on wide-ranged real data.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "convjit/convjit.hpp"
#include "jit/cpu_caches.hpp"
#include "planner/plan.hpp"
#include "planner/strategy.hpp"
#include "tests/winograd_bound.hpp"
#include "tuning/tuner.hpp"
#include "validation/reference.hpp"
#include "validation/test_data.hpp"

namespace convjit {
namespace {

ConvDesc winograd(const std::string& text, Layout layout = Layout::ncx, DataType dt = DataType::f32) {
  ConvDesc d = ConvDesc::parse(text);
  d.layout = layout;
  d.dt = dt;
  d.algorithm = Algorithm::winograd;
  return d;
}

TEST(Winograd, IsOptIn) {
  Engine engine(EngineOptions{.threads = 1});
  ConvDesc d = ConvDesc::parse("mb1ic16ih14oc16kh3ph1");
  EXPECT_EQ(engine.make_kernel(d)->plan_str().find("winograd"), std::string::npos);
  d.algorithm = Algorithm::winograd;
  EXPECT_EQ(engine.make_kernel(d)->plan_str().rfind("winograd", 0), 0u);
}

TEST(Winograd, RefusesWhereItDoesNotApplyNamingTheReason) {
  Engine engine(EngineOptions{.threads = 1});
  const std::pair<const char*, const char*> cases[] = {
      {"mb1ic16ih14oc16kh5ph2", "3x3 filter"},
      {"mb1ic16ih14oc16kh3sh2ph1", "stride 1"},
      {"mb1ic16ih14oc16kh3dh1ph2", "undilated"},
      {"g16mb1ic16ih14oc16kh3ph1", "depthwise"},
      {"mb1ic16id6ih6iw6oc16kd3kh3kw3pd1ph1pw1", "2D"},
  };
  for (const auto& [text, reason] : cases) {
    try {
      engine.make_kernel(winograd(text));
      ADD_FAILURE() << text << ": no error";
    } catch (const Error& e) {
      EXPECT_EQ(e.field(), "algorithm") << text;
      EXPECT_NE(std::string(e.what()).find(reason), std::string::npos) << text << ": " << e.what();
    }
  }
}

// Wide-ranged data: magnitudes 10^-3 .. 10^3, either sign.
template <class T>
void widen(Buffer& b, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> exponent(-3, 3);
  T* p = b.as<T>();
  for (int64_t i = 0; i < b.size(); ++i) p[i] = T(std::pow(10.0, exponent(rng)) * (rng() % 2 ? 1 : -1));
}

template <class T, int M>
void check(Engine& engine, const ConvDesc& d, bool wide, uint64_t seed, int oc_blk = 0, int ur_w = 1) {
  SCOPED_TRACE(d.full_str() + " m" + std::to_string(M) + (wide ? " wide" : " uniform") + " " +
               std::string(to_string(engine.cpu().isa)));
  ProblemData data = make_problem_data(d, d.mb, Fill::real, seed);
  if (wide) {
    widen<T>(data.src, seed);
    widen<T>(data.wei, seed + 1);
  }
  Plan plan = make_plan(d, engine.cpu(), engine.cpu().isa, engine.threads());
  plan.tile = M;
  if (oc_blk) plan.oc_blk = oc_blk, plan.ur_w = ur_w;
  ASSERT_FALSE(plan_rejection(d, plan)) << plan.str();
  const ConstTensorView bias = data.bias.empty() ? ConstTensorView{} : data.bias.view();
  Buffer want(d.dt, d.dst_shape(d.mb));
  reference_conv(d, data.src.data(), data.wei.data(), data.bias.empty() ? nullptr : data.bias.data(), want.data(), d.mb);
  const std::vector<double> bound = winograd_bound(d, M, data);
  Buffer got[2] = {Buffer(d.dt, d.dst_shape(d.mb)), Buffer(d.dt, d.dst_shape(d.mb))};
  const Backend backends[2] = {Backend::interp, Backend::jit};
  for (int b = 0; b < 2; ++b) {
    auto kernel = EngineInternals::make_kernel_for_plan(engine, d, plan, backends[b]);
    kernel->bind(data.wei.view(), bias);
    kernel->run(data.src.view(), got[b].view());
  }
  int64_t beyond = 0, differ = 0, first = -1;
  for (int64_t i = 0; i < want.size(); ++i) {
    const double w = want.as<T>()[i], g = got[1].as<T>()[i];
    if (std::abs(g - w) > bound[size_t(i)] || std::isnan(g)) beyond += first < 0 ? (first = i, 1) : 1;
    if (std::memcmp(&got[0].as<T>()[i], &got[1].as<T>()[i], sizeof(T)) != 0) ++differ;
  }
  EXPECT_EQ(beyond, 0) << "outputs beyond the bound; first at " << first << ": got " << got[1].as<T>()[std::max<int64_t>(first, 0)]
                       << " want " << want.as<T>()[std::max<int64_t>(first, 0)] << " bound " << bound[size_t(std::max<int64_t>(first, 0))];
  EXPECT_EQ(differ, 0) << "JIT and interpreter differ";
}

// Every problem in every layout and data type, both tile sizes; the post-ops
// and the wide-ranged data on alternate combinations (CI's time). The ISA
// is the engine's: the avx2.* run of this test covers AVX2.
TEST(Winograd, MatchesTheReferenceWithinItsBoundAndTheInterpreterBitForBit) {
  // The last: images of 4 and 9 tiles, whose register blocks (planned over
  // the batch's tiles) straddle images; the one before: transformed weights
  // beyond 512 KiB, so chunks span its images;
  // the one before: a block's weights of one position beyond the L1, so its
  // tiles past whole blocks make one more block, padded (tail_singly); the
  // one before: tiles enough that the two threads split them, not the output
  // channels (chunks_of); the first: an image beyond 512 KiB, so blocked
  // layouts transform it a vector of channels at a time (tile_major false).
  const char* problems[] = {"mb1ic64ih48oc16kh3ph1", "mb1ic16ih14oc16kh3ph1", "mb2ic8ih9iw11oc20kh3kw3ph1pw1",
                            "g2mb1ic32ih10oc64kh3ph0", "mb1ic5ih7oc3kh3ph2", "mb1ic33ih13oc40kh3ph1",
                            "mb1ic8ih40oc16kh3ph1", "mb1ic208ih10oc64kh3ph1", "mb3ic64ih9oc72kh3ph1",
                            "mb5ic16ih6oc32kh3ph1"};
  Engine engine(EngineOptions{.threads = 2});
  if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  uint64_t seed = 1;
  int problem = 0;
  for (const char* text : problems) {
    int layout_index = 0;
    for (Layout layout : {Layout::ncx, Layout::nxc, Layout::nCx16c}) {
      for (DataType dt : {DataType::f32, DataType::f64}) {
        ConvDesc d = winograd(text, layout == Layout::nCx16c && dt == DataType::f64 ? Layout::nCx8c : layout, dt);
        // Each data type meets each of the four combinations in some layout.
        const bool post_ops = (problem + layout_index) % 2, wide = (problem + (dt == DataType::f64)) % 2;
        d.post_ops = {post_ops, post_ops};
        if (dt == DataType::f32) {
          check<float, 2>(engine, d, wide, ++seed);
          check<float, 4>(engine, d, wide, ++seed);
        } else {
          check<double, 2>(engine, d, wide, ++seed);
          check<double, 4>(engine, d, wide, ++seed);
        }
      }
      ++layout_index;
    }
    ++problem;
  }
}

// winograd_2x2 keeps to F(2x2) where the planner would take F(4x4) (ResNet-50
// res2), in its pick, the tuner's candidates and the plans it accepts; its
// tolerance is F(2x2)'s, tighter than Winograd's; its kernels keep within
// F(2x2)'s bound and agree with the interpreter bit for bit.
TEST(Winograd, TheSmallerTileWhenAskedFor) {
  const CpuFacts cpu = CpuFacts::detect("avx512");
  ConvDesc d = winograd("mb1ic64ih56oc64kh3ph1", Layout::nCx16c);
  ASSERT_EQ(make_plan(d, cpu, Isa::avx512, 1).tile, 4);
  d.algorithm = Algorithm::winograd_2x2;
  Plan plan = make_plan(d, cpu, Isa::avx512, 1);
  EXPECT_EQ(plan.tile, 2) << plan.str();
  EXPECT_EQ(plan.strategy->algorithm(), Algorithm::winograd);
  const std::vector<Plan> blocks = plan.strategy->blocks(WorkProblem(d), plan);
  ASSERT_FALSE(blocks.empty());
  for (const Plan& p : blocks) EXPECT_EQ(p.tile, 2) << p.str();
  plan.tile = 4;
  const auto why = plan_rejection(d, plan);
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("algorithm=winograd_2x2 computes with tile=2"), std::string::npos) << *why;
  const ConvDesc larger = winograd(d.str(), d.layout);
  for (const Fill fill : {Fill::integer, Fill::real}) EXPECT_LT(tolerance(d, fill), tolerance(larger, fill) / 5);
  // (F(4x4)'s magnification is 62.7 against 64/9, its chain of roundings longer.)

  Engine engine(EngineOptions{.threads = 1});
  if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  uint64_t seed = 300;
  // The last: partial sums of 32 channels (kAccurateSumBlock), one whole and one of 8.
  for (const char* text : {"mb1ic16ih14oc16kh3ph1", "mb2ic8ih9iw11oc20kh3kw3ph1pw1", "mb1ic40ih10oc24kh3ph1"})
    for (const bool wide : {false, true}) {
      ConvDesc small = winograd(text, Layout::nxc);
      small.algorithm = Algorithm::winograd_2x2;
      small.post_ops = {wide, wide};
      EXPECT_EQ(engine.make_kernel(small)->plan_str().find("winograd"), 0u);
      check<float, 2>(engine, small, wide, ++seed);
    }
}

// winograd_2x2 sums fewer input channels at a time than winograd: on 64
// channels of uniform data its error is below that of the same F(2x2)
// plan asked for as winograd (0.78x here). The mean over the outputs: the
// largest error moves by whole units in the last place from build to build.
TEST(Winograd, TheAccurateOneSumsShorterChains) {
  Engine engine(EngineOptions{.threads = 1});
  if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  ConvDesc d = winograd("mb1ic64ih28oc32kh3ph1", Layout::nxc);
  const ProblemData data = make_problem_data(d, d.mb, Fill::real, 77);
  Buffer want(d.dt, d.dst_shape(d.mb));
  reference_conv(d, data.src.data(), data.wei.data(), nullptr, want.data(), d.mb);
  double error[2] = {0, 0};  // sums of |got - want|
  for (int accurate = 0; accurate < 2; ++accurate) {
    d.algorithm = accurate ? Algorithm::winograd_2x2 : Algorithm::winograd;
    Plan plan = make_plan(d, engine.cpu(), engine.cpu().isa, 1);
    plan.tile = 2;
    auto kernel = EngineInternals::make_kernel_for_plan(engine, d, plan, Backend::jit);
    kernel->bind(data.wei.view());
    Buffer got(d.dt, d.dst_shape(d.mb));
    kernel->run(data.src.view(), got.view());
    for (int64_t i = 0; i < want.size(); ++i) error[accurate] += std::abs(got.get(i) - want.get(i));
  }
  EXPECT_GT(error[0], 0);
  EXPECT_LT(error[1], 0.85 * error[0]) << "winograd_2x2 " << error[1] << ", winograd's F(2x2) " << error[0];
}

// `text` on two threads in every layout, with a bias, blocks of one vector
// of output channels and ur_w tiles.
template <int M>
void check_on_two_threads(const std::string& text, int ur_w, uint64_t seed) {
  Engine engine(EngineOptions{.threads = 2});
  if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  const int vlen = engine.cpu().isa == Isa::avx512 ? 16 : 8;
  for (Layout layout : {Layout::ncx, Layout::nxc, Layout::nCx16c}) {
    ConvDesc d = winograd(text, layout);
    d.post_ops = {true, false};
    check<float, M>(engine, d, false, ++seed, vlen, ur_w);
  }
}

// Output-channel blocks of one vector (8 channels with AVX2) over few tiles:
// the two threads split the 3 blocks of 24 channels, the second share from
// channel 8, inside the transforms' vector of 16; with a bias, in every
// layout (the avx2.* run covers it; with AVX-512 the blocks are vectors).
TEST(Winograd, ThreadsSplittingTheOutputChannelsInsideAVector) {
  check_on_two_threads<2>("mb1ic256ih4oc24kh3ph1", 1, 100);  // flops enough for two threads
}

// A 16-tile image in two blocks of 8, with weights each thread can read
// whole: the two threads take a block of tiles each, not half the output
// channels (as ResNet-50 res4 at batch 1).
TEST(Winograd, ThreadsTakingABlockOfTilesEach) { check_on_two_threads<4>("mb1ic64ih14oc40kh3ph1", 8, 200); }

// Tiles left over from whole blocks, computed one at a time, take their
// partial sums of 64 input channels two at a time (a pair, then a pair in
// the sums' loop, then a single one and the rest): the interpreter's bits,
// which sum them one by one, on wide-ranged data; every layout and data
// type, a bias and ReLU, blocks of 4 tiles and one vector of channels.
TEST(Winograd, SingleTilesSummingTwoPartialSumsAtOnce) {
  Engine engine(EngineOptions{.threads = 1});
  if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  uint64_t seed = 300;
  // 9 tiles (m 4) and 25 (m 2): blocks of 4 and one tile left; 128 channels
  // make one pair of sums, 272 two pairs (the loop), a single sum and 16 more.
  for (const char* text : {"mb1ic128ih10oc16kh3ph1", "mb1ic272ih10oc16kh3ph1"})
    for (Layout layout : {Layout::ncx, Layout::nxc, Layout::nCx16c})
      for (DataType dt : {DataType::f32, DataType::f64}) {
        ConvDesc d = winograd(text, layout == Layout::nCx16c && dt == DataType::f64 ? Layout::nCx8c : layout, dt);
        d.post_ops = {true, true};
        const int vlen = lanes(engine.cpu().isa, dt);
        if (dt == DataType::f32) {
          check<float, 2>(engine, d, true, ++seed, vlen, 4);
          check<float, 4>(engine, d, true, ++seed, vlen, 4);
        } else {
          check<double, 2>(engine, d, true, ++seed, vlen, 4);
          check<double, 4>(engine, d, true, ++seed, vlen, 4);
        }
      }
}

// The planner's register block on images of few tiles (ResNet-50 res4 and
// res5 at batch 1: 16 of them), where a position's weights outgrow the L1
// so that a partial block is padded: a block that pads no rows, and no
// output channels beyond the vector's (6 tiles x 64 channels made 18 rows
// of 16 tiles and ran 1.08-1.18x the time of 8 x 32 on Zen 5).
TEST(Winograd, PlansBlocksThatPadNoRowsOnImagesOfFewTiles) {
  for (const char* text : {"mb1ic256ih14oc256kh3ph1", "mb1ic512ih7oc512kh3ph1"}) {
    const ConvDesc d = winograd(text, Layout::nCx16c);
    const Plan plan = make_plan(d, CpuFacts::detect("avx512"), Isa::avx512, 1);
    SCOPED_TRACE(std::string(text) + ": " + plan.str());
    const int64_t tiles_h = (d.o[ConvDesc::H] + plan.tile - 1) / plan.tile;
    const int64_t tiles = tiles_h * ((d.o[ConvDesc::W] + plan.tile - 1) / plan.tile);
    EXPECT_EQ(tiles, 16);
    EXPECT_EQ(tiles % plan.ur_w, 0);
    EXPECT_EQ(d.ocg() % plan.oc_blk, 0);
  }
}

// At batch 32 the same layers' blocks are planned over the batch's tiles,
// taken image after image: ResNet-50 res5 (4 tiles an image) gets a block
// of more tiles than an image has (on Zen 5, 6 x 64 channels ran 0.94-0.96
// of the 4 x 64 that a per-image limit allowed).
TEST(Winograd, PlansBlocksOverTheBatchsTiles) {
  const ConvDesc d = winograd("mb32ic512ih7oc512kh3ph1", Layout::nCx16c);
  const Plan plan = make_plan(d, CpuFacts::detect("avx512"), Isa::avx512, 1);
  SCOPED_TRACE(plan.str());
  const int64_t tiles = ((d.o[ConvDesc::H] + plan.tile - 1) / plan.tile) * ((d.o[ConvDesc::W] + plan.tile - 1) / plan.tile);
  EXPECT_GT(plan.ur_w, tiles);
  EXPECT_EQ(d.ocg() % plan.oc_blk, 0);
}

// A run whose output is half the last-level cache or more stores its whole
// vectors non-temporally where they are 16-byte aligned: the bits of the
// same images run one at a time (each far below that, stored plainly), with
// dst on a line, 16 bytes off one (streamed) and an element off (stored
// plainly), nothing written around dst; channels last and blocked (whole
// vectors), channels first (staged, never streamed), f32 and f64, with the
// partial tiles of an image 13 pixels wide.
TEST(Winograd, RunsOfLargeOutputsStoreTheSameBits) {
  Engine engine(EngineOptions{.threads = 1});
  if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  for (const DataType dt : {DataType::f32, DataType::f64})
    for (const Layout layout : {Layout::nxc, dt == DataType::f32 ? Layout::nCx16c : Layout::nCx8c, Layout::ncx}) {
      ConvDesc d = winograd("mb1ic16ih13oc16kh3ph1", layout, dt);
      const int64_t image_bytes = d.dst_shape(1).elems() * int64_t(size_of(dt));
      d.mb = last_level_cache_bytes() / 2 / image_bytes + 1;
      SCOPED_TRACE(d.full_str());
      const ProblemData data = make_problem_data(d, d.mb, Fill::integer, 9);
      std::unique_ptr<Kernel> kernel = engine.make_kernel(d);
      kernel->bind(data.wei.view());
      const Shape src1 = d.src_shape(1), dst1 = d.dst_shape(1);
      const int64_t image_src = src1.elems() * int64_t(size_of(dt));
      Buffer want(dt, d.dst_shape(d.mb));
      for (int64_t n = 0; n < d.mb; ++n)
        kernel->run(ConstTensorView(static_cast<const char*>(data.src.data()) + n * image_src, dt, src1),
                    TensorView(static_cast<char*>(want.data()) + n * image_bytes, dt, dst1));
      for (const std::size_t offset : {std::size_t(0), std::size_t(16), size_of(dt)}) {
        constexpr std::size_t kGuard = 64;
        std::vector<uint8_t> memory(kGuard + offset + want.bytes() + kGuard + 64, 0xEE);
        uint8_t* line = memory.data() + (64 - reinterpret_cast<uintptr_t>(memory.data()) % 64) % 64;
        uint8_t* dst = line + kGuard + offset;
        kernel->run(data.src.view(), TensorView(dst, dt, d.dst_shape(d.mb)));
        EXPECT_EQ(std::memcmp(dst, want.data(), want.bytes()), 0) << "dst +" << offset;
        EXPECT_TRUE(std::all_of(memory.data(), dst, [](uint8_t b) { return b == 0xEE; })) << "before dst +" << offset;
        EXPECT_TRUE(std::all_of(dst + want.bytes(), memory.data() + memory.size(), [](uint8_t b) { return b == 0xEE; }))
            << "after dst +" << offset;
      }
    }
}

}  // namespace
}  // namespace convjit
