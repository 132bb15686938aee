// Buffers a kernel cannot use are refused, not miscomputed: a dst that
// shares bytes with a src or another dst, and a pointer that splits an
// element. Any element-aligned pointer is accepted and computes what an
// aligned one does.
#include <gtest/gtest.h>

#include <cstring>
#include <numeric>
#include <string>
#include <type_traits>
#include <vector>

#include "convjit/convjit.hpp"
#include "kernels/planned_kernel.hpp"
#include "validation/test_data.hpp"

namespace convjit {
namespace {

// src and dst have the same shape: [2, 1, 6, 6].
constexpr const char* kSame = "mb2ic1ih6oc1kh3ph1";

struct Bound {
  ConvDesc desc;
  Engine engine;
  std::unique_ptr<Kernel> kernel;
  ProblemData data;
  Bound(const char* text, DataType dt, Layout layout = Layout::ncx) : desc(ConvDesc::parse(text)) {
    desc.dt = dt;
    desc.layout = layout;
    kernel = engine.make_kernel(desc);
    data = make_problem_data(desc, desc.mb, Fill::integer, 7);
    kernel->bind(data.wei.view());
  }
  // A view of `shape` starting `offset` bytes into `memory`.
  template <class Ptr>
  BasicTensorView<Ptr> at(Ptr memory, std::size_t offset, const Shape& shape) const {
    using Byte = std::conditional_t<std::is_const_v<std::remove_pointer_t<Ptr>>, const char, char>;
    return {static_cast<Byte*>(memory) + offset, desc.dt, shape};
  }
};

// Runs `f`, which must throw an Error naming `field` whose message holds
// `words`.
template <class F>
void expect_refused(F f, const std::string& field, const std::string& words) {
  try {
    f();
    ADD_FAILURE() << "accepted; expected an error naming " << field;
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), field) << e.what();
    EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
  }
}

// The kernel's shapes for a batch are the problem's, in every layout, and
// a run takes views made from them.
TEST(RunBuffers, TheKernelsShapesAreTheProblems) {
  for (Layout layout : {Layout::ncx, Layout::nxc, Layout::nCx8c, Layout::nCx16c}) {
    Bound b("mb3ic5ih7iw9oc6kh3kw3ph1pw1", DataType::f32, layout);
    for (int64_t batch : {int64_t(0), int64_t(1), int64_t(3), int64_t(1) << 40}) {
      EXPECT_EQ(b.kernel->src_shape(batch), b.desc.src_shape(batch)) << to_string(layout) << " batch " << batch;
      EXPECT_EQ(b.kernel->dst_shape(batch), b.desc.dst_shape(batch)) << to_string(layout) << " batch " << batch;
    }
    const std::unique_ptr<Kernel> reference = b.engine.make_kernel(b.desc, Backend::reference);
    reference->bind(b.data.wei.view());
    Buffer got(DataType::f32, b.kernel->dst_shape(3)), want(DataType::f32, b.desc.dst_shape(3));
    b.kernel->run({b.data.src.data(), DataType::f32, b.kernel->src_shape(3)}, got.view());
    reference->run(b.data.src.cview(), want.view());
    EXPECT_EQ(std::memcmp(got.data(), want.data(), got.bytes()), 0) << to_string(layout);
  }
}

TEST(RunBuffers, DstOverlappingSrcIsRefusedAndNothingIsWritten) {
  Bound b(kSame, DataType::f32);
  const Shape shape = b.desc.src_shape(2);
  ASSERT_EQ(shape, b.desc.dst_shape(2));
  const std::size_t bytes = b.data.src.bytes();
  std::vector<char> memory(2 * bytes);
  std::memcpy(memory.data(), b.data.src.data(), bytes);
  const std::vector<char> before = memory;
  // The same buffer, and dst starting inside src (or src inside dst).
  for (const std::size_t dst_offset : {std::size_t{0}, bytes / 2, bytes - 4}) {
    expect_refused([&] { b.kernel->run(b.at<const void*>(memory.data(), 0, shape),
                                       b.at<void*>(memory.data(), dst_offset, shape)); },
                   "dst", "dst overlaps src");
  }
  expect_refused([&] { b.kernel->run(b.at<const void*>(memory.data(), bytes / 2, shape),
                                     b.at<void*>(memory.data(), 0, shape)); },
                 "dst", "dst overlaps src");
  EXPECT_EQ(memory, before) << "a refused run wrote";
  // Back to back is not an overlap, and computes what separate buffers do.
  b.kernel->run(b.at<const void*>(memory.data(), 0, shape), b.at<void*>(memory.data(), bytes, shape));
  Buffer want(b.desc.dt, shape);
  b.kernel->run(b.data.src.view(), want.view());
  EXPECT_EQ(std::memcmp(memory.data() + bytes, want.data(), bytes), 0);
}

