#include "bench/results.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "tools/report.hpp"

namespace convjit::bench {

double ImplResult::min_s() const { return *std::min_element(samples.begin(), samples.end()); }

double ImplResult::median_s() const {
  std::vector<double> s = samples;
  std::sort(s.begin(), s.end());
  const std::size_t mid = s.size() / 2;
  return s.size() % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

double Report::peak(const Row& row) const {
  return (row.problem.desc.dt == DataType::f32 ? peak_f32 : peak_f64) * row.threads;
}

double Report::gflops(const Row& row, std::size_t i) const {
  return row.problem.gflop() / row.impls[i].min_s();
}

double Report::peak_pct(const Row& row, std::size_t i) const {
  const double p = peak(row);
  return p > 0 ? 100 * gflops(row, i) / p : 0;
}

int Report::best_peer(const Row& row) const {
  int best = -1;
  for (std::size_t i = 1; i < row.impls.size(); ++i)
    if (impl_keys[i].rfind("convjit", 0) != 0 &&  // convjit's other layout is no peer
        row.impls[i].timed() && (best < 0 || row.impls[i].min_s() < row.impls[best].min_s()))
      best = static_cast<int>(i);
  return best;
}

namespace {

std::string status_word(Status s) {
  switch (s) {
    case Status::not_run: return "";
    case Status::skipped: return "-";
    case Status::failed: return "n/a";
    case Status::wrong: return "WRONG";
    case Status::ok: return "ok";
  }
  return "?";
}

std::string fmt(const char* format, double v) {
  char text[64];
  std::snprintf(text, sizeof text, format, v);
  return text;
}

std::string format_rate(double v) {
  return v >= 100 ? fmt("%.0f", v) : v >= 10 ? fmt("%.1f", v) : v >= 1 ? fmt("%.2f", v) : fmt("%.3f", v);
}

// Floating-point operations with an SI prefix: "32", "61.4 k", "18.8 M", "2.31 G".
std::string format_flop(double gflop) {
  const double v = gflop * 1e9;
  if (v >= 1e9) return fmt("%.3g G", v / 1e9);
  if (v >= 1e6) return fmt("%.3g M", v / 1e6);
  if (v >= 1e3) return fmt("%.3g k", v / 1e3);
  return fmt("%.3g", v);
}

std::string dt_of(const Row& row) { return std::string(to_string(row.problem.desc.dt)); }

std::vector<std::string> suites_in(const Report& r) {
  std::vector<std::string> suites;
  for (const Row& row : r.rows)
    if (std::find(suites.begin(), suites.end(), row.problem.suite) == suites.end())
      suites.push_back(row.problem.suite);
  return suites;
}

bool anything_ran(const Row& row) {
  return std::any_of(row.impls.begin(), row.impls.end(),
                     [](const ImplResult& r) { return r.status != Status::not_run; });
}

std::string kib_mib(int64_t bytes) {
  return bytes >= (1 << 20) ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes >> 10) + " KiB";
}

void write_summary(std::ostream& out, const Report& r, const std::string& suite) {
  std::vector<std::string> header{"problem", "dt", "thr", "flop", "convjit min", "convjit median",
                                  "GFLOP/s", "% peak"};
  for (std::size_t i = 1; i < r.impl_names.size(); ++i) header.push_back(r.impl_names[i]);
  Table table(header);
  // Geometric mean of the ratios, per thread count.
  std::map<int, std::vector<std::vector<double>>> ratios;
  for (const Row& row : r.rows) {
    if (row.problem.suite != suite || !anything_ran(row)) continue;
    const ImplResult& cj = row.impls[0];
    std::vector<std::string> cells{row.problem.name, dt_of(row), std::to_string(row.threads),
                                   format_flop(row.problem.gflop())};
    if (cj.timed()) {
      cells.insert(cells.end(), {format_seconds(cj.min_s()), format_seconds(cj.median_s()),
                                 format_rate(r.gflops(row, 0)), fmt("%.1f", r.peak_pct(row, 0))});
    } else {
      cells.insert(cells.end(), {status_word(cj.status), "", "", ""});
    }
    auto& per_peer = ratios[row.threads];
    per_peer.resize(row.impls.size());
    for (std::size_t i = 1; i < row.impls.size(); ++i) {
      const ImplResult& peer = row.impls[i];
      const ImplResult& base = row.impls[r.impl_baselines[i]];
      if (peer.timed() && base.timed()) {
        const double ratio = peer.min_s() / base.min_s();
        cells.push_back(fmt("%.2f", ratio));
        per_peer[i].push_back(ratio);
      } else if (peer.timed()) {
        cells.push_back(std::string("(") + format_seconds(peer.min_s()) + ")");
      } else {
        cells.push_back(status_word(peer.status));
      }
    }
    if (row.untrusted) cells[0] += " (reference mostly zeros)";
    table.add(cells);
  }
  for (const auto& [threads, per_peer] : ratios) {
    std::vector<std::string> cells{"geomean", "", std::to_string(threads), "", "", "", "", ""};
    for (std::size_t i = 1; i < r.impl_names.size(); ++i) {
      const std::vector<double>& v = i < per_peer.size() ? per_peer[i] : std::vector<double>{};
      if (v.empty()) {
        cells.push_back("");
        continue;
      }
      double log_sum = 0;
      for (double x : v) log_sum += std::log(x);
      cells.push_back(fmt("%.2f", std::exp(log_sum / static_cast<double>(v.size()))));
    }
    table.add(cells);
  }
  table.print(out);
}

void write_details(std::ostream& out, const Report& r, const std::string& suite) {
  Table table({"problem", "dt", "thr", "implementation", "min", "median", "GFLOP/s", "% peak",
               "create (cold)", "create (cached)", "bind", "fresh copy", "note"});
  for (const Row& row : r.rows) {
    if (row.problem.suite != suite || !anything_ran(row)) continue;
    for (std::size_t i = 0; i < row.impls.size(); ++i) {
      const ImplResult& x = row.impls[i];
      if (x.status == Status::not_run) continue;
      std::vector<std::string> cells{row.problem.name, dt_of(row), std::to_string(row.threads),
                                     r.impl_names[i]};
      if (x.timed()) {
        cells.insert(cells.end(), {format_seconds(x.min_s()), format_seconds(x.median_s()),
                                   format_rate(r.gflops(row, i)), fmt("%.1f", r.peak_pct(row, i))});
      } else {
        cells.insert(cells.end(), {status_word(x.status), "", "", ""});
      }
      cells.push_back(x.create_cold_s ? format_seconds(*x.create_cold_s) : "");
      cells.push_back(x.create_cached_s ? format_seconds(*x.create_cached_s) : "");
      cells.push_back(x.bind_s ? format_seconds(*x.bind_s) + fmt(" (%.2f GB/s)", double(x.bind_bytes) / *x.bind_s / 1e9)
                               : "");
      cells.push_back(x.fresh_copy_s ? fmt("%.2f GB/s", double(x.bind_bytes) / *x.fresh_copy_s / 1e9) : "");
      std::string note = x.status == Status::ok ? x.note : x.message;
      std::replace(note.begin(), note.end(), '|', '/');  // a Markdown cell
      std::replace(note.begin(), note.end(), '\n', ' ');
      cells.push_back(note);
      table.add(cells);
    }
  }
  table.print(out);
}

}  // namespace

void write_markdown(std::ostream& out, const Report& r, bool details) {
  out << "CPU: " << r.cpu.model << "; ISA " << to_string(r.cpu.isa) << ", L3 "
      << kib_mib(r.cpu.l3_bytes) << "; FMA peak of one core, measured in this run: f32 "
      << fmt("%.1f", r.peak_f32) << ", f64 " << fmt("%.1f", r.peak_f64) << " GFLOP/s.\n";
  out << "Timing: " << (r.cold ? "cold cache (src and dst rotated through copies of at least " +
                                     kib_mib(r.cold_bytes) + ")"
                               : std::string("warm cache"))
      << "; each case " << r.repetitions << " repetitions of at least " << fmt("%.2f", r.min_time)
      << " s after a warm-up; min and median of the repetitions, per call. Started " << r.started
      << ".\n\n";
  out << "Peer columns: the peer's time / convjit's time (min); above 1, convjit is faster. "
         "(time): the peer's time where convjit has none. WRONG: disagreed with the reference, "
         "not timed; n/a: failed on the problem; -: does not apply. flop: 2 x the multiply-adds over valid taps only; "
         "% peak is of the FMA peak times the threads. A convjit column named +N (--offset): its "
         "time on src and dst N bytes past a cache line / its time on aligned ones.\n";
  for (const std::string& suite : suites_in(r)) {
    out << "\n### " << suite << "\n\n";
    write_summary(out, r, suite);
  }
  if (!details) return;
  out << "\n## Every implementation\n\nCreation: convjit's make_kernel (cold: planned and compiled; "
         "cached: the engine's caches), then bind (the weights packed; fresh copy: the same bytes "
         "memcpy'd just after into memory never touched before, mapped for it, 2 MiB pages from 1 "
         "MiB as packed weights take: what the OS charges a first bind for its pages); oneDNN's primitive desc + "
         "primitive (cold: first in this process; cached: the primitive again, from oneDNN's "
         "primitive cache), its weight reorder apart.\n";
  for (const std::string& suite : suites_in(r)) {
    out << "\n### " << suite << "\n\n";
    write_details(out, r, suite);
  }
}

void write_json(std::ostream& out, const Report& r) {
  using nlohmann::json;
  json rows = json::array();
  for (const Row& row : r.rows) {
    if (!anything_ran(row)) continue;
    json impls = json::object();
    for (std::size_t i = 0; i < row.impls.size(); ++i) {
      const ImplResult& x = row.impls[i];
      if (x.status == Status::not_run) continue;
      json j{{"name", r.impl_names[i]},
             {"status", x.status == Status::ok ? "ok" : status_word(x.status)},
             {"message", x.message},
             {"note", x.note}};
      if (x.timed()) {
        j["min_s"] = x.min_s();
        j["median_s"] = x.median_s();
        j["samples_s"] = x.samples;
        j["calls_per_sample"] = x.calls_per_sample;
        j["gflops"] = r.gflops(row, i);
        j["peak_pct"] = r.peak_pct(row, i);
        if (i > 0 && row.impls[0].timed()) j["ratio_to_convjit"] = x.min_s() / row.impls[0].min_s();
      }
      j["create_cold_s"] = x.create_cold_s ? json(*x.create_cold_s) : json(nullptr);
      j["create_cached_s"] = x.create_cached_s ? json(*x.create_cached_s) : json(nullptr);
      j["bind_s"] = x.bind_s ? json(*x.bind_s) : json(nullptr);
      j["bind_bytes"] = x.bind_bytes;
      j["fresh_copy_s"] = x.fresh_copy_s ? json(*x.fresh_copy_s) : json(nullptr);
      j["max_rel_err"] = x.max_rel_err;
      impls[r.impl_keys[i]] = j;
    }
    json jr{{"suite", row.problem.suite},
            {"problem", row.problem.name},
            {"descriptor", descriptor_without_name(row.problem.desc)},
            {"dt", dt_of(row)},
            {"threads", row.threads},
            {"calls", row.problem.pieces.size()},
            {"gflop", row.problem.gflop()},
            {"reference_trusted", !row.untrusted},
            {"impls", impls}};
    const int best = r.best_peer(row);
    if (best > 0) {
      jr["best_peer"] = r.impl_keys[best];
      if (row.impls[0].timed())
        jr["speedup_vs_best_peer"] = row.impls[best].min_s() / row.impls[0].min_s();
    }
    rows.push_back(jr);
  }
  json doc{{"cpu", {{"model", r.cpu.model},
                    {"isa", to_string(r.cpu.isa)},
                    {"l3_bytes", r.cpu.l3_bytes},
                    {"logical_cpus", r.cpu.logical_cpus}}},
           {"fma_peak_gflops_per_core", {{"f32", r.peak_f32}, {"f64", r.peak_f64}}},
           {"cold_cache", r.cold},
           {"cold_bytes", r.cold_bytes},
           {"min_time_s", r.min_time},
           {"repetitions", r.repetitions},
           {"started", r.started},
           {"implementations", r.impl_keys},
           {"rows", rows}};
  out << doc.dump(1) << "\n";
}

}  // namespace convjit::bench
