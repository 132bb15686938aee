#include "validation/reference_kernel.hpp"

#include <cstring>

#include "kernels/buffer.hpp"
#include "validation/reference.hpp"

namespace convjit {
namespace {

class ReferenceKernel final : public Kernel {
 public:
  explicit ReferenceKernel(const ConvDesc& desc) : Kernel(desc) {}
  Backend backend() const noexcept override { return Backend::reference; }
  std::string plan_str() const override { return "reference"; }

 protected:
  void do_bind(const void* weights, const void* bias) override {
    // Copy into new buffers first: if an allocation throws, the old weights stay.
    Buffer wei = copy_of(weights, desc().wei_shape());
    Buffer b = bias ? copy_of(bias, desc().bias_shape()) : Buffer();
    wei_ = std::move(wei);
    bias_ = std::move(b);
  }
  void do_run(std::span<const TensorPair> pairs, int64_t) const override {
    for (const TensorPair& p : pairs)
      reference_conv(desc(), p.src.data, wei_.data(), bias_.empty() ? nullptr : bias_.data(),
                     p.dst.data, p.src.shape.dim[0]);
  }

 private:
  Buffer copy_of(const void* data, const Shape& shape) const {
    Buffer buf(desc().dt, shape);
    std::memcpy(buf.data(), data, buf.bytes());
    return buf;
  }

  Buffer wei_, bias_;
};

}  // namespace

std::unique_ptr<Kernel> make_reference_kernel(const ConvDesc& desc) {
  return std::make_unique<ReferenceKernel>(desc);
}

}  // namespace convjit
