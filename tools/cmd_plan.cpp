// `convjit plan`: the plan the engine would run for each problem, one line
// each, with nothing compiled or computed: what a change to the planner
// changes shows as a diff of two listings.
#include <iostream>
#include <memory>
#include <vector>

#include "convjit/engine.hpp"
#include "convjit/error.hpp"
#include "convjit/kernel.hpp"
#include "kernels/planned_kernel.hpp"
#include "tools/commands.hpp"
#include "tools/options.hpp"

namespace convjit {
namespace {

struct PlanOptions {
  ProblemList problems;
  std::string isa;
  KernelOptions kernel;
};

int plan(const PlanOptions& o) {
  const std::vector<ConvDesc> problems = problems_of(o.problems, "plan");
  EngineOptions options = engine_options(o.kernel.threads, o.kernel.wisdom);
  options.max_isa = o.isa;
  Engine engine(options);
  int refused = 0;
  for (ConvDesc d : problems) {
    // A problem the options make impossible (a layout its groups do not
    // fill) is a line of its own, and the listing goes on.
    try {
      d = make_desc(d, o.kernel);
      // The interpreter runs the plan the JIT would compile: planned, not compiled.
      const std::unique_ptr<Kernel> kernel = engine.make_kernel(d, Backend::interp);
      const std::string note = dynamic_cast<const PlannedKernel&>(*kernel).work_note();
      std::cout << d.full_str() << "  " << kernel->plan_str() << (note.empty() ? "" : "  (" + note + ")") << "\n";
    } catch (const Error& e) {
      std::cout << d.str() << "  error: " << e.what() << "\n";
      ++refused;
    }
  }
  return refused ? 1 : 0;
}

}  // namespace

Subcommand add_plan_command(CLI::App& app) {
  auto o = std::make_shared<PlanOptions>();
  CLI::App* cmd = app.add_subcommand(
      "plan", "Print the plan chosen for each problem, one line each, compiling nothing");
  add_problem_list_options(*cmd, o->problems);
  add_data_options(*cmd, o->kernel);
  add_threads_option(*cmd, o->kernel.threads);
  add_wisdom_option(*cmd, o->kernel.wisdom,
                    "Wisdom file: its tuned plans are the ones printed (default: CONVJIT_WISDOM, if set)");
  add_isa_option(*cmd, o->isa);
  return {cmd, [o] { return plan(*o); }};
}

}  // namespace convjit
