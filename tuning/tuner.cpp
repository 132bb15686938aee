#include "tuning/tuner.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>
#include <tuple>
#include <utility>

#include "convjit/error.hpp"
#include "tuning/measure.hpp"
#include "kernels/planned_kernel.hpp"
#include "validation/projection_check.hpp"
#include "validation/reference.hpp"
#include "validation/test_data.hpp"
#include "planner/candidates.hpp"
#include "planner/strategy.hpp"
#include "problem/log.hpp"

namespace convjit {
namespace {

using Clock = std::chrono::steady_clock;
constexpr double kNoLimit = std::numeric_limits<double>::infinity();
// Below this a candidate's timing is a sample or two: noise, not
// information. Five 1 ms samples: at measure effort, 64 candidates fit the
// second even where the machine is too busy for any timing to settle.
constexpr double kMinShare_s = 0.005;
// Calls a timing needs to settle: a warm-up and three samples agreeing.
constexpr double kSettlingCalls = 5;
// The heuristic plan's share of the budget: it is the baseline, timed well
// (and timed again, in turn with the best other, before that one wins).
constexpr double kBaselineShare = 0.1;
// What another plan must gain to replace the heuristic: a tie is noise.
constexpr double kMinGain = 0.01;
// A candidate this much slower than the best so far cannot win: its timing
// stops after two samples, leaving the budget to the others.
constexpr double kGiveUpAbove = 1.25;

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

// Where a candidate's time goes, for the debug log (CONVJIT_VERBOSE=2).
struct CandidateCosts {
  double make_s = 0, bind_s = 0, check_s = 0, time_s = 0;
};

// Every element of dst set to the bytes no kernel writes (a NaN): an output
// a candidate leaves unwritten cannot pass for a computed one, and padding
// channels it must leave alone can be seen to be left.
void mark_unwritten(Buffer& dst) { std::memset(dst.data(), ProjectionCheck::kUnwritten, dst.bytes()); }

template <class T>
void relu_in_place(T* v, int64_t n) {
  for (int64_t i = 0; i < n; ++i) v[i] = v[i] < 0 ? T(0) : v[i];  // NaN (unwritten) stays
}

// Elements where got and want differ by more than tol: as numbers (a
// correct plan may give -0 where another gives +0) and, for the unwritten
// NaNs, as bytes (a NaN is never within tol).
template <class T, class Bits>
int64_t count_differences(const T* got, const T* want, int64_t n, double tol) {
  int64_t bad = 0;
  for (int64_t i = 0; i < n; ++i) {
    Bits a, b;
    std::memcpy(&a, got + i, sizeof a);
    std::memcpy(&b, want + i, sizeof b);
    bad += !(got[i] == want[i]) && a != b && !(std::fabs(double(got[i]) - double(want[i])) <= tol);
  }
  return bad;
}

// got holds a batch whose image n is the image n % k of want's k.
int64_t count_differences(const Buffer& got, const Buffer& want, double tol) {
  const int64_t k = want.shape().dim[0], image = want.size() / k;
  int64_t bad = 0;
  for (int64_t n = 0; n < got.shape().dim[0]; ++n) {
    const int64_t g = n * image, w = n % k * image;
    if (got.dt() == DataType::f32)
      bad += count_differences<float, uint32_t>(got.as<float>() + g, want.as<float>() + w, image, tol);
    else
      bad += count_differences<double, uint64_t>(got.as<double>() + g, want.as<double>() + w, image, tol);
  }
  return bad;
}

ConvDesc with_algorithm(ConvDesc desc, Algorithm algorithm) {
  desc.algorithm = algorithm;
  return desc;
}

// Images the check keeps distinct: the timed batch repeats them (image n is
// image n % k), so every image's output is checked, against an expected
// output of k images only. A kernel that reads another image than its own
// is caught unless that one lies a multiple of k away. As many as 16 MiB of
// output hold, and at least 3 (or the batch).
constexpr int64_t kDistinctOutputBytes = int64_t{16} << 20;
constexpr int64_t kMinDistinctImages = 3;

int64_t distinct_images(const ConvDesc& desc, int64_t wanted) {
  if (wanted > 0) return std::min(desc.mb, wanted);
  const int64_t image = desc.dst_shape(1).elems() * static_cast<int64_t>(size_of(desc.dt));
  return std::min(desc.mb, std::max(kMinDistinctImages, kDistinctOutputBytes / std::max<int64_t>(image, 1)));
}

// A batch of desc.mb images, image n a copy of image n % k of src's k.
Buffer repeated(const ConvDesc& desc, const Buffer& src) {
  Buffer batch(desc.dt, desc.src_shape(desc.mb));
  const int64_t k = src.shape().dim[0];
  const std::size_t image = src.bytes() / static_cast<std::size_t>(k);
  for (int64_t n = 0; n < desc.mb; ++n)
    std::memcpy(static_cast<char*>(batch.data()) + n * image,
                static_cast<const char*>(src.data()) + n % k * image, image);
  return batch;
}

// The data a tuning run checks and times candidates on, and the output every
// candidate must reproduce. That output is computed once: by the heuristic
// plan's kernel, verified against the reference with the projection check
// (a fraction of the reference's cost), or, should that fail, by the
// reference itself. Integer data makes every sum exact in any order, so a
// correct candidate of direct convolution matches it value for value, and
// checking one costs a run and a comparison, not a scalar interpreter over
// the problem; a Winograd candidate (whose transforms have fractions) is
// within Winograd's tolerance of it. The
// check's run is the timed batch itself, whose images repeat the few
// distinct ones the expected output is made for (distinct_images).
class Bench {
 public:
  Bench(Engine& engine, const ConvDesc& desc, const TunerHooks& hooks)
      : engine_(engine),
        desc_(desc),
        hooks_(hooks),
        data_(make_problem_data(desc, distinct_images(desc, hooks.distinct_images), Fill::integer, 1)),
        batch_(data_.src.shape().dim[0] < desc.mb ? repeated(desc, data_.src) : Buffer()),
        src_(batch_.empty() ? data_.src.cview() : batch_.cview()),
        want_(expected_output()),
        got_(desc.dt, desc.dst_shape(desc.mb)) {}

