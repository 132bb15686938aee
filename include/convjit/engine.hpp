#pragma once
// Engine: CPU facts, options, and the factory of kernels. Compiled code is
// cached inside the engine and shared between the kernels it hands out.
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "convjit/conv_desc.hpp"
#include "convjit/cpu.hpp"
#include "convjit/kernel.hpp"

namespace convjit {
// Internal, so declared before the exported part: libconvjit.so keeps it local.
struct EngineInternals;
}  // namespace convjit

#pragma GCC visibility push(default)
namespace convjit {

struct EngineOptions {
  int threads = 0;      // 0: OpenMP's default (all cores)
  std::string max_isa;  // "avx512", "avx2", "scalar"; empty: CONVJIT_MAX_ISA or none
  // Wisdom (tuned plans) loaded at construction and save_wisdom's default
  // path; empty: CONVJIT_WISDOM, or none. An unusable file is a warning.
  std::string wisdom_path;
  // Flush denormals to zero (FTZ and DAZ) in every thread while kernels run.
  // Off by default: results then equal the reference, denormals included.
  // On trades that exactness on denormal data for speed, as denormal
  // arithmetic can be many times slower (README.md, Denormals).
  bool flush_denormals = false;
};

// How hard Engine::tune works for one problem, as FFTW's planner does.
enum class Effort : uint8_t {
  estimate,    // nothing measured: the planner's heuristic plan
  measure,     // the cost model's best few candidates, about a second
  patient,     // a wider neighbourhood, about ten seconds
  exhaustive,  // every legal candidate, no time limit
};
std::string_view to_string(Effort effort);
// Throws Error naming `field` on an unknown word.
Effort parse_effort(std::string_view text, const std::string& field = "effort");

// Where a tuning run stands, reported after each candidate.
struct TuneProgress {
  int measured = 0;   // candidates checked and timed so far
  int planned = 0;    // candidates the effort allows
  double best_s = 0;  // fastest time per run so far
  double left_s = 0;  // budget left (infinite without one)
};

struct TuneOptions {
  Effort effort = Effort::measure;
  // Seconds for the problem, compiling and checking included; 0: the
  // effort's own (measure 1, patient 10, exhaustive none).
  double budget_s = 0;
  std::function<void(const TuneProgress&)> progress;
};

struct TuneResult {
  std::string plan;            // the chosen plan, on one line
  std::string heuristic_plan;  // the planner's pick without measuring
  double time_s = 0;           // min time per run of `plan`; 0: not measured
  double heuristic_s = 0;      // the same for the heuristic plan
  Effort effort = Effort::estimate;  // the effort that found `plan`
  int candidates = 0;        // legal plans for the problem
  int measured = 0;          // checked (output exact on integer data) and timed
  int failed = 0;            // computed a wrong output: reported as bugs
  bool from_wisdom = false;  // the wisdom answered; nothing was measured
};

// What the engine's code cache has done so far.
struct EngineStats {
  int64_t compiled = 0;   // kernels generated (cache misses)
  int64_t reused = 0;     // cache hits
  double jit_seconds = 0; // time spent generating code
};

class Engine {
 public:
  explicit Engine(EngineOptions options = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  const CpuFacts& cpu() const noexcept;
  int threads() const noexcept;
  EngineStats stats() const;

  // A new kernel for desc (validated first; throws Error). Backend::automatic
  // is the JIT where the CPU has AVX2, else the interpreter.
  std::unique_ptr<Kernel> make_kernel(const ConvDesc& desc,
                                      Backend backend = Backend::automatic);
  // Plans and compiles every problem now, so that make_kernel() of any of
  // them later only takes it from the caches (well under a microsecond):
  // no compile on a hot path. Throws Error on the first invalid problem,
  // its message starting "problems[i]: "; those before it stay compiled.
  void warm_up(std::span<const ConvDesc> problems);

  // Finds the fastest plan for desc on this CPU, unless the wisdom already
  // answers at this effort or more, and records it in the engine's wisdom:
  // make_kernel(desc) uses it from then on. Every candidate's output is
  // checked against the reference's (exactly, on integer data) before it is
  // timed; one that differs is never chosen and is logged as a bug.
  TuneResult tune(const ConvDesc& desc, const TuneOptions& options = {});
  // Merges a wisdom file into the engine's. False, with a warning naming the
  // reason, when it is unusable (stale, foreign, truncated, corrupt); false
  // without one when it does not exist.
  bool load_wisdom(const std::string& path);
  // Writes the engine's wisdom, merged with what the file holds, through a
  // temporary file and a rename. Empty path: EngineOptions::wisdom_path or
  // CONVJIT_WISDOM. False, with a warning, when it cannot.
  bool save_wisdom(const std::string& path = "") const;

 private:
  friend struct EngineInternals;  // tuning/tuner.hpp: kernels for explicit plans
  struct __attribute__((visibility("hidden"))) Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace convjit
#pragma GCC visibility pop
