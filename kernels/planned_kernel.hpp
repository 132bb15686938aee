#pragma once
// PlannedKernel: what every strategy's driver shares: the plan, the inner
// kernel (JIT'd or interpreted), the bias, the per-thread scratch sized at
// bind time, the denormal policy, and the view of the generated code.
#include <memory>

#include "convjit/kernel.hpp"
#include "kernels/buffer.hpp"
#include "kernels/inner.hpp"
#include "kernels/scratch_pool.hpp"
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
  // EngineOptions::flush_denormals: FTZ/DAZ in every thread of every run.
  void set_flush_denormals(bool on) noexcept { flush_denormals_ = on; }
  bool flush_denormals() const noexcept { return flush_denormals_; }

 protected:
  // `desc`: the user's problem, which run() checks tensors against; `work`:
  // the same computation as the strategy sees it (work_problem()).
  PlannedKernel(const ConvDesc& desc, const ConvDesc& work, const Plan& plan, Backend backend,
                std::shared_ptr<const Inner> inner);
  // Keeps a copy of the bias (null: none) and sizes the scratch of every
  // thread: `in` and `out` elements each.
  void bind_common(const void* bias, int64_t in, int64_t out);
  template <class T> const T* bias() const { return bias_.empty() ? nullptr : bias_.as<T>(); }
  // A run holds a lease for its duration, and its thread t stages through
  // slot lease.slot(t): runs of one kernel may overlap.
  using ScratchLease = ScratchPool::Lease;
  ScratchLease lease_scratch() const { return ScratchLease(scratch_); }
  template <class T> T* staged_in(int slot) const { return scratch_.in<T>(slot); }
  template <class T> T* staged_out(int slot) const { return scratch_.out<T>(slot); }

  const ConvDesc work_;
  const Plan plan_;
  const Backend backend_;
  const std::shared_ptr<const Inner> inner_;
  const double flops_per_image_;  // decides how many threads a run is worth
  Buffer packed_wei_;

 private:
  Buffer bias_;
  ScratchPool scratch_;
  bool flush_denormals_ = false;
};

}  // namespace convjit
