// JIT vs interpreter vs reference, the benchdnn way: integer fills must agree
// bit for bit, real fills within the tolerance derived from the accumulation
// length. Each failure prints the descriptor and options to replay it with
// `convjit run`.
#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "convjit/convjit.hpp"
#include "kernels/reference.hpp"
#include "kernels/test_data.hpp"

namespace convjit {
namespace {

std::string replay(const ConvDesc& d, int threads, Fill fill) {
  std::ostringstream os;
  os << "convjit run --problem " << d.str() << " --dt " << to_string(d.dt) << " --layout "
     << to_string(d.layout) << " --post-ops " << to_string(d.post_ops) << " --threads " << threads
     << " --fill " << (fill == Fill::integer ? "integer" : "real");
  return os.str();
}

Buffer run_backend(Engine& engine, const ConvDesc& d, Backend backend, const ProblemData& data) {
  auto kernel = engine.make_kernel(d, backend);
  kernel->bind(data.wei.view(), data.bias.empty() ? ConstTensorView{} : data.bias.view());
  Buffer dst(d.dt, d.dst_shape(d.mb));
  kernel->run(data.src.view(), dst.view());
  return dst;
}

// Checks one problem on every backend; returns false (with a message) on the
// first disagreement.
void check_problem(const ConvDesc& d, int threads, Fill fill, uint64_t seed) {
  Engine engine(EngineOptions{threads, ""});
  ProblemData data = make_problem_data(d, d.mb, fill, seed);
  Buffer want(d.dt, d.dst_shape(d.mb));
  reference_conv(d, data.src.data(), data.wei.data(), data.bias.empty() ? nullptr : data.bias.data(),
                 want.data(), d.mb);
  const double tol = tolerance(d, fill);
  Buffer interp = run_backend(engine, d, Backend::interp, data);
  Comparison c1 = compare(interp, want, tol, d.post_ops.relu);
  ASSERT_EQ(c1.mismatches, 0) << "interpreter vs reference: " << c1.str() << "\n  " << replay(d, threads, fill);
  if (engine.cpu().isa == Isa::scalar) return;
  Buffer jit = run_backend(engine, d, Backend::jit, data);
  // The interpreter follows the JIT's order of accumulation: equal bits.
  Comparison c2 = compare(jit, interp, 0.0, true);
  ASSERT_EQ(c2.mismatches, 0) << "jit vs interpreter: " << c2.str() << "\n  " << replay(d, threads, fill);
}

TEST(JitDifferential, SeedProblems) {
  const char* seeds[] = {"mb1ic1ih1024oc1kh3", "mb1ic3ih32oc10kh2sh2", "mb1ic1ih3oc1kh2",
                         "mb1ic1ih50oc1kh2",   "mb1ic1ih250oc1kh2",   "mb1ic1ih1000oc1kh2",
                         "mb100ic1ih16oc4kh5"};
  for (const char* text : seeds)
    for (DataType dt : {DataType::f32, DataType::f64})
      for (bool relu : {false, true}) {
        ConvDesc d = ConvDesc::parse(text);
        d.dt = dt;
        d.post_ops = {relu, relu};
        SCOPED_TRACE(d.full_str());
        check_problem(d, 1, Fill::integer, 7);
      }
}

// A random few-channel problem: sizes 1..70, kernels 1..7, strides 1..3,
// paddings, dilations, groups, batch 1..5, 1D and 2D.
ConvDesc random_problem(std::mt19937_64& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (;;) {
    std::ostringstream os;
    const int g = pick(1, 3) == 1 ? pick(1, 3) : 1;
    os << "g" << g << "mb" << pick(1, 5) << "ic" << g * pick(1, 4) << "oc" << g * pick(1, 12);
    const bool two_d = pick(0, 3) != 0;
    for (char axis : two_d ? std::string("hw") : std::string("w")) {
      const int k = pick(1, 7), dil = pick(0, 4) == 0 ? pick(1, 2) : 0;
      os << "i" << axis << pick(1, 70) << "k" << axis << k << "s" << axis << pick(1, 3) << "p"
         << axis << (pick(0, 1) ? pick(0, k) : 0) << "d" << axis << dil;
    }
    try {
      ConvDesc d = ConvDesc::parse(os.str());
      d.dt = pick(0, 1) ? DataType::f32 : DataType::f64;
      d.layout = pick(0, 3) == 0 ? Layout::nxc : Layout::ncx;
      d.post_ops = {pick(0, 1) == 1, pick(0, 1) == 1};
      return d;
    } catch (const Error&) {
      // The kernel does not fit the padded input: draw again.
    }
  }
}

TEST(JitDifferential, RandomFewChannelProblems) {
  std::mt19937_64 rng(20261121);
  for (int i = 0; i < 600; ++i) {
    ConvDesc d = random_problem(rng);
    const int threads = 1 + i % 2;
    const Fill fill = i % 3 == 2 ? Fill::real : Fill::integer;
    SCOPED_TRACE("problem " + std::to_string(i) + ": " + replay(d, threads, fill));
    check_problem(d, threads, fill, 1000 + i);
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace convjit
