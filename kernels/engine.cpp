// Engine: CPU facts, the thread count, the choice of backend per kernel and
// the cache of compiled code.
#include "convjit/engine.hpp"

#include <omp.h>

#include <chrono>
#include <future>
#include <mutex>
#include <unordered_map>

#include "convjit/error.hpp"
#include "kernels/code_hooks.hpp"
#include "kernels/inner.hpp"
#include "kernels/oc_vector_kernel.hpp"
#include "kernels/ow_vector_kernel.hpp"
#include "kernels/reference_kernel.hpp"
#include "planner/log.hpp"

namespace convjit {
namespace {

// Bumped whenever the emitters change what they emit for the same plan.
constexpr int kGeneratorVersion = 1;

using CodeFuture = std::shared_future<std::shared_ptr<const JitCode>>;

}  // namespace

struct Engine::Impl {
  CpuFacts cpu;
  int threads = 1;
  // Code cache (FBGEMM's pattern): look up under the lock; on a miss insert
  // a future, generate outside the lock, fulfil it. A failed generation
  // stores the error for the waiters and removes the entry.
  mutable std::mutex mutex;
  std::unordered_map<std::string, CodeFuture> code;
  int64_t hits = 0, misses = 0;
  double jit_seconds = 0;

  std::shared_ptr<const JitCode> code_for(const ConvDesc& desc, const Plan& plan);
};

std::shared_ptr<const JitCode> Engine::Impl::code_for(const ConvDesc& desc, const Plan& plan) {
  std::string key = desc.full_str() + "|" + plan.str() + "|g" + std::to_string(kGeneratorVersion);
  std::promise<std::shared_ptr<const JitCode>> promise;
  CodeFuture future;
  bool owner = false;
  {
    std::lock_guard lock(mutex);
    if (auto it = code.find(key); it != code.end()) {
      ++hits;
      future = it->second;
    } else {
      ++misses;
      owner = true;
      future = promise.get_future().share();
      code.emplace(key, future);
    }
  }
  if (!owner) return future.get();  // rethrows the owner's error
  try {
    auto result = emit_code(desc, plan);
    on_code_created(desc, plan, *result);
    promise.set_value(result);
    std::lock_guard lock(mutex);
    jit_seconds += result->compile_seconds();
    return result;
  } catch (...) {
    promise.set_exception(std::current_exception());
    std::lock_guard lock(mutex);
    code.erase(key);
    throw;
  }
}

Engine::Engine(EngineOptions options) : impl_(std::make_unique<Impl>()) {
  if (options.threads < 0)
    throw Error("threads", "threads=" + std::to_string(options.threads) + " must be >= 0");
  impl_->cpu = CpuFacts::detect(options.max_isa);
  impl_->threads = options.threads > 0 ? options.threads : omp_get_max_threads();
  log().info("engine: {} threads, {}", impl_->threads, impl_->cpu.str());
  if (impl_->cpu.isa == Isa::scalar)
    log().warn("this CPU has no AVX2+FMA (or the ISA is capped): kernels run in the interpreter, "
               "far slower than compiled code");
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
  desc.validate();
  if (backend == Backend::reference) return make_reference_kernel(desc);
  if (backend == Backend::automatic)
    backend = impl_->cpu.isa == Isa::scalar ? Backend::interp : Backend::jit;
  if (backend == Backend::jit && impl_->cpu.isa == Isa::scalar)
    throw Error("backend", "backend jit needs AVX2+FMA or AVX-512, and this CPU (capped) has " +
                               std::string(to_string(impl_->cpu.isa)));

  auto start = std::chrono::steady_clock::now();
  // The interpreter runs the very plan the JIT would run (or the scalar one
  // on CPUs without AVX2), so the two agree bit for bit.
  const Isa isa = impl_->cpu.isa;
  Plan plan = make_plan(desc, impl_->cpu, isa, impl_->threads);
  std::shared_ptr<const Inner> inner;
  std::size_t code_size = 0;
  if (backend == Backend::jit) {
    auto jit = std::make_shared<JitInner>(impl_->code_for(desc, plan));
    code_size = jit->code().size();
    inner = std::move(jit);
  } else {
    inner = make_interpreter(desc, plan);
  }
  std::unique_ptr<Kernel> kernel;
  if (plan.strategy == Strategy::oc_vector)
    kernel = std::make_unique<OcVectorKernel>(desc, plan, backend, std::move(inner));
  else
    kernel = std::make_unique<OwVectorKernel>(desc, plan, backend, std::move(inner));
  double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  if (log().should_log(spdlog::level::info))
    log().info("kernel {} plan {} isa {} code {} bytes in {:.1f} us", desc.full_str(), plan.str(),
               to_string(isa), code_size, us);
  return kernel;
}

}  // namespace convjit
