#pragma once
// What convjit knows about the CPU it runs on.
#include <cstdint>
#include <string>

#include "convjit/types.hpp"

#pragma GCC visibility push(default)
namespace convjit {

struct CpuFacts {
  std::string vendor;  // "GenuineIntel", "AuthenticAMD", ...
  std::string model;   // brand string
  unsigned family = 0, model_id = 0, stepping = 0;
  bool sse42 = false, avx = false, avx2 = false, fma = false;
  bool avx512f = false, avx512bw = false, avx512vl = false, avx512dq = false;
  Isa detected_isa = Isa::scalar;  // best ISA the CPU supports
  Isa isa = Isa::scalar;           // what convjit uses: detected, capped
  int64_t l1d_bytes = 0, l2_bytes = 0, l3_bytes = 0;
  int l1d_ways = 0;  // the L1d's associativity; 0: unknown
  int logical_cpus = 1;

  // Detects the CPU and applies the cap (CONVJIT_MAX_ISA when `cap` is empty).
  // An unknown cap word throws Error naming CONVJIT_MAX_ISA.
  static CpuFacts detect(const std::string& cap = "");
  std::string str() const;  // one line
};

}  // namespace convjit
#pragma GCC visibility pop