TEST(RunBuffers, PointersThatSplitAnElementAreRefused) {
  for (const DataType dt : {DataType::f32, DataType::f64}) {
    Bound b(kSame, dt);
    const Shape shape = b.desc.src_shape(2);
    const std::size_t bytes = b.data.src.bytes(), esize = size_of(dt);
    std::vector<char> src(bytes + 64), dst(bytes + 64);
    for (std::size_t offset = 1; offset < esize; ++offset) {
      expect_refused([&] { b.kernel->run(b.at<const void*>(src.data(), offset, shape),
                                         b.at<void*>(dst.data(), 0, shape)); },
                     "src", "is not aligned to its " + std::to_string(esize) + "-byte elements");
      expect_refused([&] { b.kernel->run(b.at<const void*>(src.data(), 0, shape),
                                         b.at<void*>(dst.data(), offset, shape)); },
                     "dst", "is not aligned");
    }
    expect_refused([&] { b.kernel->bind(b.at<const void*>(src.data(), 1, b.desc.wei_shape())); },
                   "weights", "is not aligned");
  }
}

// Every element-aligned offset from a cache line, as std::vector, malloc
// and NumPy hand out, gives the aligned result bit for bit: one vector of
// output channels (oc 16), a 1x1 layer computed as one row (oc 32), blocks
// of channels and a tail (oc 48 and 40).
TEST(RunBuffers, AnyElementAlignedPointerComputesTheAlignedResult) {
  for (const char* text : {"mb2ic8ih9oc16kh3ph1", "mb2ic16ih12oc32kh1", "mb2ic8ih9oc48kh3ph1", "mb2ic8ih9oc40kh3ph1"})
    for (const DataType dt : {DataType::f32, DataType::f64})
      for (const Layout layout : {Layout::ncx, Layout::nxc, Layout::nCx8c, Layout::nCx16c}) {
        Bound b(text, dt, layout);
        const Shape src_shape = b.desc.src_shape(2), dst_shape = b.desc.dst_shape(2);
        Buffer want(dt, dst_shape);
        b.kernel->run(b.data.src.view(), want.view());
        const std::size_t esize = size_of(dt), bytes = want.bytes();
        for (std::size_t offset = esize; offset < 64; offset += esize) {
          // Buffer's memory starts on a cache line; `offset` bytes past it.
          Buffer src(dt, Shape{1, {src_shape.elems() + 64}}), dst(dt, Shape{1, {dst_shape.elems() + 64}});
          std::memcpy(static_cast<char*>(src.data()) + offset, b.data.src.data(), b.data.src.bytes());
          b.kernel->run(b.at<const void*>(src.data(), offset, src_shape),
                        b.at<void*>(dst.data(), offset, dst_shape));
          EXPECT_EQ(std::memcmp(static_cast<char*>(dst.data()) + offset, want.data(), bytes), 0)
              << text << " " << to_string(dt) << " " << to_string(layout) << " +" << offset;
        }
      }
}

