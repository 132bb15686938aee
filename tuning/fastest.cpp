#include "tuning/fastest.hpp"

#include <algorithm>
#include <cmath>

#include "convjit/error.hpp"
#include "planner/strategy.hpp"
#include "problem/log.hpp"
#include "tuning/measure.hpp"
#include "validation/test_data.hpp"

namespace convjit {

std::vector<Plan> fastest_candidates(const WorkProblem& work, const CpuFacts& cpu, int threads) {
  std::vector<Plan> plans;
  for (Algorithm a : {Algorithm::direct, Algorithm::winograd}) {
    WorkProblem one = work;
    one.algorithm = a;
    try {
      plans.push_back(make_plan(one, cpu, cpu.isa, threads));
    } catch (const Error&) {  // the algorithm does not apply
    }
  }
  return plans;
}

FastestHooks& fastest_hooks() {
  static FastestHooks hooks;
  return hooks;
}

Plan fastest_measured(const ConvDesc& desc, const std::vector<Plan>& candidates, int threads,
                      const std::function<std::unique_ptr<Kernel>(const Plan&)>& build) {
  if (candidates.size() == 1) return candidates.front();
  // Images enough for about 50 ms of direct convolution at 100 GFLOP/s a
  // thread (each thread one at least), at most the batch: Winograd's chunks
  // span images, so how it compares can change with the batch.
  const double per_image_s = desc.flops(1) / (100e9 * std::max(threads, 1));
  const int64_t wanted = static_cast<int64_t>(std::ceil(0.05 / std::max(per_image_s, 1e-9)));
  const int64_t batch = std::min<int64_t>(desc.mb, std::max<int64_t>(wanted, std::max(threads, 1)));
  const ProblemData data = make_problem_data(desc, batch, Fill::real, 1);
  Buffer dst(desc.dt, desc.dst_shape(batch));
  // A twentieth of a second each, twice: a few runs tell direct from
  // Winograd, whose times differ by tens of percent where they differ at all.
  MeasureLimits limits;
  limits.max_total_s = 0.05;
  limits.agreement = 0.05;
  // Every candidate built and bound first, then timed in turns.
  std::vector<std::unique_ptr<Kernel>> kernels;
  std::vector<std::function<double()>> timers;
  for (const Plan& plan : candidates) {
    kernels.push_back(build(plan));
    kernels.back()->bind(data.wei.cview(), desc.post_ops.bias ? data.bias.cview() : ConstTensorView{});
    const Kernel& kernel = *kernels.back();
    const double extra_s = fastest_hooks().slow_down ? fastest_hooks().slow_down(plan) : 0;
    timers.push_back([&, extra_s] {
      return measure([&] {
        kernel.run(data.src.cview(), dst.view());
        busy_wait(extra_s);
      }, limits).min_s;
    });
  }
  const std::vector<double> times = least_in_turns(timers);
  std::size_t best = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    log().info("fastest: {} runs {} in {:.1f} us", desc.full_str(), candidates[i].str(), times[i] * 1e6);
    if (times[i] < times[best]) best = i;
  }
  return candidates[best];
}

}  // namespace convjit
