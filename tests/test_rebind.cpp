// A rebind packs into the memory of the bind before: the kernel then
// computes what a fresh kernel bound to the new weights and bias computes,
// bit for bit, on every strategy and layout, and makes none of its own
// buffers (packed weights, bias, scratch) again.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "convjit/convjit.hpp"
#include "kernels/buffer.hpp"
#include "validation/test_data.hpp"

namespace convjit {
// Named: the tests' unity build puts files side by side.
namespace rebind_test {
namespace {

// Counts the kernels' buffers made while it is installed; zeroed memory, as
// the default allocator gives a buffer that asks for it.
class CountingAllocator final : public BufferAllocator {
 public:
  void* allocate(std::size_t bytes, BufferUse) override {
    ++made;
    const std::size_t rounded = (bytes + 63) / 64 * 64 + 64;
    void* p = std::aligned_alloc(64, rounded);
    if (p) std::memset(p, 0, rounded);
    return p;
  }
  void release(void* p, std::size_t) noexcept override { std::free(p); }
  int made = 0;
};

// Installs an allocator for the scope.
struct Installed {
  BufferAllocator* before;
  explicit Installed(BufferAllocator* allocator) : before(set_jit_buffer_allocator(allocator)) {}
  ~Installed() { set_jit_buffer_allocator(before); }
};

struct Case {
  const char* problem;
  Layout layout;
  Algorithm algorithm;
};

std::string name(const Case& c) {
  return std::string(c.problem) + " " + std::string(to_string(c.layout)) +
         (c.algorithm == Algorithm::winograd ? " winograd" : "");
}

std::vector<char> output(const Kernel& kernel, const ProblemData& data) {
  const ConvDesc& d = kernel.desc();
  Buffer dst(d.dt, d.dst_shape(d.mb));
  kernel.run(data.src.view(), dst.view());
  const auto* bytes = static_cast<const char*>(dst.data());
  return {bytes, bytes + dst.bytes()};
}

// oc_vector direct and staged, ow_vector (channels first, few channels;
// wide rows with heads), Winograd; bias and ReLU on some.
const Case kCases[] = {
    {"mb2ic32ih10oc48kh3ph1", Layout::nxc, Algorithm::direct},
    {"mb2ic32ih10oc48kh3ph1", Layout::nCx16c, Algorithm::direct},
    {"mb2ic32ih10oc48kh3ph1", Layout::ncx, Algorithm::direct},
    {"mb2ic3ih20oc8kh3sh2ph1", Layout::ncx, Algorithm::direct},
    {"mb1ic1ih12iw600oc1kh3kw3", Layout::ncx, Algorithm::direct},
    {"mb1ic32ih12oc32kh3ph1", Layout::nCx16c, Algorithm::winograd},
    {"mb1ic32ih12oc32kh3ph1", Layout::ncx, Algorithm::winograd},
};

TEST(Rebind, PacksInPlaceAndComputesAsAFreshKernel) {
  CountingAllocator counter;  // outlives every kernel below, and their buffers
  for (const Case& c : kCases)
    for (bool bias : {false, true}) {
      ConvDesc desc = ConvDesc::parse(c.problem);
      desc.layout = c.layout;
      desc.algorithm = c.algorithm;
      desc.post_ops = {bias, bias};
      SCOPED_TRACE(name(c) + (bias ? " bias,relu" : ""));
      const ProblemData first = make_problem_data(desc, desc.mb, Fill::integer, 1);
      const ProblemData second = make_problem_data(desc, desc.mb, Fill::integer, 2);
      Engine engine;
      std::unique_ptr<Kernel> kernel = engine.make_kernel(desc);
      std::unique_ptr<Kernel> fresh = engine.make_kernel(desc);
      SCOPED_TRACE(kernel->plan_str());
      fresh->bind(second.wei.view(), second.bias.view());
      {
        const Installed counting(&counter);
        const int made_before = counter.made;
        kernel->bind(first.wei.view(), first.bias.view());
        const std::vector<char> before = output(*kernel, first);
        const int made = counter.made;
        EXPECT_GT(made, made_before);  // the count sees the first bind's buffers
        kernel->bind(second.wei.view(), second.bias.view());
        EXPECT_EQ(counter.made, made) << "the rebind made buffers again";
        const std::vector<char> after = output(*kernel, second);
        EXPECT_NE(before, output(*kernel, first)) << "the rebind left the first weights";
        EXPECT_EQ(after, output(*fresh, second));
      }
    }
}

}  // namespace
}  // namespace rebind_test
}  // namespace convjit
