// Blocked layouts (nCx8c, nCx16c) checked against index arithmetic written
// out here by hand, not through ActivationStrides, which the reference, the
// oc_vector driver, convert_layout and compare() all share (a mistake there
// would agree with itself everywhere else). Element (n, c, pixel p) of a
// C-channel tensor of P pixels in blocks of B lives at
//   ((n * ceil(C / B) + c / B) * P + p) * B + c % B,
// and the B - C % B lanes of a partial last block are padding: no kernel
// reads them (they hold NaN here) or writes them (they hold a sentinel).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <set>
#include <string>

#include "planner/strategy.hpp"
#include "convjit/convjit.hpp"
#include "kernels/planned_kernel.hpp"
#include "validation/reference.hpp"
#include "validation/test_data.hpp"

namespace convjit {
namespace {

int64_t block_of(Layout layout) { return layout == Layout::nCx8c ? 8 : 16; }

// The hand-written positions, in elements.
int64_t ncx_at(int64_t n, int64_t c, int64_t p, int64_t channels, int64_t pixels) {
  return (n * channels + c) * pixels + p;
}
int64_t blocked_at(int64_t n, int64_t c, int64_t p, int64_t channels, int64_t pixels, int64_t b) {
  const int64_t blocks = (channels + b - 1) / b;
  return ((n * blocks + c / b) * pixels + p) * b + c % b;
}

int64_t in_pixels(const ConvDesc& d) { return d.i[0] * d.i[1] * d.i[2]; }

constexpr double kSentinel = -777.25;  // in dst's padding lanes: must stay

struct Problem {
  const char* text;
  Layout layout;
};
// Partial last blocks in and out, 1D to 3D, few and many channels,
// depthwise across blocks, padding and strides.
const Problem kProblems[] = {
    {"mb2ic3ih9iw11oc5kh3kw3ph1pw1", Layout::nCx8c},   {"mb2ic3ih9iw11oc21kh3kw2sh2", Layout::nCx16c},
    {"mb1ic20ih7oc21kh3ph1", Layout::nCx16c},          {"mb2ic13ih6iw5oc11kh1kw3pw1", Layout::nCx8c},
    {"mb1ic19iw30oc9kw5sw2pw2", Layout::nCx16c},       {"mb1ic5id4ih5iw6oc10kd2kh3kw2pd1", Layout::nCx8c},
    {"g24mb2ic24ih8oc24kh3ph1", Layout::nCx16c},       {"g12mb1ic12ih9oc12kh3sh2", Layout::nCx8c},
    {"mb1ic40ih8iw9oc36kh3kw3ph1pw1", Layout::nCx16c},
};

// Runs `backend` (or the reference function, for Backend::automatic) on
// hand-placed blocked tensors and checks every position of dst by hand.
// Returns the plan's strategy, or an empty string for the reference.
std::string check_positions(const Problem& pr, DataType dt, Backend backend, bool with_function) {
  ConvDesc plain = ConvDesc::parse(pr.text);
  plain.dt = dt;
  plain.post_ops = {true, false};
  ConvDesc d = plain;
  d.layout = pr.layout;
  d.validate();
  const int64_t b = block_of(d.layout), mb = d.mb;
  const int64_t ip = in_pixels(d), op = d.spatial_out();
  const ProblemData data = make_problem_data(plain, mb, Fill::integer, 11);
  Buffer want(dt, plain.dst_shape(mb));
  reference_conv(plain, data.src.data(), data.wei.data(), data.bias.data(), want.data(), mb);

  // src: NaN everywhere, then each real element where the formula says.
  Buffer src(dt, d.src_shape(mb)), dst(dt, d.dst_shape(mb));
  EXPECT_EQ(src.size(), mb * ((d.ic + b - 1) / b) * ip * b) << "the blocked src shape";
  EXPECT_EQ(dst.size(), mb * ((d.oc + b - 1) / b) * op * b) << "the blocked dst shape";
  for (int64_t i = 0; i < src.size(); ++i) src.set(i, std::nan(""));
  for (int64_t n = 0; n < mb; ++n)
    for (int64_t c = 0; c < d.ic; ++c)
      for (int64_t p = 0; p < ip; ++p)
        src.set(blocked_at(n, c, p, d.ic, ip, b), data.src.get(ncx_at(n, c, p, d.ic, ip)));
  // dst: NaN in real lanes (unwritten shows), the sentinel in padding lanes
  // (channels oc..ceil(oc / b) * b, which the formula places too).
  const int64_t oc_padded = (d.oc + b - 1) / b * b;
  for (int64_t n = 0; n < mb; ++n)
    for (int64_t c = 0; c < oc_padded; ++c)
      for (int64_t p = 0; p < op; ++p) dst.set(blocked_at(n, c, p, d.oc, op, b), c < d.oc ? std::nan("") : kSentinel);

  std::string strategy;
  if (with_function) {
    reference_conv(d, src.data(), data.wei.data(), data.bias.data(), dst.data(), mb);
  } else {
    Engine engine(EngineOptions{.threads = 2});
    auto kernel = engine.make_kernel(d, backend);
    if (auto* planned = dynamic_cast<const PlannedKernel*>(kernel.get()))
      strategy = planned->plan().strategy->name();
    kernel->bind(data.wei.cview(), data.bias.cview());
    kernel->run(src.cview(), dst.view());
  }
  int64_t wrong = 0, touched = 0;
  for (int64_t n = 0; n < mb; ++n)
    for (int64_t c = 0; c < oc_padded; ++c)
      for (int64_t p = 0; p < op; ++p) {
        const double got = dst.get(blocked_at(n, c, p, d.oc, op, b));
        if (c >= d.oc) {
          touched += std::memcmp(&got, &kSentinel, sizeof got) != 0;
        } else if (const double w = want.get(ncx_at(n, c, p, d.oc, op)); !(got == w) && wrong++ == 0) {
          ADD_FAILURE() << "n " << n << " c " << c << " pixel " << p << ": " << got << ", want " << w;
        }
      }
  EXPECT_EQ(wrong, 0) << "outputs away from their hand-computed positions";
  EXPECT_EQ(touched, 0) << "padding lanes of dst written";
  return strategy;
}

TEST(BlockedPositions, ReferenceMatchesHandIndexing) {
  for (const Problem& p : kProblems)
    for (DataType dt : {DataType::f32, DataType::f64}) {
      SCOPED_TRACE(std::string(p.text) + " " + std::string(to_string(p.layout)) + " " + std::string(to_string(dt)));
      check_positions(p, dt, Backend::reference, true);
    }
}

TEST(BlockedPositions, KernelsMatchHandIndexingAndLeavePaddingLanes) {
  const bool jit = CpuFacts::detect().isa != Isa::scalar;
  std::set<std::string> strategies;
  for (const Problem& p : kProblems)
    for (DataType dt : {DataType::f32, DataType::f64})
      for (Backend backend : {Backend::reference, Backend::interp, Backend::jit}) {
        if (backend == Backend::jit && !jit) continue;
        SCOPED_TRACE(std::string(p.text) + " " + std::string(to_string(p.layout)) + " " +
                     std::string(to_string(dt)) + " " + std::string(to_string(backend)));
        const std::string s = check_positions(p, dt, backend, false);
        if (backend == Backend::jit) strategies.insert(s);
      }
  if (!jit) GTEST_SKIP() << "no JIT on this CPU: the interpreter and the reference kernel alone were checked";
  // Blocked layouts are oc_vector's (ow_vector refuses them): it must be
  // what ran, or the test checks less than it says.
  EXPECT_TRUE(strategies.count("oc_vector"));
}

}  // namespace
}  // namespace convjit
