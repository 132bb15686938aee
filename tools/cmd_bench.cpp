// `convjit bench`: careful timing of one problem (or of every seed problem),
// against this CPU's FMA peak, as a table or as JSON lines.
#include <algorithm>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "convjit/engine.hpp"
#include "jit/peak.hpp"
#include "tools/checked_run.hpp"
#include "tools/commands.hpp"
#include "tuning/measure.hpp"
#include "kernels/parallel.hpp"
#include "tools/options.hpp"
#include "tools/ragged.hpp"
#include "tools/report.hpp"
#include "tools/seeds_text.hpp"

namespace convjit {
namespace {

struct BenchOptions {
  std::string problem;  // empty: the seed problems
  KernelOptions kernel;
  bool json = false;
  std::string ragged;  // COUNT:MIN-MAX[:SEED]; empty: none
};

// Copies below this take one thread: the fork would cost more than it saves.
constexpr int64_t kMinThreadedCopyBytes = 1 << 20;

struct BenchResult {
  ConvDesc desc;
  std::string backend;  // "jit"; with --ragged "jit:ragged" or "jit:batch"
  std::string plan;
  Timing timing;
  double compile_s = 0;
  double gflops = 0;
  std::optional<double> peak_pct;  // none where the ISA has no FMA peak
  double memcpy_s = 0;  // a memcpy of the same input + output bytes, timed alike
};

void finish(Engine& engine, BenchResult& r, int64_t images);

BenchResult bench_one(Engine& engine, const ConvDesc& desc, Backend backend) {
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<Kernel> kernel = engine.make_kernel(desc, backend);
  BenchResult r;
  r.compile_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.desc = desc;
  r.backend = to_string(kernel->backend());
  r.plan = kernel->plan_str();
  const ProblemData data = make_problem_data(desc, desc.mb, Fill::integer, 1);
  Buffer dst = run_once(*kernel, data);
  r.timing = measure([&] { kernel->run(data.src.cview(), dst.view()); });
  // The floor of a memory-bound convolution: moving its bytes once, on as
  // many threads as the kernel runs large work on, so that a thread count's
  // speedup can be read against what the memory gives at that moment.
  const int64_t bytes = static_cast<int64_t>(data.src.bytes() + dst.bytes());
  Buffer from(DataType::f32, Shape{1, {bytes / 4 + 1}}), to(DataType::f32, Shape{1, {bytes / 4 + 1}});
  const int copiers = bytes >= kMinThreadedCopyBytes ? engine.threads() : 1;
  r.memcpy_s = measure([&] {
#pragma omp parallel for num_threads(copiers) schedule(static)
    for (int t = 0; t < copiers; ++t) {
      const auto [first, last] = split(bytes, copiers, t);
      std::memcpy(static_cast<char*>(to.data()) + first, static_cast<const char*>(from.data()) + first,
                  last - first);
    }
  }).min_s;
  finish(engine, r, desc.mb);
  return r;
}

// GFLOP/s and % of the FMA peak of a timed result of `images` images.
void finish(Engine& engine, BenchResult& r, int64_t images) {
  r.gflops = r.desc.flops(images) / r.timing.min_s / 1e9;
  const double peak = fma_peak_gflops(engine.cpu().isa, r.desc.dt) * engine.threads();
  if (peak > 0) r.peak_pct = 100 * r.gflops / peak;
}

// The ragged batch and one batch of the same images, timed in turn. The
// ragged tensors are separate allocations, as a user's would be; both runs
// must give the same bytes.
std::vector<BenchResult> bench_ragged(Engine& engine, ConvDesc desc, Backend backend,
                                      const RaggedSpec& spec) {
  const std::vector<int64_t> batches = ragged_batches(spec);
  int64_t total = 0;
  for (int64_t b : batches) total += b;
  desc.mb = std::max<int64_t>(total, 1);
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<Kernel> kernel = engine.make_kernel(desc, backend);
  const double compile_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const ProblemData data = make_problem_data(desc, total, Fill::integer, spec.seed);
  Buffer dst = run_once(*kernel, data);
  std::vector<Buffer> srcs, dsts;
  std::vector<TensorPair> pairs;
  const int64_t in_image = desc.src_shape(1).elems(), out_image = desc.dst_shape(1).elems();
  const std::size_t elem = size_of(desc.dt);
  int64_t offset = 0;
  for (int64_t b : batches) {
    srcs.emplace_back(desc.dt, desc.src_shape(b));
    dsts.emplace_back(desc.dt, desc.dst_shape(b));
    std::memcpy(srcs.back().data(), static_cast<const char*>(data.src.data()) + offset * in_image * elem,
                srcs.back().bytes());
    offset += b;
  }
  for (std::size_t i = 0; i < batches.size(); ++i) pairs.push_back({srcs[i].cview(), dsts[i].view()});
  kernel->run_ragged(pairs);
  offset = 0;
  for (std::size_t i = 0; i < batches.size(); ++i) {
    if (std::memcmp(dsts[i].data(), static_cast<const char*>(dst.data()) + offset * out_image * elem,
                    dsts[i].bytes()) != 0)
      throw std::runtime_error("ragged run differs from the single batch at tensor " + std::to_string(i));
    offset += batches[i];
  }
  std::vector<BenchResult> results(2);
  // Interleaved samples: neither side gets the quieter half of the run.
  for (int round = 0; round < 2; ++round) {
    for (int which = 0; which < 2; ++which) {
      BenchResult& r = results[which];
      Timing t = which == 0 ? measure([&] { kernel->run_ragged(pairs); })
                            : measure([&] { kernel->run(data.src.cview(), dst.view()); });
      if (round == 0 || t.min_s < r.timing.min_s) r.timing = t;
    }
  }
  for (int which = 0; which < 2; ++which) {
    BenchResult& r = results[which];
    r.desc = desc;
    r.backend = std::string(to_string(kernel->backend())) + (which == 0 ? ":ragged" : ":batch");
    r.plan = kernel->plan_str();
    r.compile_s = compile_s;
    finish(engine, r, total);
  }
  return results;
}

nlohmann::json to_json(const BenchResult& r, int threads) {
  return {{"problem", r.desc.str()},
          {"dt", to_string(r.desc.dt)},
          {"layout", to_string(r.desc.layout)},
          {"post_ops", to_string(r.desc.post_ops)},
          {"threads", threads},
          {"backend", r.backend},
          {"plan", r.plan},
          {"min_s", r.timing.min_s},
          {"median_s", r.timing.median_s},
          {"samples", r.timing.samples},
          {"gflops", r.gflops},
          {"peak_pct", r.peak_pct ? nlohmann::json(*r.peak_pct) : nlohmann::json(nullptr)},
          {"compile_s", r.compile_s},
          {"memcpy_s", r.memcpy_s}};
}

int bench(const BenchOptions& o) {
  std::vector<ConvDesc> problems;
  if (!o.problem.empty()) {
    problems.push_back(make_desc(o.problem, o.kernel));
  } else {
    for (const ShapeEntry& e : parse_shape_text(kSeedsText, "seeds.txt"))
      problems.push_back(make_desc(e.desc, o.kernel));
  }
  Engine engine(engine_options(o.kernel.threads, o.kernel.wisdom));
  const Backend backend = backend_of(o.kernel);
  Table table({"problem", "descriptor", "dt", "post-ops", "backend", "min", "median", "GFLOP/s",
               "% peak", "compile", "x memcpy"});
  std::vector<BenchResult> results;
  for (const ConvDesc& desc : problems) {
    if (o.ragged.empty()) {
      results.push_back(bench_one(engine, desc, backend));
    } else {
      for (BenchResult& r : bench_ragged(engine, desc, backend, parse_ragged(o.ragged)))
        results.push_back(std::move(r));
    }
  }
  for (const BenchResult& r : results) {
    const ConvDesc& desc = r.desc;
    if (o.json) {
      std::cout << to_json(r, engine.threads()).dump() << std::endl;  // a line per result, now
      continue;
    }
    table.add({display_name(desc), descriptor_without_name(desc), std::string(to_string(desc.dt)),
               to_string(desc.post_ops), r.backend,
               format_seconds(r.timing.min_s), format_seconds(r.timing.median_s),
               format_fixed(r.gflops, 2), r.peak_pct ? format_fixed(*r.peak_pct, 1) : "-",
               format_seconds(r.compile_s),
               r.memcpy_s > 0 ? format_fixed(r.timing.min_s / r.memcpy_s, 2) : "-"});
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
  cmd->add_option("--ragged", o->ragged,
                  "COUNT tensors with batch sizes uniform in MIN..MAX (the problem's mb ignored): "
                  "times the ragged call and one batch of the same images")
      ->type_name("COUNT:MIN-MAX[:SEED]");
  return {cmd, [o] { return bench(*o); }};
}

}  // namespace convjit
