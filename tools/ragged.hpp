#pragma once
// The ragged batch of `convjit bench --ragged COUNT:MIN-MAX[:SEED]`: COUNT
// tensors whose batch sizes are uniform in MIN..MAX.
#include <cstdint>
#include <string>
#include <vector>

namespace convjit {

struct RaggedSpec {
  int64_t count = 0, min = 0, max = 0;
  uint64_t seed = 42;
};

// Throws Error naming "--ragged" on a malformed or impossible spec.
RaggedSpec parse_ragged(const std::string& text);
// The batch sizes: deterministic for a given spec.
std::vector<int64_t> ragged_batches(const RaggedSpec& spec);

}  // namespace convjit
