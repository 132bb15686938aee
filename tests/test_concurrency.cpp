// Concurrency: eight threads compile and run overlapping problems through one
// Engine. Every result is exact (integer data), and each distinct (problem,
// plan) is compiled once however the threads race for it: the code cache
// hands the losers the winner's code. "Prepared" is the one the engine
// computes (work_problem): a 1x1 convolution and the 1D one over the same
// pixels share their code by design. Also run under ThreadSanitizer
// (scripts/test-sanitizers.sh).
#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <cstring>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "convjit/convjit.hpp"
#include "validation/reference.hpp"
#include "planner/work_problem.hpp"
#include "tests/fuzz_space.hpp"

namespace convjit {
namespace {

constexpr int kThreads = 8;

// Under ThreadSanitizer the engine runs kernels on one thread: libgomp is
// not instrumented, so its barriers look like races to TSan (false positives
// in the drivers' parallel regions). What TSan is here for is the engine's
// cache and the kernels shared between the eight threads.
#if defined(__SANITIZE_THREAD__)
constexpr int kEngineThreads = 1;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
constexpr int kEngineThreads = 1;
#else
constexpr int kEngineThreads = 2;
#endif
#else
constexpr int kEngineThreads = 2;
#endif

struct Prepared {
  ConvDesc desc;
  ProblemData data;
  Buffer want;
};

// Problems of the fuzzer's space, and two that the engine computes as one
// (a 1x1 convolution, and the 1D one over its pixels); integer data, so
// results are exact.
std::vector<Prepared> make_problems(int count) {
  std::vector<ConvDesc> descs;
  for (int i = 0; i < count; ++i) descs.push_back(fuzz_case(99, i).desc);
  for (const char* text : {"mb2ic16ih8oc24kh1", "mb2ic16iw64oc24kw1"}) descs.push_back(ConvDesc::parse(text));
  std::vector<Prepared> problems;
  for (const ConvDesc& d : descs) {
    Prepared p{d, make_problem_data(d, d.mb, Fill::integer, problems.size() + 1),
              Buffer(d.dt, d.dst_shape(d.mb))};
    reference_conv(d, p.data.src.data(), p.data.wei.data(),
                   p.data.bias.empty() ? nullptr : p.data.bias.data(), p.want.data(), d.mb);
    problems.push_back(std::move(p));
  }
  return problems;
}

// Runs `kernel` on problem p and says whether the result is exact.
bool run_exact(const Kernel& kernel, const Prepared& p) {
  Buffer dst(p.desc.dt, p.desc.dst_shape(p.desc.mb));
  kernel.run(p.data.src.view(), dst.view());
  return std::memcmp(dst.data(), p.want.data(), dst.bytes()) == 0;
}

EngineOptions engine_options() {
  EngineOptions options;
  options.threads = kEngineThreads;
  return options;
}

std::unique_ptr<Kernel> bound_kernel(Engine& engine, const Prepared& p, Backend backend) {
  auto kernel = engine.make_kernel(p.desc, backend);
  kernel->bind(p.data.wei.view(), p.data.bias.empty() ? ConstTensorView{} : p.data.bias.view());
  return kernel;
}


TEST(Concurrency, EightThreadsCompileEachKernelOnce) {
  if (CpuFacts::detect("").isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  const std::vector<Prepared> problems = make_problems(24);
  Engine engine(engine_options());
  constexpr int kRounds = 3;
  std::mutex mutex;
  std::set<std::string> keys;  // distinct (problem, plan)
  int64_t made = 0, wrong = 0;
  std::barrier start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      start.arrive_and_wait();  // all at once, to race for the same keys
      for (int r = 0; r < kRounds; ++r)
        for (std::size_t i = 0; i < problems.size(); ++i) {
          // Every thread walks the problems from its own starting point, so
          // that several threads ask for one problem at about the same time.
          const Prepared& p = problems[(i + t * 3) % problems.size()];
          auto kernel = bound_kernel(engine, p, Backend::jit);
          const bool exact = run_exact(*kernel, p);
          std::lock_guard lock(mutex);
          keys.insert(WorkProblem(p.desc).full_str() + "|" + kernel->plan_str());
          ++made;
          if (!exact) {
            ++wrong;
            ADD_FAILURE() << "thread " << t << ": wrong result for " << p.desc.full_str();
          }
        }
    });
  for (auto& thread : threads) thread.join();

  const EngineStats stats = engine.stats();
  EXPECT_EQ(wrong, 0);
  EXPECT_EQ(made, int64_t(kThreads) * kRounds * int64_t(problems.size()));
  EXPECT_EQ(stats.compiled, static_cast<int64_t>(keys.size()));
  EXPECT_EQ(stats.compiled + stats.reused, made);
}

// One kernel, bound once, run by eight threads at once: the API promises it.
// Its runs must not share staging scratch. The interpreter too: its stores
// are C++, which ThreadSanitizer sees, where the JIT's are not.
TEST(Concurrency, OneKernelRunsFromEightThreadsAtOnce) {
  if (CpuFacts::detect("").isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  const std::vector<Prepared> problems = make_problems(24);
  Engine engine(engine_options());
  for (const Prepared& p : problems)
    for (Backend backend : {Backend::jit, Backend::interp}) {
      const auto kernel = bound_kernel(engine, p, backend);
      std::atomic<int> wrong{0};
      std::barrier start(kThreads);
      std::vector<std::thread> threads;
      for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&] {
          start.arrive_and_wait();
          for (int r = 0; r < 4; ++r)
            if (!run_exact(*kernel, p)) ++wrong;
        });
      for (auto& thread : threads) thread.join();
      EXPECT_EQ(wrong.load(), 0) << to_string(backend) << " " << p.desc.full_str() << " plan "
                                 << kernel->plan_str();
    }
}

}  // namespace
}  // namespace convjit
