// convjit_bench: convjit side by side with its peers on the suites, as
// Markdown (stdout and <out>/latest.md), JSON (<out>/latest.json) and plots
// (<out>/gflops.png, <out>/speedup.png). bench/README.md says how to read them.
#include <benchmark/benchmark.h>

#include <CLI/CLI.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "bench/encoding_floor.hpp"
#include "bench/strategy_choice.hpp"
#include "bench/session.hpp"
#include "bench/suites.hpp"

namespace {

std::string joined(const std::vector<std::string>& words) {
  std::string s;
  for (const std::string& w : words) s += (s.empty() ? "" : ", ") + w;
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace convjit::bench;
  // Google Benchmark takes its --benchmark_* flags out of argv (and would
  // answer --help with its own usage, so ours goes first).
  bool help = false;
  for (int a = 1; a < argc; ++a)
    help = help || !std::strcmp(argv[a], "--help") || !std::strcmp(argv[a], "-h");
  if (!help) benchmark::Initialize(&argc, argv);

  Options o;
  o.out_dir = CONVJIT_BENCH_RESULTS_DIR;
  std::vector<std::string> impl_keys;
  for (const ImplInfo& i : all_impls()) impl_keys.push_back(i.key);
  CLI::App app{"convjit side by side with its peers: every implementation checked against the "
               "reference, then timed (Google Benchmark)."};
  app.footer("Google Benchmark's own flags work too (--benchmark_filter=REGEX on names like "
             "seeds/seed:tiny/f32/t1/convjit, ...).");
  app.add_option("--suite", o.suites,
                 "Suites to run (default: " + joined(default_suite_names()) + "): " + joined(suite_names()))
      ->delimiter(',');
  app.add_option("--threads", o.threads, "Thread counts (default: 1,2)")->delimiter(',');
  app.add_option("--dt", o.dts, "Data types, f32 and/or f64 (default: f32,f64 for the seeds, "
                                "f32 for the rest)")
      ->delimiter(',');
  app.add_option("--impl", o.impls,
                 "Peers to run besides convjit (default: all in this build but convjit_tuned, "
                 "which tunes each problem first, about 10 s a row): " + joined(impl_keys))
      ->delimiter(',');
  app.add_option("--offset", o.offsets,
                 "Also run each convjit column on src and dst that start BYTES past a cache line "
                 "(e.g. 4,16,32); the summary divides by the aligned column")
      ->delimiter(',');
  app.add_option("--fill", o.fill,
                 "Data every implementation is checked on: integer (direct convolution exact; default) or "
                 "real (uniform in [-1, 1])")
      ->check(CLI::IsMember({"integer", "real"}));
  app.add_flag("--cold", o.cold,
               "Cold cache: rotate through copies of src and dst totalling twice the last-level cache");
  app.add_option("--min-time", o.min_time, "Seconds per repetition (default: 0.06)")
      ->check(CLI::PositiveNumber);
  app.add_option("--repetitions", o.repetitions, "Repetitions per case (default: 5)")
      ->check(CLI::Range(1, 1000));
  app.add_option("--out", o.out_dir, "Directory for latest.md, latest.json and the plots");
  app.add_flag("!--no-plots", o.plots, "Do not write the plots");
  app.add_flag("--list", o.list, "List the rows and exit");
  bool floor = false;
  std::string isa;
  app.add_flag("--encoding-floor", floor,
               "Time each problem's code generation against Xbyak encoding the same instructions "
               "(issue 18), print the table and exit; reads --suite, --dt and --isa only");
  app.add_option("--isa", isa, "With --encoding-floor: the code's ISA (default: CONVJIT_MAX_ISA, else the "
                               "best this CPU has)")
      ->check(CLI::IsMember({"avx512", "avx2"}));
  bool choice = false;
  std::vector<std::string> layouts;
  app.add_flag("--strategy-choice", choice,
               "Time each strategy's own plan beside the planner's pick, per problem and layout (1 thread), "
               "print the tables and exit; reads --suite, --dt and --layout only");
  app.add_option("--layout", layouts, "With --strategy-choice: the layouts (default: ncx,nxc)")->delimiter(',');
  CLI11_PARSE(app, argc, argv);

  try {
    if (floor) return encoding_floor({o.suites, o.dts, isa}, std::cout);
    if (choice) return strategy_choice({o.suites, o.dts, layouts}, std::cout);
    Session session(o);
    if (o.list) {
      for (const Row& row : session.report().rows)
        std::cout << row.problem.suite << "  " << row.problem.name << "  "
                  << convjit::to_string(row.problem.desc.dt) << "  t" << row.threads << "  "
                  << row.problem.desc.str() << "\n";
      return 0;
    }
    session.register_benchmarks();
    Reporter reporter(session);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    const Report& report = session.report();
    std::cout << "\n";
    write_markdown(std::cout, report, false);
    std::filesystem::create_directories(o.out_dir);
    {
      std::ofstream md(o.out_dir + "/latest.md");
      md << "# convjit side by side with its peers\n\n";
      write_markdown(md, report, true);
      std::ofstream json(o.out_dir + "/latest.json");
      write_json(json, report);
    }
    std::cerr << "wrote " << o.out_dir << "/latest.md, " << o.out_dir << "/latest.json\n";
    if (o.plots) std::cerr << write_plots(o.out_dir, report) << "\n";
  } catch (const std::exception& e) {
    std::cerr << "convjit_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
