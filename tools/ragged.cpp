#include "tools/ragged.hpp"

#include <random>
#include <regex>

#include "convjit/error.hpp"

namespace convjit {

RaggedSpec parse_ragged(const std::string& text) {
  static const std::regex form(R"((\d{1,9}):(\d{1,9})-(\d{1,9})(?::(\d{1,19}))?)");
  std::smatch m;
  if (!std::regex_match(text, m, form))
    throw Error("--ragged", "--ragged: '" + text + "' is not COUNT:MIN-MAX[:SEED]");
  RaggedSpec s;
  s.count = std::stoll(m[1]);
  s.min = std::stoll(m[2]);
  s.max = std::stoll(m[3]);
  if (m[4].matched) s.seed = std::stoull(m[4]);
  if (s.count < 1) throw Error("--ragged", "--ragged: COUNT=0 must be at least 1");
  if (s.min > s.max)
    throw Error("--ragged", "--ragged: MIN=" + std::to_string(s.min) + " exceeds MAX=" + std::to_string(s.max));
  return s;
}

std::vector<int64_t> ragged_batches(const RaggedSpec& spec) {
  std::mt19937_64 rng(spec.seed);
  std::uniform_int_distribution<int64_t> size(spec.min, spec.max);
  std::vector<int64_t> batches(static_cast<std::size_t>(spec.count));
  for (auto& b : batches) b = size(rng);
  return batches;
}

}  // namespace convjit
