// `convjit tune`: the fastest checked plan of each problem on this CPU,
// measured against the heuristic plan and kept as wisdom.
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <vector>

#include "convjit/engine.hpp"
#include "convjit/error.hpp"
#include "tools/commands.hpp"
#include "tools/options.hpp"
#include "tools/report.hpp"

namespace convjit {
namespace {

struct TuneCliOptions {
  ProblemList problems;
  KernelOptions kernel;  // data type, layout, post-ops, threads, wisdom
  std::string effort = "measure";
  double budget_s = 0;
};

std::string label(const ConvDesc& desc) {
  const std::string name = display_name(desc);
  return name.empty() ? descriptor_without_name(desc) : name;
}

std::string seconds_or_dash(double s) { return s > 0 && std::isfinite(s) ? format_seconds(s) : "-"; }

// Progress on stderr: rewritten in place on a terminal; elsewhere one line
// per problem, so that logs stay readable.
class Progress {
 public:
  explicit Progress(std::size_t count) : count_(count), tty_(isatty(STDERR_FILENO)) {}

  void update(std::size_t index, const ConvDesc& desc, const TuneProgress& p) const {
    if (!tty_) return;
    std::fprintf(stderr, "\r\033[K[%zu/%zu] %s: %d/%d candidates, best %s, %s left", index + 1,
                 count_, label(desc).c_str(), p.measured, p.planned,
                 seconds_or_dash(p.best_s).c_str(),
                 std::isfinite(p.left_s) ? format_seconds(p.left_s).c_str() : "no limit");
  }
  void done(std::size_t index, const ConvDesc& desc, const TuneResult& r) const {
    if (tty_) std::fputs("\r\033[K", stderr);
    else
      std::fprintf(stderr, "tune [%zu/%zu] %s: %s\n", index + 1, count_, label(desc).c_str(),
                   r.plan.c_str());
    std::fflush(stderr);
  }

 private:
  std::size_t count_;
  bool tty_;
};

// How the plan was found; for a measured one, how many candidates in how
// long (the whole tune of the problem: data, checks, compiling, timing).
std::string how(const TuneResult& r, double seconds) {
  std::string text;
  if (r.from_wisdom) {
    text = "wisdom (" + std::string(to_string(r.effort)) + ")";
  } else if (r.measured == 0) {
    text = std::string(to_string(r.effort));
  } else {
    text = "measured " + std::to_string(r.measured) + " of " + std::to_string(r.candidates) +
           " in " + format_fixed(seconds, 2) + " s (" + format_fixed(r.measured / seconds, 0) +
           "/s)";
  }
  if (r.failed) text += ", " + std::to_string(r.failed) + " FAILED the check";
  return text;
}

int tune(const TuneCliOptions& o) {
  std::vector<ConvDesc> problems = problems_of(o.problems, "tune");
  for (ConvDesc& d : problems) d = make_desc(d, o.kernel);
  TuneOptions options;
  options.effort = parse_effort(o.effort, "--effort");
  options.budget_s = o.budget_s;
  Engine engine(engine_options(o.kernel.threads, o.kernel.wisdom));

  const Progress progress(problems.size());
  Table table({"problem", "descriptor", "heuristic", "tuned", "speedup", "plan", "how"});
  int failed = 0;
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < problems.size(); ++i) {
    const ConvDesc& desc = problems[i];
    options.progress = [&](const TuneProgress& p) { progress.update(i, desc, p); };
    const auto tune_start = std::chrono::steady_clock::now();
    const TuneResult r = engine.tune(desc, options);
    const double tune_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - tune_start).count();
    progress.done(i, desc, r);
    failed += r.failed;
    const bool timed = r.time_s > 0 && r.heuristic_s > 0;
    table.add({label(desc), descriptor_without_name(desc), seconds_or_dash(r.heuristic_s),
               seconds_or_dash(r.time_s), timed ? format_fixed(r.heuristic_s / r.time_s, 2) + "x" : "-",
               r.plan, how(r, tune_s)});
  }
  const double total_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  table.print(std::cout);
  std::cout << problems.size() << " problems tuned in " << format_fixed(total_s, 1) << " s (effort "
            << to_string(options.effort) << ", " << engine.threads() << " threads, isa "
            << to_string(engine.cpu().isa) << ")\n";
  // The engine knows where its wisdom came from: --wisdom or CONVJIT_WISDOM.
  const char* env = std::getenv("CONVJIT_WISDOM");
  if (!o.kernel.wisdom.empty() || (env && *env)) {
    if (!engine.save_wisdom())
      throw Error("--wisdom", "the wisdom could not be saved (the warning above says why)");
    std::cout << "wisdom saved to " << (o.kernel.wisdom.empty() ? env : o.kernel.wisdom) << "\n";
  } else {
    std::cout << "wisdom not kept: give --wisdom PATH or set CONVJIT_WISDOM\n";
  }
  return failed ? 1 : 0;
}

}  // namespace

Subcommand add_tune_command(CLI::App& app) {
  auto o = std::make_shared<TuneCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "tune", "Measure the best plans of problems on this CPU and keep them as wisdom");
  add_problem_list_options(*cmd, o->problems);
  cmd->add_option("--effort", o->effort,
                  "estimate (no measuring), measure (about 1 s a problem), patient (about 10 s) "
                  "or exhaustive (every candidate)")
      ->type_name("EFFORT")
      ->capture_default_str();
  cmd->add_option("--budget", o->budget_s,
                  "Seconds per problem, compiling and checking included (0: the effort's own)")
      ->check(CLI::NonNegativeNumber)
      ->type_name("SECONDS");
  add_data_options(*cmd, o->kernel);
  add_threads_option(*cmd, o->kernel.threads);
  add_wisdom_option(*cmd, o->kernel.wisdom,
                    "Wisdom file to read, extend and save (default: CONVJIT_WISDOM, if set)");
  return {cmd, [o] { return tune(*o); }};
}

}  // namespace convjit
