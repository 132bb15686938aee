// The differential fuzzer: random problems from the whole space (fuzz_space),
// each computed by the reference, the interpreter and the JIT on every ISA
// of this machine (native and capped to AVX2), every tensor against guard
// pages. Seeded and replayable:
//   CONVJIT_FUZZ_COUNT  problems to run (default 2000; 100000 for a campaign)
//   CONVJIT_FUZZ_SEED   the campaign (default: one per set of ISAs, so the
//                       native and the avx2 ctest runs draw different problems)
//   CONVJIT_FUZZ_FIRST  the index of the first problem (default 0)
// A failure prints the problem, the plan, the seed and index, and the
// `convjit run` line that recomputes it; a crash prints the same first.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/crash_note.hpp"
#include "tests/fuzz_check.hpp"

namespace convjit {
namespace {

uint64_t env_or(const char* name, uint64_t fallback) {
  const char* text = std::getenv(name);
  return text && *text ? std::strtoull(text, nullptr, 0) : fallback;
}

// What the campaign covered, so that a summary shows every corner was hit.
class Coverage {
 public:
  void add(const FuzzCase& c, const CaseOutcome& out) {
    const ConvDesc& d = c.desc;
    ++n_["problems"];
    ++n_[std::to_string(d.ndims) + "D"];
    if (d.g > 1 && d.g == d.ic && d.ic == d.oc) ++n_["depthwise"];
    else if (d.g > 1) ++n_["grouped"];
    for (int a = d.first_axis(); a < 3; ++a)
      if (d.pb[a] < 0) {
        ++n_["negative_pb"];
        break;
      }
    if (d.dt == DataType::f64) ++n_["f64"];
    if (d.layout != Layout::ncx) ++n_[std::string(to_string(d.layout))];
    if (d.post_ops.bias || d.post_ops.relu) ++n_["post_ops"];
    if (c.fill == Fill::real) ++n_["real_fill"];
    if (!out.trusted) ++n_["mostly_zero_reference"];
    for (const IsaOutcome& isa : out.isas) {
      const std::string name(to_string(isa.isa));
      ++n_[name + "." + std::string(to_string(isa.plan.strategy))];
      if (isa.run_threads <= 1) continue;
      ++n_[name + ".multithreaded"];
      // Fewer items than threads: the drivers share out each image instead.
      const int64_t parts = isa.plan.strategy == Strategy::ow_vector ? d.g : 1;
      if (d.mb * parts < isa.run_threads) ++n_[name + ".shared_image"];
    }
  }
  std::string str() const {
    std::ostringstream os;
    for (const auto& [key, count] : n_) os << " " << key << "=" << count;
    return os.str();
  }

 private:
  std::map<std::string, int64_t> n_;
};

TEST(Fuzz, Differential) {
  const std::vector<std::string> caps = distinct_isa_caps();
  const uint64_t seed = env_or("CONVJIT_FUZZ_SEED", 20260000 + caps.size());
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
  Coverage coverage;
  int failures = 0;
  uint64_t i = first;
  for (; i < first + count && failures < kMaxReported; ++i) {
    if ((i - first) % kEngineReuse == 0) pool.clear();
    const FuzzCase c = fuzz_case(seed, i);
    const std::string where = "fuzz problem " + std::to_string(i) + " of seed " +
                              std::to_string(seed) + ": " + c.desc.full_str() + " threads " +
                              std::to_string(c.threads) + "\n  replay: CONVJIT_FUZZ_SEED=" +
                              std::to_string(seed) + " CONVJIT_FUZZ_FIRST=" + std::to_string(i) +
                              " CONVJIT_FUZZ_COUNT=1 convjit_tests --gtest_filter=Fuzz.Differential";
    std::string replays;
    for (Isa isa : isas) replays += "\n  " + replay_command(c, isa);
    const CrashNote note(where + replays);
    CaseOutcome out;
    try {
      // Alternate which end of each tensor touches its guard page.
      out = check_case(pool, c, caps, i % 2 ? GuardSide::start : GuardSide::end);
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
}

}  // namespace
}  // namespace convjit
