// The differential fuzzer: random problems from the whole space (fuzz_space),
// Winograd's among them, each computed by the reference, the interpreter
// and the JIT on every ISA of this machine (native and capped to AVX2),
// every tensor against guard pages, the kernels' own buffers too; Winograd's
// results within its bound, output by output. Seeded and replayable:
//   CONVJIT_FUZZ_COUNT  problems to run (default 2000; 100000 for a campaign)
//   CONVJIT_FUZZ_SEED   the campaign (default: one per ctest variant, so the
//                       native and the avx2 runs draw different problems
//                       even where both are the same ISA)
//   CONVJIT_FUZZ_FIRST  the index of the first problem (default 0)
// A failure prints the problem, the plan, the seed and index, and the
// `convjit run` line that recomputes it; a crash prints the same first. A
// campaign of 1000 problems or more fails when it reached a corner of the
// space fewer times than its floor (fuzz_coverage.hpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "tests/crash_note.hpp"
#include "tests/fuzz_check.hpp"
#include "tests/fuzz_coverage.hpp"

namespace convjit {
namespace {

uint64_t env_or(const char* name, uint64_t fallback) {
  const char* text = std::getenv(name);
  return text && *text ? std::strtoull(text, nullptr, 0) : fallback;
}

TEST(Fuzz, Differential) {
  const std::vector<std::string> caps = distinct_isa_caps();
  // The ISAs of this run set the default seed, and so does the ctest
  // variant: on an AVX2-only host both variants run the same one ISA, and
  // would otherwise repeat each other's problems.
  const char* cap_env = std::getenv("CONVJIT_MAX_ISA");
  const bool capped = cap_env && *cap_env;
  const uint64_t seed = env_or("CONVJIT_FUZZ_SEED", 20260000 + caps.size() + (capped ? 10 : 0));
  const uint64_t first = env_or("CONVJIT_FUZZ_FIRST", 0);
  const uint64_t count = env_or("CONVJIT_FUZZ_COUNT", 2000);
  constexpr int kMaxReported = 10;
  constexpr uint64_t kEngineReuse = 200;  // problems between clearing the engines

  const auto start = std::chrono::steady_clock::now();
  auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  std::vector<Isa> isas;
  for (const std::string& cap : caps) isas.push_back(CpuFacts::detect(cap).isa);
  EnginePool pool;
  FuzzCoverage coverage(isas);
  int failures = 0;
  uint64_t i = first;
  for (; i < first + count && failures < kMaxReported; ++i) {
    if ((i - first) % kEngineReuse == 0) pool.clear();
    const FuzzCase c = fuzz_case(seed, i, FuzzAlgorithms::with_winograd);
    const std::string where = "fuzz problem " + std::to_string(i) + " of seed " +
                              std::to_string(seed) + ": " + c.desc.full_str() + " threads " +
                              std::to_string(c.threads) + "\n  replay: CONVJIT_FUZZ_SEED=" +
                              std::to_string(seed) + " CONVJIT_FUZZ_FIRST=" + std::to_string(i) +
                              " CONVJIT_FUZZ_COUNT=1 convjit_tests --gtest_filter=Fuzz.Differential";
    // A crash names the problem and the data it ran on (redrawn or not).
    std::optional<CrashNote> note(std::in_place, where);
    auto settled = [&](const FuzzCase& data) {
      std::string replays;
      for (Isa isa : isas) replays += "\n  " + replay_command(data, isa);
      note.emplace(where + replays);
    };
    CaseOutcome out;
    try {
      // Alternate which end of each tensor touches its guard page.
      out = check_case(pool, c, caps, i % 2 ? GuardSide::start : GuardSide::end, settled);
    } catch (const std::exception& e) {
      out.failure = std::string("exception: ") + e.what();
    }
    coverage.add(c, out);
    if (!out.failure.empty()) {
      ++failures;
      ADD_FAILURE() << where << "\n  " << out.failure;
    }
    if ((i - first + 1) % 10000 == 0) {
      std::printf("fuzz: %llu problems, %d failed, %.0f s\n",
                  static_cast<unsigned long long>(i - first + 1), failures, seconds());
      std::fflush(stdout);  // a long campaign's progress, even into a file
    }
  }
  std::printf("fuzz: seed %llu, problems %llu..%llu, %d failed, %.1f s;%s\n",
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(first),
              static_cast<unsigned long long>(i) - 1, failures, seconds(), coverage.str().c_str());
  std::fflush(stdout);
  // A campaign cut short by failures is judged by them, not by its reach.
  if (failures) return;
  EXPECT_EQ(coverage.count("untrusted"), 0);
  for (const std::string& shortfall : coverage.shortfalls())
    ADD_FAILURE() << "fuzz coverage below its floor: " << shortfall;
  if (std::all_of(isas.begin(), isas.end(), [](Isa isa) { return isa == Isa::scalar; }))
    GTEST_SKIP() << "no JIT on this CPU: the interpreter alone was checked against the reference";
}

}  // namespace
}  // namespace convjit
