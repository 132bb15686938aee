#pragma once
// Plan: how one ConvDesc is computed. A small typed value chosen by the
// planner, read by the emitter, the interpreter and the driver alike. Prints
// on one line, round-trips through JSON, hashes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "convjit/conv_desc.hpp"
#include "convjit/cpu.hpp"
#include "planner/work_problem.hpp"

namespace convjit {

class Strategy;  // planner/strategy.hpp

// ow_vector's weight registers, per register block: one, each weight
// broadcast from memory at each use while the inputs are held (broadcast);
// one per output channel, a tap's weights held while every row of the block
// loads its inputs (stationary); or one per output channel and tap of the
// input channel, loaded once per channel and block, with each input vector
// loaded once per width tap (held).
enum class WeightRegs : uint8_t { broadcast, stationary, held };
std::string_view to_string(WeightRegs w);

struct Plan {
  const Strategy* strategy = nullptr;  // one of strategies()
  Isa isa = Isa::avx512;
  int vlen = 16;     // lanes per vector (the interpreter mimics them)
  int ur_w = 1;      // ow_vector: vectors along the width; oc_vector: output pixels
  int ur_h = 1;      // output rows per register block
  int oc_blk = 1;    // output channels per register block
  int ic_blk = 1;    // input channels per pass over the output (divides ic/g)
  bool staged = false;  // input copied first: padding, stride phases, layout
  WeightRegs weights = WeightRegs::broadcast;  // ow_vector's loop order
  int threads = 1;
  int tile = 0;  // winograd: the output tile m (m x m); 0 for the others

  std::string str() const;  // "ow_vector avx512 v16 ur_w2 ur_h6 oc4 ic1 direct t1" (weights: " ws", " wh") (winograd: "... m4 t1")
  std::string to_json() const;
  // Throws Error naming "plan" on malformed JSON or fields.
  static Plan from_json(const std::string& text);
  uint64_t hash() const;
  bool operator==(const Plan&) const = default;
};

// v rounded up to a multiple of step (both positive).
inline int64_t round_up(int64_t v, int64_t step) { return (v + step - 1) / step * step; }

// Registers the emitter may use for vectors of this ISA.
int vector_registers(Isa isa);
// Those a plan's register blocks may allocate: all but what the ISA itself
// holds (AVX2's tail mask; the interpreter mimics AVX2). Each strategy
// states once how its blocks fill them (its *Registers in geometry.hpp).
int allocatable_registers(Isa isa);
// Lanes of one vector of this ISA and data type (scalar: as AVX2 does).
int lanes(Isa isa, DataType dt);

// The ISA a plan for `desc` uses when `isa` is the best available: a
// blocked layout needs vectors that fit its channel block (nCx8c in f32 on
// AVX-512 runs with AVX2's 8 lanes).
Isa isa_for(const ConvDesc& desc, Isa isa);

// What make_plan hands each strategy's plan(): the ISA (isa_for), its lanes,
// the threads and every input channel of a group in one pass.
Plan base_plan(const WorkProblem& work, Isa isa, int threads);

// Most lines a stride of `stride_bytes` apart that the L1 holds at once
// without two of them evicting each other: the lines fall in as many sets as
// the stride reaches before it wraps round one way of them (4 KiB apart:
// all in one), each set holding l1d_ways lines, `reserved_ways` of them left
// to other data. Unlimited where the L1's associativity is unknown.
int64_t lines_in_l1_sets(const CpuFacts& cpu, int64_t stride_bytes, int reserved_ways);

// Why `plan` cannot compute `desc` (the user's problem), or nullopt when it can.
std::optional<std::string> plan_rejection(const ConvDesc& desc, const Plan& plan);
std::optional<std::string> plan_rejection(const WorkProblem& work, const Plan& plan);
// The planner's pick for this problem, CPU and thread count. `isa` is the
// ISA the code will use (Isa::scalar: the interpreter).
Plan make_plan(const ConvDesc& desc, const CpuFacts& cpu, Isa isa, int threads);
Plan make_plan(const WorkProblem& work, const CpuFacts& cpu, Isa isa, int threads);
// The strategies that can compute `work` by the algorithm it asks for, in
// the list's order; throws Error naming "algorithm" when none can, with a
// reason.
std::vector<const Strategy*> applicable_strategies(const WorkProblem& work);
// Cycles to bring one image into the layout the plan reads, and its output
// back: copies for padding, transposes between channels-first and -last.
double staging_cycles(const WorkProblem& work, const Plan& plan);

}  // namespace convjit
