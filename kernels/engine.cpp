// Engine: CPU facts, the thread count, the choice of backend per kernel and
// the cache of compiled code.
#include "convjit/engine.hpp"

#include <omp.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "convjit/error.hpp"
#include "kernels/code_hooks.hpp"
#include "kernels/inner.hpp"
#include "kernels/planned_kernel.hpp"
#include "kernels/problem_key.hpp"
#include "validation/reference_kernel.hpp"
#include "tuning/fastest.hpp"
#include "tuning/tuner.hpp"
#include "tuning/wisdom.hpp"
#include "problem/log.hpp"
#include "planner/strategy.hpp"
#include "planner/work_problem.hpp"

namespace convjit {
namespace {

// A code cache entry: empty until its owner has compiled it (or failed).
struct PendingCode {
  std::shared_ptr<const JitCode> code;
  std::exception_ptr error;
  bool done = false;
};

}  // namespace

struct Engine::Impl {
  CpuFacts cpu;
  int threads = 1;
  bool flush_denormals = false;  // EngineOptions::flush_denormals, for every kernel
  // Code cache (FBGEMM's pattern): look up under the lock; on a miss insert
  // a pending entry, generate outside the lock, fill it and wake whoever
  // waits for it. A failed generation leaves the error to the waiters and
  // removes the entry. Not std::promise: its set_value wakes a futex
  // whether or not anyone waits, a system call per compile, which with
  // cold caches took microseconds and, without PCID, the TLB with it.
  // (The generator version is not part of the key: code lives no longer
  // than the process that made it.)
  mutable std::mutex mutex;
  std::unordered_map<std::pair<WorkProblem, Plan>, std::shared_ptr<PendingCode>, ProblemHash, SameProblem> code;
  std::condition_variable code_done;
  int64_t hits = 0, misses = 0;
  double jit_seconds = 0;

  // Tuned plans (from a file, or from tune()), under their own lock so that
  // tuning never holds up the code cache.
  mutable std::mutex wisdom_mutex;
  std::optional<Wisdom> wisdom;
  std::string wisdom_path;
  // choose_plan()'s answers for problems already validated, under
  // wisdom_mutex, forgotten whenever the wisdom changes: a cached
  // make_kernel neither plans nor validates again.
  // The work problem is made once per user problem, with its plan.
  struct Chosen {
    WorkProblem work;
    Plan plan;
  };
  std::unordered_map<ConvDesc, Chosen, ProblemHash, SameProblem> plans;

