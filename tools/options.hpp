#pragma once
// Options shared by the subcommands that build kernels (run, bench), and
// their conversion into library values.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "convjit/conv_desc.hpp"
#include "convjit/engine.hpp"

namespace convjit {

struct KernelOptions {
  std::string dt = "f32";
  std::string post_ops = "none";
  std::string layout = "ncx";
  std::string algorithm = "direct";
  std::string backend = "auto";
  int threads = 0;  // 0: OpenMP's default
  std::string wisdom;  // wisdom file; empty: CONVJIT_WISDOM, if set
};

// --dt --post-ops --layout --backend --threads --wisdom. The words are
// converted by the library's own parsers (make_desc, backend_of), so the
// CLI and the API accept the same words and report them the same way.
void add_kernel_options(CLI::App& cmd, KernelOptions& options);
// --dt --post-ops --layout alone (tune has no backend to choose).
void add_data_options(CLI::App& cmd, KernelOptions& options);
void add_threads_option(CLI::App& cmd, int& threads);
// --isa avx512|avx2, capped like CONVJIT_MAX_ISA.
void add_isa_option(CLI::App& cmd, std::string& isa);

// The problems of a command that takes one or a shape file of them.
struct ProblemList {
  std::string problem, batch;
  int64_t mb = 0;  // 0: each problem's own
};
// --problem DESC, --batch FILE (one or the other) and --mb N.
void add_problem_list_options(CLI::App& cmd, ProblemList& list);
// The problems as given, --mb applied; `command` names the help to read
// when neither option is given.
std::vector<ConvDesc> problems_of(const ProblemList& list, const std::string& command);
void add_wisdom_option(CLI::App& cmd, std::string& path, const std::string& help);

// The problem with the options' data type, layout and post-ops; validated.
ConvDesc make_desc(ConvDesc desc, const KernelOptions& options);
ConvDesc make_desc(const std::string& descriptor, const KernelOptions& options);
Backend backend_of(const KernelOptions& options);
// Also sets OpenMP's thread count, which the kernels' drivers use.
EngineOptions engine_options(int threads, const std::string& wisdom = "");

}  // namespace convjit
