// The tuner: its candidates are legal and cover the choices, it checks them
// cheaply enough to measure what its effort allows, it never picks a
// candidate whose output is wrong in any way (nor trusts a wrong expected
// output), it picks the candidate made fastest, its plan is legal and recorded as wisdom, and a second process
// gets the tuned plan from the wisdom file without measuring.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <cstring>
#include <functional>
#include <optional>
#include <regex>
#include <set>
#include <utility>
#include <vector>

#include "convjit/convjit.hpp"
#include "validation/projection_check.hpp"
#include "validation/reference.hpp"
#include "validation/test_data.hpp"
#include "tuning/tuner.hpp"
#include "tuning/wisdom.hpp"
#include "problem/activation_strides.hpp"
#include "planner/candidates.hpp"
#include "tests/test_tune_support.hpp"
#include "strategies/oc_vector/strategy.hpp"
#include "strategies/ow_vector/strategy.hpp"

namespace convjit {
namespace {

using testing::LogCounter;
using testing::Outcome;
using testing::shell;

// Few channels, no padding: ow_vector, staged or direct.
constexpr const char* kFew = "mb2ic1ih20oc2kh3";
// Enough channels for both strategies.
constexpr const char* kMany = "mb1ic16ih9oc32kh3ph1";
// MobileNet's classifier: 5 output channels, 64 KiB of 16-lane weights.
constexpr const char* kNarrow = "mb1ic1024ih1oc5kh1";

TuneOptions quick(Effort effort = Effort::measure) {
  TuneOptions o;
  o.effort = effort;
  o.budget_s = 0.3;
  return o;
}

// Room for the tests that need a few candidates checked and timed, however
// busy the machine: a second, at one thread (see below).
TuneOptions roomy() {
  TuneOptions o = quick();
  o.budget_s = 1;
  return o;
}

// Tunes with `hooks`, whose corrupt_output spoils every candidate but the
// heuristic plan and records each one it spoils in `broken`: each of those
// fails the check, and the heuristic plan, the one measured, is kept.
void expect_only_heuristic_passes(Engine& engine, const ConvDesc& desc, const Plan& heuristic,
                                  const TunerHooks& hooks, const std::set<std::string>& broken) {
  LogCounter counter(true);
  const Tuned t = tune_problem(engine, desc, roomy(), hooks);
  EXPECT_EQ(t.plan, heuristic);
  EXPECT_EQ(t.measured, 1);
  EXPECT_GE(t.failed, 1);
  EXPECT_EQ(t.failed, static_cast<int>(broken.size()));
}

EngineOptions one_thread() {
  EngineOptions o;
  o.threads = 1;  // two threads on a loaded machine time a scheduler, not a kernel
  return o;
}

bool has_jit(const Engine& engine) { return engine.cpu().isa != Isa::scalar; }

TEST(Candidates, AreLegalRankedAndCoverEveryChoice) {
  const CpuFacts cpu = CpuFacts::detect("");
  const Isa isa = cpu.isa == Isa::scalar ? Isa::avx2 : cpu.isa;
  for (const char* text : {kFew, kMany, "mb1ic64ih14oc64kh3ph1", "g2mb1ic8ih10oc8kh3sh2"}) {
    const ConvDesc desc = ConvDesc::parse(text);
    const std::vector<Candidate> ranked = rank_candidates(desc, cpu, isa, 4);
    ASSERT_FALSE(ranked.empty()) << text;
    std::set<std::string> plans;
    std::set<int> threads, ic_blks;
    std::set<const Strategy*> strategies;
    std::set<bool> staged;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
      const Plan& p = ranked[i].plan;
      EXPECT_FALSE(plan_rejection(desc, p)) << text << " " << p.str();
      if (i) {
        EXPECT_LE(ranked[i - 1].cycles, ranked[i].cycles);
      }
      EXPECT_TRUE(plans.insert(p.str()).second) << "twice: " << p.str();
      threads.insert(p.threads);
      strategies.insert(p.strategy);
      staged.insert(p.staged);
      if (p.strategy == &OcVector::instance()) ic_blks.insert(p.ic_blk);
    }
    EXPECT_TRUE(plans.count(make_plan(desc, cpu, isa, 4).str())) << text << ": no heuristic plan";
    EXPECT_EQ(threads, (std::set<int>{1, 2, 4})) << text;
    if (std::string(text) == kFew) {
      EXPECT_EQ(staged, (std::set<bool>{false, true}));
    }
    if (std::string(text) == kMany) {
      EXPECT_EQ(strategies.size(), 2u);
      EXPECT_EQ(ic_blks, (std::set<int>{1, 2, 4, 8, 16}));
    }
  }
}

// On AVX-512 the planner gives a few output channels with large weights
// AVX2's lanes; the candidates hold both widths, the heuristic among them.
TEST(Candidates, HoldTheNarrowLanesThePlannerPicks) {
  const CpuFacts cpu = CpuFacts::detect("");
  if (cpu.l1d_bytes <= 0) GTEST_SKIP() << "no L1 size: the planner keeps AVX-512's lanes";
  const ConvDesc desc = ConvDesc::parse(kNarrow);
  const Plan heuristic = make_plan(desc, cpu, Isa::avx512, 1);
  EXPECT_EQ(heuristic.isa, Isa::avx2) << heuristic.str();
  std::set<Isa> isas;
  bool found = false;
  for (const Candidate& c : rank_candidates(desc, cpu, Isa::avx512, 1)) {
    isas.insert(c.plan.isa);
    found = found || c.plan == heuristic;
  }
  EXPECT_TRUE(found) << "no heuristic plan " << heuristic.str();
  EXPECT_EQ(isas, (std::set<Isa>{Isa::avx2, Isa::avx512}));
}

class Tuner : public testing::TuneTest {};

// Where the heuristic plan is an AVX2 one on an AVX-512 engine (narrow
// lanes; nCx8c in f32), the tuner builds, checks and times it like any
// other: no candidate fails, and the heuristic is measured.
TEST_F(Tuner, RunsTheAvx2PlansOfAnAvx512Engine) {
  Engine engine(one_thread());
  if (!has_jit(engine)) GTEST_SKIP() << "no JIT on this CPU";
  ConvDesc blocked8 = ConvDesc::parse(kMany);
  blocked8.layout = Layout::nCx8c;
  for (const ConvDesc& desc : {ConvDesc::parse(kNarrow), blocked8}) {
    SCOPED_TRACE(desc.full_str());
    LogCounter counter;
    const Tuned t = tune_problem(engine, desc, roomy());
    EXPECT_EQ(counter.errors(), 0);
    EXPECT_EQ(t.failed, 0);
    EXPECT_GT(t.heuristic_s, 0) << t.heuristic.str();
    EXPECT_GE(t.measured, 2);
  }
}

TEST_F(Tuner, PicksALegalPlan) {
  Engine engine;
  if (!has_jit(engine)) GTEST_SKIP() << "no JIT on this CPU";
  for (const char* text : {kFew, kMany}) {
    const ConvDesc desc = ConvDesc::parse(text);
    LogCounter counter;
    const Tuned t = tune_problem(engine, desc, quick());
    EXPECT_EQ(counter.errors(), 0);
    EXPECT_FALSE(engine_plan_rejection(desc, t.plan, engine.cpu().isa, engine.threads()))
        << t.plan.str();
    EXPECT_EQ(t.heuristic, make_plan(desc, engine.cpu(), engine.cpu().isa, engine.threads()));
    EXPECT_EQ(t.effort, Effort::measure);
    EXPECT_GE(t.measured, 1);
    EXPECT_EQ(t.failed, 0);
    EXPECT_GT(t.time_s, 0);
  }
}

// Which candidate is fastest is made known: every plan but one is slowed by
// 5 ms a run, far beyond what any of them takes (one thread: a team of two
// on a busy machine can wait milliseconds at a barrier). The tuner must
// find the fast one wherever it stands, keep the heuristic when that one is
// it, and report times that say so.
TEST_F(Tuner, PicksTheCandidateThatIsFastest) {
  Engine engine(EngineOptions{.threads = 1});
  if (!has_jit(engine)) GTEST_SKIP() << "no JIT on this CPU";
  constexpr double kSlow_s = 5e-3;
  for (const char* text : {kMany}) {  // both strategies among its candidates
    const ConvDesc desc = ConvDesc::parse(text);
    const Plan heuristic = make_plan(desc, engine.cpu(), engine.cpu().isa, engine.threads());
    const std::vector<Candidate> ranked = rank_candidates(desc, engine.cpu(), engine.cpu().isa, engine.threads());
    // The heuristic, and the best-ranked other candidate (measured next).
    std::vector<Plan> fast = {heuristic};
    for (const Candidate& c : ranked)
      if (!(c.plan == heuristic)) {
        fast.push_back(c.plan);
        break;
      }
    ASSERT_EQ(fast.size(), 2u) << text << ": one candidate only";
    for (const Plan& fastest : fast) {
      SCOPED_TRACE(std::string(text) + ": fastest " + fastest.str());
      TunerHooks hooks;
      hooks.slow_down = [&](const Plan& p) { return p == fastest ? 0.0 : kSlow_s; };
      TuneOptions options = quick();
      options.budget_s = 1;
      const Tuned t = tune_problem(engine, desc, options, hooks);
      EXPECT_EQ(t.plan.str(), fastest.str());
      EXPECT_GE(t.measured, 2);
      EXPECT_LT(t.time_s, kSlow_s) << "the time is the fast plan's";
      if (fastest == heuristic) {
        EXPECT_EQ(t.time_s, t.heuristic_s);
      } else {
        EXPECT_GE(t.heuristic_s, kSlow_s) << "the heuristic's time is its own";
      }
    }
  }
}

TEST_F(Tuner, EstimateMeasuresNothing) {
  Engine engine;
  const ConvDesc desc = ConvDesc::parse(kMany);
  const Tuned t = tune_problem(engine, desc, quick(Effort::estimate));
  EXPECT_EQ(t.plan, t.heuristic);
  EXPECT_EQ(t.measured, 0);
  EXPECT_EQ(t.time_s, 0);
  EXPECT_EQ(t.effort, Effort::estimate);
}

// At measure effort the tuner measures the model's best 64 candidates: the
// check of one costs a run and a comparison, not the scalar interpreter over
// the problem (which took about 0.15 s a candidate here, so that it used to
// measure a dozen). The budget leaves room for a loaded machine: the
// timings shrink to fit it, the checks do not. The choice is the wisdom's.
TEST_F(Tuner, MeasuresWhatTheEffortAllowsAndRecordsTheChoice) {
  Engine engine(one_thread());
  if (!has_jit(engine)) GTEST_SKIP() << "no JIT on this CPU";
  const ConvDesc desc = ConvDesc::parse("mb1ic64ih28oc64kh3ph1");
  TuneOptions options;
  options.budget_s = 3;
  LogCounter counter;
  const TuneResult r = engine.tune(desc, options);
  EXPECT_EQ(counter.errors(), 0);
  ASSERT_GT(r.candidates, 64);
  EXPECT_EQ(r.measured, 64) << "of " << r.candidates;
  EXPECT_EQ(r.failed, 0);

  ASSERT_TRUE(engine.save_wisdom((dir_ / "w.json").string()));
  Wisdom saved(CpuSignature::of(engine.cpu()));
  ASSERT_EQ(saved.merge_file((dir_ / "w.json").string()).status, WisdomLoad::merged);
  const std::optional<WisdomEntry> entry = saved.find(desc, 1, Effort::measure);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->plan.str(), r.plan);
  EXPECT_EQ(entry->time_s, r.time_s);
  EXPECT_EQ(entry->heuristic_s, r.heuristic_s);
  EXPECT_EQ(entry->effort, Effort::measure);
}

