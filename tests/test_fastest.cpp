// Algorithm::fastest is decided by timing each algorithm's plan on this CPU
// (tuning/fastest.hpp): the tests slow one candidate down and expect the
// other, both ways, so that a choice made by the model alone would fail
// one of them.
#include <gtest/gtest.h>

#include <string>

#include "convjit/convjit.hpp"
#include "planner/strategy.hpp"
#include "tuning/fastest.hpp"
#include "tuning/tuner.hpp"

namespace convjit {
namespace {

// Slows every timed run of the plans of one algorithm while alive.
struct SlowDown {
  explicit SlowDown(Algorithm slowed) {
    fastest_hooks().slow_down = [slowed](const Plan& p) { return p.strategy->algorithm() == slowed ? 2e-3 : 0.0; };
  }
  ~SlowDown() { fastest_hooks().slow_down = nullptr; }
};

std::string plan_of_fastest(const std::string& text) {
  Engine engine(EngineOptions{.threads = 1});
  ConvDesc d = ConvDesc::parse(text);
  d.algorithm = Algorithm::fastest;
  return engine.make_kernel(d)->plan_str();
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

TEST(Fastest, TakesTheCandidateThatMeasuresFaster) {
  if (Engine().cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU: fastest takes the planner's pick";
  for (const std::string problem : {"mb1ic32ih14oc32kh3ph1", "mb2ic16ih9oc24kh3ph0"}) {
    {
      SlowDown slow(Algorithm::winograd);
      EXPECT_FALSE(starts_with(plan_of_fastest(problem), "winograd")) << problem;
    }
    SlowDown slow(Algorithm::direct);
    EXPECT_TRUE(starts_with(plan_of_fastest(problem), "winograd")) << problem;
  }
}

TEST(Fastest, WhereOnlyDirectAppliesItIsTheDirectPlan) {
  Engine engine(EngineOptions{.threads = 1});
  ConvDesc d = ConvDesc::parse("mb1ic16ih14oc16kh5ph2");
  const std::string direct = engine.make_kernel(d)->plan_str();
  d.algorithm = Algorithm::fastest;
  EXPECT_EQ(engine.make_kernel(d)->plan_str(), direct);
}

TEST(Fastest, CandidatesAreEachAlgorithmsPlan) {
  Engine engine(EngineOptions{.threads = 1});
  ConvDesc d = ConvDesc::parse("mb1ic32ih14oc32kh3ph1");
  const std::vector<Plan> plans = fastest_candidates(WorkProblem(d), engine.cpu(), 1);
  ASSERT_EQ(plans.size(), 2u);
  EXPECT_EQ(plans[0].str(), engine.make_kernel(d)->plan_str());
  d.algorithm = Algorithm::winograd;
  EXPECT_EQ(plans[1].str(), engine.make_kernel(d)->plan_str());
}

}  // namespace
}  // namespace convjit
