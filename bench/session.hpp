#pragma once
// One benchmark run: the rows (problem x threads), the implementations, and
// the Google Benchmark cases that time them, registered row by row so the
// implementations of a row run one after another (interleaved, in one
// process). Before an implementation is timed on a row, its output is
// compared with the reference; a disagreement is recorded, not timed.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench/impl.hpp"
#include "bench/results.hpp"
#include "convjit/engine.hpp"
#include "validation/test_data.hpp"

namespace convjit::bench {

struct Options {
  std::vector<std::string> suites;  // empty: every suite
  std::vector<int> threads{1, 2};
  std::vector<std::string> dts;    // empty: each suite's default
  std::vector<std::string> impls;  // empty: every implementation built in
  // Each convjit column again on src and dst this many bytes past a cache line.
  std::vector<int64_t> offsets;
  bool cold = false;
  // The data every implementation is checked on: integer (direct
  // convolution exact) or real (uniform, as the error tables quote).
  std::string fill = "integer";  // or "real"
  double min_time = 0.06;  // seconds per repetition
  int repetitions = 5;
  std::string out_dir;
  bool plots = true;
  bool list = false;
};

class Session {
 public:
  explicit Session(Options options);
  ~Session();

  // Registers one Google Benchmark case per row and implementation.
  void register_benchmarks();
  // The benchmark body of one case.
  void run_case(benchmark::State& state, std::size_t row, std::size_t impl);
  // Called by the reporter with the repetitions of one case.
  void record(const std::string& case_name, const std::vector<benchmark::BenchmarkReporter::Run>& runs);

  const Report& report() const { return report_; }
  const Options& options() const { return options_; }

 private:
  struct Data {
    std::string key;
    ProblemData problem;
    Buffer ref, got;
    std::string error;  // making the data or the reference failed
  };
  Data& data_for(const Problem& problem);
  Engine& engine(int threads);
  int slots_for(const Problem& problem) const;
  void release_live();

  Options options_;
  Fill fill_;
  std::vector<ImplInfo> impls_;
  Report report_;
  std::map<std::string, std::pair<std::size_t, std::size_t>> cases_;  // name -> (row, impl)
  std::map<int, std::unique_ptr<Engine>> engines_;
  std::unique_ptr<Data> data_;
  std::unique_ptr<Impl> live_;
  std::size_t live_row_ = SIZE_MAX, live_impl_ = SIZE_MAX;
  int done_ = 0;
};

// Collects the repetitions into the session and prints a line per case.
class Reporter : public benchmark::BenchmarkReporter {
 public:
  explicit Reporter(Session& session) : session_(session) {}
  bool ReportContext(const Context&) override { return true; }
  void ReportRuns(const std::vector<Run>& runs) override;

 private:
  Session& session_;
};

}  // namespace convjit::bench