TEST_F(Tuner, NeverPicksACandidateThatFailedTheCheck) {
  Engine engine;
  if (!has_jit(engine)) GTEST_SKIP() << "no JIT on this CPU";
  const ConvDesc desc = ConvDesc::parse(kFew);
  const Plan heuristic = make_plan(desc, engine.cpu(), engine.cpu().isa, engine.threads());
  {
    // Every candidate but the heuristic is wrong: only the heuristic is left.
    std::set<std::string> broken;
    TunerHooks hooks;
    hooks.break_candidate = [&](const Plan& p) {
      if (p == heuristic) return false;
      broken.insert(p.str());
      return true;
    };
    LogCounter counter(true);
    const Tuned t = tune_problem(engine, desc, quick(), hooks);
    EXPECT_EQ(t.plan, heuristic);
    EXPECT_EQ(t.measured, 1);
    EXPECT_EQ(t.failed, static_cast<int>(broken.size()));
    EXPECT_GE(t.failed, 1);
    EXPECT_EQ(counter.errors(), t.failed) << "each failure is reported as a bug";
    EXPECT_NE(counter.last().find("differently from the checked output"), std::string::npos);
  }
  {
    // The heuristic itself is wrong: it makes the output the others are
    // compared with, so the projection check must catch it; the reference
    // takes its place and something else is chosen.
    TunerHooks hooks;
    hooks.break_candidate = [&](const Plan& p) { return p == heuristic; };
    LogCounter counter(true);
    const Tuned t = tune_problem(engine, desc, quick(), hooks);
    EXPECT_NE(t.plan, heuristic);
    EXPECT_GE(t.measured, 1);
    EXPECT_EQ(t.failed, 1);
    EXPECT_EQ(t.heuristic_s, 0) << "a wrong kernel is not timed";
    EXPECT_EQ(counter.errors(), 1);
    EXPECT_NE(counter.last().find(heuristic.str()), std::string::npos) << counter.last();
    EXPECT_NE(counter.last().find("projection check"), std::string::npos) << counter.last();
  }
  {
    // Everything is wrong: nothing is learnt, nothing is claimed.
    TunerHooks hooks;
    hooks.break_candidate = [](const Plan&) { return true; };
    LogCounter counter(true);
    const Tuned t = tune_problem(engine, desc, quick(), hooks);
    EXPECT_EQ(t.measured, 0);
    EXPECT_EQ(t.effort, Effort::estimate);
  }
}

