// The kernels' own memory under guard pages (guard_jit_buffers.hpp): every
// pointer a driver hands an inner kernel lies in a guarded buffer or in the
// user's tensors; one element past any kind of guarded buffer faults, on
// either side; and an output that an inner kernel never wrote into a staged
// output reaches the user as NaN, which no comparison passes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "convjit/convjit.hpp"
#include "kernels/inner.hpp"
#include "kernels/planned_kernel.hpp"
#include "validation/reference.hpp"
#include "validation/test_data.hpp"
#include "planner/candidates.hpp"
#include "planner/work_problem.hpp"
#include "tests/crash_note.hpp"
#include "tests/fuzz_space.hpp"
#include "tests/guard_jit_buffers.hpp"
#include "strategies/oc_vector/strategy.hpp"
#include "strategies/ow_vector/strategy.hpp"

namespace convjit {
namespace {

// An inner kernel that lets a test see and change each call: `hook` runs
// before the interpreter of the same plan; returning false skips the call.
class HookedInner final : public Inner {
 public:
  using Hook = std::function<bool(OcPart, const CallArgs&)>;
  HookedInner(const WorkProblem& work, const Plan& plan, Hook hook)
      : real_(make_interpreter(work, plan)), hook_(std::move(hook)) {}
  void call(OcPart part, const CallArgs& args) const override {
    if (hook_(part, args)) real_->call(part, args);
  }

