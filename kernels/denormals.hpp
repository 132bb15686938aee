#pragma once
// Flush-to-zero (FTZ: denormal results become 0) and denormals-are-zero
// (DAZ: denormal inputs read as 0) for the thread that runs kernel code,
// when EngineOptions::flush_denormals asks for it. MXCSR is per thread, so
// every thread of a run sets it, and puts back its own bits when done.
#include <xmmintrin.h>

namespace convjit {

class DenormalScope {
 public:
  explicit DenormalScope(bool flush) : flush_(flush) {
    if (!flush_) return;
    saved_ = _mm_getcsr() & kFtzDaz;
    _mm_setcsr(_mm_getcsr() | kFtzDaz);
  }
  // Only the two bits are restored: exception flags the run raised stay.
  ~DenormalScope() {
    if (flush_) _mm_setcsr((_mm_getcsr() & ~kFtzDaz) | saved_);
  }
  DenormalScope(const DenormalScope&) = delete;
  DenormalScope& operator=(const DenormalScope&) = delete;

 private:
  static constexpr unsigned kFtzDaz = 0x8040;  // MXCSR bit 15 (FTZ), bit 6 (DAZ)
  const bool flush_;
  unsigned saved_ = 0;
};

}  // namespace convjit
