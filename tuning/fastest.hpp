#pragma once
// Algorithm::fastest, decided by measuring: the planner's pick for each
// algorithm that applies (direct convolution, Winograd), each compiled and
// timed on this CPU, the fastest kept. A cost model tuned on one vendor
// misses on another (Winograd's weights are 16/9 to 4 times direct's, and
// whether streaming them pays depends on the caches and the memory), so
// `fastest` times instead of guessing: a few runs, once per problem and
// engine.
#include <functional>
#include <memory>
#include <vector>

#include "convjit/kernel.hpp"
#include "planner/plan.hpp"
#include "planner/work_problem.hpp"

namespace convjit {

// The plans fastest chooses among: make_plan's for each algorithm that
// applies to work, one per algorithm.
std::vector<Plan> fastest_candidates(const WorkProblem& work, const CpuFacts& cpu, int threads);

struct FastestHooks {
  // Tests: seconds of busy waiting added to each timed run of this plan, so
  // that a test decides which candidate is faster.
  std::function<double(const Plan&)> slow_down;
};
FastestHooks& fastest_hooks();

// The candidate whose kernel (made by `build`) runs desc fastest here, on
// enough of its images for about 50 ms of work (each thread one at least).
// One candidate is returned unmeasured.
Plan fastest_measured(const ConvDesc& desc, const std::vector<Plan>& candidates, int threads,
                      const std::function<std::unique_ptr<Kernel>(const Plan&)>& build);

}  // namespace convjit
