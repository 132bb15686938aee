#pragma once
// The plans a tuner may try for one problem: every legal combination of
// strategy, register block, loop order, input-channel pass, staging and
// thread count, ranked by the planners' cost models. The model only orders them; the
// tuner's measurements decide.
#include <vector>

#include "planner/plan.hpp"

namespace convjit {

struct Candidate {
  Plan plan;
  double cycles = 0;  // the model's estimate for a run of desc.mb images
};

// Every legal plan for desc on `isa` with up to max_threads threads (that
// count and its halvings down to 1), cheapest first. make_plan's pick for
// (desc, cpu, isa, max_threads) is among them.
std::vector<Candidate> rank_candidates(const ConvDesc& desc, const CpuFacts& cpu, Isa isa,
                                       int max_threads);

// The estimate rank_candidates sorts by.
double estimated_cycles(const WorkProblem& work, const CpuFacts& cpu, const Plan& plan);

}  // namespace convjit
