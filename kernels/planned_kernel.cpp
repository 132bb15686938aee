#include "kernels/planned_kernel.hpp"

#include <cstring>

#include "jit/disasm.hpp"
#include "kernels/denormals.hpp"
#include "kernels/gather.hpp"
#include "kernels/parallel.hpp"

namespace convjit {

PlannedKernel::PlannedKernel(const ConvDesc& desc, const WorkProblem& work, const Plan& plan,
                             Backend backend, std::shared_ptr<const Inner> inner)
    : Kernel(desc), work_(work), plan_(plan), backend_(backend), inner_(std::move(inner)),
      flops_per_image_(desc.flops(1)) {}

void PlannedKernel::bind_common(const void* bias, int64_t in, int64_t out) {
  const ConvDesc& d = work_;
  if (bias) {  // given at every bind or at none (the kernel's post-op)
    if (bias_.empty()) bias_ = Buffer(d.dt, d.bias_shape(), BufferUse::bias);
    std::memcpy(bias_.data(), bias, bias_.bytes());
  }
  scratch_.reset(d.dt, plan_.threads, in, out);
  direct_.clear();
  const int64_t esize = int64_t(size_of(d.dt));
  src_image_bytes_ = desc().src_shape(1).elems() * esize;
  dst_image_bytes_ = desc().dst_shape(1).elems() * esize;
  // Below InputPrefetcher's and the streaming's thresholds, on one thread.
  const int64_t by_bytes = InputPrefetcher::kMinRunBytes / std::max<int64_t>(1, src_image_bytes_ + dst_image_bytes_);
  direct_max_images_ = std::min(by_bytes, images_for_one_thread(flops_per_image_, plan_.threads));
  // A gathered input is never the user's: no direct calls, and a lot of
  // images for the threads to share.
  gather_images_ = work_.gathers_input ? plan_.threads : 0;
  gather_.reset(d.dt, 1, gather_images_ * gathered_image_elems(desc()), 0);
  if (work_.gathers_input) direct_max_images_ = 0;
}

// A fresh buffer costs a rebind its pages: a fault each, or a huge page's
// 2 MiB zeroed (rebinding 1 MiB of 1x1 weights took 2.7-3.7 ms where they
// landed on 4 KiB pages; Zen 5 VM). Bind is not thread-safe with run: no
// run reads the buffer while it is rewritten.
void PlannedKernel::size_packed_weights(int64_t elems) {
  if (packed_wei_.empty() || packed_wei_.size() != elems)
    packed_wei_ = Buffer(work_.dt, Shape{1, {elems}}, BufferUse::packed_weights, Buffer::Init::none);
}

void PlannedKernel::gather_lot(const void* src, int64_t images, void* to) const {
  gather_input(desc(), src, images, to, threads_for(flops_per_image_ * double(images), plan_.threads));
}

void PlannedKernel::record_direct_call(OcPart part, const CallArgs& args, int64_t src_at, int64_t dst_at) {
  const JitCode* jit = jit_code();
  direct_.push_back({jit ? jit->entry(part) : nullptr, part, args, src_at, dst_at});
}

bool PlannedKernel::run_direct(std::span<const TensorPair> pairs, int64_t images) const {
  if (direct_.empty() || images > direct_max_images_) return false;
  if (direct_on_lines_only_)
    for (const TensorPair& p : pairs)
      if (!on_line(p.src.data)) return false;
  const DenormalScope denormals(flush_denormals_);
  // Addresses by integer arithmetic: src_at may point before the tensor.
  for (const TensorPair& p : pairs) {
    auto src = reinterpret_cast<uintptr_t>(p.src.data), dst = reinterpret_cast<uintptr_t>(p.dst.data);
    for (int64_t n = 0; n < p.src.shape.dim[0]; ++n, src += src_image_bytes_, dst += dst_image_bytes_)
      for (const DirectCall& c : direct_) {
        CallArgs args = c.args;
        args.src = reinterpret_cast<const void*>(src + uintptr_t(c.src_at));
        args.dst = reinterpret_cast<void*>(dst + uintptr_t(c.dst_at));
        if (c.fn) c.fn(&args);
        else inner_->call(c.part, args);
      }
  }
  note_run(1, false);
  return true;
}

std::string PlannedKernel::work_note() const {
  if (!work_.gathers_input) return "";
  std::string strides;
  for (int a = desc().first_axis(); a < 3; ++a) {
    if (!strides.empty()) strides += 'x';
    strides += std::to_string(desc().s[a]);
  }
  return "input gathered at strides " + strides + ", computed as " + work_.str();
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
