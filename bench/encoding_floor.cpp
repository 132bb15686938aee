#include "bench/encoding_floor.hpp"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <optional>

#include <unistd.h>

#include "bench/suites.hpp"
#include "bench/xbyak_replay.hpp"
#include "convjit/engine.hpp"
#include "convjit/error.hpp"
#include "jit/executable_memory.hpp"
#include "jit/jit_code.hpp"
#include "kernels/planned_kernel.hpp"
#include "planner/strategy.hpp"
#include "tools/report.hpp"

namespace convjit::bench {
namespace {

// Warm repeats per problem, after one untimed run of each; min and median.
constexpr int kRepeats = 50;
// The table's columns; a problem without generated code fills them with "-".
constexpr const char* kColumns[] = {"suite",        "problem", "dt",        "strategy", "bytes",     "insns",
                                    "first",        "emit min", "emit med", "copy min", "floor min", "floor med",
                                    "floor ns/insn", "runnable min", "ratio", "gen ratio", "paired", "W^X ratio",
                                    "check"};

template <class F>
double seconds(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct Times {
  std::vector<double> s;
  double min() const { return *std::min_element(s.begin(), s.end()); }
  double median() const {
    std::vector<double> v = s;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
  }
};

double median_of(std::vector<double> v) { return Times{std::move(v)}.median(); }

struct RowResult {
  std::string name;
  double ratio = 0, gen_ratio = 0, paired = 0, runnable_ratio = 0, ns_per_insn = 0;
  int insns = 0, same = 0, skipped = 0;
};

// One problem: its kernel's code timed three ways, interleaved repeat by
// repeat: emit (the strategy's generator and the copy into executable
// memory), the copy alone, the replay; then the replay made runnable as
// Xbyak makes code under W^X.
std::optional<RowResult> measure(Engine& engine, const Problem& problem, Table& table,
                                 std::map<std::string, int>& not_replayed) {
  const std::unique_ptr<Kernel> kernel = engine.make_kernel(problem.desc, Backend::jit);
  const auto& planned = dynamic_cast<const PlannedKernel&>(*kernel);
  const JitCode* code = planned.jit_code();
  if (!code) {  // a driver without generated code: shown, not timed
    std::vector<std::string> row{problem.suite, problem.name, std::string(to_string(problem.desc.dt)),
                                 std::string(planned.plan().strategy->name())};
    row.resize(std::size(kColumns) - 1, "-");  // the message in the check column
    row.push_back("no generated code");
    table.add(std::move(row));
    return std::nullopt;
  }
  const Plan& plan = planned.plan();
  const WorkProblem work(problem.desc);  // what the engine made the plan for (kernels/engine.cpp)
  const std::span<const uint8_t> bytes(code->code(), code->size());

  Program program = decode(code->code(), code->size());
  std::vector<uint8_t> buffer(std::max<std::size_t>(64 << 10, 2 * code->size()));
  const int same = check_replay(program, code->code(), buffer);
  const std::size_t page = std::size_t(sysconf(_SC_PAGESIZE));
  const std::size_t runnable_bytes = (code->size() + page - 1) / page * page;

  // Warm: one of each, untimed; and the emit checked to be the kernel's code.
  bool emit_same = false, runnable_same = false;
  {
    const std::shared_ptr<const JitCode> again = plan.strategy->emit(work, plan);
    emit_same = again->size() == bytes.size() && std::memcmp(again->code(), bytes.data(), bytes.size()) == 0;
    ExecutableCode::copy_of(bytes);
    const std::size_t replayed = replay(program, buffer);
    const std::unique_ptr<Xbyak::CodeGenerator> runnable = replay_runnable(program, runnable_bytes);
    runnable_same = runnable->getSize() == replayed && std::memcmp(runnable->getCode(), buffer.data(), replayed) == 0;
  }
  Times emit, copy, floor, runnable;
  for (int r = 0; r < kRepeats; ++r) {
    std::shared_ptr<const JitCode> made;
    std::unique_ptr<ExecutableCode> copied;
    emit.s.push_back(seconds([&] { made = plan.strategy->emit(work, plan); }));
    copy.s.push_back(seconds([&] { copied = ExecutableCode::copy_of(bytes); }));
    floor.s.push_back(seconds([&] { replay(program, buffer); }));
  }
  // Apart: its mmap, mprotect and munmap would cool the caches of whichever
  // of the others ran next.
  for (int r = 0; r < kRepeats; ++r) {
    std::unique_ptr<Xbyak::CodeGenerator> xbyak;
    runnable.s.push_back(seconds([&] { xbyak = replay_runnable(program, runnable_bytes); }));
  }

  RowResult row;
  row.name = problem.suite + "/" + problem.name + "/" + std::string(to_string(problem.desc.dt));
  for (const Insn& i : program.insns) {
    row.insns += 1;
    if (!i.skip) continue;
    row.skipped += 1;
    ++not_replayed[i.mnemonic == ZYDIS_MNEMONIC_INVALID ? "(undecodable byte)" : ZydisMnemonicGetString(i.mnemonic)];
  }
  row.same = same;
  row.ratio = emit.min() / floor.min();
  row.gen_ratio = (emit.min() - copy.min()) / floor.min();
  row.runnable_ratio = emit.min() / runnable.min();
  // Each repeat's emit over its own replay, run right after it: steadier
  // than the mins where the machine's speed drifts during a row.
  std::vector<double> pairs;
  for (int r = 0; r < kRepeats; ++r) pairs.push_back(emit.s[r] / floor.s[r]);
  row.paired = median_of(pairs);
  row.ns_per_insn = floor.min() * 1e9 / std::max(1, row.insns - row.skipped);
  const double us = 1e6;
  std::string check = std::to_string(same) + "/" + std::to_string(row.insns);
  if (row.skipped) check += " (" + std::to_string(row.skipped) + " not replayed)";
  if (!emit_same) check += " (emit differs from the kernel's code)";
  if (!runnable_same) check += " (runnable replay differs from the replay)";
  table.add({problem.suite, problem.name, std::string(to_string(problem.desc.dt)), std::string(plan.strategy->name()),
             std::to_string(bytes.size()), std::to_string(row.insns), format_fixed(code->compile_seconds() * us, 1),
             format_fixed(emit.min() * us, 1), format_fixed(emit.median() * us, 1), format_fixed(copy.min() * us, 1),
             format_fixed(floor.min() * us, 1), format_fixed(floor.median() * us, 1), format_fixed(row.ns_per_insn, 1),
             format_fixed(runnable.min() * us, 1), format_fixed(row.ratio, 2), format_fixed(row.gen_ratio, 2),
             format_fixed(row.paired, 2), format_fixed(row.runnable_ratio, 2), check});
  return row;
}

void summarize(std::ostream& out, const std::vector<RowResult>& rows, const std::map<std::string, int>& not_replayed) {
  if (rows.empty()) return;
  auto line = [&](const char* what, double RowResult::*field) {
    std::vector<double> v;
    const RowResult* worst = &rows.front();
    int within = 0;
    for (const RowResult& r : rows) {
      v.push_back(r.*field);
      within += r.*field <= 1.5;
      if (r.*field > worst->*field) worst = &r;
    }
    out << "- " << what << ": median " << format_fixed(median_of(v), 2) << ", max " << format_fixed(worst->*field, 2)
        << " (" << worst->name << "); " << within << " of " << rows.size() << " rows within 1.5x\n";
  };
  line("emit / floor", &RowResult::ratio);
  line("(emit - copy) / floor", &RowResult::gen_ratio);
  line("paired ratio", &RowResult::paired);
  line("emit / runnable floor", &RowResult::runnable_ratio);
  std::vector<double> ns;
  int insns = 0, same = 0, skipped = 0;
  for (const RowResult& r : rows) {
    ns.push_back(r.ns_per_insn);
    insns += r.insns;
    same += r.same;
    skipped += r.skipped;
  }
  out << "- floor: median " << format_fixed(median_of(ns), 1) << " ns per instruction\n"
      << "- replay check: " << same << " of " << insns << " instructions replayed byte for byte, " << skipped
      << " not replayed (left out of the floor)";
  for (const auto& [name, count] : not_replayed) out << "; " << name << " x" << count;
  out << "\n";
}

}  // namespace

int encoding_floor(const FloorOptions& o, std::ostream& out) {
  std::vector<DataType> dts;
  for (const std::string& d : o.dts) dts.push_back(parse_data_type(d, "--dt"));
  EngineOptions eo;
  eo.threads = 1;
  eo.max_isa = o.isa;
  Engine engine(eo);
  const CpuFacts& cpu = engine.cpu();
  if (!o.isa.empty() && cpu.isa != parse_isa(o.isa, "--isa"))
    throw Error("--isa", "--isa " + o.isa + ": this CPU has only " + std::string(to_string(cpu.detected_isa)));
  if (cpu.isa == Isa::scalar) throw Error("--isa", "no JIT on this CPU (the JIT needs AVX2+FMA): no code to time");

  std::vector<Problem> problems;  // all made first: a bad --suite fails before any output
  for (const std::string& suite : o.suites.empty() ? default_suite_names() : o.suites)
    for (Problem& p : make_suite(suite, dts, CONVJIT_PROBLEMS_DIR)) problems.push_back(std::move(p));

  out << "# Code generation against its floor: Xbyak encoding the same instructions\n\n"
      << "CPU: " << cpu.str() << "; code for " << to_string(cpu.isa) << "; 1 thread; " << kRepeats
      << " warm repeats per problem, interleaved; times in us.\n\n"
      << "- first: the kernel's compile by the engine (JitCode::compile_seconds: cold, once).\n"
      << "- emit: `plan.strategy->emit(work, plan)`: the strategy's generator on its thread's buffer, then the "
         "copy into executable memory.\n"
      << "- copy: `ExecutableCode::copy_of` of the same bytes alone; emit - copy is the generator alone.\n"
      << "- floor: the kernel's code decoded (Zydis) and replayed by a plain Xbyak::CodeGenerator on a buffer "
         "made beforehand: its construction, one Xbyak call per instruction (through a switch on the "
         "mnemonic; operands built before the timing), branches to Xbyak::Labels at their real targets (made per replay; near or short as in the "
         "original), nops as nop(length).\n"
      << "- runnable: the same replay the way Xbyak itself makes runnable code under W^X: a CodeGenerator that "
         "allocates its own bytes (the code's size in whole pages; DontSetProtectRWE), the same calls, then "
         "setProtectModeRE(); released after the timing. What a kernel costs from Xbyak alone.\n"
      << "- ratio: emit min / floor min; gen ratio: (emit min - copy min) / floor min; paired: the median "
         "over repeats of emit / floor of the same repeat; W^X ratio: emit min / runnable min.\n"
      << "- check: instructions whose replayed bytes equal the kernel's / instructions.\n\n";
  Table table(std::vector<std::string>(std::begin(kColumns), std::end(kColumns)));
  std::vector<RowResult> rows;
  std::map<std::string, int> not_replayed;
  for (const Problem& problem : problems)
    if (std::optional<RowResult> row = measure(engine, problem, table, not_replayed)) rows.push_back(*row);
  table.print(out);
  out << "\n";
  summarize(out, rows, not_replayed);
  return 0;
}

}  // namespace convjit::bench
