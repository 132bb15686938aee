// Every layer of the oneDNN shape files, at batch 1, in channels-first,
// channels-last and blocked layouts by turns, computed by the JIT (or
// the interpreter where the CPU has no AVX2) and compared exactly with the
// reference on integer data, every tensor and every buffer of the kernel's
// own against guard pages (guard_alloc.hpp, guard_jit_buffers.hpp). Layers whose reference would take too long in
// CI are shrunk spatially (channels, kernel, strides, dilations and both
// paddings kept); CONVJIT_FULL_SHAPES=1 runs them all at full size.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "convjit/convjit.hpp"
#include "validation/test_data.hpp"
#include "tests/guard_alloc.hpp"
#include "tests/guard_jit_buffers.hpp"
#include "tests/layouts.hpp"
#include "tests/trusted_data.hpp"

namespace convjit {
namespace {

// Multiply-adds the reference may spend on one layer in CI (about a second).
constexpr double kMaxReferenceMacs = 3e8;

double macs(const ConvDesc& d) { return d.flops(d.mb) / 2; }

// The same layer with at most `cap` outputs per spatial axis: the input
// shrinks so that front and back padding stay as they were.
ConvDesc shrink(ConvDesc d, int64_t cap) {
  for (int a = 0; a < 3; ++a) {
    if (d.o[a] <= cap) continue;
    d.o[a] = cap;
    d.i[a] = (d.o[a] - 1) * d.s[a] + d.ext(a) - d.p[a] - d.pb[a];
  }
  d.validate();
  return d;
}

void check_file(const std::string& file) {
  const bool full = std::getenv("CONVJIT_FULL_SHAPES") != nullptr;
  Engine engine(EngineOptions{.threads = 2});
  int checked = 0;
  for (const ShapeEntry& e : read_shape_file(std::string(CONVJIT_PROBLEMS_DIR) + "/onednn/" + file)) {
    ConvDesc d = e.desc;
    d.mb = 1;
    constexpr Layout kTurns[] = {Layout::ncx, Layout::nxc, Layout::nCx16c, Layout::nCx8c};
    d.layout = usable_layout(d, kTurns[e.line % 4]);  // every layout, by turns
    for (int64_t cap = 64; !full && macs(d) > kMaxReferenceMacs && cap >= 1; cap /= 2) d = shrink(d, cap);
    SCOPED_TRACE(file + ":" + std::to_string(e.line) + " " + d.str());
    // Every tensor and every buffer of the kernel's own against guard pages,
    // flush with their ends on even lines and their starts on odd ones.
    const GuardSide side = e.line % 2 ? GuardSide::start : GuardSide::end;
    const GuardJitBuffers guard(side);
    auto kernel = engine.make_kernel(d);
    const TrustedData t = draw_trusted_data(d, Fill::integer, e.line);
    ASSERT_TRUE(t.trusted) << t.self.str();
    const GuardedTensor src(t.data.src, side), wei(t.data.wei, side);
    kernel->bind(wei.cview(), {});
    GuardedTensor got(d.dt, d.dst_shape(1), side);
    kernel->run(src.cview(), got.view());
    const Comparison c = compare(d, got.to_buffer(), t.want, 0.0, false);
    EXPECT_TRUE(c.ok()) << c.str() << " plan " << kernel->plan_str() << "\n  replay: convjit run --problem "
                        << d.str() << " --layout " << to_string(d.layout) << " --threads 2 --seed " << t.seed;
    ++checked;
  }
  EXPECT_GT(checked, 0) << file << " has no problem";
}

class ShapeFileExact : public ::testing::TestWithParam<const char*> {};

TEST_P(ShapeFileExact, EveryLayerMatchesTheReference) { check_file(GetParam()); }

INSTANTIATE_TEST_SUITE_P(OneDnn, ShapeFileExact,
                         ::testing::Values("shapes_resnet_50", "shapes_mobilenet", "shapes_mobilenet_dw",
                                           "shapes_1x1", "shapes_tails", "shapes_dilated", "shapes_1d",
                                           "shapes_3d_unet", "shapes_basic", "shapes_large_padding",
                                           "shapes_regression_small_spatial", "shapes_vgg_19"),
                         [](const auto& info) { return std::string(info.param); });

}  // namespace
}  // namespace convjit
