#pragma once
// Copies with non-temporal stores: outputs far larger than the caches go to
// memory without first being read into them (no read-for-ownership), which
// halves the write traffic of memory-bound convolutions.
#include <cstddef>

#include "convjit/types.hpp"

namespace convjit {

// dst = src, bytes long: dst's whole 64-byte lines streamed when the ISA
// allows, the partial lines at either end plainly stored (any alignment).
// No fence: the streamed lines are ordered by the store fence that ends each
// thread's share of for_each_item (parallel.hpp), once per run, not per copy.
void stream_copy(const void* src, void* dst, std::size_t bytes, Isa isa);

}  // namespace convjit
