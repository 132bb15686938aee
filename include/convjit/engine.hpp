#pragma once
// Engine: CPU facts, options, and the factory of kernels. Compiled code is
// cached inside the engine and shared between the kernels it hands out.
#include <memory>
#include <string>

#include "convjit/conv_desc.hpp"
#include "convjit/cpu.hpp"
#include "convjit/kernel.hpp"

namespace convjit {

struct EngineOptions {
  int threads = 0;      // 0: OpenMP's default (all cores)
  std::string max_isa;  // "avx512", "avx2", "scalar"; empty: CONVJIT_MAX_ISA or none
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

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace convjit
