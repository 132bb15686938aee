// `convjit` with no subcommand: every seed problem computed, checked exactly
// against the reference and timed, as a table.
#include <iostream>
#include <vector>

#include "convjit/engine.hpp"
#include "tools/checked_run.hpp"
#include "tools/commands.hpp"
#include "tuning/measure.hpp"
#include "tools/report.hpp"
#include "tools/seeds_text.hpp"

namespace convjit {
namespace {

struct Variant {
  DataType dt;
  PostOps post_ops;
};

// seeds.txt says which problems run in more than f32 without post-ops.
std::vector<Variant> variants_of(const ConvDesc& desc) {
  if (display_name(desc) != "seed:image3x3") return {{DataType::f32, {}}};
  const PostOps relu{.bias = false, .relu = true};
  return {{DataType::f32, {}}, {DataType::f64, {}}, {DataType::f32, relu}, {DataType::f64, relu}};
}

// Short, so the whole suite stays within seconds even on the reference
// backend; the bench subcommand is for careful timing.
constexpr MeasureLimits kSuiteTiming{.max_samples = 10, .max_total_s = 0.25};

}  // namespace

int run_suite() {
  Engine engine;
  Table table({"problem", "descriptor", "dt", "post-ops", "backend", "plan", "time", "GFLOP/s",
               "check"});
  int failures = 0;
  for (const ShapeEntry& entry : parse_shape_text(kSeedsText, "seeds.txt")) {
    for (const Variant& v : variants_of(entry.desc)) {
      ConvDesc desc = entry.desc;
      desc.dt = v.dt;
      desc.post_ops = v.post_ops;
      std::unique_ptr<Kernel> kernel = engine.make_kernel(desc, Backend::automatic);
      const ProblemData data = make_problem_data(desc, desc.mb, Fill::integer, 1);
      Buffer dst = run_once(*kernel, data);
      const Comparison cmp =
          check_against_reference(desc, data, dst, tolerance(desc, Fill::integer));
      failures += !cmp.ok();
      const Timing t =
          measure([&] { kernel->run(data.src.cview(), dst.view()); }, kSuiteTiming);
      table.add({display_name(desc), descriptor_without_name(desc),
                 std::string(to_string(desc.dt)), to_string(desc.post_ops),
                 std::string(to_string(kernel->backend())), kernel->plan_str(),
                 format_seconds(t.min_s), format_fixed(desc.flops(desc.mb) / t.min_s / 1e9, 2),
                 check_status(cmp)});
    }
  }
  table.print(std::cout);
  std::cout << (failures ? std::to_string(failures) + " check(s) FAILED" : "all checked")
            << "\n";
  return failures ? 1 : 0;
}

}  // namespace convjit
