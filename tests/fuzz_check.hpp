#pragma once
// One problem computed by the reference, and by the interpreter and the JIT
// of each ISA asked for, with every tensor (src, weights, bias, dst) placed
// against guard pages, and every buffer of the kernels' own (packed
// weights, bias copy, staging slots, staged outputs) too
// (guard_jit_buffers.hpp). Integer fills must agree exactly, real fills
// within tolerance(); the JIT must equal the interpreter bit for bit, as the
// interpreter follows its order of accumulation. Winograd's results must
// moreover lie within its bound, output by output (winograd_bound.hpp), for
// the tile size its plan took on each ISA. A reference that is mostly
// zeros proves nothing: its data is drawn again, and a problem that stays
// so fails.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "convjit/engine.hpp"
#include "kernels/planned_kernel.hpp"
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
  Plan plan;         // the plan both the interpreter and the JIT ran
  bool jit = false;  // false: no JIT on this ISA, the interpreter alone ran
  // The JIT's run (the interpreter's without one), as its driver reports
  // it: the threads that computed, and whether they shared single images.
  PlannedKernel::RunShape run;
};

struct CaseOutcome {
  std::vector<IsaOutcome> isas;
  uint64_t data_seed = 0;  // of the data checked: the case's, or a redraw's
  int redraws = 0;         // times the data was drawn again (mostly zeros)
  bool trusted = true;     // false: the reference stayed mostly zeros
  // Real fills: the largest error against the reference, as a fraction of
  // tolerance() (how close correct kernels come to failing); 0 otherwise.
  double error_of_tolerance = 0;
  // Winograd: the largest error against the reference, as a fraction of
  // the bound of its output; 0 otherwise.
  double error_of_bound = 0;
  std::string failure;     // empty when every backend agreed
};

// `settled`, if given, is called with the case as it is computed (its data
// seed redrawn, if it was) before any kernel runs: a crash note's replay
// lines must name the data that crashed.
CaseOutcome check_case(EnginePool& pool, const FuzzCase& c, const std::vector<std::string>& caps,
                       GuardSide side, const std::function<void(const FuzzCase&)>& settled = {});

// The `convjit run` command that recomputes c on `isa` with the same data.
std::string replay_command(const FuzzCase& c, Isa isa);

}  // namespace convjit
