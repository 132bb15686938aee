#include "bench/session.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <iostream>

#include "bench/suites.hpp"
#include "convjit/error.hpp"
#include "jit/peak.hpp"
#include "validation/reference.hpp"
#include "tools/report.hpp"

namespace convjit::bench {
namespace {

// A relative error on two digits: "0" or "2.6e-06".
std::string error_str(double e) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2g", e);
  return text;
}

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return text;
}

bool wanted(const std::vector<std::string>& list, const std::string& word) {
  return list.empty() || std::find(list.begin(), list.end(), word) != list.end();
}

int64_t llc_bytes(const CpuFacts& cpu) {
  return cpu.l3_bytes > 0 ? cpu.l3_bytes : cpu.l2_bytes > 0 ? cpu.l2_bytes : int64_t{32} << 20;
}

}  // namespace

Session::Session(Options options)
    : options_(std::move(options)), fill_(options_.fill == "real" ? Fill::real : Fill::integer) {
  for (const std::string& s : options_.suites)
    if (!wanted(suite_names(), s)) throw Error("--suite", "unknown suite '" + s + "'");
  for (int t : options_.threads)
    if (t < 1) throw Error("--threads", "thread counts must be >= 1");
  std::vector<DataType> dts;
  for (const std::string& d : options_.dts) dts.push_back(parse_data_type(d, "--dt"));

  for (ImplInfo& info : all_impls())
    if ((options_.impls.empty() ? !info.on_request : wanted(options_.impls, info.key)) ||
        info.key == "convjit")
      impls_.push_back(std::move(info));
  for (const std::string& k : options_.impls)
    if (std::none_of(impls_.begin(), impls_.end(), [&](const ImplInfo& i) { return i.key == k; }))
      throw Error("--impl", "no implementation '" + k + "' in this build");
  // Offset columns follow the aligned ones they are compared with.
  const std::size_t aligned = impls_.size();
  report_.impl_baselines.assign(aligned, 0);
  for (int64_t offset : options_.offsets) {
    if (offset <= 0 || offset % 4 || offset >= 64)
      throw Error("--offset", "--offset " + std::to_string(offset) +
                                  " must be a multiple of 4 bytes in 4..60 (past a cache line)");
    for (std::size_t i = 0; i < aligned; ++i) {
      ImplInfo (*variant)(int64_t) = impls_[i].key == "convjit"          ? convjit_impl
                                     : impls_[i].key == "convjit_nhwc"    ? convjit_nhwc_impl
                                     : impls_[i].key == "convjit_blocked" ? convjit_blocked_impl
                                                                          : nullptr;
      if (!variant) continue;
      impls_.push_back(variant(offset));
      report_.impl_baselines.push_back(i);
    }
  }
  for (const ImplInfo& info : impls_) {
    report_.impl_names.push_back(info.name);
    report_.impl_keys.push_back(info.key);
  }

  for (const std::string& suite : suite_names()) {
    if (options_.suites.empty() ? !wanted(default_suite_names(), suite)
                                : !wanted(options_.suites, suite))
      continue;
    for (Problem& p : make_suite(suite, dts, CONVJIT_PROBLEMS_DIR)) {
      for (int t : options_.threads) {
        Row row{p, t, std::vector<ImplResult>(impls_.size()), false};
        for (std::size_t i = 0; i < impls_.size(); ++i) {
          if (std::string why = impls_[i].skip_reason(p); !why.empty()) {
            row.impls[i].status = Status::skipped;
            row.impls[i].message = why;
          }
        }
        report_.rows.push_back(std::move(row));
      }
    }
  }

  report_.cpu = engine(options_.threads.front()).cpu();
  report_.cold = options_.cold;
  report_.cold_bytes = options_.cold ? 2 * llc_bytes(report_.cpu) : 0;
  report_.min_time = options_.min_time;
  report_.repetitions = options_.repetitions;
  report_.started = utc_now();
}

Session::~Session() { release_live(); }

void Session::release_live() {
  live_.reset();
  live_row_ = live_impl_ = SIZE_MAX;
}

Engine& Session::engine(int threads) {
  auto& e = engines_[threads];
  if (!e) {
    EngineOptions eo;
    eo.threads = threads;
    e = std::make_unique<Engine>(eo);
  }
  return *e;
}

int Session::slots_for(const Problem& p) const {
  if (!options_.cold) return 1;
  const int64_t bytes = static_cast<int64_t>(size_of(p.desc.dt)) * (p.src_elems() + p.dst_elems());
  const int64_t want = (report_.cold_bytes + bytes - 1) / std::max<int64_t>(bytes, 1);
  return static_cast<int>(std::clamp<int64_t>(want, 1, 1 << 16));
}

void Session::register_benchmarks() {
  // The FMA peak, measured now, in the same run as the timings.
  report_.peak_f32 = fma_peak_gflops(report_.cpu.isa, DataType::f32);
  report_.peak_f64 = fma_peak_gflops(report_.cpu.isa, DataType::f64);
  for (std::size_t r = 0; r < report_.rows.size(); ++r) {
    const Row& row = report_.rows[r];
    for (std::size_t i = 0; i < impls_.size(); ++i) {
      if (row.impls[i].status == Status::skipped) continue;
      const std::string name = row.problem.suite + "/" + row.problem.name + "/" +
                               std::string(to_string(row.problem.desc.dt)) + "/t" +
                               std::to_string(row.threads) + "/" + impls_[i].key;
      cases_[name] = {r, i};
      benchmark::RegisterBenchmark(name.c_str(),
                                   [this, r, i](benchmark::State& st) { run_case(st, r, i); })
          ->Repetitions(options_.repetitions)
          ->MinTime(options_.min_time)
          ->MinWarmUpTime(std::min(options_.min_time, 0.05))
          ->UseRealTime()
          ->ReportAggregatesOnly(false);
    }
  }
}

