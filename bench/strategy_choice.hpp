#pragma once
// convjit_bench --strategy-choice: whether the planner picks the faster
// strategy. Per problem and layout, each strategy that applies runs its own
// heuristic plan (Strategy::plan), the strategies alternated in one process;
// the table gives their times, the planner's pick and the pick's time over
// the fastest's, and a summary by problem size. What the planner's cross-
// strategy constants (staging costs, model misses, the depthwise and few-
// channel rules) were fitted to, so that a CPU of another vendor can check
// or refit them.
#include <ostream>
#include <string>
#include <vector>

namespace convjit::bench {

struct ChoiceOptions {
  std::vector<std::string> suites;   // empty: the default suites
  std::vector<std::string> dts;      // empty: each suite's default
  std::vector<std::string> layouts;  // empty: ncx and nxc
};

// Prints the Markdown tables to `out`; returns the exit status. Throws Error
// on a bad option.
int strategy_choice(const ChoiceOptions& options, std::ostream& out);

}  // namespace convjit::bench
