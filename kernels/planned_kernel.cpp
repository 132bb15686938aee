#include "kernels/planned_kernel.hpp"

#include <cstring>

#include "jit/disasm.hpp"

namespace convjit {

PlannedKernel::PlannedKernel(const ConvDesc& desc, const ConvDesc& work, const Plan& plan,
                             Backend backend, std::shared_ptr<const Inner> inner)
    : Kernel(desc), work_(work), plan_(plan), backend_(backend), inner_(std::move(inner)),
      flops_per_image_(desc.flops(1)) {}

void PlannedKernel::bind_common(const void* bias, int64_t in, int64_t out) {
  const ConvDesc& d = work_;
  bias_ = Buffer();
  if (bias) {
    bias_ = Buffer(d.dt, d.bias_shape());
    std::memcpy(bias_.data(), bias, bias_.bytes());
  }
  scratch_.reset(d.dt, plan_.threads, in, out);
}

const JitCode* PlannedKernel::jit_code() const {
  auto jit = dynamic_cast<const JitInner*>(inner_.get());
  return jit ? &jit->code() : nullptr;
}

std::span<const uint8_t> PlannedKernel::code() const {
  const JitCode* c = jit_code();
  return c ? std::span<const uint8_t>(c->code(), c->size()) : std::span<const uint8_t>();
}

std::string PlannedKernel::disassembly() const {
  const JitCode* c = jit_code();
  return c ? disassemble(*c) : std::string();
}

}  // namespace convjit