  // The compiled kernel of `plan`, bound to the data, if its output is the
  // expected one; null, with the bug logged, if not. Adds the seconds spent
  // making, binding and checking it to `costs`.
  std::unique_ptr<Kernel> checked(const Plan& plan, CandidateCosts& costs) {
    if (rejected_ == plan.str()) return nullptr;  // failed as the expected output's maker: logged
    try {
      Clock::time_point start = Clock::now();
      auto kernel = EngineInternals::make_kernel_for_plan(engine_, desc_, plan, Backend::jit);
      costs.make_s += seconds_since(start);
      start = Clock::now();
      kernel->bind(data_.wei.cview(), data_.bias.cview());
      costs.bind_s += seconds_since(start);
      start = Clock::now();
      mark_unwritten(got_);
      const Clock::time_point run_start = Clock::now();
      run(*kernel, plan, src_, got_);
      last_run_s_ = seconds_since(run_start);
      const double tol = plan.strategy->algorithm() == Algorithm::direct ? 0.0
                         : plan.tile == 2                                 ? winograd_2x2_tol_
                                                                          : winograd_tol_;
      const int64_t bad = count_differences(got_, want_, tol);
      costs.check_s += seconds_since(start);
      if (bad) {
        log().error("tuner: plan {} computes {} differently from the checked output ({} of {} "
                    "elements differ): an emitter bug, please report it; the plan is not used",
                    plan.str(), desc_.full_str(), bad, got_.size());
        return nullptr;
      }
      return kernel;
    } catch (const Error& e) {
      log().error("tuner: legal plan {} for {} cannot be built ({}): please report it; the plan is "
                  "not used", plan.str(), desc_.full_str(), e.what());
      return nullptr;
    }
  }

  // Plans that failed while making the expected output and are no candidate
  // (the ReLU-free twin of a problem with ReLU): logged, to be counted.
  int extra_failures() const { return extra_failures_; }

  // The best of many noisy timings is biased low, and a win may be a quiet
  // moment of a busy machine: a final round times the two in turn, twice,
  // and only it decides. Returns their times.
  std::pair<double, double> final_round(const Kernel& heuristic, const Kernel& other, double cap_s) {
    const std::vector<double> least =
        least_in_turns({[&] { return time(heuristic, cap_s); }, [&] { return time(other, cap_s); }});
    return {least[0], least[1]};
  }

  // give_up_above_s: stop early once the kernel is surely slower than that.
  // just_checked: the kernel checked() returned last, whose check run was
  // a run of the timed batch, so it serves as the warm-up.
  double time(const Kernel& kernel, double cap_s, double give_up_above_s = 0,
              bool just_checked = false) {
    MeasureLimits limits;
    limits.max_total_s = cap_s;
    limits.give_up_above_s = give_up_above_s;
    double delay_s = 0;
    if (hooks_.slow_down)
      if (auto* planned = dynamic_cast<const PlannedKernel*>(&kernel)) delay_s = hooks_.slow_down(planned->plan());
    // The check's run, had it been a timed one (with the tests' delay).
    if (just_checked) limits.warmed_up_s = last_run_s_ + delay_s;
    if (delay_s <= 0) return measure([&] { kernel.run(src_, got_.view()); }, limits).min_s;
    return measure([&] {
      kernel.run(src_, got_.view());
      busy_wait(delay_s);
    }, limits).min_s;
  }

