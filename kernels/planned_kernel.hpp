#pragma once
// PlannedKernel: what every strategy's driver shares: the plan, the inner
// kernel (JIT'd or interpreted), the bias, the per-thread scratch sized at
// bind time, and the view of the generated code.
#include <memory>

#include "convjit/kernel.hpp"
#include "kernels/buffer.hpp"
#include "kernels/inner.hpp"
#include "planner/plan.hpp"

namespace convjit {

class PlannedKernel : public Kernel {
 public:
  Backend backend() const noexcept override { return backend_; }
  std::string plan_str() const override { return plan_.str(); }
  const Plan& plan() const { return plan_; }
  // The generated code, or null for the interpreter.
  const JitCode* jit_code() const;
  std::span<const uint8_t> code() const override;
  std::string disassembly() const override;

 protected:
  PlannedKernel(const ConvDesc& desc, const Plan& plan, Backend backend,
                std::shared_ptr<const Inner> inner);
  // Keeps a copy of the bias (null: none) and sizes the scratch of every
  // thread: `in` and `out` elements each.
  void bind_common(const void* bias, int64_t in, int64_t out);
  template <class T> const T* bias() const { return bias_.empty() ? nullptr : bias_.as<T>(); }
  template <class T> T* staged_in(int slot) const { return scratch<T>(staged_in_, slot * staged_in_size_); }
  template <class T> T* staged_out(int slot) const { return scratch<T>(staged_out_, slot * staged_out_size_); }

  const Plan plan_;
  const Backend backend_;
  const std::shared_ptr<const Inner> inner_;
  const double flops_per_image_;  // decides how many threads a run is worth
  Buffer packed_wei_;

 private:
  // Scratch is written by const run(): each thread owns its own slot.
  template <class T> static T* scratch(const Buffer& b, int64_t offset) {
    return const_cast<T*>(b.as<T>()) + offset;
  }

  Buffer bias_, staged_in_, staged_out_;
  int64_t staged_in_size_ = 0, staged_out_size_ = 0;
};

}  // namespace convjit
