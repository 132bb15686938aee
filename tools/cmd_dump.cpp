// `convjit dump`: the code the engine makes for one problem, as annotated
// assembly under the plan that shaped it; optionally also as files.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "convjit/engine.hpp"
#include "convjit/error.hpp"
#include "kernels/code_dump.hpp"
#include "kernels/planned_kernel.hpp"
#include "planner/strategy.hpp"
#include "tools/commands.hpp"
#include "tools/options.hpp"
#include "tools/output_dir.hpp"
#include "tools/report.hpp"

namespace convjit {
namespace {

struct DumpOptions {
  std::string problem;
  KernelOptions kernel;  // dt, post-ops, layout, threads, wisdom; no backend
  std::string isa;       // empty: CONVJIT_MAX_ISA, else the best the CPU has
  std::string out;
};

// What a plan field means, for the strategy at hand; empty if unknown.
std::string meaning(const std::string& field, const Plan& p) {
  if (std::string own = p.strategy->field_meaning(field); !own.empty()) return own;
  if (field == "isa") return "instruction set of the code";
  if (field == "vlen") return "lanes per vector";
  if (field == "ur_h") return "output rows per register block";
  if (field == "oc_blk") return "output channels per register block";
  if (field == "ic_blk") return "input channels per pass over the output";
  if (field == "staged")
    return p.staged ? "input copied first (padding, stride phases, layout)" : "input read in place";
  if (field == "weights") {
    if (p.weights == WeightRegs::stationary) return "a tap's weights held in registers, inputs streamed";
    if (p.weights == WeightRegs::held) return "every tap's weights held in registers, inputs loaded once";
    return "inputs held, weights broadcast from memory";
  }
  if (field == "threads") return "threads a run uses";
  return "";
}

std::string cell(const nlohmann::ordered_json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  return v.dump();
}

// Every field of the plan's JSON, so a field added to Plan shows up here
// too: the usual ones first, in the order the one-line form has them.
void print_plan(std::ostream& out, const Plan& p) {
  const nlohmann::ordered_json fields = nlohmann::ordered_json::parse(p.to_json());
  std::vector<std::string> order = {"strategy", "isa",    "vlen",   "ur_w",
                                    "ur_h",     "oc_blk", "ic_blk", "staged"};
  for (const auto& [key, value] : fields.items())
    if (std::find(order.begin(), order.end(), key) == order.end() && key != "threads")
      order.push_back(key);
  order.push_back("threads");
  Table table({"field", "value", "meaning"});
  for (const std::string& key : order) {
    if (!fields.contains(key)) continue;
    table.add({key, cell(fields[key]), meaning(key, p)});
  }
  table.print(out);
}

int dump(const DumpOptions& o) {
  const ConvDesc desc = make_desc(o.problem, o.kernel);
  if (!o.out.empty()) check_output_dir(o.out, "--out");
  EngineOptions options = engine_options(o.kernel.threads, o.kernel.wisdom);
  options.max_isa = o.isa;
  Engine engine(options);
  const CpuFacts& cpu = engine.cpu();
  // A cap only lowers the ISA: asking for more than the CPU has is an error,
  // not a quiet dump of other code.
  if (!o.isa.empty() && cpu.isa != parse_isa(o.isa, "--isa"))
    throw Error("--isa", "--isa " + o.isa + ": this CPU has only " +
                             std::string(to_string(cpu.detected_isa)));
  if (cpu.isa == Isa::scalar)
    throw Error("backend", "no code to dump for " + desc.full_str() +
                               ": its backend is the interpreter, not the JIT (the ISA is " +
                               std::string(to_string(cpu.isa)) + "; the JIT needs AVX2+FMA)");
  const std::unique_ptr<Kernel> kernel = engine.make_kernel(desc, Backend::jit);
  const auto& planned = dynamic_cast<const PlannedKernel&>(*kernel);
  const JitCode& code = *planned.jit_code();

  std::cout << "problem  " << desc.str() << "\n"
            << "         " << desc.full_str() << "\n"
            << "plan     " << planned.plan_str() << "\n";
  if (const std::string note = planned.work_note(); !note.empty()) std::cout << "         " << note << "\n";
  std::cout << "\n";
  print_plan(std::cout, planned.plan());
  std::cout << "\ncode     " << code.size() << " bytes, compiled in "
            << format_seconds(code.compile_seconds()) << "\n";
  for (const CodeEntry& e : code_entries(code))
    std::cout << "entry    " << describe(e) << "\n";
  std::cout << "\n" << kernel->disassembly();

  if (!o.out.empty()) {
    std::vector<OutputFile> files;
    for (DumpFile& f : dump_files(desc, planned.plan(), code))
      files.push_back({f.name, [bytes = std::move(f.bytes)](std::ostream& s) { s << bytes; }});
    write_files_atomically(o.out, files);
    std::cout << "\nwrote " << (std::filesystem::path(o.out) / dump_name(desc, planned.plan())).string()
              << ".{bin,asm,json}\n";
  }
  return 0;
}

}  // namespace

Subcommand add_dump_command(CLI::App& app) {
  auto o = std::make_shared<DumpOptions>();
  CLI::App* cmd = app.add_subcommand(
      "dump", "Show the code compiled for one problem: plan, size, annotated assembly");
  cmd->add_option("--problem", o->problem, "Problem descriptor")->required()->type_name("DESC");
  add_data_options(*cmd, o->kernel);
  add_threads_option(*cmd, o->kernel.threads);
  add_wisdom_option(*cmd, o->kernel.wisdom,
                    "Wisdom file: dump the tuned plan it holds (default: CONVJIT_WISDOM, if set)");
  add_isa_option(*cmd, o->isa);
  cmd->add_option("--out", o->out,
                  "Also write <name>.bin, <name>.asm and <name>.json into DIR, <name> from the "
                  "problem and the plan")
      ->type_name("DIR");
  return {cmd, [o] { return dump(*o); }};
}

}  // namespace convjit
