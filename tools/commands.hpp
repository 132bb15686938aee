#pragma once
// The subcommands. Each registers its options on the app and hands back the
// work to do once the command line parsed; the work returns the exit status.
#include <CLI/CLI.hpp>
#include <functional>

namespace convjit {

struct Subcommand {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

Subcommand add_info_command(CLI::App& app);
Subcommand add_run_command(CLI::App& app);
Subcommand add_bench_command(CLI::App& app);
Subcommand add_tune_command(CLI::App& app);
Subcommand add_dump_command(CLI::App& app);
Subcommand add_plan_command(CLI::App& app);
// What `convjit` with no subcommand does: every seed problem, checked.
int run_suite();

}  // namespace convjit
