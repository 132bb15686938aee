#pragma once
// The tuner: measures the cost model's best candidates for one problem on
// this CPU and keeps the fastest one whose output is exactly the checked one
// (tuning/tuner.cpp says how it is checked).
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "convjit/engine.hpp"
#include "kernels/buffer.hpp"
#include "planner/plan.hpp"

namespace convjit {

struct WisdomLoad;  // tuning/wisdom.hpp

// The engine's door for the tuner and its tests: a kernel that runs `plan`
// exactly, from the engine's code cache (throws Error naming "plan" when
// the plan cannot compute desc or cannot run on this engine).
struct EngineInternals {
  static std::unique_ptr<Kernel> make_kernel_for_plan(Engine& engine, const ConvDesc& desc,
                                                      const Plan& plan, Backend backend);
  // Engine::load_wisdom and save_wisdom with the reason returned, not logged:
  // the C API (capi/) puts it in its error message. save_wisdom's path is
  // the file itself (wisdom_path() resolves the default); nullopt: saved.
  static WisdomLoad load_wisdom(Engine& engine, const std::string& path);
  static std::optional<std::string> save_wisdom(const Engine& engine, const std::string& path);
  // EngineOptions::wisdom_path, or CONVJIT_WISDOM; empty when neither is set.
  static const std::string& wisdom_path(const Engine& engine);
};

struct TunerHooks {
  // Tests: pretend the compiled kernel of this plan computes a wrong value
  // (its first output element, one more than it should be).
  std::function<bool(const Plan&)> break_candidate;
  // Tests: seconds of busy waiting added to each timed run of this plan's
  // kernel, so that a test knows which candidate is fastest.
  std::function<double(const Plan&)> slow_down;
  // Tests: change what this plan's kernel wrote into dst, as a wrong kernel
  // would: anywhere, in any way. dst: the timed batch of desc.mb images
  // (the distinct images only when the kernel makes the expected output).
  std::function<void(const Plan&, Buffer& dst)> corrupt_output;
  // Tests: images of the batch the check keeps distinct (0: the tuner's
  // choice; the batch repeats them).
  int64_t distinct_images = 0;
};

struct Tuned {
  Plan plan;       // the fastest candidate that passed the check
  Plan heuristic;  // make_plan's pick
  double time_s = 0, heuristic_s = 0;  // min per run; 0: not measured
  Effort effort = Effort::estimate;    // estimate when nothing was measured
  int candidates = 0, measured = 0, failed = 0;
};

// Tunes desc for engine's CPU and thread count within options' effort and
// budget. Estimate, or a CPU without a JIT, measures nothing.
Tuned tune_problem(Engine& engine, const ConvDesc& desc, const TuneOptions& options,
                   const TunerHooks& hooks = {});

TuneResult to_result(const Tuned& tuned);

}  // namespace convjit
