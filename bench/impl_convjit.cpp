// convjit itself: Engine::make_kernel with Backend::automatic; the kernel is
// compiled and the weights bound in prepare, outside the timing. Two
// columns: on the plain channels-first layout, and on channels-last (the
// layout convjit keeps between layers, as oneDNN's users keep its blocked
// one), the conversions outside the timing. A problem cut into pieces (the
// ragged batch) runs as one Kernel::run_ragged call over all of them.
#include <chrono>

#include "bench/impl.hpp"
#include "kernels/transpose.hpp"

namespace convjit::bench {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

class ConvjitImpl : public PlainImpl {
 public:
  explicit ConvjitImpl(Layout layout) : layout_(layout) {}

  void prepare(const Setup& s) override {
    ConvDesc desc = s.problem.desc;
    desc.layout = layout_;
    // First creation: planned and compiled. Second: the engine's code cache.
    auto start = std::chrono::steady_clock::now();
    kernel_ = s.engine->make_kernel(desc, Backend::automatic);
    kernel_->bind(s.wei.cview());
    create_cold_s = seconds_since(start);
    start = std::chrono::steady_clock::now();
    kernel_ = s.engine->make_kernel(desc, Backend::automatic);
    kernel_->bind(s.wei.cview());
    create_cached_s = seconds_since(start);
    note = std::string(to_string(kernel_->backend())) + " " + kernel_->plan_str();
    prepare_slots(s);
    if (s.problem.pieces.size() > 1) prepare_ragged(s);
  }

  void run(int slot) override {
    if (ragged_.empty()) return PlainImpl::run(slot);
    kernel_->run_ragged(ragged_[slot]);
  }

  void load(int slot, const Buffer& src) override {
    PlainImpl::load(slot, src);
    if (layout_ == Layout::nxc) to_channels_last(slot, src);
  }

  void store(int slot, Buffer& dst) override {
    if (layout_ == Layout::ncx) return PlainImpl::store(slot, dst);
    const ConvDesc& d = kernel_->desc();
    const int64_t spatial = d.spatial_out(), image = d.oc * spatial;
    for (int64_t n = 0; n < dst.size() / image; ++n)
      with_type([&](auto zero) {
        using T = decltype(zero);
        transpose(reinterpret_cast<const T*>(dst_of(slot)) + n * image, spatial, d.oc, d.oc,
                  dst.as<T>() + n * image, spatial);
      });
  }

 protected:
  void compute(const void* src, void* dst, int64_t batch) override {
    const ConvDesc& desc = kernel_->desc();
    kernel_->run(ConstTensorView(src, desc.dt, desc.src_shape(batch)),
                 TensorView(dst, desc.dt, desc.dst_shape(batch)));
  }

 private:
  template <class F> void with_type(F&& f) const {
    if (kernel_->desc().dt == DataType::f64) f(0.0); else f(0.0f);
  }

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

  void to_channels_last(int slot, const Buffer& src) {
    const ConvDesc& d = kernel_->desc();
    const int64_t spatial = d.spatial_in(), image = d.ic * spatial;
    for (int64_t n = 0; n < src.size() / image; ++n)
      with_type([&](auto zero) {
        using T = decltype(zero);
        transpose(src.as<T>() + n * image, d.ic, spatial, spatial,
                  reinterpret_cast<T*>(src_of(slot)) + n * image, d.ic);
      });
  }

  Layout layout_;
  std::unique_ptr<Kernel> kernel_;
  std::vector<std::vector<TensorPair>> ragged_;  // per slot; empty: one piece
};

}  // namespace

ImplInfo convjit_impl() {
  return {"convjit", "convjit", [](const Problem&) { return std::string(); },
          [] { return std::make_unique<ConvjitImpl>(Layout::ncx); }};
}

ImplInfo convjit_nhwc_impl() {
  return {"convjit nhwc", "convjit_nhwc", [](const Problem&) { return std::string(); },
          [] { return std::make_unique<ConvjitImpl>(Layout::nxc); }};
}

}  // namespace convjit::bench