  std::shared_ptr<const JitCode> code_for(const WorkProblem& work, const Plan& plan);
  // Backend::automatic resolved; throws Error when this CPU cannot run it.
  Backend resolve(Backend backend) const;
  // The wisdom's answer for desc found with at least `effort`, if this
  // engine can run it. A plan it cannot run is a warning, and forgotten.
  std::optional<WisdomEntry> wisdom_entry(const ConvDesc& desc, Effort effort);
  // The wisdom's plan when it has one, else the planner's (for
  // Algorithm::fastest with a JIT, each algorithm's plan timed, the faster
  // kept: tuning/fastest.hpp); validates desc the first time.
  Chosen choose_plan(const ConvDesc& desc);
  // The driver of plan's strategy around its inner kernel (compiled or
  // interpreted); code_size is the compiled code's, all of it.
  std::unique_ptr<Kernel> build(const ConvDesc& desc, const WorkProblem& work, const Plan& plan,
                                Backend backend, std::size_t& code_size);
};

Backend Engine::Impl::resolve(Backend backend) const {
  if (backend == Backend::automatic) backend = cpu.isa == Isa::scalar ? Backend::interp : Backend::jit;
  if (backend == Backend::jit && cpu.isa == Isa::scalar)
    throw Error("backend", "backend jit needs AVX2+FMA or AVX-512, and this CPU (capped) has " +
                               std::string(to_string(cpu.isa)));
  return backend;
}

std::optional<WisdomEntry> Engine::Impl::wisdom_entry(const ConvDesc& desc, Effort effort) {
  std::lock_guard lock(wisdom_mutex);
  std::optional<WisdomEntry> entry = wisdom->find(desc, threads, effort);
  if (!entry) return std::nullopt;
  if (auto why = engine_plan_rejection(desc, entry->plan, cpu.isa, threads)) {
    log().warn("wisdom: plan {} for {} ignored: {}", entry->plan.str(), desc.full_str(), *why);
    wisdom->erase(desc, threads);
    plans.clear();
    return std::nullopt;
  }
  return entry;
}

Engine::Impl::Chosen Engine::Impl::choose_plan(const ConvDesc& desc) {
  {
    std::lock_guard lock(wisdom_mutex);
    if (auto it = plans.find(desc); it != plans.end()) return it->second;
  }
  desc.validate();
  Chosen chosen{WorkProblem(desc), Plan()};
  if (auto entry = wisdom_entry(desc, Effort::estimate)) {
    log().info("plan from wisdom ({} effort) for {}: {}", to_string(entry->effort), desc.full_str(),
               entry->plan.str());
    chosen.plan = entry->plan;
  } else if (desc.algorithm == Algorithm::fastest && cpu.isa != Isa::scalar) {
    chosen.plan = fastest_measured(desc, fastest_candidates(chosen.work, cpu, threads), threads,
                                   [&](const Plan& plan) {
                                     std::size_t code_size = 0;
                                     return build(desc, chosen.work, plan, Backend::jit, code_size);
                                   });
  } else {
    chosen.plan = make_plan(chosen.work, cpu, cpu.isa, threads);
  }
  std::lock_guard lock(wisdom_mutex);
  plans.emplace(desc, chosen);
  return chosen;
}

std::unique_ptr<Kernel> Engine::Impl::build(const ConvDesc& desc, const WorkProblem& work, const Plan& plan,
                                            Backend backend, std::size_t& code_size) {
  const InnerSource inners = [&](const WorkProblem& w, const Plan& p) -> std::shared_ptr<const Inner> {
    if (backend != Backend::jit) return make_interpreter(w, p);
    auto jit = std::make_shared<JitInner>(code_for(w, p));
    code_size += jit->code().size();
    return jit;
  };
  std::unique_ptr<PlannedKernel> kernel = plan.strategy->driver(desc, work, plan, backend, inners);
  kernel->set_flush_denormals(flush_denormals);
  return kernel;
}

std::shared_ptr<const JitCode> Engine::Impl::code_for(const WorkProblem& desc, const Plan& plan) {
  // Keyed by what shapes the code: neither the thread count nor the batch
  // reaches it (the drivers split the work and loop over images), nor how
  // the groups were written, so problems and plans that differ only there
  // share code.
  std::pair<WorkProblem, Plan> key{desc, plan};
  key.first.mb = 1;
  key.first.g_written = false;
  key.second.threads = 0;
  std::shared_ptr<PendingCode> entry;
  {
    std::unique_lock lock(mutex);
    if (auto it = code.find(key); it != code.end()) {
      ++hits;
      entry = it->second;
      code_done.wait(lock, [&] { return entry->done; });
      if (entry->error) std::rethrow_exception(entry->error);
      return entry->code;
    }
    ++misses;
    entry = std::make_shared<PendingCode>();
    code.emplace(key, entry);
  }
  std::shared_ptr<const JitCode> result;
  std::exception_ptr error;
  try {
    result = emit_code(desc, plan);
    on_code_created(desc, plan, *result);
  } catch (...) {
    error = std::current_exception();
  }
  {
    std::lock_guard lock(mutex);
    entry->code = result;
    entry->error = error;
    entry->done = true;
    if (error) code.erase(key);
    else jit_seconds += result->compile_seconds();
  }
  code_done.notify_all();
  if (error) std::rethrow_exception(error);
  return result;
}

Engine::Engine(EngineOptions options) : impl_(std::make_unique<Impl>()) {
  if (options.threads < 0)
    throw Error("threads", "threads=" + std::to_string(options.threads) + " must be >= 0");
  impl_->cpu = CpuFacts::detect(options.max_isa);
  impl_->threads = options.threads > 0 ? options.threads : omp_get_max_threads();
  impl_->flush_denormals = options.flush_denormals;
  log().info("engine: {} threads, {}", impl_->threads, impl_->cpu.str());
  if (impl_->cpu.isa == Isa::scalar)
    log().warn("this CPU has no AVX2+FMA (or the ISA is capped): kernels run in the interpreter, "
               "far slower than compiled code");
  impl_->wisdom.emplace(CpuSignature::of(impl_->cpu));
  impl_->wisdom_path = options.wisdom_path;
  if (const char* env = std::getenv("CONVJIT_WISDOM"); impl_->wisdom_path.empty() && env)
    impl_->wisdom_path = env;
  if (!impl_->wisdom_path.empty()) load_wisdom(impl_->wisdom_path);
}

Engine::~Engine() {
  if (impl_->misses || impl_->hits)
    log().info("code cache: {} compiled, {} hits, {:.0f} us compiling", impl_->misses, impl_->hits,
               impl_->jit_seconds * 1e6);
}

const CpuFacts& Engine::cpu() const noexcept { return impl_->cpu; }

EngineStats Engine::stats() const {
  std::lock_guard lock(impl_->mutex);
  return {impl_->misses, impl_->hits, impl_->jit_seconds};
}
int Engine::threads() const noexcept { return impl_->threads; }

std::unique_ptr<Kernel> Engine::make_kernel(const ConvDesc& desc, Backend backend) {
  if (backend == Backend::reference) {
    desc.validate();
    return make_reference_kernel(desc);
  }
  backend = impl_->resolve(backend);

  auto start = std::chrono::steady_clock::now();
  // The interpreter runs the very plan the JIT would run (or the scalar one
  // on CPUs without AVX2), so the two agree bit for bit.
  const Isa isa = impl_->cpu.isa;
  const Impl::Chosen chosen = impl_->choose_plan(desc);
  const Plan& plan = chosen.plan;
  std::size_t code_size = 0;
  std::unique_ptr<Kernel> kernel = impl_->build(desc, chosen.work, plan, backend, code_size);
  double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  on_kernel_created(desc, plan, isa, backend, impl_->threads, code_size, us);  // the verbose line
  return kernel;
}

void Engine::warm_up(std::span<const ConvDesc> problems) {
  const bool jit = impl_->resolve(Backend::automatic) == Backend::jit;
  for (std::size_t i = 0; i < problems.size(); ++i) {
    try {
      const Impl::Chosen chosen = impl_->choose_plan(problems[i]);
      // A driver made and dropped: it takes every code it runs (a second
      // one for shifted wide rows) from the cache.
      std::size_t code_size = 0;
      if (jit) impl_->build(problems[i], chosen.work, chosen.plan, Backend::jit, code_size);
    } catch (const Error& e) {
      throw Error(e.field(), "problems[" + std::to_string(i) + "]: " + e.what());
    }
  }
}

TuneResult Engine::tune(const ConvDesc& desc, const TuneOptions& options) {
  desc.validate();
  if (auto entry = impl_->wisdom_entry(desc, options.effort)) {
    TuneResult r;
    r.plan = entry->plan.str();
    r.heuristic_plan = make_plan(desc, impl_->cpu, impl_->cpu.isa, impl_->threads).str();
    r.time_s = entry->time_s;
    r.heuristic_s = entry->heuristic_s;
    r.effort = entry->effort;
    r.from_wisdom = true;
    return r;
  }
  const Tuned tuned = tune_problem(*this, desc, options);
  std::lock_guard lock(impl_->wisdom_mutex);
  impl_->wisdom->add(desc, impl_->threads, {tuned.plan, tuned.time_s, tuned.heuristic_s, tuned.effort});
  impl_->plans.clear();
  return to_result(tuned);
}

// Wisdom never makes a run fail: whatever goes wrong is a warning.
bool Engine::load_wisdom(const std::string& path) {
  const WisdomLoad load = EngineInternals::load_wisdom(*this, path);
  switch (load.status) {
    case WisdomLoad::merged: {
      std::lock_guard lock(impl_->wisdom_mutex);
      log().info("wisdom: read {}, {} entries in all", path, impl_->wisdom->size());
      return true;
    }
    case WisdomLoad::missing:
      log().info("wisdom: {} does not exist yet", path);
      return false;
    case WisdomLoad::unusable: break;
  }
  log().warn("wisdom file {} ignored: {}", path, load.reason);
  return false;
}

bool Engine::save_wisdom(const std::string& path) const {
  const std::string& target = path.empty() ? impl_->wisdom_path : path;
  if (target.empty()) {
    log().warn("wisdom not saved: no path given and CONVJIT_WISDOM is not set");
    return false;
  }
  if (std::optional<std::string> failure = EngineInternals::save_wisdom(*this, target)) {
    log().warn("wisdom not saved to {}: {}", target, *failure);
    return false;
  }
  std::lock_guard lock(impl_->wisdom_mutex);
  log().info("wisdom: {} entries saved to {}", impl_->wisdom->size(), target);
  return true;
}

WisdomLoad EngineInternals::load_wisdom(Engine& engine, const std::string& path) {
  Engine::Impl& impl = *engine.impl_;
  std::lock_guard lock(impl.wisdom_mutex);
  impl.plans.clear();
  try {
    return impl.wisdom->merge_file(path);
  } catch (const std::exception& e) {
    return {WisdomLoad::unusable, e.what()};
  }
}

std::optional<std::string> EngineInternals::save_wisdom(const Engine& engine, const std::string& path) {
  const Engine::Impl& impl = *engine.impl_;
  std::lock_guard lock(impl.wisdom_mutex);
  try {
    return impl.wisdom->save(path);
  } catch (const std::exception& e) {
    return e.what();
  }
}

const std::string& EngineInternals::wisdom_path(const Engine& engine) {
  return engine.impl_->wisdom_path;
}

std::unique_ptr<Kernel> EngineInternals::make_kernel_for_plan(Engine& engine, const ConvDesc& desc,
                                                              const Plan& plan, Backend backend) {
  desc.validate();
  Engine::Impl& impl = *engine.impl_;
  if (backend == Backend::reference)
    throw Error("backend", "the reference backend has no plan");
  backend = impl.resolve(backend);
  if (auto why = engine_plan_rejection(desc, plan, impl.cpu.isa, impl.threads))
    throw Error("plan", "plan " + plan.str() + ": " + *why);
  std::size_t code_size = 0;
  return impl.build(desc, WorkProblem(desc), plan, backend, code_size);
}

}  // namespace convjit