 private:
  std::unique_ptr<Inner> real_;
  Hook hook_;
};

// The driver of the plan's strategy (as Engine builds it) around a
// HookedInner: the planner's plan, or its best-ranked staged plan of
// `strategy` when one is asked for (the planner's choice varies by ISA).
std::unique_ptr<PlannedKernel> hooked_kernel(const ConvDesc& desc, int threads, HookedInner::Hook hook,
                                             const Strategy* strategy = nullptr) {
  const CpuFacts cpu = CpuFacts::detect();
  const Isa isa = cpu.isa == Isa::scalar ? Isa::avx2 : cpu.isa;  // the plan's shape; the interpreter runs it
  Plan plan = make_plan(desc, cpu, isa, threads);
  if (strategy) {
    const std::vector<Candidate> ranked = rank_candidates(desc, cpu, isa, threads);
    auto it = std::find_if(ranked.begin(), ranked.end(),
                           [&](const Candidate& c) { return c.plan.strategy == strategy && c.plan.staged; });
    if (it == ranked.end()) throw std::runtime_error("no staged " + std::string(strategy->name()) + " plan");
    plan = it->plan;
  }
  const WorkProblem work(desc);
  auto inner = std::make_shared<HookedInner>(work, plan, std::move(hook));
  // The plan's own inner kernel hooked; any other (the heads of shifted
  // rows, which write to scratch) interpreted as it is.
  return plan.strategy->driver(desc, work, plan, Backend::interp,
                               [&](const WorkProblem& w, const Plan& p) -> std::shared_ptr<const Inner> {
                                 if (&w == &work && &p == &plan) return inner;
                                 return make_interpreter(w, p);
                               });
}

// Whether p lies in `t`'s data, or shortly before it: oc_vector hands its
// kernels the address of column -pad_w of the first row, which they never
// read (up to 7 columns of 140 f64 channels in the fuzz's space).
bool in_tensor(const void* p, const GuardedTensor& t) {
  constexpr uintptr_t kBefore = 64 << 10;
  const auto at = reinterpret_cast<uintptr_t>(p), begin = reinterpret_cast<uintptr_t>(t.data());
  return at + kBefore >= begin && at < begin + t.bytes();
}

std::string describe(const void* p) {
  const auto a = GuardJitBuffers::find(p);
  return a ? std::string(to_string(a->use)) : "unguarded memory";
}

TEST(GuardJitBuffers, EveryPointerAnInnerKernelGetsIsGuarded) {
  // Fuzz problems of every strategy, layout and thread count; the pointers
  // the drivers hand their inner kernels (the JIT's, the interpreter's: the
  // same calls) must lie in guarded memory of the right kind.
  int64_t calls = 0, staged_in = 0, staged_out = 0, biased = 0;
  for (uint64_t i = 0; i < 150; ++i) {
    const FuzzCase c = fuzz_case(20261207, i);
    const ConvDesc& d = c.desc;
    SCOPED_TRACE(d.full_str() + " threads " + std::to_string(c.threads));
    const GuardSide side = i % 2 ? GuardSide::start : GuardSide::end;
    const GuardJitBuffers guard(side);
    ProblemData data = make_problem_data(d, d.mb, Fill::integer, c.data_seed);
    const GuardedTensor src(data.src, side), wei(data.wei, side);
    std::unique_ptr<GuardedTensor> bias;
    if (d.post_ops.bias) bias = std::make_unique<GuardedTensor>(data.bias, side);
    GuardedTensor dst(d.dt, d.dst_shape(d.mb), side);
    std::mutex mutex;
    std::vector<std::string> wrong;
    auto check = [&](OcPart, const CallArgs& a) {
      std::lock_guard lock(mutex);
      ++calls;
      auto expect = [&](const char* what, const void* p, BufferUse use, const GuardedTensor* user) {
        if (user && in_tensor(p, *user)) return;
        const auto found = GuardJitBuffers::find(p);
        if (!found || found->use != use) wrong.push_back(std::string(what) + " in " + describe(p));
        if (use == BufferUse::staged_input) ++staged_in;
        if (use == BufferUse::staged_output) ++staged_out;
      };
      expect("weights", a.wei, BufferUse::packed_weights, nullptr);
      if (d.post_ops.bias) {
        expect("bias", a.bias, BufferUse::bias, nullptr);
        ++biased;
      } else if (a.bias) {
        wrong.push_back("a bias without the bias post-op");
      }
      expect("src", a.src, BufferUse::staged_input, &src);
      expect("dst", a.dst, BufferUse::staged_output, &dst);
      return true;
    };
    auto kernel = hooked_kernel(d, c.threads, check);
    kernel->bind(wei.cview(), bias ? bias->cview() : ConstTensorView{});
    kernel->run(src.cview(), dst.view());
    EXPECT_TRUE(wrong.empty()) << wrong.front();
    Buffer want(d.dt, d.dst_shape(d.mb));
    reference_conv(d, data.src.data(), data.wei.data(), bias ? bias->data() : nullptr, want.data(), d.mb);
    EXPECT_EQ(compare(d, dst.to_buffer(), want, 0, d.post_ops.relu).mismatches, 0);
  }
  // The problems reached every kind of buffer.
  EXPECT_GT(calls, 150);
  EXPECT_GT(staged_in, 0);
  EXPECT_GT(staged_out, 0);
  EXPECT_GT(biased, 0);
}

// A problem whose driver uses every kind of buffer, for each strategy:
// ow_vector channels last stages its input rows and its output; oc_vector
// channels first stages its input channels last and its output too.
struct Staging {
  const char* problem;
  Layout layout;
  const Strategy* strategy;
};
const Staging kStaging[] = {{"mb1ic2ih12oc3kh3", Layout::nxc, &OwVector::instance()},
                            {"mb1ic32ih8oc40kh3ph1", Layout::ncx, &OcVector::instance()}};

ConvDesc staging_problem(const Staging& s) {
  ConvDesc d = ConvDesc::parse(s.problem);
  d.layout = s.layout;
  d.post_ops = {true, true};
  return d;
}

// The buffer of `use` that a call is handed (which argument points into it).
const void* pointer_of(BufferUse use, const CallArgs& a) {
  switch (use) {
    case BufferUse::packed_weights: return a.wei;
    case BufferUse::bias: return a.bias;
    case BufferUse::staged_input: return a.src;
    case BufferUse::staged_output: return a.dst;
    case BufferUse::plain: break;
  }
  return nullptr;
}

class GuardJitBuffersDeathTest : public ::testing::TestWithParam<std::tuple<int, BufferUse, GuardSide>> {
 protected:
  void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

// An inner kernel that touches one element past its buffer of one kind, on
// the side that buffer is flush against, dies there.
TEST_P(GuardJitBuffersDeathTest, OneElementPastTheBufferFaults) {
  const auto [which, use, side] = GetParam();
  const Staging& s = kStaging[which];
  const ConvDesc d = staging_problem(s);
  const ProblemData data = make_problem_data(d, 1, Fill::integer, 3);
  Buffer dst(d.dt, d.dst_shape(1));
  const std::string note = std::string("past ") + std::string(to_string(use));
  auto run = [&](bool overrun) {
    const GuardJitBuffers guard(side);
    bool first = true;
    auto touch = [&](OcPart, const CallArgs& a) {
      const auto found = GuardJitBuffers::find(pointer_of(use, a));
      if (!found || found->use != use) throw std::runtime_error("not a guarded " + note);
      if (!overrun || !first) return true;
      first = false;
      // The element beyond the end the buffer touches its guard with.
      const std::size_t esize = size_of(d.dt);
      auto* past = const_cast<char*>(found->side == GuardSide::end ? found->data + found->bytes
                                                                  : found->data - esize);
      const CrashNote crash(note);
      if (use == BufferUse::staged_output) *reinterpret_cast<volatile float*>(past) = 0;  // a store
      else (void)*reinterpret_cast<volatile float*>(past);                                // a load
      return true;
    };
    auto kernel = hooked_kernel(d, 1, touch, s.strategy);
    kernel->bind(data.wei.cview(), data.bias.cview());
    kernel->run(data.src.cview(), dst.view());
  };
  ASSERT_NO_THROW(run(false)) << "the buffer is guarded and reached by the inner kernel";
  EXPECT_DEATH(run(true), "crashed while running: " + note);
}

INSTANTIATE_TEST_SUITE_P(
    EveryKind, GuardJitBuffersDeathTest,
    ::testing::Combine(::testing::Values(0, 1),
                       ::testing::Values(BufferUse::packed_weights, BufferUse::bias,
                                         BufferUse::staged_input, BufferUse::staged_output),
                       ::testing::Values(GuardSide::end, GuardSide::start)),
    [](const auto& info) {
      return std::string(kStaging[std::get<0>(info.param)].strategy->name()) + "_" +
             std::string(to_string(std::get<1>(info.param))) + "_" +
             (std::get<2>(info.param) == GuardSide::end ? "end" : "start");
    });

// An inner kernel that skips its first call leaves part of the staged
// output unwritten: under the guard that part reaches dst as NaN, and the
// comparison fails whatever the reference holds there (unguarded, the slot
// holds what its memory did, often 0, which passes wherever the reference
// is 0: ReLU, padding).
TEST(GuardJitBuffers, AnUnwrittenStagedOutputFails) {
  for (const Staging& s : kStaging) {
    const ConvDesc d = staging_problem(s);
    SCOPED_TRACE(d.full_str());
    const ProblemData data = make_problem_data(d, 1, Fill::integer, 5);
    Buffer want(d.dt, d.dst_shape(1));
    reference_conv(d, data.src.data(), data.wei.data(), data.bias.data(), want.data(), 1);
    // Skipped outputs, counted as NaN.
    auto run = [&](int64_t& nans) {
      GuardJitBuffers guard(GuardSide::end);
      int calls = 0;
      auto kernel = hooked_kernel(d, 1, [&](OcPart, const CallArgs& a) {
        const auto found = GuardJitBuffers::find(a.dst);
        if (!found || found->use != BufferUse::staged_output)
          throw std::runtime_error("dst is not a guarded staged output");
        return calls++ > 0;
      }, s.strategy);
      kernel->bind(data.wei.cview(), data.bias.cview());
      Buffer dst(d.dt, d.dst_shape(1));
      kernel->run(data.src.cview(), dst.view());
      nans = 0;
      for (int64_t i = 0; i < dst.size(); ++i) nans += std::isnan(dst.get(i));
      return compare(d, dst, want, 0, d.post_ops.relu);
    };
    int64_t nans = 0;
    const Comparison guarded = run(nans);
    EXPECT_FALSE(guarded.ok()) << guarded.str();
    EXPECT_GT(nans, 0);
    EXPECT_EQ(guarded.mismatches, nans) << "every unwritten output, and only those, differs";
    // Unguarded, the same outputs read whatever the slot's memory held
    // (slots are not zeroed: ScratchPool): only the guard makes a skipped
    // output fail every time.
  }
}

}  // namespace
}  // namespace convjit