// A candidate is rejected however its output is wrong: one value in the
// last image, an output left unwritten, a padding channel written (blocked
// layout, 20 channels in two blocks of 16).
TEST_F(Tuner, RejectsAnOutputWrongInAnyWay) {
  Engine engine(one_thread());
  if (!has_jit(engine)) GTEST_SKIP() << "no JIT on this CPU";
  ConvDesc desc = ConvDesc::parse("mb3ic16ih7oc20kh3ph1");
  desc.layout = Layout::nCx16c;
  const ActivationStrides ds = ActivationStrides::of(desc.layout, desc.oc, desc.o);
  const int64_t last_image = (desc.mb - 1) * ds.n;
  const std::vector<std::pair<std::string, std::function<void(Buffer&)>>> wrongs = {
      {"a value in the last image", [&](Buffer& d) { d.set(last_image + 40, d.get(last_image + 40) - 2); }},
      {"an output left unwritten",
       [&](Buffer& d) {
         std::memset(static_cast<char*>(d.data()) + last_image * 4, ProjectionCheck::kUnwritten, 4);
       }},
      {"a padding channel written", [&](Buffer& d) { d.set(last_image + ds.channel(desc.oc + 3), 0); }},
  };
  const Plan heuristic = make_plan(desc, engine.cpu(), engine.cpu().isa, engine.threads());
  for (const auto& [what, corrupt] : wrongs) {
    SCOPED_TRACE(what);
    std::set<std::string> broken;
    TunerHooks hooks;
    hooks.corrupt_output = [&](const Plan& p, Buffer& dst) {
      if (p == heuristic) return;
      broken.insert(p.str());
      corrupt(dst);
    };
    expect_only_heuristic_passes(engine, desc, heuristic, hooks, broken);
  }
}

