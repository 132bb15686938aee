// `convjit plan`: the plan the engine would run for each problem, one line
// each, with nothing compiled or computed: what a change to the planner
// changes shows as a diff of two listings.
#include <iostream>
#include <memory>
#include <vector>

#include "convjit/engine.hpp"
#include "convjit/error.hpp"
#include "convjit/kernel.hpp"
#include "tools/commands.hpp"
#include "tools/options.hpp"

namespace convjit {
namespace {

struct PlanOptions {
  std::string problem, batch, isa;
  int64_t mb = 0;
  KernelOptions kernel;
};

int plan(const PlanOptions& o) {
  if (o.problem.empty() && o.batch.empty())
    throw Error("--problem", "--problem or --batch is required (see convjit plan --help)");
  std::vector<ConvDesc> problems;
  if (!o.problem.empty()) problems.push_back(ConvDesc::parse(o.problem));
  else
    for (const ShapeEntry& e : read_shape_file(o.batch)) problems.push_back(e.desc);
  EngineOptions options = engine_options(o.kernel.threads, o.kernel.wisdom);
  options.max_isa = o.isa;
  Engine engine(options);
  int refused = 0;
  for (ConvDesc d : problems) {
    if (o.mb > 0) d.mb = o.mb;
    // A problem the options make impossible (a layout its groups do not
    // fill) is a line of its own, and the listing goes on.
    try {
      d = make_desc(d, o.kernel);
      // The interpreter runs the plan the JIT would compile: planned, not compiled.
      std::cout << d.full_str() << "  " << engine.make_kernel(d, Backend::interp)->plan_str() << "\n";
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
  CLI::Option* problem = cmd->add_option("--problem", o->problem, "Problem descriptor")->type_name("DESC");
  cmd->add_option("--batch", o->batch, "Shape file of problems (benchdnn syntax), one per line")
      ->type_name("FILE")
      ->excludes(problem);
  cmd->add_option("--mb", o->mb, "Batch size for every problem (default: each problem's own)")
      ->check(CLI::PositiveNumber)
      ->type_name("N");
  add_data_options(*cmd, o->kernel);
  add_threads_option(*cmd, o->kernel.threads);
  add_wisdom_option(*cmd, o->kernel.wisdom,
                    "Wisdom file: its tuned plans are the ones printed (default: CONVJIT_WISDOM, if set)");
  cmd->add_option("--isa", o->isa,
                  "Instruction set, capped like CONVJIT_MAX_ISA (default: the best available)")
      ->check(CLI::IsMember({"avx512", "avx2"}))
      ->type_name("avx512|avx2");
  return {cmd, [o] { return plan(*o); }};
}

}  // namespace convjit
