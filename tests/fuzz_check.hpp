#pragma once
// One problem computed by the reference, and by the interpreter and the JIT
// of each ISA asked for, with every tensor (src, weights, bias, dst) placed
// against guard pages. Integer fills must agree exactly, real fills within
// tolerance(); the JIT must equal the interpreter bit for bit, as the
// interpreter follows its order of accumulation.
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "convjit/engine.hpp"
#include "planner/plan.hpp"
#include "tests/fuzz_space.hpp"
#include "tests/guard_alloc.hpp"

namespace convjit {

// Engines by (ISA cap, threads), reused from problem to problem: building
// one per problem would spend the time on CPU detection rather than kernels.
// An engine keeps every kernel it compiled, so a long campaign clears them
// now and then.
class EnginePool {
 public:
  Engine& get(const std::string& cap, int threads);
  void clear() { engines_.clear(); }

 private:
  std::map<std::pair<std::string, int>, std::unique_ptr<Engine>> engines_;
};

// The ISA caps to test on this machine: "" (native) and "avx2", less those
// that give the same ISA (an AVX2-only CPU, or CONVJIT_MAX_ISA set).
std::vector<std::string> distinct_isa_caps();

struct IsaOutcome {
  Isa isa = Isa::scalar;
  Plan plan;            // the plan both the interpreter and the JIT ran
  int run_threads = 1;  // threads the driver used for this batch
};

struct CaseOutcome {
  std::vector<IsaOutcome> isas;
  bool trusted = true;  // false: the reference is mostly zeros
  std::string failure;  // empty when every backend agreed
};

CaseOutcome check_case(EnginePool& pool, const FuzzCase& c, const std::vector<std::string>& caps,
                       GuardSide side);

// The `convjit run` command that recomputes c on `isa` with the same data.
std::string replay_command(const FuzzCase& c, Isa isa);

}  // namespace convjit
