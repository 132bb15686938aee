// Wisdom: round trips, effort ordering, merging, atomic saves, and every
// kind of unusable file refused with a warning that names the reason.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "convjit/convjit.hpp"
#include "tuning/wisdom.hpp"
#include "planner/candidates.hpp"
#include "tests/test_tune_support.hpp"

namespace convjit {
namespace {

using testing::LogCounter;
using testing::read_text;
using testing::write_text;
using json = nlohmann::json;

constexpr const char* kWisdomProblem = "mb2ic3ih12oc5kh3ph1";

ConvDesc problem() { return ConvDesc::parse(kWisdomProblem); }

// A legal plan the heuristic would not pick, so that using it shows.
Plan other_plan(const Engine& engine, const ConvDesc& desc) {
  const Plan heuristic = make_plan(desc, engine.cpu(), engine.cpu().isa, engine.threads());
  for (const Candidate& c : rank_candidates(desc, engine.cpu(), engine.cpu().isa, engine.threads()))
    if (!(c.plan == heuristic)) return c.plan;
  return heuristic;
}

WisdomEntry entry(const Plan& plan, Effort effort) { return {plan, 1e-5, 2e-5, effort}; }

class WisdomFile : public testing::TuneTest {
 protected:
  std::string path() const { return (dir_ / "wisdom.json").string(); }
};

TEST(Wisdom, RoundTripsThroughJson) {
  const Engine engine;
  const ConvDesc desc = problem();
  Wisdom w(CpuSignature::of(engine.cpu()));
  const Plan plan = other_plan(engine, desc);
  w.add(desc, 3, entry(plan, Effort::patient));
  Wisdom back(CpuSignature::of(engine.cpu()));
  ASSERT_EQ(back.merge_text(w.to_json()).status, WisdomLoad::merged);
  auto found = back.find(desc, 3, Effort::estimate);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->plan, plan);
  EXPECT_EQ(found->time_s, 1e-5);
  EXPECT_EQ(found->heuristic_s, 2e-5);
  EXPECT_EQ(found->effort, Effort::patient);
  // The key is the problem and the thread count; the name is not part of it.
  ConvDesc named = desc;
  named.name = "\"layer\"";
  EXPECT_TRUE(back.find(named, 3, Effort::estimate));
  EXPECT_FALSE(back.find(desc, 2, Effort::estimate));
  ConvDesc other_dt = desc;
  other_dt.dt = DataType::f64;
  EXPECT_FALSE(back.find(other_dt, 3, Effort::estimate));
}

TEST(Wisdom, MoreEffortAnswersLessButNotTheOtherWayRound) {
  const Engine engine;
  const ConvDesc desc = problem();
  const Plan plan = other_plan(engine, desc);
  Wisdom w(CpuSignature::of(engine.cpu()));
  w.add(desc, 1, entry(plan, Effort::patient));
  EXPECT_TRUE(w.find(desc, 1, Effort::measure));
  EXPECT_TRUE(w.find(desc, 1, Effort::patient));
  EXPECT_FALSE(w.find(desc, 1, Effort::exhaustive));
  // A later answer found with less effort does not replace it.
  w.add(desc, 1, entry(make_plan(desc, engine.cpu(), engine.cpu().isa, 1), Effort::measure));
  EXPECT_EQ(w.find(desc, 1, Effort::estimate)->plan, plan);

  Wisdom estimate(CpuSignature::of(engine.cpu()));
  estimate.add(desc, 1, entry(plan, Effort::estimate));
  EXPECT_TRUE(estimate.find(desc, 1, Effort::estimate));
  EXPECT_FALSE(estimate.find(desc, 1, Effort::measure));
}

TEST_F(WisdomFile, EngineTuneIsAnsweredByAsMuchEffortOrMore) {
  EngineOptions options;
  options.threads = 1;
  const ConvDesc desc = problem();
  {
    Engine engine(options);
    if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
    Wisdom w(CpuSignature::of(engine.cpu()));
    w.add(desc, 1, entry(other_plan(engine, desc), Effort::patient));
    write_text(path(), w.to_json());
  }
  options.wisdom_path = path();
  TuneOptions measure;
  measure.budget_s = 0.2;
  {
    Engine engine(options);
    const TuneResult r = engine.tune(desc, measure);
    EXPECT_TRUE(r.from_wisdom);
    EXPECT_EQ(r.effort, Effort::patient);
    EXPECT_EQ(r.measured, 0);
    EXPECT_EQ(r.plan, other_plan(engine, desc).str());
  }
  {
    Engine engine(options);
    Wisdom w(CpuSignature::of(engine.cpu()));
    w.add(desc, 1, entry(other_plan(engine, desc), Effort::estimate));
    write_text(path(), w.to_json());
  }
  {
    Engine engine(options);
    const TuneResult r = engine.tune(desc, measure);
    EXPECT_FALSE(r.from_wisdom);
    EXPECT_EQ(r.effort, Effort::measure);
    EXPECT_GT(r.measured, 0);
    // The new answer replaces the estimate, in the engine and in the file.
    std::unique_ptr<Kernel> kernel = engine.make_kernel(desc);
    EXPECT_EQ(kernel->plan_str(), r.plan);
    ASSERT_TRUE(engine.save_wisdom());
    Wisdom saved(CpuSignature::of(engine.cpu()));
    ASSERT_EQ(saved.merge_file(path()).status, WisdomLoad::merged);
    EXPECT_EQ(saved.find(desc, 1, Effort::measure)->plan.str(), r.plan);
  }
}

TEST_F(WisdomFile, SaveMergesWithTheFileAndLeavesNoTemporaryFile) {
  const Engine engine;
  const CpuSignature cpu = CpuSignature::of(engine.cpu());
  const ConvDesc a = problem(), b = ConvDesc::parse("mb1ic1ih20oc2kh3");
  Wisdom first(cpu), second(cpu);
  first.add(a, 1, entry(make_plan(a, engine.cpu(), engine.cpu().isa, 1), Effort::patient));
  second.add(b, 1, entry(make_plan(b, engine.cpu(), engine.cpu().isa, 1), Effort::measure));
  ASSERT_FALSE(first.save(path()));
  ASSERT_FALSE(second.save(path()));  // another process, another problem
  Wisdom both(cpu);
  ASSERT_EQ(both.merge_file(path()).status, WisdomLoad::merged);
  EXPECT_EQ(both.size(), 2u);
  int files = 0;
  for ([[maybe_unused]] const auto& e : testing::fs::directory_iterator(dir_)) ++files;
  EXPECT_EQ(files, 1);
  // A path that cannot be written is a reason, not an exception.
  EXPECT_TRUE(first.save((dir_ / "missing" / "w.json").string()).has_value());
}

TEST_F(WisdomFile, UnusableFilesAreIgnoredWithAReason) {
  const Engine engine;
  const CpuSignature cpu = CpuSignature::of(engine.cpu());
  Wisdom good(cpu);
  good.add(problem(), engine.threads(), entry(other_plan(engine, problem()), Effort::measure));
  const json doc = json::parse(good.to_json());
  auto edited = [&](auto edit) {
    json j = doc;
    edit(j);
    return j.dump();
  };
  const std::string text = good.to_json();
  const struct {
    std::string text, reason;
  } cases[] = {
      {"", "truncated: the file is empty"},
      {text.substr(0, text.size() / 2), "truncated or corrupt: not JSON"},
      {"[1, 2]", "corrupt: the file: not an object"},
      {edited([](json& j) { j["format"] = "fftw"; }), "corrupt: the file: not convjit wisdom"},
      {edited([](json& j) { j["version"] = "0.0.1"; }), "stale: written by convjit 0.0.1"},
      {edited([](json& j) { j["format_version"] = 2; }), "stale: wisdom format 2"},
      {edited([](json& j) { j["cpu"]["vendor"] = "OtherVendor"; }), "foreign: written on OtherVendor"},
      {edited([](json& j) { j["cpu"]["l2"] = 12345; }), "foreign: "},
      {edited([](json& j) { j["entries"][0].erase("plan"); }), "corrupt: entry 0: \"plan\" is missing"},
      {edited([](json& j) { j["entries"][0]["time_s"] = "fast"; }), "corrupt: entry 0: time_s must be"},
      {edited([](json& j) { j["entries"][0]["time_s"] = 1e300; }), "corrupt: entry 0: time_s must be"},
      {edited([](json& j) { j["entries"][0]["plan"]["ur_w"] = 1.5; }), "ur_w must be an integer"},
      {edited([](json& j) { j["entries"][0]["plan"]["ur_w"] = 1u << 30; }), "ur_w=1073741824 is out of range"},
      {edited([](json& j) { j["entries"][0]["threads"] = -1; }), "threads must be an integer in"},
      {edited([](json& j) { j["entries"][0]["problem"] = "mb1ic0ih3oc1kh1"; }), "ic=0 must be positive"},
      {edited([](json& j) { j["entries"][0]["effort"] = "heroic"; }), "unknown value 'heroic'"},
  };
  for (const auto& c : cases) {
    Wisdom w(cpu);
    const WisdomLoad load = w.merge_text(c.text);
    EXPECT_EQ(load.status, WisdomLoad::unusable) << c.reason;
    EXPECT_NE(load.reason.find(c.reason), std::string::npos) << load.reason;
    EXPECT_EQ(w.size(), 0u);
    // Through the engine: a warning naming the reason, and nothing else.
    write_text(path(), c.text);
    LogCounter counter(true);
    EngineOptions options;
    options.wisdom_path = path();
    Engine with(options);
    EXPECT_EQ(counter.warnings(), 1) << c.reason;
    EXPECT_NE(counter.last().find(c.reason), std::string::npos) << counter.last();
    EXPECT_EQ(counter.errors(), 0);
  }
  // A missing file is where wisdom starts: not worth a warning.
  LogCounter counter;
  EngineOptions options;
  options.wisdom_path = (dir_ / "none.json").string();
  Engine with(options);
  EXPECT_EQ(counter.warnings(), 0);
}

TEST_F(WisdomFile, AnIllegalPlanIsRefusedWhenUsedAndTheKernelStillWorks) {
  EngineOptions options;
  options.threads = 1;
  Engine engine(options);
  if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  const ConvDesc desc = problem();
  Plan bad = make_plan(desc, engine.cpu(), engine.cpu().isa, 1);
  bad.ur_w = 1000;
  Wisdom w(CpuSignature::of(engine.cpu()));
  w.add(desc, 1, entry(bad, Effort::exhaustive));
  write_text(path(), w.to_json());
  options.wisdom_path = path();
  LogCounter counter(true);
  Engine with(options);
  EXPECT_EQ(counter.warnings(), 0);  // the file is fine; the plan is not
  std::unique_ptr<Kernel> kernel = with.make_kernel(desc);
  EXPECT_EQ(counter.warnings(), 1);
  EXPECT_NE(counter.last().find("ur_w"), std::string::npos) << counter.last();
  EXPECT_EQ(kernel->plan_str(), make_plan(desc, engine.cpu(), engine.cpu().isa, 1).str());
  with.make_kernel(desc);  // forgotten: warned once
  EXPECT_EQ(counter.warnings(), 1);
}

// make_kernel remembers the plans it chose; wisdom that arrives later still
// decides the next kernel of the same problem.
TEST_F(WisdomFile, WisdomLoadedAfterAKernelDecidesTheNextOne) {
  EngineOptions options;
  options.threads = 1;
  Engine engine(options);
  if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  const ConvDesc desc = problem();
  const Plan heuristic = make_plan(desc, engine.cpu(), engine.cpu().isa, 1);
  const Plan wise = other_plan(engine, desc);
  ASSERT_FALSE(wise == heuristic);
  EXPECT_EQ(engine.make_kernel(desc)->plan_str(), heuristic.str());
  Wisdom w(CpuSignature::of(engine.cpu()));
  w.add(desc, 1, entry(wise, Effort::measure));
  write_text(path(), w.to_json());
  ASSERT_TRUE(engine.load_wisdom(path()));
  EXPECT_EQ(engine.make_kernel(desc)->plan_str(), wise.str());
}

// The thread count never reaches the code: a plan that differs from one
// already compiled only there takes its code from the cache.
TEST(CodeCache, ProblemsDifferentOnlyInTheBatchShareTheCode) {
  Engine engine;
  if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  const auto one = engine.make_kernel(ConvDesc::parse("mb1ic16ih12oc24kh3ph1"));
  const auto many = engine.make_kernel(ConvDesc::parse("mb7ic16ih12oc24kh3ph1"));
  EXPECT_EQ(engine.stats().compiled, 1);
  EXPECT_EQ(engine.stats().reused, 1);
  ASSERT_EQ(one->code().size(), many->code().size());
  EXPECT_EQ(one->code().data(), many->code().data());  // the same code, not a copy
  ConvDesc relu = ConvDesc::parse("mb1ic16ih12oc24kh3ph1");
  relu.post_ops.relu = true;
  engine.make_kernel(relu);
  EXPECT_EQ(engine.stats().compiled, 2);  // post-ops change the code
}

TEST_F(WisdomFile, APlanDifferentOnlyInThreadsReusesTheCode) {
  EngineOptions options;
  options.threads = 2;
  Engine engine(options);
  if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  const ConvDesc desc = problem();
  const Plan heuristic = make_plan(desc, engine.cpu(), engine.cpu().isa, 2);
  EXPECT_EQ(engine.make_kernel(desc)->plan_str(), heuristic.str());
  Plan two = heuristic;  // one thread: the engine's two allow it
  two.threads = 1;
  Wisdom w(CpuSignature::of(engine.cpu()));
  w.add(desc, 2, entry(two, Effort::measure));
  write_text(path(), w.to_json());
  ASSERT_TRUE(engine.load_wisdom(path()));
  EXPECT_EQ(engine.make_kernel(desc)->plan_str(), two.str());
  EXPECT_EQ(engine.stats().compiled, 1);
  Plan other = heuristic;  // a candidate whose code differs
  for (const Candidate& c : rank_candidates(desc, engine.cpu(), engine.cpu().isa, 2)) {
    Plan same_threads = c.plan;
    same_threads.threads = heuristic.threads;
    if (!(same_threads == heuristic)) {
      other = c.plan;
      break;
    }
  }
  ASSERT_FALSE(other == heuristic);
  w.add(desc, 2, entry(other, Effort::patient));
  write_text(path(), w.to_json());
  ASSERT_TRUE(engine.load_wisdom(path()));
  EXPECT_EQ(engine.make_kernel(desc)->plan_str(), other.str());
  EXPECT_EQ(engine.stats().compiled, 2);
}

TEST_F(WisdomFile, ComesFromTheEnvironmentWithoutAnOption) {
  EngineOptions options;
  options.threads = 1;
  const ConvDesc desc = problem();
  Plan wise;
  {
    Engine engine(options);
    if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
    wise = other_plan(engine, desc);
    Wisdom w(CpuSignature::of(engine.cpu()));
    w.add(desc, 1, entry(wise, Effort::measure));
    write_text(path(), w.to_json());
  }
  ScopedEnv env("CONVJIT_WISDOM", path());
  Engine engine(options);
  EXPECT_EQ(engine.make_kernel(desc)->plan_str(), wise.str());
  // save_wisdom() without a path writes back where the wisdom came from.
  const ConvDesc other = ConvDesc::parse("mb1ic1ih20oc2kh3");
  TuneOptions estimate;
  estimate.effort = Effort::estimate;
  engine.tune(other, estimate);
  ASSERT_TRUE(engine.save_wisdom());
  Wisdom saved(CpuSignature::of(engine.cpu()));
  ASSERT_EQ(saved.merge_file(path()).status, WisdomLoad::merged);
  EXPECT_EQ(saved.size(), 2u);
}

TEST(PlanJson, RefusesNumbersThatAreNotSmallIntegers) {
  const Plan p;
  for (const char* bad : {"1.5", "true", "1e300", "18446744073709551615", "-9223372036854775808",
                          "2097152", "\"4\"", "null"}) {
    json j = json::parse(p.to_json());
    j["ur_h"] = json::parse(bad);
    EXPECT_THROW(Plan::from_json(j.dump()), Error) << bad;
  }
}

}  // namespace
}  // namespace convjit
