#include "bench/strategy_choice.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>

#include "bench/suites.hpp"
#include "convjit/engine.hpp"
#include "convjit/error.hpp"
#include "kernels/buffer.hpp"
#include "planner/plan.hpp"
#include "planner/strategy.hpp"
#include "planner/work_problem.hpp"
#include "tools/report.hpp"
#include "tuning/tuner.hpp"
#include "validation/test_data.hpp"

namespace convjit::bench {
namespace {

// Rounds of the strategies in turn, each about kSampleSeconds of runs; the
// min of each strategy's rounds is its time.
constexpr int kRounds = 15;
constexpr double kSampleSeconds = 2e-3;

double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// One problem's strategies timed alternately: {strategy's plan, seconds}.
struct Contender {
  Plan plan;
  std::unique_ptr<Kernel> kernel;
  double seconds = 1e30;
};

// The pick's time over the fastest's, with the fastest's time (the size).
struct Outcome {
  double ratio, fastest_s;
};

std::optional<Outcome> measure(Engine& engine, const ConvDesc& desc, Table& table) {
  const WorkProblem work(desc);
  const CpuFacts& cpu = engine.cpu();
  const Plan pick = make_plan(work, cpu, cpu.isa, 1);
  const Plan base = base_plan(work, cpu.isa, 1);
  std::vector<Contender> all;
  for (const Strategy* s : applicable_strategies(work))
    all.push_back(Contender{s == pick.strategy ? pick : s->plan(work, cpu, base), nullptr});
  if (all.size() < 2) return std::nullopt;  // nothing to choose between

  const ProblemData data = make_problem_data(desc, desc.mb, Fill::integer, 7);
  Buffer dst(desc.dt, desc.dst_shape(desc.mb));
  for (Contender& c : all) {
    c.kernel = EngineInternals::make_kernel_for_plan(engine, desc, c.plan, Backend::jit);
    c.kernel->bind(data.wei.view(), data.bias.view());
  }
  auto run = [&](Contender& c) { c.kernel->run(data.src.view(), dst.view()); };
  int calls = 1;
  {
    run(all[0]);
    const double start = now();
    for (int i = 0; i < 1000 && now() - start < kSampleSeconds; ++i, ++calls) run(all[0]);
  }
  for (Contender& c : all) run(c);
  for (int round = 0; round < kRounds; ++round)
    for (Contender& c : all) {
      const double start = now();
      for (int i = 0; i < calls; ++i) run(c);
      c.seconds = std::min(c.seconds, (now() - start) / calls);
    }

  const auto fastest = std::min_element(all.begin(), all.end(), [](const Contender& a, const Contender& b) {
    return a.seconds < b.seconds;
  });
  const auto picked = std::find_if(all.begin(), all.end(), [&](const Contender& c) { return c.plan == pick; });
  const Outcome outcome{picked->seconds / fastest->seconds, fastest->seconds};
  std::vector<std::string> row = {desc.name.empty() ? desc.str() : desc.name, std::string(to_string(desc.dt)),
                                  std::string(to_string(desc.layout))};
  std::string times;
  for (const Contender& c : all)
    times += (times.empty() ? "" : "; ") + std::string(c.plan.strategy->name()) + " " + format_seconds(c.seconds);
  row.push_back(times);
  row.push_back(std::string(pick.strategy->name()));
  row.push_back(format_fixed(outcome.ratio, 2));
  row.push_back(pick.str());
  table.add(std::move(row));
  return outcome;
}

void summarize(std::ostream& out, const std::string& layout, const std::vector<Outcome>& outcomes) {
  struct Bucket {
    const char* name;
    double from, to;
  };
  for (const Bucket b : {Bucket{"all", 0, 1e30}, Bucket{"fastest under 10 us", 0, 10e-6},
                         Bucket{"10 to 100 us", 10e-6, 100e-6}, Bucket{"100 us and over", 100e-6, 1e30}}) {
    double logs = 0, worst = 1;
    int n = 0, over5 = 0, over10 = 0;
    for (const Outcome& o : outcomes) {
      if (o.fastest_s < b.from || o.fastest_s >= b.to) continue;
      ++n;
      logs += std::log(o.ratio);
      worst = std::max(worst, o.ratio);
      over5 += o.ratio > 1.05;
      over10 += o.ratio > 1.1;
    }
    if (!n) continue;
    out << "- " << layout << ", " << b.name << ": " << n << " problems, the pick's time over the fastest's geomean "
        << format_fixed(std::exp(logs / n), 3) << ", max " << format_fixed(worst, 2) << "; over 1.05x: " << over5
        << ", over 1.1x: " << over10 << "\n";
  }
}

}  // namespace

int strategy_choice(const ChoiceOptions& o, std::ostream& out) {
  std::vector<DataType> dts;
  for (const std::string& d : o.dts) dts.push_back(parse_data_type(d, "--dt"));
  std::vector<Layout> layouts;
  for (const std::string& l : o.layouts.empty() ? std::vector<std::string>{"ncx", "nxc"} : o.layouts)
    layouts.push_back(parse_layout(l, "--layout"));
  Engine engine(EngineOptions{.threads = 1});
  const CpuFacts& cpu = engine.cpu();
  if (cpu.isa == Isa::scalar) throw Error("--isa", "no JIT on this CPU (the JIT needs AVX2+FMA): nothing to time");

  std::vector<Problem> problems;  // all made first: a bad --suite fails before any output
  for (const std::string& suite : o.suites.empty() ? default_suite_names() : o.suites)
    for (Problem& p : make_suite(suite, dts, CONVJIT_PROBLEMS_DIR))
      if (p.pieces.size() == 1 && p.desc.algorithm == Algorithm::direct) problems.push_back(std::move(p));

  out << "# Strategy choice: the planner's pick against each strategy's own plan\n\n"
      << "CPU: " << cpu.str() << "; 1 thread; each strategy's heuristic plan, the strategies alternated "
      << kRounds << " rounds of about " << kSampleSeconds * 1e3 << " ms in one process, min per strategy; "
      << "integer data. ratio: the pick's time over the fastest strategy's.\n\n";
  for (const Layout layout : layouts) {
    Table table({"problem", "dt", "layout", "each strategy", "pick", "ratio", "plan"});
    std::vector<Outcome> outcomes;
    for (const Problem& problem : problems) {
      ConvDesc desc = problem.desc;
      desc.layout = layout;
      desc.name = problem.name;
      if (std::optional<Outcome> outcome = measure(engine, desc, table)) outcomes.push_back(*outcome);
    }
    table.print(out);
    out << "\n";
    summarize(out, std::string(to_string(layout)), outcomes);
    out << "\n";
  }
  return 0;
}

}  // namespace convjit::bench
