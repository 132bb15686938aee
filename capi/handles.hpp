#pragma once
// What the C handles hold, and the C structs and enums read as C++ values.
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>

#include "convjit/convjit.h"
#include "convjit/convjit.hpp"

struct convjit_engine {
  std::shared_ptr<convjit::Engine> engine;
  std::string cpu;  // CpuFacts::str(), handed out by convjit_engine_cpu
  // The plan strings of tune results, interned: a pointer handed out stays
  // valid as long as the engine, whatever is tuned later, from any thread.
  std::mutex plans_mutex;
  std::unordered_set<std::string> plans;
};

struct convjit_kernel {
  // Shares the engine, so that C callers (and FFI finalizers) may destroy
  // engines and kernels in any order.
  std::shared_ptr<convjit::Engine> engine;
  std::unique_ptr<convjit::Kernel> kernel;
  std::string plan;  // plan_str(), made once: convjit_kernel_plan hands it out
  mutable std::once_flag disassembled;
  mutable std::string disassembly;  // made on the first convjit_kernel_disassembly
};

namespace convjit::capi {

// Each throws NullPointer or Error naming the field on a NULL or an unknown
// value; a problem's descriptor is parsed and validated.
ConvDesc to_desc(const convjit_problem* problem);
Backend to_backend(convjit_backend backend);
Effort to_effort(convjit_effort effort);

}  // namespace convjit::capi
