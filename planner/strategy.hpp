#pragma once
// Strategy: one way of computing a convolution, as one unit (FFTW's solver):
// whether it applies, its plans and their cost, its generator, its
// interpreter and its driver. The units live in strategies/, one folder
// each; strategies() lists them in order, and nothing else names one.
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "convjit/cpu.hpp"
#include "convjit/types.hpp"
#include "planner/plan.hpp"
#include "planner/work_problem.hpp"

namespace convjit {

class Inner;
class JitCode;
class PlannedKernel;

// Where a driver takes its inner kernels, its own and any other it runs (a
// plan over part of the problem): the engine's code cache for the JIT, so a
// cached make_kernel compiles nothing; the interpreter otherwise.
using InnerSource = std::function<std::shared_ptr<const Inner>(const WorkProblem&, const Plan&)>;

// The algorithm whose strategies compute what `asked` asks for: Winograd's
// for winograd_2x2 too, whose planner keeps to F(2x2).
constexpr Algorithm computed_by(Algorithm asked) {
  return asked == Algorithm::winograd_2x2 ? Algorithm::winograd : asked;
}

class Strategy {
 public:
  virtual ~Strategy() = default;
  // The name plans print and wisdom files hold.
  std::string_view name() const { return traits_.name; }
  // Its kernels read and write channels-last pixels, vectors along output
  // channels (else channels-first planes, vectors along the output width):
  // what staging a user's layout costs it, and which way few channels lean.
  bool channels_last() const { return traits_.channels_last; }
  // How much make_plan scales cycles() by against the other strategies'
  // models: what the model is measured to miss (1: nothing).
  double model_miss() const { return traits_.model_miss; }
  // The algorithm it computes by: a problem asking for another (ConvDesc::
  // algorithm) never gets its plans.
  Algorithm algorithm() const { return traits_.algorithm; }
  bool allowed_by(Algorithm asked) const { return asked == Algorithm::fastest || computed_by(asked) == traits_.algorithm; }
  // What a plan field means to this strategy, for dumps; empty: the
  // meaning every strategy shares.
  std::string field_meaning(std::string_view field) const {
    for (const auto& [name, meaning] : traits_.meanings)
      if (name == field) return std::string(meaning);
    return "";
  }

  // Planning, on the problem as the strategies compute it.
  // Why no plan of this strategy can compute `work`, or nullopt when some can.
  virtual std::optional<std::string> not_applicable(const WorkProblem& work) const = 0;
  bool applies(const WorkProblem& work) const { return !not_applicable(work); }
  // Why `plan` cannot compute `work`, beyond the rules every plan keeps
  // (plan_rejection), or nullopt.
  virtual std::optional<std::string> rejection(const WorkProblem& work, const Plan& plan) const = 0;
  // The strategy's pick; `base` carries the ISA, lanes and threads.
  virtual Plan plan(const WorkProblem& work, const CpuFacts& cpu, Plan base) const = 0;
  // The cost model: estimated cycles of one image, staging and threads
  // left out. The tuner ranks candidates by it.
  virtual double cycles(const WorkProblem& work, const CpuFacts& cpu, const Plan& plan) const = 0;
  // Register blocks and loop orders for the tuner, bounded by the register
  // file (plan_rejection has the last word on each); `base` as for plan().
  virtual std::vector<Plan> blocks(const WorkProblem& work, Plan base) const = 0;

  // Running: the JIT'd code (plan.isa avx2 or avx512), the interpreter of
  // the same plan, and the driver around either, its inner kernels from
  // `inners`. `user`: the problem run() checks tensors against.
  virtual std::shared_ptr<const JitCode> emit(const WorkProblem& work, const Plan& plan) const = 0;
  virtual std::unique_ptr<Inner> interpreter(const WorkProblem& work, const Plan& plan) const = 0;
  virtual std::unique_ptr<PlannedKernel> driver(const ConvDesc& user, const WorkProblem& work, const Plan& plan,
                                                Backend backend, const InnerSource& inners) const = 0;

 protected:
  // What the methods above read.
  struct Traits {
    std::string_view name;
    bool channels_last = false;
    double model_miss = 1;
    Algorithm algorithm = Algorithm::direct;
    std::vector<std::pair<std::string_view, std::string_view>> meanings;  // field, meaning
  };
  explicit Strategy(Traits traits) : traits_(std::move(traits)) {}

 private:
  const Traits traits_;
};

// A unit's class: each of its role files (planner, generator, interpreter,
// driver) defines the methods of its role, so the interface is written
// here once rather than again in every unit.
#define CONVJIT_STRATEGY_UNIT(Class)                                                                       \
  class Class final : public Strategy {                                                                    \
   public:                                                                                                 \
    Class();                                                                                               \
    static const Class& instance() {                                                                       \
      static const Class unit;                                                                             \
      return unit;                                                                                         \
    }                                                                                                      \
    std::optional<std::string> not_applicable(const WorkProblem& work) const override;                      \
    std::optional<std::string> rejection(const WorkProblem& work, const Plan& plan) const override;        \
    Plan plan(const WorkProblem& work, const CpuFacts& cpu, Plan base) const override;                     \
    double cycles(const WorkProblem& work, const CpuFacts& cpu, const Plan& plan) const override;          \
    std::vector<Plan> blocks(const WorkProblem& work, Plan base) const override;                           \
    std::shared_ptr<const JitCode> emit(const WorkProblem& work, const Plan& plan) const override;         \
    std::unique_ptr<Inner> interpreter(const WorkProblem& work, const Plan& plan) const override;          \
    std::unique_ptr<PlannedKernel> driver(const ConvDesc& user, const WorkProblem& work, const Plan& plan, \
                                          Backend backend, const InnerSource& inners) const override;         \
  };

// Every strategy, in order of preference where costs tie (strategies/list.cpp).
std::span<const Strategy* const> strategies();
// Throws Error naming "plan" for an unknown name.
const Strategy& strategy_named(std::string_view name);

}  // namespace convjit
