// Denormals (README.md, Denormals): off by default, and then denormal
// inputs and denormal results are computed exactly as the reference computes
// them; with EngineOptions::flush_denormals, every thread of a run sets
// FTZ/DAZ, so denormal inputs read as zero and denormal results become zero,
// and each thread puts its MXCSR back afterwards.
#include <gtest/gtest.h>
#include <xmmintrin.h>

#include <cmath>
#include <cstring>
#include <string>

#include "convjit/convjit.hpp"
#include "kernels/planned_kernel.hpp"
#include "validation/reference.hpp"
#include "validation/test_data.hpp"

namespace convjit {
namespace {

constexpr unsigned kFtzDaz = 0x8040;

// Problems for each driver path, on an engine of three threads: for each
// strategy (ow_vector, then oc_vector), one image shared by the threads,
// images spread over them, and work too small for more than the caller.
const char* const kDriverProblems[] = {"mb1ic1ih256oc4kh3",  "mb6ic1ih64oc4kh3",  "mb2ic1ih12oc2kh3",
                                 "mb1ic32ih16oc32kh3", "mb6ic32ih8oc32kh3", "mb2ic16ih4oc16kh3"};

enum class Kind {
  denormal_inputs,   // src denormal, weights small integers: DAZ's business
  denormal_results,  // src and weights normal, products denormal: FTZ's
};

// Data whose every product and sum is exact, so that "off" must equal the
// reference bit for bit: multiples of one power of two, small integers.
ProblemData denormal_data(const ConvDesc& d, Kind kind) {
  ProblemData data = make_problem_data(d, d.mb, Fill::integer, 5);
  const bool f32 = d.dt == DataType::f32;
  // f32: denormals are below 2^-126, f64 below 2^-1022.
  const double src_unit = kind == Kind::denormal_inputs ? (f32 ? 0x1p-140 : 0x1p-1060)
                                                        : (f32 ? 0x1p-70 : 0x1p-530);
  const double wei_unit = kind == Kind::denormal_inputs ? 1.0 : (f32 ? 0x1p-70 : 0x1p-530);
  for (int64_t i = 0; i < data.src.size(); ++i) data.src.set(i, data.src.get(i) * src_unit);
  for (int64_t i = 0; i < data.wei.size(); ++i) data.wei.set(i, data.wei.get(i) * wei_unit);
  return data;
}

Buffer run(const Kernel& kernel, const ProblemData& data) {
  const ConvDesc& d = kernel.desc();
  Buffer dst(d.dt, d.dst_shape(d.mb));
  kernel.run(data.src.view(), dst.view());
  return dst;
}

bool is_denormal(double v, DataType dt) {
  const double v_abs = std::fabs(v);
  return v_abs > 0 && v_abs < (dt == DataType::f32 ? 0x1p-126 : 0x1p-1022);
}

class Denormals : public ::testing::TestWithParam<std::tuple<const char*, DataType, Kind>> {};

TEST_P(Denormals, ExactWhenOffZeroWhenOn) {
  auto [text, dt, kind] = GetParam();
  ConvDesc d = ConvDesc::parse(text);
  d.dt = dt;
  EngineOptions options;
  options.threads = 3;
  Engine engine(options);
  if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  const ProblemData data = denormal_data(d, kind);
  Buffer want(d.dt, d.dst_shape(d.mb));
  reference_conv(d, data.src.data(), data.wei.data(), nullptr, want.data(), d.mb);
  int64_t denormal_outputs = 0;
  for (int64_t i = 0; i < want.size(); ++i) denormal_outputs += is_denormal(want.get(i), dt);
  ASSERT_GT(denormal_outputs, want.size() / 2) << "the data must produce denormal outputs";

  auto kernel = engine.make_kernel(d, Backend::jit);
  kernel->bind(data.wei.view());
  auto& planned = dynamic_cast<PlannedKernel&>(*kernel);
  SCOPED_TRACE(d.full_str() + " plan " + kernel->plan_str());
  const unsigned csr_before = _mm_getcsr();
  for (int round = 0; round < 2; ++round) {  // off after on: no thread kept FTZ/DAZ
    planned.set_flush_denormals(false);
    const Buffer off = run(*kernel, data);
    EXPECT_EQ(std::memcmp(off.data(), want.data(), want.bytes()), 0) << "off must equal the reference";
    planned.set_flush_denormals(true);
    const Buffer on = run(*kernel, data);
    for (int64_t i = 0; i < on.size(); ++i)
      if (on.get(i) != 0) {
        ADD_FAILURE() << "on: element " << i << " is " << on.get(i) << ", not flushed to 0";
        break;
      }
  }
  EXPECT_EQ(_mm_getcsr() & kFtzDaz, csr_before & kFtzDaz) << "the caller's MXCSR changed";
}

std::string name_of(const ::testing::TestParamInfo<Denormals::ParamType>& info) {
  const auto& [text, dt, kind] = info.param;
  return std::string(text) + "_" + std::string(to_string(dt)) +
         (kind == Kind::denormal_inputs ? "_inputs" : "_results");
}

INSTANTIATE_TEST_SUITE_P(
    AllPaths, Denormals,
    ::testing::Combine(::testing::ValuesIn(kDriverProblems), ::testing::Values(DataType::f32, DataType::f64),
                       ::testing::Values(Kind::denormal_inputs, Kind::denormal_results)),
    name_of);

// Winograd's driver too: every thread of its run flushes (its results are
// not the reference's bits, so "off" is held to denormal outputs computed).
TEST(Denormals, WinogradFlushesInEveryThread) {
  for (DataType dt : {DataType::f32, DataType::f64})
    for (Kind kind : {Kind::denormal_inputs, Kind::denormal_results}) {
      ConvDesc d = ConvDesc::parse("mb2ic32ih16oc32kh3ph1");
      d.dt = dt;
      d.algorithm = Algorithm::winograd;
      Engine engine(EngineOptions{.threads = 3});
      if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
      const ProblemData data = denormal_data(d, kind);
      auto kernel = engine.make_kernel(d, Backend::jit);
      kernel->bind(data.wei.view());
      auto& planned = dynamic_cast<PlannedKernel&>(*kernel);
      SCOPED_TRACE(d.full_str() + (kind == Kind::denormal_inputs ? " inputs" : " results"));
      const unsigned csr_before = _mm_getcsr();
      const Buffer off = run(*kernel, data);
      int64_t denormal_outputs = 0;
      for (int64_t i = 0; i < off.size(); ++i) denormal_outputs += is_denormal(off.get(i), dt);
      EXPECT_GT(denormal_outputs, off.size() / 2) << "off: denormal results must be computed";
      planned.set_flush_denormals(true);
      const Buffer on = run(*kernel, data);
      int64_t nonzero = 0;
      for (int64_t i = 0; i < on.size(); ++i) nonzero += on.get(i) != 0;
      EXPECT_EQ(nonzero, 0) << "on: outputs not flushed to 0";
      EXPECT_EQ(_mm_getcsr() & kFtzDaz, csr_before & kFtzDaz) << "the caller's MXCSR changed";
    }
}

// The option is off by default, and EngineOptions::flush_denormals reaches
// every kernel the engine makes.
TEST(DenormalPolicy, EngineOptionReachesKernels) {
  const ConvDesc d = ConvDesc::parse("mb1ic1ih8oc1kh3");
  EXPECT_FALSE(EngineOptions{}.flush_denormals);
  for (bool flush : {false, true}) {
    EngineOptions options;
    options.flush_denormals = flush;
    Engine engine(options);
    const auto kernel = engine.make_kernel(d, Backend::interp);
    EXPECT_EQ(dynamic_cast<const PlannedKernel&>(*kernel).flush_denormals(), flush);
  }
}

}  // namespace
}  // namespace convjit
