#include "convjit/kernel.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "convjit/error.hpp"
#include "problem/log.hpp"

namespace convjit {
namespace {

// Every check throws before anything is touched, so a failed bind() or run()
// leaves the kernel and dst as they were. Field names and expected shapes
// are built only to throw: run() must not allocate, and a tiny run's checks
// must cost a few nanoseconds.
template <class Name, class Ptr, class WantShape>
void check_view(const Name& field, const BasicTensorView<Ptr>& view, DataType want_dt,
                std::size_t esize, bool shape_ok, const WantShape& want_shape) {
  // An empty tensor (batch 0) may come without memory.
  if (!view.data && view.shape.elems() != 0) throw Error(field(), field() + ": null data");
  if (view.dt != want_dt)
    throw Error(field(), field() + ": data type " + std::string(to_string(view.dt)) +
                             " does not match the kernel's " + std::string(to_string(want_dt)));
  if (!shape_ok)
    throw Error(field(), field() + ": shape " + view.shape.str() + " does not match the expected " +
                             want_shape().str());
  // Any element-aligned address works (the drivers peel to alignment); one
  // that splits an element is a caller's bug the hardware would not report.
  const auto address = reinterpret_cast<uintptr_t>(view.data);
  if (address % esize != 0)
    throw Error(field(), field() + ": address " + std::to_string(address) + " is not aligned to its " +
                             std::to_string(esize) + "-byte elements");
}

template <class Name, class Ptr>
void check_view(const Name& field, const BasicTensorView<Ptr>& view, DataType want_dt,
                const Shape& want_shape) {
  check_view(field, view, want_dt, size_of(want_dt), view.shape == want_shape,
             [&] { return want_shape; });
}

// Whether `shape` is a batch of `batch` images of shape `image` (dim 0: 1).
bool is_batch_of(const Shape& shape, const Shape& image, int64_t batch) {
  if (shape.nd != image.nd || shape.dim[0] != batch) return false;
  for (int a = 1; a < shape.nd; ++a)
    if (shape.dim[a] != image.dim[a]) return false;
  return true;
}

// The bytes of one tensor of a run; `pair` and `dst` name it.
struct Extent {
  uintptr_t begin = 0, end = 0;
  int64_t pair = -1;  // -1: run()'s single pair
  bool dst = false;
  std::string name() const {
    return (pair < 0 ? std::string() : "pairs[" + std::to_string(pair) + "].") + (dst ? "dst" : "src");
  }
};

template <class Ptr>
Extent extent_of(const BasicTensorView<Ptr>& view, std::size_t esize, int64_t pair, bool dst) {
  const auto begin = reinterpret_cast<uintptr_t>(view.data);
  return {begin, begin + static_cast<uintptr_t>(view.shape.elems()) * esize, pair, dst};
}

bool overlap(const Extent& a, const Extent& b) {
  return a.begin < b.end && b.begin < a.end;  // empty ones never do
}

[[noreturn]] void throw_overlap(const Extent& a, const Extent& b) {
  const Extent& out = a.dst ? a : b;
  const Extent& other = a.dst ? b : a;
  throw Error(out.name(), out.name() + " overlaps " + other.name() +
                              ": a kernel's output may share no byte with its inputs or other outputs");
}

// Sorted by start, a tensor overlaps an earlier one iff it starts before
// the furthest end so far; only overlaps that involve a dst are errors
// (inputs may share memory). `extents` is reordered.
void check_no_overlap(std::span<Extent> extents) {
  // Ties broken by pair, src first, so that the error names the same two
  // tensors every time.
  std::sort(extents.begin(), extents.end(), [](const Extent& a, const Extent& b) {
    return std::tie(a.begin, a.pair, a.dst) < std::tie(b.begin, b.pair, b.dst);
  });
  const Extent* furthest = nullptr;      // of all tensors so far
  const Extent* furthest_dst = nullptr;  // of the outputs so far
  for (const Extent& e : extents) {
    if (e.begin == e.end) continue;  // an empty tensor holds no byte
    if (e.dst && furthest && e.begin < furthest->end) throw_overlap(e, *furthest);
    if (!e.dst && furthest_dst && e.begin < furthest_dst->end) throw_overlap(e, *furthest_dst);
    if (!furthest || e.end > furthest->end) furthest = &e;
    if (e.dst && (!furthest_dst || e.end > furthest_dst->end)) furthest_dst = &e;
  }
}

template <class Name>
int64_t batch_of(const Name& field, const Shape& shape) {
  if (shape.nd < 1 || shape.dim[0] < 0)
    throw Error(field(), field() + ": shape " + shape.str() + " has no batch dimension");
  return shape.dim[0];
}

auto named(const char* name) {
  return [name] { return std::string(name); };
}

// CONVJIT_VERBOSE=2: a line per run. Quiet, a run pays one branch and
// allocates nothing (the clock is not read, the line not built).
template <class Run>
void logged_run(const ConvDesc& desc, int64_t images, std::size_t tensors, Run run) {
  if (!log().should_log(spdlog::level::debug)) return run();
  const auto start = std::chrono::steady_clock::now();
  run();
  const double us =
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  log().debug("run {} batch {} ({} tensors) in {:.1f} us", desc.full_str(), images, tensors, us);
}

}  // namespace

void Kernel::bind(ConstTensorView weights, ConstTensorView bias) {
  check_view(named("weights"), weights, desc_.dt, desc_.wei_shape());
  if (desc_.post_ops.bias) {
    if (!bias.data) throw Error("bias", "bias: missing, but the kernel has the bias post-op");
    check_view(named("bias"), bias, desc_.dt, desc_.bias_shape());
  } else if (bias.data) {
    throw Error("bias", "bias: given, but the kernel has no bias post-op");
  }
  do_bind(weights.data, desc_.post_ops.bias ? bias.data : nullptr);
  bound_ = true;
}

// The batch of one checked pair; `index` < 0 for run()'s single pair.
int64_t Kernel::check_pair(const TensorPair& pair, int64_t index) const {
  auto prefix = [&] { return index < 0 ? std::string() : "pairs[" + std::to_string(index) + "]."; };
  auto src = [&] { return prefix() + "src"; };
  auto dst = [&] { return prefix() + "dst"; };
  const int64_t batch = batch_of(src, pair.src.shape);
  if (batch_of(dst, pair.dst.shape) != batch)
    throw Error(dst(), dst() + ": batch " + std::to_string(pair.dst.shape.dim[0]) +
                           " does not match the src batch " + std::to_string(batch));
  const std::size_t esize = size_of(desc_.dt);
  check_view(src, pair.src, desc_.dt, esize, is_batch_of(pair.src.shape, src_image_, batch),
             [&] { return desc_.src_shape(batch); });
  check_view(dst, pair.dst, desc_.dt, esize, is_batch_of(pair.dst.shape, dst_image_, batch),
             [&] { return desc_.dst_shape(batch); });
  return batch;
}

// Whether run() may go ahead: every rule of check_pair() and the overlap
// rule, as a few compares with nothing built, so that a tiny run pays
// nanoseconds for them; on false, the checks that name the error run.
// Shapes are compared whole, dims past nd too: a shape built by src_shape()
// or dst_shape() has zeros there, and one that does not takes the slow
// checks, which compare only the first nd.
__attribute__((always_inline)) inline bool Kernel::pair_ok(const ConstTensorView& src,
                                                           const TensorView& dst) const {
  const Shape &s = src.shape, &d = dst.shape;
  const int64_t batch = s.dim[0];
  if (!bound_ || s.nd != src_image_.nd || d.nd != dst_image_.nd || batch < 0 || d.dim[0] != batch ||
      src.dt != desc_.dt || dst.dt != desc_.dt)
    return false;
  static_assert(sizeof(Shape::dim) == 6 * sizeof(int64_t));
  if (std::memcmp(&s.dim[1], &src_image_.dim[1], 5 * sizeof(int64_t)) != 0 ||
      std::memcmp(&d.dim[1], &dst_image_.dim[1], 5 * sizeof(int64_t)) != 0)
    return false;
  const auto in = reinterpret_cast<uintptr_t>(src.data), out = reinterpret_cast<uintptr_t>(dst.data);
  const auto esize = static_cast<uintptr_t>(esize_);
  if (batch == 0) return true;  // no memory needed, none touched
  if (!in || !out || ((in | out) & (esize - 1)) != 0) return false;
  // Neither tensor is empty here: they overlap iff each starts before the other ends.
  return !(in < out + uintptr_t(batch * dst_image_elems_) * esize &&
           out < in + uintptr_t(batch * src_image_elems_) * esize);
}

// Out of line and cold: run()'s frame stays small without these.
void Kernel::check_run(const ConstTensorView& src, const TensorView& dst) const {
  if (!bound_) throw Error("weights", "weights: run() before bind()");
  const TensorPair pair{src, dst};
  check_pair(pair, -1);
  const Extent in = extent_of(pair.src, esize_, -1, false), out = extent_of(pair.dst, esize_, -1, true);
  if (overlap(in, out)) throw_overlap(out, in);
}

// The views are read field by field where the caller wrote them: copied
// whole (16-byte loads over the caller's 8-byte stores) they cost a
// store-forwarding stall, which was most of a tiny run.
void Kernel::run(const ConstTensorView& src, const TensorView& dst) const {
  if (!pair_ok(src, dst)) [[unlikely]]
    check_run(src, dst);  // throws, but for a shape with nonzero dims past nd
  const int64_t batch = src.shape.dim[0];
  if (batch == 0) return;
  if (!log().should_log(spdlog::level::debug) && run_at_once(src.data, dst.data, batch)) return;
  run_one(src, dst);
}

// Out of line: the frame of a logged run with a TensorPair stays off the
// short path.
void Kernel::run_one(const ConstTensorView& src, const TensorView& dst) const {
  const TensorPair pair{src, dst};
  logged_run(desc_, src.shape.dim[0], 1, [&] { do_run(std::span(&pair, 1), src.shape.dim[0]); });
}

void Kernel::run_ragged(std::span<const TensorPair> pairs) const {
  if (!bound_) throw Error("weights", "weights: run() before bind()");
  int64_t images = 0;
  // Per thread and only ever grown: after a thread's largest call, the check
  // allocates nothing (a run must not).
  thread_local std::vector<Extent> extents;
  extents.clear();
  extents.reserve(2 * pairs.size());
  const std::size_t esize = size_of(desc_.dt);
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto index = static_cast<int64_t>(i);
    images += check_pair(pairs[i], index);
    extents.push_back(extent_of(pairs[i].src, esize, index, false));
    extents.push_back(extent_of(pairs[i].dst, esize, index, true));
  }
  check_no_overlap(extents);
  if (images > 0) logged_run(desc_, images, pairs.size(), [&] { do_run(pairs, images); });
}

}  // namespace convjit