 private:
  // src: the timed batch, or data_'s distinct images for the expected output.
  void run(const Kernel& kernel, const Plan& plan, ConstTensorView src, Buffer& dst) const {
    kernel.run(src, dst.view());
    if (hooks_.break_candidate && hooks_.break_candidate(plan)) dst.set(0, dst.get(0) + 1);
    if (hooks_.corrupt_output) hooks_.corrupt_output(plan, dst);
  }

  // ReLU is not linear, so the projection check verifies the output before
  // it: the heuristic plan of the same problem without ReLU, whose output
  // the tuner then clamps as ReLU would. Direct convolution's plan, exact
  // on the integer data, whatever algorithm the candidates use.
  Buffer expected_output() {
    const int64_t images = data_.src.shape().dim[0];
    Buffer want(desc_.dt, desc_.dst_shape(images));
    ConvDesc linear = desc_;
    linear.post_ops.relu = false;
    linear.algorithm = Algorithm::direct;
    const CpuFacts& cpu = engine_.cpu();
    const Plan plan = make_plan(linear, cpu, cpu.isa, engine_.threads());
    try {
      const ProjectionCheck check(linear, data_, images);
      auto kernel = EngineInternals::make_kernel_for_plan(engine_, linear, plan, Backend::jit);
      kernel->bind(data_.wei.cview(), data_.bias.cview());
      mark_unwritten(want);
      run(*kernel, plan, data_.src.cview(), want);
      const int64_t bad = check.mismatches(want);
      if (bad == 0) {
        if (desc_.post_ops.relu) {
          if (want.dt() == DataType::f32) relu_in_place(want.as<float>(), want.size());
          else relu_in_place(want.as<double>(), want.size());
        }
        return want;
      }
      log().error("tuner: plan {} computes {} wrong at {} output positions (projection check "
                  "against the reference): an emitter bug, please report it; the plan is not "
                  "used, and candidates are checked against the reference instead",
                  plan.str(), linear.full_str(), bad);
      if (desc_.post_ops.relu) ++extra_failures_;
      else rejected_ = plan.str();
    } catch (const Error& e) {
      log().warn("tuner: candidates for {} are checked against the reference, slowly: {}",
                 desc_.full_str(), e.what());
    }
    mark_unwritten(want);  // the reference writes no padding channel
    reference_conv(desc_, data_.src.data(), data_.wei.data(),
                   desc_.post_ops.bias ? data_.bias.data() : nullptr, want.data(), images);
    return want;
  }

  Engine& engine_;
  const ConvDesc& desc_;
  const TunerHooks& hooks_;
  const ProblemData data_;  // the distinct images
  const Buffer batch_;      // the timed batch when it repeats them, else empty
  const ConstTensorView src_;  // the timed batch
  std::string rejected_;  // the plan that failed making want_, if it is a candidate
  int extra_failures_ = 0;
  double last_run_s_ = 0;  // the check run of the last kernel checked
  const double winograd_tol_ = tolerance(with_algorithm(desc_, Algorithm::winograd), Fill::integer);
  const double winograd_2x2_tol_ = tolerance(with_algorithm(desc_, Algorithm::winograd_2x2), Fill::integer);
  const Buffer want_;
  Buffer got_;
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
    CandidateCosts costs;
    std::unique_ptr<Kernel> kernel = bench.checked(order[i], costs);
    if (!kernel) {
      ++t.failed;
      continue;
    }
    // The budget left, shared by the candidates still to come, but never
    // too little to settle: fewer candidates timed well beat many guessed.
    const double fair = i == 0 ? budget_s * kBaselineShare : left_s() / double(order.size() - i);
    const double best_s = std::min(other_s, heuristic ? t.heuristic_s : kNoLimit);
    const double settle = kSettlingCalls * best_s;
    const double share = std::clamp(std::max(fair, std::isfinite(settle) ? settle : 0.0),
                                    kMinShare_s, MeasureLimits{}.max_total_s);
    const Clock::time_point timing = Clock::now();
    const double s =
        bench.time(*kernel, share, std::isfinite(best_s) ? best_s * kGiveUpAbove : 0, true);
    costs.time_s = seconds_since(timing);
    log().debug("tuner: {} {}: {:.3f} ms a run; made in {:.2f} ms, bound in {:.2f} ms, checked in "
                "{:.2f} ms, timed in {:.2f} ms", i, order[i].str(), s * 1e3, costs.make_s * 1e3,
                costs.bind_s * 1e3, costs.check_s * 1e3, costs.time_s * 1e3);
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
  t.failed += bench.extra_failures();
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
