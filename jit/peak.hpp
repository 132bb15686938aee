#pragma once
// This CPU's FMA peak for one core, measured with a JIT'd loop of
// independent FMAs (once per process and ISA/data type; cached).
#include "convjit/types.hpp"

namespace convjit {

// GFLOP/s of one core (2 flops per FMA lane). 0 for Isa::scalar.
double fma_peak_gflops(Isa isa, DataType dt);

}  // namespace convjit
