// The tolerance of real fills must be tight enough to see one wrong tap at
// the longest sums the fuzz draws (integer fills are exact, but a bug that
// shows only in real arithmetic must not hide in the tolerance), and loose
// enough that kernels summing in their own order pass; for loaded data it
// scales with the data.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "convjit/convjit.hpp"
#include "validation/reference.hpp"
#include "validation/test_data.hpp"
#include "tests/fuzz_space.hpp"

namespace convjit {
namespace {

int64_t accumulation(const ConvDesc& d) { return d.icg() * d.spatial_k(); }

// The f32 problem with the longest sums among many the fuzz draws, with
// real data: where the tolerance is widest.
const FuzzCase& longest_fuzz_sum() {
  static const FuzzCase longest = [] {
    FuzzCase c = fuzz_case(20260002, 0);
    for (uint64_t i = 1; i < 20000; ++i) {
      const FuzzCase next = fuzz_case(20260002, i);
      if (accumulation(next.desc) > accumulation(c.desc)) c = next;
    }
    c.desc.dt = DataType::f32;
    c.desc.post_ops = {true, false};
    c.fill = Fill::real;
    return c;
  }();
  return longest;
}

double mean_abs(const Buffer& b) {
  double sum = 0;
  for (int64_t i = 0; i < b.size(); ++i) sum += std::fabs(b.get(i));
  return sum / double(b.size());
}

TEST(Tolerance, OneDroppedTapExceedsItAtTheFuzzsLongestSums) {
  const ConvDesc& d = longest_fuzz_sum().desc;
  SCOPED_TRACE(d.full_str());
  ASSERT_GE(accumulation(d), 1000) << "the fuzz draws long sums";
  const ProblemData data = make_problem_data(d, d.mb, Fill::real, 7);
  Buffer want(d.dt, d.dst_shape(d.mb));
  reference_conv(d, data.src.data(), data.wei.data(), data.bias.data(), want.data(), d.mb);
  const double tol = tolerance(d, Fill::real);
  // One tap's typical contribution, |src| |wei| on average, well above it
  // (the worst-case bound, ~0.43 here, was above it).
  const double typical = mean_abs(data.src) * mean_abs(data.wei);
  EXPECT_LT(tol, typical / 2) << "typical tap " << typical;

  // A kernel that skips one tap: the reference with that weight zeroed.
  // Taps whose weight is at least a quarter (half of them) must show in the
  // outputs of their channel, which err by |w x| for each x they meet.
  const double worst = worst_case_tolerance(d, magnitudes_of(data));
  int dropped = 0, seen = 0, seen_by_worst_case = 0;
  for (int64_t tap = 0; tap < data.wei.size() && dropped < 60; tap += 1 + data.wei.size() / 200) {
    if (std::fabs(data.wei.get(tap)) < 0.25) continue;
    Buffer wei(d.dt, data.wei.shape()), got(d.dt, d.dst_shape(d.mb));
    for (int64_t i = 0; i < wei.size(); ++i) wei.set(i, i == tap ? 0.0 : data.wei.get(i));
    reference_conv(d, data.src.data(), wei.data(), data.bias.data(), got.data(), d.mb);
    ++dropped;
    seen += compare(d, got, want, tol, false).mismatches > 0;
    seen_by_worst_case += compare(d, got, want, worst, false).mismatches > 0;
  }
  ASSERT_GE(dropped, 30);
  EXPECT_GE(seen * 10, dropped * 9) << seen << " of " << dropped << " dropped taps seen, tolerance " << tol;
  // The worst-case bound alone misses more of them.
  EXPECT_LT(seen_by_worst_case, seen) << "worst case " << worst;
}

TEST(Tolerance, KernelsSummingInTheirOwnOrderPassAtTheLongestSums) {
  const FuzzCase& c = longest_fuzz_sum();
  for (DataType dt : {DataType::f32, DataType::f64})
    for (const Backend backend : {Backend::interp, Backend::automatic}) {
      ConvDesc d = c.desc;
      d.dt = dt;
      SCOPED_TRACE(d.full_str() + " " + std::string(to_string(backend)));
      Engine engine(EngineOptions{.threads = 2});
      for (uint64_t seed : {1, 2, 3}) {
        const ProblemData data = make_problem_data(d, d.mb, Fill::real, seed);
        Buffer want(d.dt, d.dst_shape(d.mb)), got(d.dt, d.dst_shape(d.mb));
        reference_conv(d, data.src.data(), data.wei.data(), data.bias.data(), want.data(), d.mb);
        auto kernel = engine.make_kernel(d, backend);
        kernel->bind(data.wei.cview(), data.bias.cview());
        kernel->run(data.src.cview(), got.view());
        const Comparison cmp = compare(d, got, want, tolerance(d, Fill::real), false);
        EXPECT_TRUE(cmp.ok()) << cmp.str() << ", tolerance " << tolerance(d, Fill::real);
        // Far inside it: the tolerance is not fitted to what kernels do.
        EXPECT_LT(cmp.max_abs_err, tolerance(d, Fill::real) / 4) << cmp.str();
      }
    }
}

TEST(Tolerance, WorstCaseScalesWithTheData) {
  const ConvDesc d = ConvDesc::parse("mb1ic8ih10oc4kh3");
  const double unit = worst_case_tolerance(d, {1, 1, 0});
  EXPECT_GT(unit, 0);
  EXPECT_DOUBLE_EQ(worst_case_tolerance(d, {1000, 1, 0}), 1000 * unit);
  EXPECT_DOUBLE_EQ(worst_case_tolerance(d, {1e-3, 1e-3, 0}), 1e-6 * unit);
  ConvDesc f64 = d;
  f64.dt = DataType::f64;
  EXPECT_LT(worst_case_tolerance(f64, {1, 1, 0}), unit * 1e-8);
  // Magnitudes are the data's largest, of either sign.
  ProblemData data = make_problem_data(d, 1, Fill::real, 1);
  data.src.set(3, -250);
  data.wei.set(0, 8);
  const DataMagnitudes m = magnitudes_of(data);
  EXPECT_EQ(m.src, 250);
  EXPECT_EQ(m.wei, 8);
  EXPECT_EQ(m.bias, 0);
}

}  // namespace
}  // namespace convjit
