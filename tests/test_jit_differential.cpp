// JIT vs interpreter vs reference, the benchdnn way: integer fills must agree
// bit for bit, real fills within the tolerance derived from the accumulation
// length. Each failure prints the descriptor and options to replay it with
// `convjit run`.
#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "convjit/convjit.hpp"
#include "kernels/planned_kernel.hpp"
#include "planner/plan.hpp"
#include "planner/work_problem.hpp"
#include "strategies/ow_vector/strategy.hpp"
#include "tuning/tuner.hpp"
#include "validation/reference.hpp"
#include "validation/test_data.hpp"
#include "tests/guard_jit_buffers.hpp"
#include "tests/layouts.hpp"
#include "tests/trusted_data.hpp"

namespace convjit {
namespace {

std::string replay(const ConvDesc& d, int threads, Fill fill) {
  std::ostringstream os;
  os << "convjit run --problem " << d.str() << " --dt " << to_string(d.dt) << " --layout "
     << to_string(d.layout) << " --post-ops " << to_string(d.post_ops) << " --threads " << threads
     << " --fill " << (fill == Fill::integer ? "integer" : "real");
  return os.str();
}

// The kernels' own buffers (packed weights, bias, staging) against guard
// pages and NaN-filled, as in the fuzz.
Buffer run_backend(Engine& engine, const ConvDesc& d, Backend backend, const ProblemData& data) {
  const GuardJitBuffers guard(d.mb % 2 ? GuardSide::end : GuardSide::start);
  auto kernel = engine.make_kernel(d, backend);
  kernel->bind(data.wei.view(), data.bias.empty() ? ConstTensorView{} : data.bias.view());
  Buffer dst(d.dt, d.dst_shape(d.mb));
  kernel->run(data.src.view(), dst.view());
  return dst;
}

// Checks one problem on every backend; stops at the first disagreement. The
// data is drawn again while its reference is mostly zeros (trusted_data.hpp).
void check_problem(const ConvDesc& d, int threads, Fill fill, uint64_t seed) {
  Engine engine(EngineOptions{.threads = threads});
  const TrustedData t = draw_trusted_data(d, fill, seed);
  ASSERT_TRUE(t.trusted) << "mostly zeros after " << kMaxRedraws << " redraws: " << t.self.str() << "\n  "
                         << replay(d, threads, fill);
  const double tol = tolerance(d, fill);
  Buffer interp = run_backend(engine, d, Backend::interp, t.data);
  Comparison c1 = compare(d, interp, t.want, tol, d.post_ops.relu);
  ASSERT_TRUE(c1.ok()) << "interpreter vs reference: " << c1.str() << "\n  " << replay(d, threads, fill)
                       << " --seed " << t.seed;
  if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU: the interpreter alone was checked";
  Buffer jit = run_backend(engine, d, Backend::jit, t.data);
  Comparison c2 = compare(d, jit, t.want, tol, d.post_ops.relu);
  ASSERT_TRUE(c2.ok()) << "jit vs reference: " << c2.str() << "\n  " << replay(d, threads, fill) << " --seed "
                       << t.seed;
  // The interpreter follows the JIT's order of accumulation: equal bits.
  Comparison c3 = compare(d, jit, interp, 0.0, true);
  ASSERT_EQ(c3.mismatches, 0) << "jit vs interpreter: " << c3.str() << "\n  " << replay(d, threads, fill)
                              << " --seed " << t.seed;
}

TEST(JitDifferential, SeedProblems) {
  const char* seeds[] = {"mb1ic1ih1024oc1kh3", "mb1ic3ih32oc10kh2sh2", "mb1ic1ih3oc1kh2",
                         "mb1ic1ih50oc1kh2",   "mb1ic1ih250oc1kh2",   "mb1ic1ih1000oc1kh2",
                         "mb100ic1ih16oc4kh5"};
  for (const char* text : seeds)
    for (DataType dt : {DataType::f32, DataType::f64})
      for (bool relu : {false, true}) {
        ConvDesc d = ConvDesc::parse(text);
        d.dt = dt;
        d.post_ops = {relu, relu};
        SCOPED_TRACE(d.full_str());
        check_problem(d, 1, Fill::integer, 7);
      }
}

// Random problem shapes. Few channels: sizes 1..70, kernels 1..7, strides
// 1..3, paddings, dilations, groups, batch 1..5, 1D and 2D. Many channels:
// 8..70 channels per group, smaller images, 1D, 2D and 3D.
struct Space {
  int max_group_channels_in, max_group_channels_out, min_group_channels, max_size, max_kernel;
  bool three_d;
};
const Space kFewChannels{4, 12, 1, 70, 7, false};
const Space kManyChannels{70, 70, 8, 14, 5, true};

ConvDesc random_problem(std::mt19937_64& rng, const Space& space) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (;;) {
    std::ostringstream os;
    if (pick(0, 5) == 0) {  // depthwise: every group one channel in, one out
      const int g = pick(2, 40);
      os << "g" << g << "mb" << pick(1, 5) << "ic" << g << "oc" << g;
    } else {
      const int g = pick(1, 3) == 1 ? pick(1, 3) : 1;
      os << "g" << g << "mb" << pick(1, 5) << "ic" << g * pick(space.min_group_channels, space.max_group_channels_in)
         << "oc" << g * pick(space.min_group_channels, space.max_group_channels_out);
    }
    const int dims = space.three_d && pick(0, 4) == 0 ? 3 : pick(0, 3) != 0 ? 2 : 1;
    const std::string axes = dims == 3 ? "dhw" : dims == 2 ? "hw" : "w";
    const int size_cap = dims == 3 ? 8 : space.max_size;
    for (char axis : axes) {
      const int k = pick(1, std::min(space.max_kernel, size_cap)), dil = pick(0, 4) == 0 ? pick(1, 2) : 0;
      os << "i" << axis << pick(1, size_cap) << "k" << axis << k << "s" << axis << pick(1, 3) << "p"
         << axis << (pick(0, 1) ? pick(0, k) : 0) << "d" << axis << dil;
    }
    try {
      ConvDesc d = ConvDesc::parse(os.str());
      d.dt = pick(0, 1) ? DataType::f32 : DataType::f64;
      constexpr Layout kLayouts[] = {Layout::ncx, Layout::ncx, Layout::nxc, Layout::nCx16c, Layout::nCx8c};
      d.layout = usable_layout(d, kLayouts[pick(0, 4)]);
      d.post_ops = {pick(0, 1) == 1, pick(0, 1) == 1};
      return d;
    } catch (const Error&) {
      // The kernel does not fit the padded input: draw again.
    }
  }
}

void check_random_problems(const Space& space, int count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  for (int i = 0; i < count; ++i) {
    ConvDesc d = random_problem(rng, space);
    const int threads = 1 + i % 2;
    const Fill fill = i % 3 == 2 ? Fill::real : Fill::integer;
    SCOPED_TRACE("problem " + std::to_string(i) + ": " + replay(d, threads, fill));
    check_problem(d, threads, fill, seed + i);
    if (::testing::Test::HasFatalFailure() || ::testing::Test::IsSkipped()) return;
  }
}

// Images whose input is larger than a row tile (channels first, many input
// channels): every output-channel block sweeps one tile at a time, the row
// and channel tails included, on one thread and shared by two.
TEST(JitDifferential, RowTilesOfLargeImages) {
  const char* problems[] = {"mb1ic256ih56oc20kh1", "mb2ic96ih48iw40oc21kh1kw1", "mb1ic128ih30iw40oc18kh3kw3ph1pw1",
                            "mb1ic300ih28oc40kh1sh2"};
  for (const char* text : problems)
    for (DataType dt : {DataType::f32, DataType::f64}) {
      ConvDesc d = ConvDesc::parse(text);
      d.dt = dt;
      d.post_ops = {true, true};
      SCOPED_TRACE(d.full_str());
      for (int threads : {1, 2}) check_problem(d, threads, Fill::integer, 11);
    }
}

// Each problem in the three layouts (where its groups fill the blocks), f32
// and f64, with bias and ReLU, on one thread and two.
template <std::size_t N>
void check_in_every_layout(const char* const (&problems)[N], uint64_t seed) {
  for (const char* text : problems)
    for (Layout layout : {Layout::ncx, Layout::nxc, Layout::nCx16c})
      for (DataType dt : {DataType::f32, DataType::f64}) {
        ConvDesc d = ConvDesc::parse(text);
        d.dt = dt;
        d.layout = usable_layout(d, layout);
        d.post_ops = {true, true};
        SCOPED_TRACE(d.full_str());
        for (int threads : {1, 2}) check_problem(d, threads, Fill::integer, seed);
      }
}

// Strided 1x1 filters compute over their gathered input: 1D to 3D, groups,
// lots of images that the threads share (the last lot shorter), channels
// first (64 outputs per input element or more) and in every layout (128 or
// more: channel blocks with a tail), beside a problem that is not gathered
// (its output reaches past the input).
TEST(JitDifferential, StridedOneByOneFilters) {
  const char* problems[] = {"mb5ic4ih24iw26oc400oh12ow9kh1kw1sh2sw3", "g2mb2ic8ih24oc512oh12kh1sh2",
                            "mb3ic5iw600oc200ow200kw1sw3", "mb2ic3id8ih8iw10oc520od4oh4ow5kd1kh1kw1sd2sh2sw2",
                            "mb2ic20ih24oc520oh12kh1sh2", "mb1ic8ih4oc8oh3kh1sh2"};
  check_in_every_layout(problems, 17);
}

// One row of output pixels and one output-channel block (a 1x1 layer as
// 1D, channels last or blocked, or a 1D problem without padding): two
// threads sharing the image split the row's pixel blocks, the tail with the
// last share. Before, such an image ran on one thread.
TEST(JitDifferential, OneRowIsSharedByItsPixelBlocks) {
  const char* const problems[] = {"mb1ic64ih28oc40kh1", "mb1ic16iw90oc16kw20", "mb1ic24ih9iw11oc16kh1kw1"};
  check_in_every_layout(problems, 19);
  Engine engine(EngineOptions{.threads = 2});
  if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  ConvDesc d = ConvDesc::parse("mb1ic64ih56oc64kh1");
  d.layout = Layout::nxc;
  auto kernel = engine.make_kernel(d);
  const ProblemData data = make_problem_data(d, 1, Fill::integer, 3);
  kernel->bind(data.wei.view());
  Buffer dst(d.dt, d.dst_shape(1));
  kernel->run(data.src.view(), dst.view());
  const auto& planned = dynamic_cast<const PlannedKernel&>(*kernel);
  EXPECT_EQ(planned.last_run().threads, 2) << planned.plan_str();
  EXPECT_TRUE(planned.last_run().shared_image);
}

// One image of few rows and many channel blocks: the threads share its
// blocks, each staging the whole input for itself and unstaging its own
// channels back to channels first, of every group (grouped, depthwise, a
// tail block; 7 rows: blocks share out more evenly).
TEST(JitDifferential, AnImagesChannelBlocksAreSharedChannelsFirst) {
  const char* const problems[] = {"mb1ic512ih7oc200kh1", "g4mb1ic256ih7oc272kh3ph1", "g1040mb1ic1040ih7oc1040kh3ph1",
                                  "mb1ic96ih14oc176kh1sh2"};
  check_in_every_layout(problems, 23);
  Engine engine(EngineOptions{.threads = 2});
  if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  for (const char* text : problems) {
    const ConvDesc d = ConvDesc::parse(text);
    auto kernel = engine.make_kernel(d);
    const auto& planned = dynamic_cast<const PlannedKernel&>(*kernel);
    if (planned.plan().strategy->name() != "oc_vector") continue;  // the planner's choice: not this path
    const ProblemData data = make_problem_data(d, 1, Fill::integer, 5);
    kernel->bind(data.wei.view());
    Buffer dst(d.dt, d.dst_shape(1));
    kernel->run(data.src.view(), dst.view());
    EXPECT_EQ(planned.last_run().threads, 2) << text << ": " << planned.plan_str();
    EXPECT_TRUE(planned.last_run().shared_image) << text;
  }
}

// A run whose output (69 MB) is far beyond the caches streams it to memory.
TEST(JitDifferential, LargeBatchStreamsItsOutput) {
  for (int threads : {1, 2}) check_problem(ConvDesc::parse("mb30000ic1ih16oc4kh5"), threads, Fill::integer, 5);
}

// Filters as wide as the image (their rows become one long row of taps),
// as tall or deep as a channels-first image (its planes become channels),
// and long 1D filters: oc_vector runs the taps every pixel reads in a loop,
// the padded ends unrolled.
TEST(JitDifferential, LongFiltersAndFiltersAsLargeAsTheImage) {
  const char* problems[] = {"mb2ic5ih9iw17oc20kh2kw17",        "mb1ic5ih9iw17oc20kh3kw17ph1sh2",
                            "g8mb2ic8ih12iw20oc8kh3kw20ph2",   "mb1ic1ih30iw28oc9kh5kw28",
                            "mb2ic3ih4iw30oc7kh4kw3pw1",      "mb1ic4id5ih6iw7oc9kd2kh3kw7",
                            "mb1ic4id3ih6iw7oc9kd3kh3kw2",    "mb1ic16iw80oc32kw40pw10",
                            "mb1ic16iw90oc20kw20dw1pw5",      "g16mb1ic16iw90oc16kw33pw7",
                            "mb1ic40ih10iw19oc40kh3kw19dh1"};
  check_in_every_layout(problems, 13);
}

// ow_vector with every tap's weights held in registers computes what it
// computes broadcasting them, in the same order: the same bits, exactly
// the reference on integer data. Width and row tails, input-channel and
// depth loops, stride 2 split in registers, staged padding, groups, a tail
// of output channels, dilation, bias and ReLU, f32 and f64 (the ISA is the
// engine's: the avx2.* run covers AVX2).
TEST(JitDifferential, HeldWeightsComputeWhatBroadcastWeightsDo) {
  const char* problems[] = {"mb1ic1ih40iw70oc1kh3kw3",      "mb2ic3ih32oc10kh2sh2",         "mb1ic3ih20iw37oc7kh3kw3ph1pw1",
                            "mb1ic2id5ih6iw20oc3kd3kh2kw2", "g4mb1ic8ih9iw33oc12kh3kw3ph1", "mb1ic1ih9iw50oc2kh3kw3dw1"};
  Engine engine(EngineOptions{.threads = 1});
  if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  for (const char* text : problems)
    for (DataType dt : {DataType::f32, DataType::f64}) {
      ConvDesc d = ConvDesc::parse(text);
      d.dt = dt;
      d.post_ops = {true, true};
      // ow_vector's own pick, whichever strategy the planner prefers.
      const WorkProblem work(d);
      Plan held = OwVector::instance().plan(work, engine.cpu(), base_plan(work, engine.cpu().isa, 1));
      held.weights = WeightRegs::held;
      // The heuristic's block, or a smaller one where the weights do not fit beside it.
      while (plan_rejection(d, held)) {
        int& smaller = held.ur_h > 1 ? held.ur_h : held.ur_w > 1 ? held.ur_w : held.oc_blk;
        ASSERT_GT(smaller, 1) << d.full_str() << ": " << *plan_rejection(d, held);
        --smaller;
      }
      Plan broadcast = held;
      broadcast.weights = WeightRegs::broadcast;
      SCOPED_TRACE(d.full_str() + " " + held.str());
      for (Fill fill : {Fill::integer, Fill::real}) {
        const ProblemData data = make_problem_data(d, d.mb, fill, 23);
        auto run = [&](const Plan& plan, Backend backend) {
          auto kernel = EngineInternals::make_kernel_for_plan(engine, d, plan, backend);
          kernel->bind(data.wei.view(), data.bias.view());
          Buffer dst(d.dt, d.dst_shape(d.mb));
          kernel->run(data.src.view(), dst.view());
          return dst;
        };
        const Buffer got = run(held, Backend::jit);
        EXPECT_EQ(compare(d, got, run(broadcast, Backend::jit), 0.0, true).mismatches, 0) << "held vs broadcast";
        EXPECT_EQ(compare(d, got, run(held, Backend::interp), 0.0, true).mismatches, 0) << "JIT vs interpreter";
        if (fill != Fill::integer) continue;
        Buffer want(d.dt, d.dst_shape(d.mb));
        reference_conv(d, data.src.data(), data.wei.data(), data.bias.data(), want.data(), d.mb);
        EXPECT_EQ(compare(d, got, want, 0.0, true).mismatches, 0) << "held vs reference";
      }
    }
}

TEST(JitDifferential, RandomFewChannelProblems) { check_random_problems(kFewChannels, 600, 20261121); }

TEST(JitDifferential, RandomManyChannelProblems) { check_random_problems(kManyChannels, 300, 4242); }

}  // namespace
}  // namespace convjit
