#include "convjit/kernel.hpp"

#include <chrono>
#include <string>

#include "convjit/error.hpp"
#include "planner/log.hpp"

namespace convjit {
namespace {

// Every check throws before anything is touched, so a failed bind() or run()
// leaves the kernel and dst as they were. Field names are built only to
// throw: run() must not allocate.
template <class Name>
void check_view(const Name& field, const void* data, DataType dt, const Shape& shape,
                DataType want_dt, const Shape& want_shape) {
  // An empty tensor (batch 0) may come without memory.
  if (!data && shape.elems() != 0) throw Error(field(), field() + ": null data");
  if (dt != want_dt)
    throw Error(field(), field() + ": data type " + std::string(to_string(dt)) +
                             " does not match the kernel's " + std::string(to_string(want_dt)));
  if (!(shape == want_shape))
    throw Error(field(), field() + ": shape " + shape.str() + " does not match the expected " +
                             want_shape.str());
}

template <class Name, class Ptr>
void check_view(const Name& field, const BasicTensorView<Ptr>& view, DataType want_dt,
                const Shape& want_shape) {
  check_view(field, view.data, view.dt, view.shape, want_dt, want_shape);
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
  check_view(src, pair.src, desc_.dt, desc_.src_shape(batch));
  check_view(dst, pair.dst, desc_.dt, desc_.dst_shape(batch));
  return batch;
}

void Kernel::run(ConstTensorView src, TensorView dst) const {
  if (!bound_) throw Error("weights", "weights: run() before bind()");
  const TensorPair pair{src, dst};
  const int64_t batch = check_pair(pair, -1);
  if (batch > 0) logged_run(desc_, batch, 1, [&] { do_run(std::span(&pair, 1), batch); });
}

void Kernel::run_ragged(std::span<const TensorPair> pairs) const {
  if (!bound_) throw Error("weights", "weights: run() before bind()");
  int64_t images = 0;
  for (std::size_t i = 0; i < pairs.size(); ++i)
    images += check_pair(pairs[i], static_cast<int64_t>(i));
  if (images > 0) logged_run(desc_, images, pairs.size(), [&] { do_run(pairs, images); });
}

}  // namespace convjit
