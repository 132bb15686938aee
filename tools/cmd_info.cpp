// `convjit info`: what convjit sees of this machine and what it will use.
#include <omp.h>

#include <cstdlib>
#include <iostream>
#include <memory>

#include "convjit/engine.hpp"
#include "tools/commands.hpp"
#include "tools/options.hpp"

namespace convjit {
namespace {

std::string yes_no(bool b) { return b ? "yes" : "no"; }

std::string kib(int64_t bytes) { return std::to_string(bytes >> 10) + " KiB"; }

int info(int threads) {
  const Engine engine(engine_options(threads));
  const CpuFacts& c = engine.cpu();
  std::cout << "cpu:      " << c.vendor << ", " << c.model << " (family " << c.family
            << ", model " << c.model_id << ", stepping " << c.stepping << ")\n"
            << "features: avx2=" << yes_no(c.avx2) << " fma=" << yes_no(c.fma)
            << " avx512f=" << yes_no(c.avx512f) << " avx512bw=" << yes_no(c.avx512bw)
            << " avx512vl=" << yes_no(c.avx512vl) << " avx512dq=" << yes_no(c.avx512dq) << "\n"
            << "isa:      " << to_string(c.isa) << " (detected " << to_string(c.detected_isa);
  if (const char* cap = std::getenv("CONVJIT_MAX_ISA"); cap && *cap)
    std::cout << ", CONVJIT_MAX_ISA=" << cap;
  std::cout << ")\n"
            << "caches:   L1d " << kib(c.l1d_bytes) << " (" << c.l1d_ways << "-way), L2 " << kib(c.l2_bytes) << ", L3 "
            << kib(c.l3_bytes) << "\n"
            << "cpus:     " << c.logical_cpus << " logical\n"
            << "threads:  " << engine.threads() << " (OpenMP max " << omp_get_max_threads()
            << ")\n";
  return 0;
}

}  // namespace

Subcommand add_info_command(CLI::App& app) {
  auto threads = std::make_shared<int>(0);
  CLI::App* cmd = app.add_subcommand(
      "info", "Show the CPU, the ISA features detected, the ISA that will be used, caches, threads");
  add_threads_option(*cmd, *threads);
  return {cmd, [threads] { return info(*threads); }};
}

}  // namespace convjit
