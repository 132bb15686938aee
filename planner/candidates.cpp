#include "planner/candidates.hpp"

#include <algorithm>

#include "planner/strategy.hpp"

namespace convjit {
namespace {

// A fork and a join of the OpenMP team, per thread past the first: enough
// to keep tiny problems on one thread unless a measurement says otherwise.
constexpr double kThreadCycles = 1e4;

std::vector<int> thread_counts(int max_threads) {
  std::vector<int> counts;
  for (int t = std::max(max_threads, 1); t >= 1; t /= 2) counts.push_back(t);
  return counts;
}

}  // namespace

// Plans describe the work problem (a 1x1 convolution may run as a 1D one):
// blocks are bounded and costed on it, legality is checked as make_plan's.
double estimated_cycles(const WorkProblem& desc, const CpuFacts& cpu, const Plan& plan) {
  double per_image = plan.strategy->cycles(desc, cpu, plan);
  // Staging copies every input element once, about a cycle each.
  if (plan.staged) per_image += double(desc.ic * desc.spatial_in());
  return per_image * double(desc.mb) / plan.threads + kThreadCycles * (plan.threads - 1);
}

std::vector<Candidate> rank_candidates(const ConvDesc& desc, const CpuFacts& cpu, Isa isa,
                                       int max_threads) {
  Plan base;
  base.isa = isa_for(desc, isa);
  base.vlen = lanes(base.isa, desc.dt);
  const WorkProblem work(desc);
  std::vector<Plan> blocks;
  for (const Strategy* s : applicable_strategies(work)) {
    const std::vector<Plan> more = s->blocks(work, base);
    blocks.insert(blocks.end(), more.begin(), more.end());
  }
  std::vector<Candidate> ranked;
  for (Plan p : blocks)
    for (bool staged : {false, true})
      for (int threads : thread_counts(max_threads)) {
        p.staged = staged;
        p.threads = threads;
        if (!plan_rejection(work, p)) ranked.push_back({p, estimated_cycles(work, cpu, p)});
      }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Candidate& a, const Candidate& b) { return a.cycles < b.cycles; });
  return ranked;
}

}  // namespace convjit