Session::Data& Session::data_for(const Problem& p) {
  if (data_ && data_->key == p.key()) return *data_;
  release_live();  // it may point into the old data
  data_.reset();
  data_ = std::make_unique<Data>();
  data_->key = p.key();
  try {
    data_->problem = make_problem_data(p.desc, p.desc.mb, fill_, 1);
    data_->ref = Buffer(p.desc.dt, p.desc.dst_shape(p.desc.mb));
    data_->got = Buffer(p.desc.dt, p.desc.dst_shape(p.desc.mb));
    reference_conv(p.desc, data_->problem.src.data(), data_->problem.wei.data(), nullptr,
                   data_->ref.data(), p.desc.mb);
  } catch (const std::exception& e) {
    data_->error = std::string("test data: ") + e.what();
  }
  return *data_;
}

void Session::run_case(benchmark::State& state, std::size_t r, std::size_t i) {
  Row& row = report_.rows[r];
  ImplResult& res = row.impls[i];
  const ImplInfo& info = impls_[i];
  if (res.status == Status::failed || res.status == Status::wrong) {
    state.SkipWithError(res.status == Status::wrong ? "WRONG" : "n/a");
    return;
  }
  const int slots = slots_for(row.problem);
  if (live_row_ != r || live_impl_ != i) {
    release_live();
    Data& data = data_for(row.problem);
    const bool first = res.status == Status::not_run;
    try {
      if (!data.error.empty()) throw std::runtime_error(data.error);
      std::unique_ptr<Impl> impl = info.make();
      impl->enter(row.threads);
      impl->prepare(Setup{row.problem, data.problem.wei, row.threads, slots,
                          &engine(row.threads)});
      if (first) {
        res.create_cold_s = impl->create_cold_s;
        res.create_cached_s = impl->create_cached_s;
        res.bind_s = impl->bind_s;
        res.fresh_copy_s = impl->fresh_copy_s;
        res.bind_bytes = impl->bind_bytes;
        res.note = impl->note;
      }
      // The check, before any timing: slot 0 against the reference.
      impl->load(0, data.problem.src);
      impl->run(0);
      impl->store(0, data.got);
      ConvDesc checked = row.problem.desc;
      checked.algorithm = info.algorithm;
      const Comparison c = compare(data.got, data.ref, tolerance(checked, fill_), false);
      res.max_rel_err = c.max_abs_err / largest_magnitude(data.ref);
      if (!c.trusted) row.untrusted = true;
      if (c.mismatches > 0) {
        res.status = Status::wrong;
        res.message = c.str();
        state.SkipWithError((std::string("WRONG: ") + c.str()).c_str());
        return;
      }
      for (int s = 1; s < slots; ++s) impl->load(s, data.problem.src);
      live_ = std::move(impl);
      live_row_ = r;
      live_impl_ = i;
      res.status = Status::ok;
    } catch (const std::exception& e) {
      res.status = Status::failed;
      res.message = e.what();
      state.SkipWithError(("n/a: " + res.message).c_str());
      return;
    }
  }
  Impl& impl = *live_;
  impl.enter(row.threads);
  try {
    int slot = 0;
    for (auto _ : state) {
      impl.run(slot);
      if (++slot == slots) slot = 0;
    }
  } catch (const std::exception& e) {
    res.status = Status::failed;
    res.message = std::string("while timing: ") + e.what();
    res.samples.clear();
    state.SkipWithError(("n/a: " + res.message).c_str());
    release_live();
  }
}

void Session::record(const std::string& name, const std::vector<benchmark::BenchmarkReporter::Run>& runs) {
  auto it = cases_.find(name);
  if (it == cases_.end()) return;
  // Google Benchmark reports the repetitions, then their aggregates apart.
  if (std::none_of(runs.begin(), runs.end(), [](const auto& run) {
        return run.run_type == benchmark::BenchmarkReporter::Run::RT_Iteration;
      }))
    return;
  const auto [r, i] = it->second;
  const Row& row = report_.rows[r];
  ImplResult& res = report_.rows[r].impls[i];
  for (const auto& run : runs) {
    if (run.run_type != benchmark::BenchmarkReporter::Run::RT_Iteration || run.error_occurred ||
        run.iterations <= 0)
      continue;
    res.samples.push_back(run.real_accumulated_time / static_cast<double>(run.iterations));
    res.calls_per_sample = run.iterations;
  }
  if (res.status != Status::ok) res.samples.clear();
  std::string line = std::string("[") + std::to_string(++done_) + "/" + std::to_string(cases_.size()) + "] " +
                     row.problem.suite + " " + row.problem.name + " " +
                     std::string(to_string(row.problem.desc.dt)) + " t" +
                     std::to_string(row.threads) + " " + impls_[i].name + ": ";
  if (res.timed()) {
    line += std::string("min ") + format_seconds(res.min_s()) + ", median " + format_seconds(res.median_s()) +
            ", " + format_fixed(report_.gflops(row, i), 2) + " GFLOP/s, error " + error_str(res.max_rel_err);
  } else if (res.status == Status::wrong) {
    line += "WRONG: " + res.message;
  } else if (res.status == Status::failed) {
    line += "n/a: " + res.message;
  } else {
    line += "no time";
  }
  std::cerr << line << std::endl;
}

void Reporter::ReportRuns(const std::vector<Run>& runs) {
  std::map<std::string, std::vector<Run>> by_case;
  for (const Run& run : runs) by_case[run.run_name.function_name].push_back(run);
  for (const auto& [name, group] : by_case) session_.record(name, group);
}

}  // namespace convjit::bench