// Winograd's candidates differ from direct convolution's exact output in
// the last bits: each is checked within Winograd's tolerance, so correct
// ones pass (none was measured when the check was exact), and one wrong
// by more than that still fails.
TEST_F(Tuner, ChecksWinogradCandidatesWithinItsTolerance) {
  Engine engine(one_thread());
  if (!has_jit(engine)) GTEST_SKIP() << "no JIT on this CPU";
  ConvDesc desc = ConvDesc::parse("mb1ic32ih10oc32kh3ph1");
  desc.algorithm = Algorithm::winograd;
  {
    const Tuned t = tune_problem(engine, desc, roomy());
    EXPECT_EQ(t.failed, 0);
    EXPECT_GE(t.measured, 2);
    EXPECT_EQ(t.plan.strategy->algorithm(), Algorithm::winograd) << t.plan.str();
  }
  const Plan heuristic = make_plan(WorkProblem(desc), engine.cpu(), engine.cpu().isa, engine.threads());
  std::set<std::string> broken;
  TunerHooks hooks;
  const double beyond = 2 * tolerance(desc, Fill::integer) + 1;
  hooks.corrupt_output = [&](const Plan& p, Buffer& dst) {
    // (direct convolution's plan makes the expected output: no candidate)
    if (p == heuristic || p.strategy->algorithm() == Algorithm::direct) return;
    broken.insert(p.str());
    dst.set(5, dst.get(5) + beyond);
  };
  expect_only_heuristic_passes(engine, desc, heuristic, hooks, broken);
}

