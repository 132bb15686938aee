// Dispatch and the mapping of failures to exit statuses, in one place so
// every subcommand reports errors the same way.
#include "tools/cli.hpp"

#include <exception>
#include <iostream>
#include <vector>

#include "convjit/error.hpp"
#include "tools/commands.hpp"

namespace convjit {
namespace {

constexpr int kBadInput = 2;

int fail(const std::string& message) {
  std::cerr << "convjit: error: " << message << "\n";
  return kBadInput;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{
      "convjit: JIT-compiled convolutions. With no subcommand, runs the default "
      "suite: every seed problem computed and checked against the reference.",
      "convjit"};
  app.require_subcommand(0, 1);
  const std::vector<Subcommand> commands = {
      add_info_command(app), add_run_command(app), add_bench_command(app),
      add_tune_command(app), add_dump_command(app), add_plan_command(app)};
  try {
    app.parse(argc, argv);
    for (const Subcommand& c : commands)
      if (c.app->parsed()) return c.run();
    return run_suite();
  } catch (const CLI::ParseError& e) {
    // --help is a ParseError with status 0; CLI11 prints it.
    if (e.get_exit_code() == 0) return app.exit(e);
    return fail(std::string(e.what()) + " (see convjit --help)");
  } catch (const Error& e) {
    return fail(e.what());
  } catch (const std::exception& e) {
    // Filesystem and allocation failures: still the user's input that could
    // not be honoured, and still a clean message rather than an abort.
    return fail(e.what());
  }
}

}  // namespace convjit
