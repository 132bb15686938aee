#include "tools/options.hpp"

#include <omp.h>

#include "convjit/error.hpp"

namespace convjit {

void add_threads_option(CLI::App& cmd, int& threads) {
  cmd.add_option("--threads", threads, "Threads to use (0: OpenMP's default, all cores)")
      ->check(CLI::Range(0, 4096))
      ->type_name("N");
}

void add_isa_option(CLI::App& cmd, std::string& isa) {
  cmd.add_option("--isa", isa, "Instruction set, capped like CONVJIT_MAX_ISA (default: the best available)")
      ->check(CLI::IsMember({"avx512", "avx2"}))
      ->type_name("avx512|avx2");
}

void add_problem_list_options(CLI::App& cmd, ProblemList& list) {
  CLI::Option* problem =
      cmd.add_option("--problem", list.problem, "Problem descriptor, e.g. mb1ic3ih32oc10kh2sh2")
          ->type_name("DESC");
  cmd.add_option("--batch", list.batch, "Shape file of problems (benchdnn syntax), one per line")
      ->type_name("FILE")
      ->excludes(problem);
  cmd.add_option("--mb", list.mb, "Batch size for every problem (default: each problem's own)")
      ->check(CLI::PositiveNumber)
      ->type_name("N");
}

std::vector<ConvDesc> problems_of(const ProblemList& list, const std::string& command) {
  if (list.problem.empty() && list.batch.empty())
    throw Error("--problem", "--problem or --batch is required (see convjit " + command + " --help)");
  std::vector<ConvDesc> problems;
  if (!list.problem.empty()) problems.push_back(ConvDesc::parse(list.problem));
  else
    for (const ShapeEntry& e : read_shape_file(list.batch)) problems.push_back(e.desc);
  if (list.mb > 0)
    for (ConvDesc& d : problems) d.mb = list.mb;
  return problems;
}

void add_wisdom_option(CLI::App& cmd, std::string& path, const std::string& help) {
  cmd.add_option("--wisdom", path, help)->type_name("PATH");
}

void add_kernel_options(CLI::App& cmd, KernelOptions& o) {
  add_data_options(cmd, o);
  cmd.add_option("--backend", o.backend, "Kernel backend: auto, jit, interp or reference")
      ->type_name("NAME")
      ->capture_default_str();
  add_threads_option(cmd, o.threads);
  add_wisdom_option(cmd, o.wisdom,
                    "Wisdom file of tuned plans to use (default: CONVJIT_WISDOM, if set)");
}

void add_data_options(CLI::App& cmd, KernelOptions& o) {
  cmd.add_option("--dt", o.dt, "Data type: f32 or f64")
      ->type_name("f32|f64")
      ->capture_default_str();
  cmd.add_option("--post-ops", o.post_ops,
                 "Fused post-ops, comma-separated: bias, relu, bias,relu or none")
      ->type_name("LIST")
      ->capture_default_str();
  cmd.add_option("--layout", o.layout,
                 "Activation layout: ncx (ncw, nchw, ncdhw), nxc (nwc, nhwc, ndhwc), nCx8c or nCx16c (nChw8c, nChw16c, ...)")
      ->type_name("LAYOUT")
      ->capture_default_str();
  cmd.add_option("--algorithm", o.algorithm,
                 "How to compute: direct, winograd (3x3 stride 1, fewer multiplications, a larger rounding error), "
                 "winograd_2x2 (the accurate Winograd: F(2x2) only, shorter sums) or fastest")
      ->type_name("direct|winograd|winograd_2x2|fastest")
      ->capture_default_str();
}

ConvDesc make_desc(const std::string& descriptor, const KernelOptions& o) {
  return make_desc(ConvDesc::parse(descriptor), o);
}

ConvDesc make_desc(ConvDesc desc, const KernelOptions& o) {
  desc.dt = parse_data_type(o.dt, "--dt");
  desc.layout = parse_layout(o.layout, "--layout");
  desc.algorithm = parse_algorithm(o.algorithm, "--algorithm");
  desc.post_ops = parse_post_ops(o.post_ops, "--post-ops");
  desc.validate();
  return desc;
}

Backend backend_of(const KernelOptions& o) { return parse_backend(o.backend, "--backend"); }

EngineOptions engine_options(int threads, const std::string& wisdom) {
  if (threads > 0) omp_set_num_threads(threads);
  EngineOptions options;
  options.threads = threads;
  options.wisdom_path = wisdom;
  return options;
}

}  // namespace convjit