// winograd_2x2 tunes among F(2x2)'s plans only.
TEST_F(Tuner, Winograd2x2TunesTheSmallerTileOnly) {
  Engine engine(one_thread());
  if (!has_jit(engine)) GTEST_SKIP() << "no JIT on this CPU";
  ConvDesc desc = ConvDesc::parse("mb1ic32ih10oc32kh3ph1");
  desc.algorithm = Algorithm::winograd_2x2;
  TunerHooks hooks;
  int seen = 0;
  hooks.corrupt_output = [&](const Plan& p, Buffer&) {
    if (p.strategy->algorithm() == Algorithm::direct) return;
    ++seen;
    EXPECT_EQ(p.tile, 2) << p.str();
  };
  const Tuned t = tune_problem(engine, desc, roomy(), hooks);
  EXPECT_EQ(t.failed, 0);
  EXPECT_GE(t.measured, 2);
  EXPECT_GE(seen, 2);
  EXPECT_EQ(t.plan.tile, 2) << t.plan.str();
}

// A batch larger than the images the check keeps distinct repeats them:
// correct candidates pass on every image, and one wrong in a repeated image
// only (the last of five, two distinct) is rejected.
TEST_F(Tuner, ChecksEveryImageOfABatchThatRepeatsTheDistinctOnes) {
  Engine engine(one_thread());
  if (!has_jit(engine)) GTEST_SKIP() << "no JIT on this CPU";
  const ConvDesc desc = ConvDesc::parse("mb5ic16ih9oc32kh3ph1");
  const Plan heuristic = make_plan(desc, engine.cpu(), engine.cpu().isa, engine.threads());
  TunerHooks hooks;
  hooks.distinct_images = 2;
  {
    LogCounter counter;
    const Tuned t = tune_problem(engine, desc, roomy(), hooks);
    EXPECT_EQ(counter.errors(), 0);
    EXPECT_EQ(t.failed, 0);
    EXPECT_GE(t.measured, 2);
  }
  std::set<std::string> broken;
  hooks.corrupt_output = [&](const Plan& p, Buffer& dst) {
    if (p == heuristic || dst.shape().dim[0] != desc.mb) return;
    broken.insert(p.str());
    const int64_t last = dst.size() - 1;  // in the fifth image, a copy of the first
    dst.set(last, dst.get(last) + 3);
  };
  expect_only_heuristic_passes(engine, desc, heuristic, hooks, broken);
}

