#include "kernels/tuner.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>
#include <tuple>
#include <utility>

#include "convjit/error.hpp"
#include "kernels/measure.hpp"
#include "kernels/planned_kernel.hpp"
#include "kernels/test_data.hpp"
#include "planner/candidates.hpp"
#include "planner/log.hpp"

namespace convjit {
namespace {

using Clock = std::chrono::steady_clock;
constexpr double kNoLimit = std::numeric_limits<double>::infinity();
// Below this a candidate's timing is a single call: noise, not information.
constexpr double kMinShare_s = 0.01;
// Calls a timing needs to settle: a warm-up and three samples agreeing.
constexpr double kSettlingCalls = 5;
// The heuristic plan's share of the budget: it is the baseline, timed well.
constexpr double kBaselineShare = 0.15;
// What another plan must gain to replace the heuristic: a tie is noise.
constexpr double kMinGain = 0.01;
// Images the interpreter check runs: enough for the drivers' per-image and
// shared-image paths on two threads, few enough for the scalar interpreter.
constexpr int64_t kCheckImages = 3;

struct Policy {
  std::size_t candidates;
  double budget_s;
};

Policy policy_of(Effort effort) {
  switch (effort) {
    case Effort::estimate: return {0, 0};
    case Effort::measure: return {64, 1};
    case Effort::patient: return {512, 10};
    case Effort::exhaustive: break;
  }
  return {std::numeric_limits<std::size_t>::max(), kNoLimit};
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The heuristic first: it is the baseline the others must beat, so it is
// measured whatever the budget. Then the model's ranking.
std::vector<Plan> measurement_order(const Plan& heuristic, const std::vector<Candidate>& ranked,
                                    std::size_t limit) {
  std::vector<Plan> order{heuristic};
  for (const Candidate& c : ranked) {
    if (order.size() >= limit) break;
    if (!(c.plan == heuristic)) order.push_back(c.plan);
  }
  return order;
}

// The data a tuning run checks and times candidates on.
class Bench {
 public:
  Bench(Engine& engine, const ConvDesc& desc, const TunerHooks& hooks)
      : engine_(engine),
        desc_(desc),
        hooks_(hooks),
        check_(make_problem_data(desc, std::min(desc.mb, kCheckImages), Fill::integer, 1)),
        data_(make_problem_data(desc, desc.mb, Fill::integer, 1)),
        dst_(desc.dt, desc.dst_shape(desc.mb)) {}

  // The compiled kernel of `plan`, bound to the timing data, if it matches
  // the interpreter running the same plan bit for bit (integer data makes
  // any order of accumulation exact); null, with the bug logged, if not.
  std::unique_ptr<Kernel> checked(const Plan& plan) {
    try {
      auto jit = EngineInternals::make_kernel_for_plan(engine_, desc_, plan, Backend::jit);
      auto interp = EngineInternals::make_kernel_for_plan(engine_, desc_, plan, Backend::interp);
      Buffer got = output(*jit), want = output(*interp);
      if (hooks_.break_candidate && hooks_.break_candidate(plan)) got.set(0, got.get(0) + 1);
      if (std::memcmp(got.data(), want.data(), got.bytes()) != 0) {
        log().error("tuner: plan {} computes {} differently from the interpreter running the same "
                    "plan: an emitter bug, please report it; the plan is not used",
                    plan.str(), desc_.full_str());
        return nullptr;
      }
      jit->bind(data_.wei.cview(), data_.bias.cview());
      return jit;
    } catch (const Error& e) {
      log().error("tuner: legal plan {} for {} cannot be built ({}): please report it; the plan is "
                  "not used", plan.str(), desc_.full_str(), e.what());
      return nullptr;
    }
  }

  // The best of many noisy timings is biased low, and a win may be a quiet
  // moment of a busy machine: a final round times the two in turn, twice,
  // and only it decides. Returns their times.
  std::pair<double, double> final_round(const Kernel& heuristic, const Kernel& other, double cap_s) {
    double heuristic_s = kNoLimit, other_s = kNoLimit;
    for (int round = 0; round < 2; ++round) {
      heuristic_s = std::min(heuristic_s, time(heuristic, cap_s));
      other_s = std::min(other_s, time(other, cap_s));
    }
    return {heuristic_s, other_s};
  }

  double time(const Kernel& kernel, double cap_s) {
    MeasureLimits limits;
    limits.max_total_s = cap_s;
    double delay_s = 0;
    if (hooks_.slow_down)
      if (auto* planned = dynamic_cast<const PlannedKernel*>(&kernel)) delay_s = hooks_.slow_down(planned->plan());
    if (delay_s <= 0) return measure([&] { kernel.run(data_.src.cview(), dst_.view()); }, limits).min_s;
    return measure([&] {
      kernel.run(data_.src.cview(), dst_.view());
      const auto until = Clock::now() + std::chrono::duration<double>(delay_s);
      while (Clock::now() < until) {
      }
    }, limits).min_s;
  }

 private:
  Buffer output(Kernel& kernel) const {
    kernel.bind(check_.wei.cview(), check_.bias.cview());
    Buffer dst(desc_.dt, desc_.dst_shape(check_.src.shape().dim[0]));
    kernel.run(check_.src.cview(), dst.view());
    return dst;
  }

  Engine& engine_;
  const ConvDesc& desc_;
  const TunerHooks& hooks_;
  const ProblemData check_, data_;
  Buffer dst_;
};

}  // namespace

std::string_view to_string(Effort effort) {
  switch (effort) {
    case Effort::estimate: return "estimate";
    case Effort::measure: return "measure";
    case Effort::patient: return "patient";
    case Effort::exhaustive: return "exhaustive";
  }
  return "?";
}

Effort parse_effort(std::string_view text, const std::string& field) {
  for (Effort e : {Effort::estimate, Effort::measure, Effort::patient, Effort::exhaustive})
    if (text == to_string(e)) return e;
  throw Error(field, field + ": unknown value '" + std::string(text) +
                         "' (expected one of: estimate, measure, patient, exhaustive)");
}

Tuned tune_problem(Engine& engine, const ConvDesc& desc, const TuneOptions& options,
                   const TunerHooks& hooks) {
  desc.validate();
  const CpuFacts& cpu = engine.cpu();
  Tuned t;
  t.heuristic = t.plan = make_plan(desc, cpu, cpu.isa, engine.threads());
  const Policy policy = policy_of(options.effort);
  if (policy.candidates == 0) return t;
  if (cpu.isa == Isa::scalar) {
    log().warn("tuner: no compiled code on this CPU (isa scalar): {} keeps the heuristic plan",
               desc.full_str());
    return t;
  }
  const std::vector<Candidate> ranked = rank_candidates(desc, cpu, cpu.isa, engine.threads());
  t.candidates = static_cast<int>(ranked.size());
  const std::vector<Plan> order = measurement_order(t.heuristic, ranked, policy.candidates);
  const double budget_s = options.budget_s > 0 ? options.budget_s : policy.budget_s;
  const Clock::time_point start = Clock::now();
  auto left_s = [&] { return budget_s - seconds_since(start); };

  Bench bench(engine, desc, hooks);
  std::unique_ptr<Kernel> heuristic, other;  // the heuristic's kernel, the best other one
  Plan other_plan;
  double other_s = kNoLimit;
  for (std::size_t i = 0; i < order.size() && (i == 0 || left_s() > 0); ++i) {
    std::unique_ptr<Kernel> kernel = bench.checked(order[i]);
    if (!kernel) {
      ++t.failed;
      continue;
    }
    // The budget left, shared by the candidates still to come, but never
    // too little to settle: fewer candidates timed well beat many guessed.
    const double fair = i == 0 ? budget_s * kBaselineShare : left_s() / double(order.size() - i);
    const double settle = kSettlingCalls * std::min(other_s, heuristic ? t.heuristic_s : kNoLimit);
    const double share = std::clamp(std::max(fair, std::isfinite(settle) ? settle : 0.0),
                                    kMinShare_s, MeasureLimits{}.max_total_s);
    const double s = bench.time(*kernel, share);
    ++t.measured;
    if (i == 0) {
      t.heuristic_s = s;
      heuristic = std::move(kernel);
    } else if (s < other_s) {
      other_s = s;
      other_plan = order[i];
      other = std::move(kernel);
    }
    if (options.progress)
      options.progress({t.measured, static_cast<int>(order.size()),
                        std::min(other_s, heuristic ? t.heuristic_s : other_s),
                        std::max(left_s(), 0.0)});
  }
  if (!heuristic && !other) return t;  // every candidate failed: nothing was learnt
  if (heuristic && other && other_s < t.heuristic_s) {
    const double cap = std::clamp(std::max(left_s() / 4, kSettlingCalls * t.heuristic_s),
                                  kMinShare_s, MeasureLimits{}.max_total_s / 4);
    std::tie(t.heuristic_s, other_s) = bench.final_round(*heuristic, *other, cap);
  }
  t.effort = options.effort;
  if (other && (!heuristic || other_s < t.heuristic_s * (1 - kMinGain))) {
    t.plan = other_plan;
    t.time_s = other_s;
  } else {
    t.time_s = t.heuristic_s;
  }
  return t;
}

TuneResult to_result(const Tuned& t) {
  TuneResult r;
  r.plan = t.plan.str();
  r.heuristic_plan = t.heuristic.str();
  r.time_s = t.time_s;
  r.heuristic_s = t.heuristic_s;
  r.effort = t.effort;
  r.candidates = t.candidates;
  r.measured = t.measured;
  r.failed = t.failed;
  return r;
}

}  // namespace convjit
