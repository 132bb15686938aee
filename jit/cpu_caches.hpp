#pragma once
// The machine's caches for the drivers, read once per process (without
// CpuFacts::detect's cap and online CPUs, read on every call).
#include <cstdint>

namespace convjit {

// The last-level cache's size as the OS reports it (8 MiB when it does not).
int64_t last_level_cache_bytes();
// The L2's (1 MiB when the OS does not say).
int64_t l2_cache_bytes();

}  // namespace convjit
