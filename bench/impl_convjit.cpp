// convjit itself: Engine::make_kernel with Backend::automatic; the kernel is
// compiled and the weights bound in prepare, outside the timing. Three
// columns: on the plain channels-first layout, on channels-last, and on the
// blocked layout (nCx16c in f32, nCx8c in f64, as oneDNN's users keep its
// blocked one between layers), the conversions outside the timing. A
// problem cut into pieces (the ragged batch) runs as one Kernel::run_ragged
// call over all of them. With an offset, the same on src and dst that start
// that many bytes past a cache line, as std::vector, malloc and NumPy give.
// On request, the blocked column again with another algorithm: Winograd,
// and the fastest of all (issue 22's columns).
#include "bench/impl_convjit_kernel.hpp"
#include "convjit/error.hpp"
#include "convjit/layout.hpp"
#include "planner/plan.hpp"
#include "planner/work_problem.hpp"

namespace convjit::bench {
namespace {

// The blocked layout of this data type: one AVX-512 vector a block.
Layout blocked_layout(DataType dt) { return dt == DataType::f32 ? Layout::nCx16c : Layout::nCx8c; }

class ConvjitImpl : public ConvjitKernelImpl {
 public:
  ConvjitImpl(Layout layout, Algorithm algorithm, int64_t offset_bytes)
      : ConvjitKernelImpl(offset_bytes), layout_(layout), algorithm_(algorithm) {}

  void prepare(const Setup& s) override {
    ConvDesc desc = s.problem.desc;
    desc.layout = layout_;
    desc.algorithm = algorithm_;
    if (channel_block(layout_)) desc.layout = layout_ = blocked_layout(desc.dt);
    make_and_bind(*s.engine, desc, s.wei);
    note = std::string(to_string(kernel_->backend())) + " " + kernel_->plan_str();
    prepare_slots(s, desc.src_shape(desc.mb).elems(), desc.dst_shape(desc.mb).elems());
    if (s.problem.pieces.size() > 1) prepare_ragged(s);
  }

  void run(int slot) override {
    if (ragged_.empty()) return PlainImpl::run(slot);
    kernel_->run_ragged(ragged_[slot]);
  }

  void load(int slot, const Buffer& src) override {
    PlainImpl::load(slot, src);
    if (layout_ == Layout::ncx) return;
    const ConvDesc& d = kernel_->desc();
    const int64_t batch = src.shape().dim[0];
    convert_layout(src.cview(), Layout::ncx, TensorView(src_of(slot), d.dt, d.src_shape(batch)), layout_, d.ic);
  }

  void store(int slot, Buffer& dst) override {
    if (layout_ == Layout::ncx) return PlainImpl::store(slot, dst);
    const ConvDesc& d = kernel_->desc();
    const int64_t batch = dst.shape().dim[0];
    convert_layout(ConstTensorView(dst_of(slot), d.dt, d.dst_shape(batch)), layout_, dst.view(), Layout::ncx, d.oc);
  }

 private:
  // The pieces of each slot as views, built here so the timed call allocates nothing.
  void prepare_ragged(const Setup& s) {
    const ConvDesc& desc = kernel_->desc();
    const int64_t esize = static_cast<int64_t>(size_of(desc.dt));
    ragged_.assign(s.slots, {});
    for (int slot = 0; slot < s.slots; ++slot)
      for (const Piece& p : s.problem.pieces)
        ragged_[slot].push_back(
            {ConstTensorView(src_of(slot) + p.src_offset * esize, desc.dt, desc.src_shape(p.batch)),
             TensorView(dst_of(slot) + p.dst_offset * esize, desc.dt, desc.dst_shape(p.batch))});
  }

  Layout layout_;
  Algorithm algorithm_;
  std::vector<std::vector<TensorPair>> ragged_;  // per slot; empty: one piece
};

}  // namespace

namespace {

// The name and key of a column, and why an offset does not apply: one that
// splits an element is refused by Kernel::run.
ImplInfo column(std::string name, std::string key, int64_t offset, Layout layout,
                std::function<std::string(const Problem&)> skip, Algorithm algorithm = Algorithm::direct) {
  if (offset) {
    // (appended in two steps: GCC 12 warns falsely of an overlapping copy
    // in `key += "+" + std::to_string(offset)`)
    const std::string bytes = std::to_string(offset);
    name.append(" +").append(bytes);
    key.append("+").append(bytes);
  }
  auto skip_offset = [offset, skip = std::move(skip)](const Problem& p) {
    const auto esize = static_cast<int64_t>(size_of(p.desc.dt));
    if (offset % esize) return "an offset of " + std::to_string(offset) + " bytes splits an " +
                              std::string(to_string(p.desc.dt)) + " element";
    return skip ? skip(p) : std::string();
  };
  return {std::move(name), std::move(key), skip_offset,
          [layout, offset, algorithm] { return std::make_unique<ConvjitImpl>(layout, algorithm, offset); }};
}

// Why the blocked layout does not apply, or with `algorithm` no strategy does.
std::string blocked_skip(const Problem& p, Algorithm algorithm = Algorithm::direct) {
  if (p.pieces.size() > 1) return "the pieces are laid out channels-first";
  ConvDesc d = p.desc;
  d.layout = blocked_layout(d.dt);
  d.algorithm = algorithm;
  try {
    d.validate();
    if (algorithm != Algorithm::direct) applicable_strategies(WorkProblem(d));
    return std::string();
  } catch (const Error& e) {
    return std::string(e.what());
  }
}

}  // namespace

ImplInfo convjit_impl(int64_t offset_bytes) {
  return column("convjit", "convjit", offset_bytes, Layout::ncx, nullptr);
}

ImplInfo convjit_nhwc_impl(int64_t offset_bytes) {
  return column("convjit nhwc", "convjit_nhwc", offset_bytes, Layout::nxc, nullptr);
}

ImplInfo convjit_blocked_impl(int64_t offset_bytes) {
  return column("convjit blocked", "convjit_blocked", offset_bytes, Layout::nCx16c,
                [](const Problem& p) { return blocked_skip(p); });
}

ImplInfo convjit_algorithm_impl(Algorithm algorithm) {
  const std::string word(to_string(algorithm));
  ImplInfo info = column("convjit " + word, "convjit_" + word, 0, Layout::nCx16c,
                         [algorithm](const Problem& p) { return blocked_skip(p, algorithm); }, algorithm);
  info.on_request = true;
  info.algorithm = algorithm;
  return info;
}

}  // namespace convjit::bench