// A channels-first 1x1 layer of many rows runs its rows from the next cache
// line on where src (or dst) is off one, and its first and last rows where
// they are: the aligned result bit for bit, nothing written around dst, on
// one thread and two sharing an image, JIT and interpreter. Rows of 64
// pixels (9216 pixels, oc 20: a channel tail) and of 16 (784 pixels, 28x28,
// with a row tail). So does a valid convolution of rows 32 lines wide or
// more, whose rows' first pixels are computed again: one channel, two
// (planes whole lines apart), a row stride, output-channel tails, and rows
// enough for two threads to share a plane (each runs its own heads and ends
// on a block run where it is). Rows that
// are not whole lines fall on some phases of the lines only, and a src
// already on one of an aligned src's phases is run where it is.
TEST(RunBuffers, RealignedRowsComputeTheAlignedResult) {
  // Each problem with the elements between the rows its kernel steps over.
  const std::pair<const char*, int64_t> cases[] = {{"mb1ic8ih96oc20kh1", 64},
                                                   {"mb1ic8ih28oc12kh1", 16},
                                                   {"mb1ic1ih23iw514oc1kh3kw3", 514},
                                                   {"mb1ic2ih12iw520oc3kh2kw2", 520},
                                                   {"mb1ic1ih41iw530oc5kh3kw3sh2sw1", 2 * 530},
                                                   {"mb1ic1ih96iw520oc1kh3kw3", 520}};
  for (const auto& [text, row_step] : cases)
    for (const DataType dt : {DataType::f32, DataType::f64})
      for (const int threads : {1, 2})
        for (const Backend backend : {Backend::jit, Backend::interp}) {
          ConvDesc desc = ConvDesc::parse(text);
          desc.dt = dt;
          Engine engine(EngineOptions{.threads = threads});
          const auto kernel = engine.make_kernel(desc, backend);
          const ProblemData data = make_problem_data(desc, 1, Fill::integer, 11);
          kernel->bind(data.wei.view());
          const Shape src_shape = desc.src_shape(1), dst_shape = desc.dst_shape(1);
          Buffer want(dt, dst_shape);
          kernel->run(data.src.view(), want.view());
          const auto& planned = dynamic_cast<const PlannedKernel&>(*kernel);
          EXPECT_FALSE(planned.last_run().realigned) << text;
          const std::size_t esize = size_of(dt), bytes = want.bytes();
          const std::size_t period = std::gcd(std::size_t(row_step) * esize, std::size_t{64});
          for (std::size_t offset = esize; offset < 64; offset += esize) {
            Buffer src(dt, Shape{1, {src_shape.elems() + 64}}), dst(dt, Shape{1, {dst_shape.elems() + 64}});
            std::memcpy(static_cast<char*>(src.data()) + offset, data.src.data(), data.src.bytes());
            std::memset(dst.data(), 0x5a, dst.bytes());
            kernel->run(ConstTensorView(static_cast<char*>(src.data()) + offset, dt, src_shape),
                        TensorView(static_cast<char*>(dst.data()) + offset, dt, dst_shape));
            const std::string where = std::string(text) + " " + std::string(to_string(dt)) + " threads " +
                                      std::to_string(threads) + " " + std::string(to_string(backend)) + " +" +
                                      std::to_string(offset) + " " + kernel->plan_str();
            EXPECT_EQ(planned.last_run().realigned, offset % period != 0) << where;
            const auto* out = static_cast<const unsigned char*>(dst.data());
            EXPECT_EQ(std::memcmp(out + offset, want.data(), bytes), 0) << where;
            std::size_t touched = 0;
            for (std::size_t i = 0; i < dst.bytes(); ++i)
              touched += (i < offset || i >= offset + bytes) && out[i] != 0x5a;
            EXPECT_EQ(touched, 0u) << where << ": bytes written around dst";
          }
        }
}

TEST(RunBuffers, RaggedPairsAreCheckedAgainstEachOther) {
  Bound b(kSame, DataType::f32);
  const Shape one = b.desc.src_shape(1);
  const std::size_t bytes = one.elems() * sizeof(float);
  std::vector<char> memory(6 * bytes);
  auto src = [&](std::size_t slot) { return b.at<const void*>(memory.data(), slot * bytes, one); };
  auto dst = [&](std::size_t slot) { return b.at<void*>(memory.data(), slot * bytes, one); };
  // Refused, and nothing written.
  auto expect_pairs_refused = [&](const std::vector<TensorPair>& pairs, const std::string& field,
                                  const std::string& words) {
    const std::vector<char> before = memory;
    expect_refused([&] { b.kernel->run_ragged(pairs); }, field, words);
    EXPECT_EQ(memory, before) << field << ": a refused run wrote";
  };

  // Two pairs reading one src is fine; so are back-to-back tensors.
  b.kernel->run_ragged(std::vector<TensorPair>{{src(0), dst(1)}, {src(0), dst(2)}, {src(3), dst(4)}});
  // A dst that is another pair's src, another pair's dst, or its own src.
  expect_pairs_refused({{src(0), dst(1)}, {src(1), dst(2)}}, "pairs[0].dst",
                       "pairs[0].dst overlaps pairs[1].src");
  expect_pairs_refused({{src(0), dst(2)}, {src(1), dst(2)}}, "pairs[1].dst",
                       "pairs[1].dst overlaps pairs[0].dst");
  expect_pairs_refused({{src(0), dst(1)}, {src(3), dst(4)}, {src(5), dst(5)}}, "pairs[2].dst",
                       "pairs[2].dst overlaps pairs[2].src");
  // A part of a tensor: a dst one float into another pair's src.
  expect_pairs_refused({{src(0), b.at<void*>(memory.data(), 3 * bytes + 4, one)}, {src(3), dst(5)}},
                       "pairs[0].dst", "pairs[0].dst overlaps pairs[1].src");
  // A batch of 0 holds no byte, wherever it points.
  const Shape none = b.desc.src_shape(0);
  b.kernel->run_ragged(std::vector<TensorPair>{
      {src(0), dst(1)},
      {b.at<const void*>(memory.data(), bytes, none), b.at<void*>(memory.data(), 0, none)}});
}

}  // namespace
}  // namespace convjit