// With ReLU the projection check verifies the output before it, made by the
// heuristic plan of the problem without ReLU: when that is wrong, it is
// reported and counted, and the reference checks the candidates instead.
TEST_F(Tuner, ChecksReluProblemsThroughTheLinearOne) {
  Engine engine(one_thread());
  if (!has_jit(engine)) GTEST_SKIP() << "no JIT on this CPU";
  ConvDesc desc = ConvDesc::parse(kMany);
  desc.post_ops = {true, true};
  ConvDesc linear = desc;
  linear.post_ops.relu = false;
  const Plan linear_plan = make_plan(linear, engine.cpu(), engine.cpu().isa, engine.threads());
  {
    LogCounter counter;
    const Tuned t = tune_problem(engine, desc, roomy());
    EXPECT_EQ(counter.errors(), 0);
    EXPECT_EQ(t.failed, 0);
    EXPECT_GE(t.measured, 2);
  }
  {
    // Only the relu-free kernel is wrong (a candidate's plan may be the same
    // plan, but it computes with ReLU: the hook breaks outputs with negatives).
    TunerHooks hooks;
    hooks.corrupt_output = [&](const Plan& p, Buffer& dst) {
      if (!(p == linear_plan)) return;
      for (int64_t i = 0; i < dst.size(); ++i)
        if (dst.get(i) < 0) return dst.set(i, dst.get(i) - 1);
    };
    LogCounter counter(true);
    const Tuned t = tune_problem(engine, desc, roomy(), hooks);
    EXPECT_EQ(t.failed, 1);
    EXPECT_EQ(counter.errors(), 1);
    EXPECT_NE(counter.last().find("projection check"), std::string::npos) << counter.last();
    EXPECT_GE(t.measured, 1) << "the reference checked the candidates";
    EXPECT_GT(t.time_s, 0);
  }
}

TEST_F(Tuner, EngineUsesTheTunedPlanAndItComputesExactly) {
  Engine engine;
  if (!has_jit(engine)) GTEST_SKIP() << "no JIT on this CPU";
  ConvDesc desc = ConvDesc::parse(kMany);
  desc.post_ops = {true, true};
  const TuneResult r = engine.tune(desc, quick());
  EXPECT_FALSE(r.from_wisdom);
  EXPECT_GT(r.time_s, 0);
  EXPECT_TRUE(engine.tune(desc, quick()).from_wisdom) << "the second time, the wisdom answers";
  for (Backend backend : {Backend::jit, Backend::interp}) {
    std::unique_ptr<Kernel> kernel = engine.make_kernel(desc, backend);
    EXPECT_EQ(kernel->plan_str(), r.plan);
    const ProblemData data = make_problem_data(desc, 3, Fill::integer, 5);
    kernel->bind(data.wei.cview(), data.bias.cview());
    Buffer got(desc.dt, desc.dst_shape(3)), want(desc.dt, desc.dst_shape(3));
    kernel->run(data.src.cview(), got.view());
    reference_conv(desc, data.src.data(), data.wei.data(), data.bias.data(), want.data(), 3);
    const Comparison cmp = compare(got, want, 0, true);
    EXPECT_TRUE(cmp.ok()) << to_string(backend) << ": " << cmp.str();
  }
}

// ---- the command line --------------------------------------------------

