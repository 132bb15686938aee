#pragma once
// What a run found: one row per problem, data type and thread count, one
// result per implementation; and how to show it (Markdown, JSON, plots).
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "bench/problem.hpp"
#include "convjit/cpu.hpp"

namespace convjit::bench {

enum class Status : uint8_t {
  not_run,  // filtered out (--impl, --benchmark_filter)
  skipped,  // does not apply to the problem: "-"
  failed,   // threw (unsupported shape, data type, ...): "n/a"
  wrong,    // disagreed with the reference: "WRONG", not timed
  ok,       // agreed with the reference, timed
};

struct ImplResult {
  Status status = Status::not_run;
  std::string message;          // why skipped, n/a or WRONG
  std::string note;             // what ran (plan, oneDNN implementation, ...)
  std::vector<double> samples;  // seconds per call, one per repetition
  int64_t calls_per_sample = 0;
  std::optional<double> create_cold_s, create_cached_s, bind_s, fresh_copy_s;
  int64_t bind_bytes = 0;
  double max_rel_err = 0;  // of the check: max |got - reference| / max |reference|

  bool timed() const { return status == Status::ok && !samples.empty(); }
  double min_s() const;
  double median_s() const;
};

struct Row {
  Problem problem;
  int threads = 1;
  std::vector<ImplResult> impls;  // indexed like Report::impl_names
  bool untrusted = false;         // the reference was mostly zeros
};

struct Report {
  CpuFacts cpu;
  double peak_f32 = 0, peak_f64 = 0;  // GFLOP/s of one core
  bool cold = false;
  int64_t cold_bytes = 0;  // cold: src/dst copies rotated through at least this much
  double min_time = 0;
  int repetitions = 0;
  std::string started;  // UTC, ISO 8601
  std::vector<std::string> impl_names, impl_keys;
  // The column each column's time is divided by in the summary: convjit's
  // (0) for the peers, the aligned one for an offset convjit column.
  std::vector<std::size_t> impl_baselines;
  std::vector<Row> rows;

  double peak(const Row& row) const;  // FMA peak for the row's data type and threads
  // GFLOP/s and % of peak for implementation `i` of `row` (timed only).
  double gflops(const Row& row, std::size_t i) const;
  double peak_pct(const Row& row, std::size_t i) const;
  // Fastest timed peer of `row` (index into impls), or -1.
  int best_peer(const Row& row) const;
};

// One table per suite: convjit's times and the ratio of each peer's time to
// convjit's; with `details`, a table of every implementation as well.
void write_markdown(std::ostream& out, const Report& report, bool details);
void write_json(std::ostream& out, const Report& report);
// gflops.gp and speedup.gp in `dir`, then gnuplot makes the PNGs when it is
// installed. Returns a line saying what was written.
std::string write_plots(const std::string& dir, const Report& report);

}  // namespace convjit::bench
