// Engines, tuning and wisdom through the C ABI.
#include <cstdio>
#include <string>

#include "capi/handles.hpp"
#include "capi/status.hpp"
#include "tuning/tuner.hpp"
#include "tuning/wisdom.hpp"

using convjit::capi::guarded;
using convjit::capi::require;

namespace {

// convjit_effort mirrors convjit::Effort value for value.
static_assert(static_cast<int>(convjit::Effort::estimate) == CONVJIT_EFFORT_ESTIMATE &&
              static_cast<int>(convjit::Effort::measure) == CONVJIT_EFFORT_MEASURE &&
              static_cast<int>(convjit::Effort::patient) == CONVJIT_EFFORT_PATIENT &&
              static_cast<int>(convjit::Effort::exhaustive) == CONVJIT_EFFORT_EXHAUSTIVE);

const char* interned(convjit_engine& engine, const std::string& text) {
  std::lock_guard lock(engine.plans_mutex);
  return engine.plans.insert(text).first->c_str();
}

}  // namespace

extern "C" {

convjit_status convjit_engine_create(const convjit_engine_options* options,
                                     convjit_engine** engine) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    convjit::EngineOptions o;
    if (options) {
      o.threads = options->threads;
      if (options->max_isa) o.max_isa = options->max_isa;
      if (options->wisdom_path) o.wisdom_path = options->wisdom_path;
      o.flush_denormals = options->flush_denormals != 0;
    }
    auto handle = std::make_unique<convjit_engine>();
    handle->engine = std::make_shared<convjit::Engine>(std::move(o));
    handle->cpu = handle->engine->cpu().str();
    *engine = handle.release();
  });
}

void convjit_engine_destroy(convjit_engine* engine) { delete engine; }

convjit_status convjit_engine_cpu(const convjit_engine* engine, const char** cpu) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(cpu, "cpu");
    *cpu = engine->cpu.c_str();
  });
}

convjit_status convjit_engine_threads(const convjit_engine* engine, int* threads) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(threads, "threads");
    *threads = engine->engine->threads();
  });
}

convjit_status convjit_engine_tune(convjit_engine* engine, const convjit_problem* problem,
                                   convjit_effort effort, double budget_s,
                                   convjit_tune_result* result) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    const convjit::ConvDesc desc = convjit::capi::to_desc(problem);
    convjit::TuneOptions options;
    options.effort = convjit::capi::to_effort(effort);
    // C++ reads a budget <= 0 as the effort's own; C says so with 0 alone.
    if (!(budget_s >= 0)) {  // NaN too
      char text[64];
      std::snprintf(text, sizeof text, "budget_s=%g must be >= 0 (0: the effort's own)", budget_s);
      throw convjit::Error("budget_s", text);
    }
    options.budget_s = budget_s;
    const convjit::TuneResult tuned = engine->engine->tune(desc, options);
    if (!result) return;
    convjit_tune_result r;
    r.plan = interned(*engine, tuned.plan);
    r.heuristic_plan = interned(*engine, tuned.heuristic_plan);
    r.time_s = tuned.time_s;
    r.heuristic_s = tuned.heuristic_s;
    r.candidates = tuned.candidates;
    r.measured = tuned.measured;
    r.failed = tuned.failed;
    r.from_wisdom = tuned.from_wisdom ? 1 : 0;
    r.effort = static_cast<convjit_effort>(tuned.effort);
    *result = r;
  });
}

convjit_status convjit_engine_load_wisdom(convjit_engine* engine, const char* path, int* loaded) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(path, "path");
    if (!*path) throw convjit::Error("path", "path is empty");
    // The engine's own load_wisdom only logs the reason; C gets it.
    const convjit::WisdomLoad load = convjit::EngineInternals::load_wisdom(*engine->engine, path);
    if (load.status == convjit::WisdomLoad::unusable)
      throw convjit::capi::IoError(
          "path", "path " + std::string(path) + ": wisdom file ignored: " + load.reason);
    if (loaded) *loaded = load.status == convjit::WisdomLoad::merged ? 1 : 0;
  });
}

convjit_status convjit_engine_save_wisdom(const convjit_engine* engine, const char* path) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    const std::string target =
        path && *path ? path : convjit::EngineInternals::wisdom_path(*engine->engine);
    if (target.empty())
      throw convjit::Error("path", "path: none given, and the engine has no wisdom path "
                                   "(options.wisdom_path or CONVJIT_WISDOM)");
    if (auto failure = convjit::EngineInternals::save_wisdom(*engine->engine, target))
      throw convjit::capi::IoError("path", "path " + target + ": wisdom not saved: " + *failure);
  });
}

}  // extern "C"