class TuneCli : public testing::TuneTest {
 protected:
  Outcome convjit(const std::string& args, const std::string& env = "") {
    return shell("cd '" + dir_.string() + "' && " + env + " '" CONVJIT_BINARY "' " + args);
  }
};

TEST_F(TuneCli, ASecondProcessGetsTheTunedPlanFromWisdom) {
  const std::string problem = "mb1ic3ih32oc10kh2sh2";
  const Outcome tuned =
      convjit("tune --problem " + problem + " --wisdom w.json --effort measure --budget 2 2>&1");
  ASSERT_EQ(tuned.status, 0) << tuned.output;
  EXPECT_NE(tuned.output.find("wisdom saved to w.json"), std::string::npos) << tuned.output;

  const Outcome ran =
      convjit("run --problem " + problem + " --wisdom w.json 2>err.txt", "CONVJIT_VERBOSE=1");
  const std::string err = testing::read_text(dir_ / "err.txt");
  ASSERT_EQ(ran.status, 0) << ran.output << err;
  EXPECT_NE(err.find("plan from wisdom"), std::string::npos) << err;
  EXPECT_EQ(err.find("tuner"), std::string::npos) << "the second process measured: " << err;

  std::smatch m;
  ASSERT_TRUE(std::regex_search(ran.output, m, std::regex("  plan (.+?)  time "))) << ran.output;
  const nlohmann::json wisdom = nlohmann::json::parse(testing::read_text(dir_ / "w.json"));
  ASSERT_EQ(wisdom["entries"].size(), 1u) << wisdom.dump(1);
  const nlohmann::json& entry = wisdom["entries"][0];
  EXPECT_EQ(entry["problem"], ConvDesc::parse(problem).str());
  EXPECT_EQ(entry["effort"], "measure");
  EXPECT_EQ(m[1].str(), Plan::from_json(entry["plan"].dump()).str());
}

TEST_F(TuneCli, BatchWithBatchSizeOverrideAndEstimate) {
  testing::write_text(dir_ / "shapes", "# two layers\nmb50ic3ih12oc5kh3n\"a\"\nmb50ic16ih9oc32kh3ph1n\"b\"\n");
  const Outcome o = convjit("tune --batch shapes --mb 1 --effort estimate --threads 1 2>/dev/null");
  ASSERT_EQ(o.status, 0) << o.output;
  for (const char* row : {"| a ", "| b ", "mb1ic3ih12oc5", "mb1ic16ih9oc32", "wisdom not kept"})
    EXPECT_NE(o.output.find(row), std::string::npos) << row << " missing in\n" << o.output;
  EXPECT_EQ(o.output.find("mb50"), std::string::npos) << o.output;
}

TEST_F(TuneCli, BadUsageIsStatusTwo) {
  for (const std::string args : {"tune", "tune --problem mb1ic1ih5oc1kh3 --effort heroic",
                                 "tune --problem mb1ic1ih5oc1kh3 --budget -1",
                                 "tune --problem mb1ic1ih5oc1kh3 --batch shapes",
                                 "tune --batch missing_file"}) {
    const Outcome o = convjit(args + " 2>&1");
    EXPECT_EQ(o.status, 2) << args << ": " << o.output;
    EXPECT_EQ(o.output.rfind("convjit: error: ", 0), 0u) << args << ": " << o.output;
  }
}

TEST_F(TuneCli, ReadmeDocumentsEveryOption) {
  const std::string readme = testing::read_text(CONVJIT_SOURCE_DIR "/README.md");
  const Outcome help = convjit("tune --help");
  ASSERT_EQ(help.status, 0);
  EXPECT_NE(readme.find("convjit tune"), std::string::npos);
  const std::regex option("--[a-z][a-z-]+");
  for (std::sregex_iterator m(help.output.begin(), help.output.end(), option), end; m != end; ++m)
    EXPECT_NE(readme.find("`" + m->str()), std::string::npos) << m->str();
}

}  // namespace
}  // namespace convjit
