// Guard pages: the test allocator really faults one element past either end
// of a tensor, and the seed problems run clean with every tensor against them,
// and every buffer of the kernels' own too (the differential fuzzer runs all
// of its problems this way; test_guard_jit_buffers.cpp shows the kernels'
// buffers fault and fail as the user's tensors do).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "convjit/convjit.hpp"
#include "tests/crash_note.hpp"
#include "tests/fuzz_check.hpp"

namespace convjit {
namespace {

// A death test forks; "threadsafe" re-executes the binary instead, which
// is safe with the OpenMP threads earlier tests left running. The crash note
// proves the death was the fault (SIGSEGV/SIGBUS), not something else.
class GuardPagesDeathTest : public ::testing::Test {
 protected:
  void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

TEST_F(GuardPagesDeathTest, WritingOnePastTheEndFaults) {
  GuardedTensor t(DataType::f32, Shape{1, {5}}, GuardSide::end);
  auto* p = static_cast<volatile float*>(t.data());
  p[4] = 1;  // the last element is fine
  EXPECT_DEATH(
      {
        const CrashNote note("one past the end");
        p[5] = 1;
      },
      "crashed while running: one past the end");
}

TEST_F(GuardPagesDeathTest, ReadingOneBeforeTheStartFaults) {
  GuardedTensor t(DataType::f64, Shape{1, {3}}, GuardSide::start);
  auto* p = static_cast<volatile double*>(t.data());
  EXPECT_TRUE(std::isnan(p[0]));  // fresh tensors read as NaN
  EXPECT_DEATH(
      {
        const CrashNote note("one before the start");
        (void)p[-1];
      },
      "crashed while running: one before the start");
}

TEST(GuardPages, EndAlignedTensorEndsAtAPageBoundary) {
  for (int64_t n : {1, 7, 1024, 1025})
    for (GuardSide side : {GuardSide::end, GuardSide::start}) {
      Buffer b(DataType::f32, Shape{1, {n}});
      for (int64_t i = 0; i < n; ++i) b.set(i, double(i));
      GuardedTensor t(b, side);
      const auto at = reinterpret_cast<uintptr_t>(t.data());
      const uintptr_t edge = side == GuardSide::end ? at + t.bytes() : at;
      EXPECT_EQ(edge % GuardedTensor::page_size(), 0u) << n;
      const Buffer back = t.to_buffer();
      EXPECT_EQ(std::memcmp(back.data(), b.data(), b.bytes()), 0) << n;
    }
}

TEST(GuardPages, SeedProblemsRunCleanAgainstGuards) {
  // Every seed problem of problems/seeds.txt, batches cut to keep it quick,
  // in four variants that between them cover both guard sides, thread
  // counts, data types, layouts and post-ops.
  struct Variant {
    GuardSide side;
    int threads;
    DataType dt;
    Layout layout;
    PostOps post_ops;
    Fill fill;
  };
  const Variant variants[] = {
      {GuardSide::end, 1, DataType::f32, Layout::ncx, {false, false}, Fill::integer},
      {GuardSide::start, 2, DataType::f64, Layout::nxc, {true, true}, Fill::integer},
      {GuardSide::end, 2, DataType::f32, Layout::nxc, {false, true}, Fill::real},
      {GuardSide::start, 1, DataType::f64, Layout::ncx, {true, false}, Fill::real},
  };
  const std::vector<std::string> caps = distinct_isa_caps();
  EnginePool pool;
  for (const ShapeEntry& entry : read_shape_file(CONVJIT_PROBLEMS_DIR "/seeds.txt"))
    for (const Variant& v : variants) {
      FuzzCase c{entry.desc.str(), entry.desc, v.threads, v.fill, 17};
      c.desc.mb = std::min<int64_t>(c.desc.mb, 40);
      c.text = c.desc.str();
      c.desc.dt = v.dt;
      c.desc.layout = v.layout;
      c.desc.post_ops = v.post_ops;
      const CaseOutcome out = check_case(pool, c, caps, v.side);
      EXPECT_EQ(out.failure, "") << c.desc.full_str();
    }
}

TEST(GuardPages, ShiftedWideRowsRunCleanAgainstGuards) {
  // Wide channels-first rows, run from src's next line on (ow_vector's
  // heads), with src ending on a guard page: it then starts 8 to 56 bytes
  // off a line in each of these, and its rows shifted read up to its last
  // element and no further.
  const std::vector<std::string> caps = distinct_isa_caps();
  EnginePool pool;
  for (const char* text : {"mb1ic1ih23iw514oc1kh3kw3", "mb1ic1ih41iw530oc5kh3kw3sh2sw1"})
    for (const DataType dt : {DataType::f32, DataType::f64})
      for (const int threads : {1, 2}) {
        FuzzCase c{text, ConvDesc::parse(text), threads, Fill::integer, 17};
        c.desc.dt = dt;
        const CaseOutcome out = check_case(pool, c, caps, GuardSide::end);
        EXPECT_EQ(out.failure, "") << c.desc.full_str() << " threads " << threads;
      }
}

}  // namespace
}  // namespace convjit
