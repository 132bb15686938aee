// `convjit run`: one problem computed, checked against the reference and
// timed; its tensors optionally loaded from or saved to .npy files.
#include <filesystem>
#include <iostream>
#include <memory>

#include "convjit/engine.hpp"
#include "convjit/error.hpp"
#include "tools/checked_run.hpp"
#include "tools/commands.hpp"
#include "tuning/measure.hpp"
#include "tools/npy.hpp"
#include "tools/options.hpp"
#include "tools/output_dir.hpp"
#include "tools/report.hpp"

namespace convjit {
namespace {

namespace fs = std::filesystem;

struct RunOptions {
  std::string problem;
  KernelOptions kernel;
  std::string fill = "integer";
  uint64_t seed = 1;
  std::string save, load;
};

constexpr MeasureLimits kRunTiming{.max_total_s = 0.5};

ProblemData load_data(const fs::path& dir, const ConvDesc& desc) {
  if (!fs::is_directory(dir))
    throw Error("--load", "--load " + dir.string() + ": no such directory");
  ProblemData data;
  data.src = read_npy((dir / "src.npy").string(), desc.dt, desc.src_shape(desc.mb));
  data.wei = read_npy((dir / "wei.npy").string(), desc.dt, desc.wei_shape());
  if (desc.post_ops.bias)
    data.bias = read_npy((dir / "bias.npy").string(), desc.dt, desc.bias_shape());
  return data;
}

void save_data(const fs::path& dir, const ProblemData& data, const Buffer& dst) {
  std::vector<OutputFile> files;
  auto add = [&](std::string name, const Buffer& buf) {
    files.push_back({std::move(name), [&buf](std::ostream& out) { write_npy(out, buf); }});
  };
  add("src.npy", data.src);
  add("wei.npy", data.wei);
  if (!data.bias.empty()) add("bias.npy", data.bias);
  add("dst.npy", dst);
  write_files_atomically(dir, files);
}

int run(const RunOptions& o) {
  // Everything the user gave is validated before anything is written.
  const ConvDesc desc = make_desc(o.problem, o.kernel);
  if (!o.save.empty()) check_output_dir(o.save, "--save");
  const Backend backend = backend_of(o.kernel);
  const Fill fill = o.fill == "real" ? Fill::real : Fill::integer;  // CLI11 admits only these
  const ProblemData data =
      o.load.empty() ? make_problem_data(desc, desc.mb, fill, o.seed) : load_data(o.load, desc);

  Engine engine(engine_options(o.kernel.threads, o.kernel.wisdom));
  std::unique_ptr<Kernel> kernel = engine.make_kernel(desc, backend);
  Buffer dst = run_once(*kernel, data);
  // Our fills have their own tolerance (integer: exact); loaded data may be
  // of any magnitude and structure: the worst case for its magnitudes.
  const double tol = o.load.empty() ? tolerance(desc, fill) : worst_case_tolerance(desc, magnitudes_of(data));
  const Comparison cmp = check_against_reference(desc, data, dst, tol);

  Buffer scratch(desc.dt, dst.shape());  // timing must not disturb dst
  const Timing t =
      measure([&] { kernel->run(data.src.cview(), scratch.view()); }, kRunTiming);
  std::cout << desc.full_str() << "  backend " << to_string(kernel->backend()) << "  plan "
            << kernel->plan_str() << "  time " << format_seconds(t.min_s) << "  "
            << check_status(cmp) << "\n";
  if (!cmp.ok()) return 1;
  if (!o.save.empty()) save_data(o.save, data, dst);
  return 0;
}

}  // namespace

Subcommand add_run_command(CLI::App& app) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand(
      "run", "Compute one problem, check it against the reference, time it");
  cmd->add_option("--problem", o->problem, "Problem descriptor, e.g. mb1ic3ih32oc10kh2sh2")
      ->required()
      ->type_name("DESC");
  add_kernel_options(*cmd, o->kernel);
  CLI::Option* fill =
      cmd->add_option("--fill", o->fill, "Input data: integer (checked exactly) or real")
          ->check(CLI::IsMember({"integer", "real"}))
          ->type_name("FILL")
          ->capture_default_str();
  CLI::Option* seed = cmd->add_option("--seed", o->seed, "Seed of the filled data")
                          ->type_name("N")
                          ->capture_default_str();
  cmd->add_option("--save", o->save,
                  "Write src.npy, wei.npy, bias.npy (with the bias post-op), dst.npy into DIR "
                  "(created if missing; written only when the check passes)")
      ->type_name("DIR");
  cmd->add_option("--load", o->load,
                  "Read src.npy, wei.npy and bias.npy (with the bias post-op) from DIR instead "
                  "of filling")
      ->type_name("DIR")
      ->excludes(fill)
      ->excludes(seed);
  return {cmd, [o] { return run(*o); }};
}

}  // namespace convjit
