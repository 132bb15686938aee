// `convjit bench`: careful timing of one problem (or of every seed problem),
// against this CPU's FMA peak, as a table or as JSON lines.
#include <chrono>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "convjit/engine.hpp"
#include "jit/peak.hpp"
#include "tools/checked_run.hpp"
#include "tools/commands.hpp"
#include "tools/measure.hpp"
#include "tools/options.hpp"
#include "tools/report.hpp"
#include "tools/seeds_text.hpp"

namespace convjit {
namespace {

struct BenchOptions {
  std::string problem;  // empty: the seed problems
  KernelOptions kernel;
  bool json = false;
};

struct BenchResult {
  ConvDesc desc;
  Backend backend = Backend::automatic;
  std::string plan;
  Timing timing;
  double compile_s = 0;
  double gflops = 0;
  std::optional<double> peak_pct;  // none where the ISA has no FMA peak
};

BenchResult bench_one(Engine& engine, const ConvDesc& desc, Backend backend) {
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<Kernel> kernel = make_cli_kernel(engine, desc, backend);
  BenchResult r;
  r.compile_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.desc = desc;
  r.backend = kernel->backend();
  r.plan = kernel->plan_str();
  const ProblemData data = make_problem_data(desc, desc.mb, Fill::integer, 1);
  Buffer dst = run_once(*kernel, data);
  r.timing = measure([&] { kernel->run(data.src.cview(), dst.view()); });
  r.gflops = desc.flops(desc.mb) / r.timing.min_s / 1e9;
  const double peak = fma_peak_gflops(engine.cpu().isa, desc.dt) * engine.threads();
  if (peak > 0) r.peak_pct = 100 * r.gflops / peak;
  return r;
}

nlohmann::json to_json(const BenchResult& r, int threads) {
  return {{"problem", r.desc.str()},
          {"dt", to_string(r.desc.dt)},
          {"layout", to_string(r.desc.layout)},
          {"post_ops", to_string(r.desc.post_ops)},
          {"threads", threads},
          {"backend", to_string(r.backend)},
          {"plan", r.plan},
          {"min_s", r.timing.min_s},
          {"median_s", r.timing.median_s},
          {"samples", r.timing.samples},
          {"gflops", r.gflops},
          {"peak_pct", r.peak_pct ? nlohmann::json(*r.peak_pct) : nlohmann::json(nullptr)},
          {"compile_s", r.compile_s}};
}

int bench(const BenchOptions& o) {
  std::vector<ConvDesc> problems;
  if (!o.problem.empty()) {
    problems.push_back(make_desc(o.problem, o.kernel));
  } else {
    for (const ShapeEntry& e : parse_shape_text(kSeedsText, "seeds.txt"))
      problems.push_back(make_desc(e.desc, o.kernel));
  }
  Engine engine(engine_options(o.kernel.threads));
  const Backend backend = backend_of(o.kernel);
  Table table({"problem", "descriptor", "dt", "post-ops", "backend", "min", "median", "GFLOP/s",
               "% peak", "compile"});
  for (const ConvDesc& desc : problems) {
    const BenchResult r = bench_one(engine, desc, backend);
    if (o.json) {
      std::cout << to_json(r, engine.threads()).dump() << std::endl;  // a line per result, now
      continue;
    }
    table.add({display_name(desc), descriptor_without_name(desc), std::string(to_string(desc.dt)),
               to_string(desc.post_ops), std::string(to_string(r.backend)),
               format_seconds(r.timing.min_s), format_seconds(r.timing.median_s),
               format_fixed(r.gflops, 2), r.peak_pct ? format_fixed(*r.peak_pct, 1) : "-",
               format_seconds(r.compile_s)});
  }
  if (!o.json) {
    std::cout << "threads " << engine.threads() << ", isa " << to_string(engine.cpu().isa)
              << "\n";
    table.print(std::cout);
  }
  return 0;
}

}  // namespace

Subcommand add_bench_command(CLI::App& app) {
  auto o = std::make_shared<BenchOptions>();
  CLI::App* cmd = app.add_subcommand(
      "bench", "Time one problem (default: every seed problem): min, median, GFLOP/s, % of peak");
  cmd->add_option("--problem", o->problem, "Problem descriptor (default: the seed problems)")
      ->type_name("DESC");
  add_kernel_options(*cmd, o->kernel);
  cmd->add_flag("--json", o->json, "One JSON object per line instead of a table");
  return {cmd, [o] { return bench(*o); }};
}

}  // namespace convjit
