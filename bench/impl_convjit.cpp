// convjit itself: Engine::make_kernel with Backend::automatic; the kernel is
// compiled and the weights bound in prepare, outside the timing.
#include <chrono>

#include "bench/impl.hpp"

namespace convjit::bench {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

class ConvjitImpl final : public PlainImpl {
 public:
  void prepare(const Setup& s) override {
    const ConvDesc& desc = s.problem.desc;
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
  }

 protected:
  void compute(const void* src, void* dst, int64_t batch) override {
    const ConvDesc& desc = kernel_->desc();
    kernel_->run(ConstTensorView(src, desc.dt, desc.src_shape(batch)),
                 TensorView(dst, desc.dt, desc.dst_shape(batch)));
  }

 private:
  std::unique_ptr<Kernel> kernel_;
};

}  // namespace

ImplInfo convjit_impl() {
  return {"convjit", "convjit", [](const Problem&) { return std::string(); },
          [] { return std::make_unique<ConvjitImpl>(); }};
}

}  // namespace convjit::bench
