#pragma once
// Options shared by the subcommands that build kernels (run, bench), and
// their conversion into library values.
#include <CLI/CLI.hpp>
#include <string>

#include "convjit/conv_desc.hpp"
#include "convjit/engine.hpp"

namespace convjit {

struct KernelOptions {
  std::string dt = "f32";
  std::string post_ops = "none";
  std::string layout = "ncx";
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
void add_wisdom_option(CLI::App& cmd, std::string& path, const std::string& help);

// The problem with the options' data type, layout and post-ops; validated.
ConvDesc make_desc(ConvDesc desc, const KernelOptions& options);
ConvDesc make_desc(const std::string& descriptor, const KernelOptions& options);
Backend backend_of(const KernelOptions& options);
// Also sets OpenMP's thread count, which the kernels' drivers use.
EngineOptions engine_options(int threads, const std::string& wisdom = "");

}  // namespace convjit
