// A 6x6 image filtered with a 3x3 box filter, zero padding of 1.
#include <convjit/convjit.hpp>

#include <cstdio>
#include <vector>

int main() {
  convjit::Engine engine;  // detects the CPU; threads: all cores
  const convjit::ConvDesc desc = convjit::ConvDesc::parse("mb1ic1ih6oc1kh3ph1");
  // Compiled for this CPU; one kernel serves every batch size.
  std::unique_ptr<convjit::Kernel> kernel = engine.make_kernel(desc);

  std::vector<float> weights(3 * 3, 1.0f);  // desc.wei_shape(): [1,1,3,3]
  kernel->bind({weights.data(), convjit::DataType::f32, desc.wei_shape()});

  const int64_t batch = 2;
  std::vector<float> src(batch * 6 * 6, 1.0f), dst(batch * 6 * 6);
  kernel->run({src.data(), convjit::DataType::f32, desc.src_shape(batch)},
              {dst.data(), convjit::DataType::f32, desc.dst_shape(batch)});
  // Corners see 4 taps of the image, edges 6, the interior 9.
  std::printf("%s: %g %g %g\n", kernel->plan_str().c_str(), dst[0], dst[1], dst[7]);
  if (dst[0] != 4 || dst[1] != 6 || dst[7] != 9) return 1;

  // An impossible problem is an Error naming the field and the rule.
  try {
    convjit::ConvDesc::parse("mb1ic3ih32oc10kh2g3");  // 10 channels in 3 groups
    return 1;
  } catch (const convjit::Error& e) {
    std::printf("%s: %s\n", e.field().c_str(), e.what());
  }
}
