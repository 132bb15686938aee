// The planner's plans: legal for the problems they are made for, printable,
// round-tripping through JSON, rejected with a reason when they cannot work;
// and the emitter's code: deterministic and never writable and executable.
#include <gtest/gtest.h>

#include <array>
#include <cstring>
#include <fstream>
#include <string>

#include "convjit/convjit.hpp"
#include "jit/jit_code.hpp"
#include "strategies/ow_vector/geometry.hpp"
#include "planner/plan.hpp"
#include "planner/work_problem.hpp"
#include "strategies/oc_vector/strategy.hpp"
#include "strategies/ow_vector/strategy.hpp"
#include "tests/scoped.hpp"

namespace convjit {
namespace {

Plan plan_for(const char* text, Isa isa, DataType dt = DataType::f32) {
  ConvDesc d = ConvDesc::parse(text);
  d.dt = dt;
  return make_plan(d, CpuFacts::detect("avx512"), isa, 1);
}

// The hardware is read once per process; the cap, from the argument or
// CONVJIT_MAX_ISA, is applied on every call.
TEST(CpuFacts, CapsApplyOnEveryCallOverTheSameHardware) {
  const CpuFacts first = CpuFacts::detect("");
  {
    const ScopedEnv cap("CONVJIT_MAX_ISA", "scalar");
    const CpuFacts capped = CpuFacts::detect("");
    EXPECT_EQ(capped.isa, Isa::scalar);
    EXPECT_EQ(capped.detected_isa, first.detected_isa);
    EXPECT_EQ(capped.str(), CpuFacts::detect("scalar").str());
  }
  EXPECT_EQ(CpuFacts::detect("avx2").isa, std::min(first.detected_isa, Isa::avx2));
  const CpuFacts again = CpuFacts::detect("");
  EXPECT_EQ(again.isa, first.isa);
  EXPECT_EQ(again.str(), first.str());
  EXPECT_GT(again.l2_bytes, 0);
}

TEST(Plan, HeuristicPlansAreLegalAndFitTheRegisters) {
  for (const char* text : {"mb1ic1ih1024oc1kh3", "mb1ic3ih32oc10kh2sh2", "mb1ic1ih3oc1kh2",
                           "mb30000ic1ih16oc4kh5", "mb1ic3ih224oc64kh7sh2ph3", "mb2ic4iw70oc9kw7dw2",
                           "mb1ic64ih56oc64kh3ph1", "mb1ic512ih7oc2048kh1", "g2mb1ic64ih13oc34kh3sh2"})
    for (Isa isa : {Isa::scalar, Isa::avx2, Isa::avx512})
      for (DataType dt : {DataType::f32, DataType::f64}) {
        ConvDesc d = ConvDesc::parse(text);
        d.dt = dt;
        Plan p = make_plan(d, CpuFacts::detect(""), isa, 2);
        EXPECT_FALSE(plan_rejection(d, p).has_value()) << text << " " << p.str() << ": " << *plan_rejection(d, p);
        EXPECT_EQ(p.vlen, lanes(isa, dt));
        // Accumulators, the vectors feeding them and the weights: one
        // broadcast register, one per channel, or one per channel and tap.
        const int64_t taps = d.k[ConvDesc::H] * d.k[ConvDesc::W];
        const int64_t weights = p.weights == WeightRegs::held         ? taps * p.oc_blk
                                : p.weights == WeightRegs::stationary ? p.oc_blk
                                                                      : 1;
        const int64_t used = p.strategy == &OwVector::instance()
                                 ? p.ur_h * p.ur_w * p.oc_blk + p.ur_w + weights
                                 : p.ur_w * (p.oc_blk / p.vlen) + p.oc_blk / p.vlen + 1;
        EXPECT_LE(used, vector_registers(isa)) << p.str();
        EXPECT_EQ(d.icg() % p.ic_blk, 0) << p.str();
      }
}

TEST(Plan, BlocksRowsAndChannelsForTheSeeds) {
  // 1 => 4 channels, 5x5: the block covers all 4 channels and several rows.
  Plan p = plan_for("mb30000ic1ih16oc4kh5", Isa::avx512);
  EXPECT_EQ(p.oc_blk, 4);
  EXPECT_GE(p.ur_h, 4);
  // A wide single-channel image: several vectors and rows per block.
  Plan q = plan_for("mb1ic1ih1024oc1kh3", Isa::avx512);
  EXPECT_GE(q.ur_w * q.ur_h, 8);
  EXPECT_FALSE(q.staged);
  // Stride 2 is split in registers; padding or stride 3 need staging.
  EXPECT_FALSE(plan_for("mb1ic3ih32oc10kh2sh2", Isa::avx2).staged);
  EXPECT_TRUE(plan_for("mb1ic3ih32oc10kh2sh2ph1", Isa::avx2).staged);
  EXPECT_TRUE(plan_for("mb1ic3ih32oc10kh2sh3", Isa::avx512).staged);
}

TEST(Plan, ManyChannelsPutVectorsAlongOutputChannels) {
  Plan p = plan_for("mb1ic64ih56oc64kh3ph1", Isa::avx512);
  EXPECT_EQ(p.strategy, &OcVector::instance());
  EXPECT_EQ(p.oc_blk % p.vlen, 0);
  EXPECT_GE(p.ur_w * (p.oc_blk / p.vlen), 16) << p.str();  // enough accumulators to hide FMA latency
  // Large weights are swept in input-channel passes that fit half the L2.
  ConvDesc big = ConvDesc::parse("mb1ic2048ih7oc512kh3ph1");
  CpuFacts cpu = CpuFacts::detect("");
  Plan q = make_plan(big, cpu, Isa::avx512, 1);
  EXPECT_LT(q.ic_blk, 2048);
  EXPECT_LE(int64_t(q.ic_blk) * 9 * q.oc_blk * 4, cpu.l2_bytes / 2);
  // Single-channel images keep vectors along the width.
  EXPECT_EQ(plan_for("mb1ic1ih1024oc1kh3", Isa::avx512).strategy, &OwVector::instance());
}

// Channels last with 1024 channels (ResNet-50's res4b_branch2a), a pixel is
// 4 KiB: every pixel of a register block falls in the same L1 set, and a
// block of more pixels than the set has ways (less one) thrashes it.
// Blocked, pixels 64 bytes apart fill every set and are not limited; nor
// are they where the associativity is unknown.
TEST(Plan, PixelsOfABlockFitTheirL1SetsWays) {
  ConvDesc d = ConvDesc::parse("mb1ic1024ih14oc256kh1");
  CpuFacts cpu = CpuFacts::detect("avx512");
  // Zen 4's L1d, then Zen 5's and Sapphire Rapids': 4 KiB a way.
  for (const Layout layout : {Layout::nxc, Layout::ncx})
    for (const int ways : {8, 12}) {
      d.layout = layout;
      cpu.l1d_ways = ways;
      cpu.l1d_bytes = ways * 4096;
      const Plan p = make_plan(d, cpu, Isa::avx512, 1);
      EXPECT_EQ(p.strategy, &OcVector::instance()) << p.str();
      EXPECT_LE(p.ur_w, ways - 1) << to_string(layout) << " " << ways << " ways: " << p.str();
    }
  cpu.l1d_ways = 8;
  cpu.l1d_bytes = 32 << 10;
  d.layout = Layout::nCx16c;
  EXPECT_GT(make_plan(d, cpu, Isa::avx512, 1).ur_w, 7);
  cpu.l1d_ways = 0;
  d.layout = Layout::nxc;
  EXPECT_GT(make_plan(d, cpu, Isa::avx512, 1).ur_w, 7);
}

// Channels first rows of 1024 floats (seed:image3x3) are 4 KiB apart: the
// input rows a width-vector block reads at a column share one L1 set, and
// blocks read no more of them than the set's ways less two.
TEST(Plan, RowsOfABlockFitTheirL1SetsWays) {
  const ConvDesc d = ConvDesc::parse("mb1ic1ih1024oc1kh3");
  CpuFacts cpu = CpuFacts::detect("avx512");
  for (const int ways : {8, 12}) {
    cpu.l1d_ways = ways;
    cpu.l1d_bytes = ways * 4096;
    const Plan p = make_plan(d, cpu, Isa::avx512, 1);
    EXPECT_EQ(p.strategy, &OwVector::instance()) << p.str();
    EXPECT_LE(p.ur_h + 2, ways - 2) << ways << " ways: " << p.str();  // 3 rows of taps
  }
  cpu.l1d_ways = 0;
  EXPECT_GT(make_plan(d, cpu, Isa::avx512, 1).ur_h + 2, 6) << "no cap where the ways are unknown";
}

// Depthwise channels first: width vectors read unpadded planes as they are;
// padded (MobileNet's), both strategies stage, and channel vectors win but
// on rows of 224 bytes and more a unit of stride (planner/plan.cpp).
TEST(Plan, PaddedDepthwiseChannelsFirstTakesChannelVectorsButOnWideRows) {
  auto strategy = [](const char* text, DataType dt, Isa isa) {
    ConvDesc d = ConvDesc::parse(text);
    d.dt = dt;
    return make_plan(d, CpuFacts::detect("avx512"), isa, 1).strategy;
  };
  const Strategy* width = &OwVector::instance();
  const Strategy* channels = &OcVector::instance();
  for (const Isa isa : {Isa::avx512, Isa::avx2}) {
    EXPECT_EQ(strategy("g32mb1ic32ih112oc32oh112kh3ph1", DataType::f32, isa), width);
    EXPECT_EQ(strategy("g128mb1ic128ih56oc128oh56kh3ph1", DataType::f32, isa), width);
    EXPECT_EQ(strategy("g256mb1ic256ih28oc256oh28kh3ph1", DataType::f32, isa), channels);
    EXPECT_EQ(strategy("g64mb1ic64ih112oc64oh56kh3sh2ph1", DataType::f32, isa), channels);
    EXPECT_EQ(strategy("g128mb1ic128ih56oc128oh28kh3sh2ph1", DataType::f32, isa), channels);
    // f64: the same rows in twice the bytes.
    EXPECT_EQ(strategy("g256mb1ic256ih28oc256oh28kh3ph1", DataType::f64, isa), width);
    EXPECT_EQ(strategy("g64mb1ic64ih112oc64oh56kh3sh2ph1", DataType::f64, isa), width);
    EXPECT_EQ(strategy("g128mb1ic128ih56oc128oh28kh3sh2ph1", DataType::f64, isa), channels);
    // Unpadded, the planes as they are.
    EXPECT_EQ(strategy("g256mb1ic256ih30oc256oh28kh3", DataType::f32, isa), width);
  }
}

TEST(Plan, ChannelsLastFewChannelsReadTheTensorsAsTheyAre) {
  auto nxc = [](const char* text) {
    ConvDesc d = ConvDesc::parse(text);
    d.layout = Layout::nxc;
    return make_plan(d, CpuFacts::detect("avx512"), Isa::avx512, 1);
  };
  // One channel in and out: the very plan of channels first.
  EXPECT_EQ(nxc("mb1ic1ih1024oc1kh3").str(), plan_for("mb1ic1ih1024oc1kh3", Isa::avx512).str());
  // One input channel: read as it is; only the output is transposed.
  const Plan one_in = nxc("mb30000ic1ih16oc4kh5");
  EXPECT_EQ(one_in.strategy, &OwVector::instance());
  EXPECT_FALSE(one_in.staged);
  // Several input channels, strided or narrow: vectors along the channels,
  // which read and write channels last directly, rather than a gather.
  for (const char* text : {"mb1ic3ih32oc10kh2sh2", "mb3000ic3ih7oc5kh3"}) {
    const Plan p = nxc(text);
    EXPECT_EQ(p.strategy, &OcVector::instance()) << text << ": " << p.str();
    EXPECT_FALSE(p.staged) << text << ": " << p.str();
  }
  // A wide image with few output channels keeps vectors along the width.
  EXPECT_EQ(nxc("mb1ic3ih256oc3kh3").strategy, &OwVector::instance());
}

TEST(Plan, OneAxisWithExtentIsComputedAsOneDimensional) {
  // An 80x1 image, 5x1 filter: 1D along what was the height.
  const ConvDesc tall = WorkProblem(ConvDesc::parse("mb1ic144ih80iw1oc150kh5kw1ph2"));
  EXPECT_EQ(tall.ndims, 1);
  EXPECT_EQ(tall.i, (std::array<int64_t, 3>{1, 1, 80}));
  EXPECT_EQ(tall.k, (std::array<int64_t, 3>{1, 1, 5}));
  EXPECT_EQ(tall.p, (std::array<int64_t, 3>{0, 0, 2}));
  EXPECT_EQ(tall.o[ConvDesc::W], 80);
  // Depth only, strided and dilated: 1D along the depth.
  const ConvDesc deep = WorkProblem(ConvDesc::parse("mb1ic8id20ih1iw1oc8kd3kh1kw1sd2dd1pd1"));
  EXPECT_EQ(deep.ndims, 1);
  EXPECT_EQ(deep.i[ConvDesc::W], 20);
  EXPECT_EQ(deep.s[ConvDesc::W], 2);
  EXPECT_EQ(deep.d[ConvDesc::W], 1);
  EXPECT_EQ(deep.o[ConvDesc::W], 9);  // (20 + 2 - 5) / 2 + 1
  // Two axes with extent stay as they are.
  EXPECT_EQ(WorkProblem(ConvDesc::parse("mb1ic3ih9iw2oc4kh3kw1")).ndims, 2);
}

TEST(Plan, FiltersAsLargeAsTheImageJoinItsAxes) {
  // As wide as the image, one output wide: each output reads kh whole rows,
  // one run of kh * iw taps, and the next output starts sh rows on.
  const ConvDesc wide = WorkProblem(ConvDesc::parse("mb1ic128ih102iw19oc256kh3kw19sh2ph1"));
  EXPECT_EQ(wide.ndims, 1);
  EXPECT_EQ(wide.i[ConvDesc::W], 102 * 19);
  EXPECT_EQ(wide.k[ConvDesc::W], 3 * 19);
  EXPECT_EQ(wide.s[ConvDesc::W], 2 * 19);
  EXPECT_EQ(wide.p[ConvDesc::W], 19);
  EXPECT_EQ(wide.o[ConvDesc::W], 51);
  EXPECT_EQ(wide.ic, 128);
  // Dilated rows are not one run: the problem stays as it is.
  EXPECT_EQ(WorkProblem(ConvDesc::parse("mb1ic8ih12iw5oc8kh3kw5dh1")).ndims, 2);
  // Channels first and as tall as the image: its rows become channels.
  ConvDesc tall = ConvDesc::parse("g2mb1ic6ih4iw30oc8kh4kw3");
  const ConvDesc rows = WorkProblem(tall);
  EXPECT_EQ(rows.ndims, 1);
  EXPECT_EQ(rows.ic, 6 * 4);
  EXPECT_EQ(rows.g, 2);
  EXPECT_EQ(rows.k[ConvDesc::W], 3);
  EXPECT_EQ(rows.o[ConvDesc::W], 28);
  tall.layout = Layout::nxc;  // channels last, the rows are not channels
  EXPECT_EQ(WorkProblem(tall).ndims, 2);
  // 3D as wide as the image: depth and the joined rows remain, as 2D.
  const ConvDesc deep = WorkProblem(ConvDesc::parse("mb1ic4id5ih6iw7oc9kd2kh3kw7"));
  EXPECT_EQ(deep.ndims, 2);
  EXPECT_EQ(deep.i, (std::array<int64_t, 3>{1, 5, 42}));
  EXPECT_EQ(deep.k, (std::array<int64_t, 3>{1, 2, 21}));
  EXPECT_EQ(deep.o, (std::array<int64_t, 3>{1, 4, 4}));
}

TEST(Plan, StridedOneByOneComputesOverItsGatheredInput) {
  // 1x1, unpadded, strided, large planes and many outputs per input
  // element: the stride-1 problem over the pixels the filter reads (then
  // flattened as any 1x1 stride-1 problem).
  const WorkProblem strided(ConvDesc::parse("mb1ic256ih56oc512oh28kh1sh2"));
  EXPECT_TRUE(strided.gathers_input);
  EXPECT_EQ(static_cast<const ConvDesc&>(strided), WorkProblem(ConvDesc::parse("mb1ic256ih28oc512oh28kh1")));
  const WorkProblem deep(ConvDesc::parse("g2mb1ic6id8ih8iw10oc1040od4oh4ow5kd1kh1kw1sd2sh2sw2"));
  EXPECT_TRUE(deep.gathers_input);
  EXPECT_EQ(deep.s, (std::array<int64_t, 3>{1, 1, 1}));
  EXPECT_EQ(deep.spatial_in(), 4 * 4 * 5);
  EXPECT_EQ(deep.g, 2);
  // Read as they are: padding, wider filters, an output that reaches past
  // the input, no stride; too few outputs per input element (res3a_branch2a)
  // or small planes (res5a_branch1), where the gather costs more than it saves.
  for (const char* text : {"mb1ic8ih64oc512kh1sh2ph1", "mb1ic8ih64oc512kh3sh2", "mb1ic8ih63oc512oh33kh1sh2",
                           "mb1ic8ih64oc512kh1", "mb1ic256ih56oc128oh28kh1sh2", "mb1ic1024ih14oc2048oh7kh1sh2"})
    EXPECT_FALSE(WorkProblem(ConvDesc::parse(text)).gathers_input) << text;
  // Channels last and blocked read whole lines of channels a pixel: gathered
  // only with twice the outputs per input element (128: res3a_branch1, not
  // res4a_branch2a's 64).
  for (const Layout layout : {Layout::nxc, Layout::nCx16c}) {
    ConvDesc many = ConvDesc::parse("mb1ic256ih56oc512oh28kh1sh2"), fewer = ConvDesc::parse("mb1ic512ih28oc256oh14kh1sh2");
    many.layout = fewer.layout = layout;
    EXPECT_TRUE(WorkProblem(many).gathers_input) << to_string(layout);
    EXPECT_FALSE(WorkProblem(fewer).gathers_input) << to_string(layout);
  }
  EXPECT_TRUE(WorkProblem(ConvDesc::parse("mb1ic512ih28oc256oh14kh1sh2")).gathers_input);  // channels first
}

TEST(Plan, PrintsOnOneLineAndRoundTripsThroughJson) {
  Plan p = plan_for("mb1ic3ih32oc10kh2sh2", Isa::avx2, DataType::f64);
  EXPECT_EQ(p.str().find('\n'), std::string::npos);
  EXPECT_NE(p.str().find("avx2"), std::string::npos);
  Plan back = Plan::from_json(p.to_json());
  EXPECT_EQ(back, p);
  EXPECT_EQ(back.hash(), p.hash());
  Plan other = p;
  other.ur_h += 1;
  EXPECT_NE(other.hash(), p.hash());
  Plan many = plan_for("mb1ic64ih56oc64kh3ph1", Isa::avx512);
  EXPECT_EQ(Plan::from_json(many.to_json()), many);
  Plan held = plan_for("mb1ic1ih64oc1kh3", Isa::avx512);
  held.weights = WeightRegs::held;
  EXPECT_NE(held.str().find(" wh "), std::string::npos) << held.str();
  EXPECT_EQ(Plan::from_json(held.to_json()), held);
  Plan broadcast = held;
  broadcast.weights = WeightRegs::broadcast;
  EXPECT_NE(held.hash(), broadcast.hash());
  // Wisdom from before the held weights names only the stationary ones.
  std::string old = held.to_json();
  const std::string field = "\"weights\":\"held\"";
  ASSERT_NE(old.find(field), std::string::npos) << old;
  old.replace(old.find(field), field.size(), "\"stationary_weights\":true");
  EXPECT_EQ(Plan::from_json(old).weights, WeightRegs::stationary) << old;
  std::string sideways = held.to_json();
  sideways.replace(sideways.find("held"), 4, "sideways");
  try {
    Plan::from_json(sideways);
    ADD_FAILURE() << "accepted " << sideways;
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("weights=sideways"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Plan::from_json("{\"isa\": 3}"), Error);
  EXPECT_THROW(Plan::from_json("not json"), Error);
}

TEST(Plan, RejectsIllegalPlansWithAReason) {
  ConvDesc d = ConvDesc::parse("mb1ic1ih32oc4kh3ph1");
  Plan p = make_plan(d, CpuFacts::detect(""), Isa::avx2, 1);
  Plan too_big = p;
  too_big.ur_h = 8;
  too_big.ur_w = 2;
  too_big.oc_blk = 4;
  ASSERT_TRUE(plan_rejection(d, too_big).has_value());
  EXPECT_NE(plan_rejection(d, too_big)->find("register"), std::string::npos);
  Plan unstaged = p;
  unstaged.staged = false;  // padding needs staging
  ASSERT_TRUE(plan_rejection(d, unstaged).has_value());
  Plan wide = p;
  wide.oc_blk = 5;
  ASSERT_TRUE(plan_rejection(d, wide).has_value());
  EXPECT_NE(plan_rejection(d, wide)->find("oc_blk=5"), std::string::npos);
  Plan lanes_wrong = p;
  lanes_wrong.vlen = 16;
  EXPECT_TRUE(plan_rejection(d, lanes_wrong).has_value());
  EXPECT_THROW(emit_code(WorkProblem(d), too_big), Error);
  // Every tap's weights held: 9 registers beside the accumulators.
  Plan held = p;
  held.weights = WeightRegs::held;
  held.ur_w = 1;
  held.oc_blk = 1;
  held.ur_h = allocatable_registers(Isa::avx2) - 1 - 9;
  EXPECT_FALSE(plan_rejection(d, held)) << held.str();
  held.ur_h += 1;
  ASSERT_TRUE(plan_rejection(d, held).has_value()) << held.str();
  EXPECT_NE(plan_rejection(d, held)->find("register"), std::string::npos);
  ConvDesc many = ConvDesc::parse("mb1ic64ih14oc64kh3ph1");
  many.layout = Layout::nCx16c;  // oc_vector's alone
  Plan oc = make_plan(many, CpuFacts::detect(""), Isa::avx512, 1);
  ASSERT_NE(oc.strategy, held.strategy) << oc.str();
  oc.weights = WeightRegs::held;
  ASSERT_TRUE(plan_rejection(many, oc).has_value()) << oc.str();
  EXPECT_NE(plan_rejection(many, oc)->find("weights=held"), std::string::npos);
}

TEST(Plan, GeometryCoversTheOutput) {
  ConvDesc d = ConvDesc::parse("mb1ic2ih20iw37oc7kh3kw5sw2pw2ph1dw1");
  Plan p = make_plan(d, CpuFacts::detect(""), Isa::avx512, 1);
  Geometry g = Geometry::of(d, p);
  EXPECT_EQ(g.row_blocks * p.ur_h + g.row_tail, d.o[1]);
  EXPECT_EQ(g.w_blocks * p.ur_w * p.vlen + g.w_tail, d.o[2]);
  EXPECT_EQ(g.oc_blocks * p.oc_blk + g.oc_tail, d.ocg());
  EXPECT_EQ(g.phases, 2);
  // Every tap of the last output column stays inside the staged row.
  for (int64_t kw = 0; kw < d.k[2]; ++kw)
    EXPECT_LT(g.tap_phase(kw) * g.phase_len + g.tap_shift(kw) + d.o[2] - 1, g.in_row);
}

TEST(Emitter, SameKeyGivesByteIdenticalCode) {
  for (Isa isa : {Isa::avx2, Isa::avx512}) {
    if (CpuFacts::detect("").detected_isa < isa) continue;
    ConvDesc d = ConvDesc::parse("mb2ic3ih33oc10kh3sh2ph1");
    Plan p = make_plan(d, CpuFacts::detect(""), isa, 1);
    auto a = emit_code(WorkProblem(d), p), b = emit_code(WorkProblem(d), p);
    ASSERT_EQ(a->size(), b->size());
    ASSERT_GT(a->size(), 0u);
    // Absolute addresses of the AVX2 mask table are the same in both.
    EXPECT_EQ(std::memcmp(a->code(), b->code(), a->size()), 0);
  }
}

TEST(Emitter, CodePagesAreNeverWritableAndExecutable) {
  if (CpuFacts::detect("").isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  Engine engine;
  std::vector<std::unique_ptr<Kernel>> kernels;
  for (const char* text : {"mb1ic1ih64oc1kh3", "mb1ic3ih32oc10kh2sh2", "mb2ic2ih20oc5kh5ph2"})
    kernels.push_back(engine.make_kernel(ConvDesc::parse(text), Backend::jit));
  std::ifstream maps("/proc/self/maps");
  std::string line;
  int lines = 0;
  while (std::getline(maps, line)) {
    ++lines;
    std::string perms = line.substr(line.find(' ') + 1, 4);
    EXPECT_FALSE(perms[1] == 'w' && perms[2] == 'x') << line;
  }
  EXPECT_GT(lines, 0);
}

}  // namespace
}  // namespace convjit
