#pragma once
// PlannedKernel: what every strategy's driver shares: the plan, the inner
// kernel (JIT'd or interpreted), the bias, the per-thread scratch sized at
// bind time, the denormal policy, and the view of the generated code.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

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
  // The problem the plan computes (WorkProblem), when not the user's as it
  // lies in memory: "input gathered at strides 2x2, computed as mb1ic..."; else "".
  std::string work_note() const;
  // The generated code, or null for the interpreter.
  const JitCode* jit_code() const;
  std::span<const uint8_t> code() const override;
  std::string disassembly() const override;
  // EngineOptions::flush_denormals: FTZ/DAZ in every thread of every run.
  void set_flush_denormals(bool on) noexcept { flush_denormals_ = on; }
  bool flush_denormals() const noexcept { return flush_denormals_; }
  // How the latest run went, as its driver saw it: the threads of the team
  // that computed, whether they shared out single images (fewer images
  // than threads), and whether the rows ran from a cache line on rather
  // than from src or dst (ow_vector's realigned rows). For tests, whose
  // coverage must count what ran rather than predict it. Zero threads
  // before any run.
  struct RunShape {
    int threads = 0;
    bool shared_image = false;
    bool realigned = false;
  };
  RunShape last_run() const noexcept {
    const int v = last_run_.load(std::memory_order_relaxed);
    return {v >> 2, (v & 1) != 0, (v & 2) != 0};
  }

 protected:
  // `desc`: the user's problem, which run() checks tensors against; `work`:
  // the same computation as the strategy sees it (WorkProblem).
  PlannedKernel(const ConvDesc& desc, const WorkProblem& work, const Plan& plan, Backend backend,
                std::shared_ptr<const Inner> inner);
  // Keeps a copy of the bias (null: none) and sizes the scratch of every
  // thread: `in` and `out` elements each.
  void bind_common(const void* bias, int64_t in, int64_t out);
  // Sizes packed_wei_ to `elems` elements, for the packer to fill whole: a
  // rebind packs into the last bind's buffer, which has that size.
  void size_packed_weights(int64_t elems);
  template <class T> const T* bias() const { return bias_.empty() ? nullptr : bias_.as<T>(); }
  // A run holds a lease for its duration, and its thread t stages through
  // slot lease.slot(t): runs of one kernel may overlap.
  using ScratchLease = ScratchPool::Lease;
  ScratchLease lease_scratch() const { return ScratchLease(scratch_); }
  template <class T> T* staged_in(int slot) const { return scratch_.in<T>(slot); }
  template <class T> T* staged_out(int slot) const { return scratch_.out<T>(slot); }
  // What last_run() answers; one relaxed store, from any of the team.
  void note_run(int threads, bool shared_image, bool realigned = false) const noexcept {
    last_run_.store(threads * 4 + (realigned ? 2 : 0) + (shared_image ? 1 : 0), std::memory_order_relaxed);
  }

  // The direct path: a run that one thread computes, too small for
  // prefetching or streaming to pay, of a plan that reads and writes the
  // user's tensors as they are, goes through the inner calls of one image
  // recorded at bind, with no lease, staging or thread dispatch (seed:tiny's
  // run was ~890 instructions through the general path, 180 of them the
  // kernel's). A driver records after bind_common(), and only when its
  // image runs unstaged; too many calls and the general path's cost no
  // longer shows, so nothing is kept.
  // `calls(record)` makes the image's calls as record(part, args, src_at,
  // dst_at), `src_at` and `dst_at` byte offsets from the image's src and
  // dst (src's may be negative: oc_vector is handed column -pad_w). It runs
  // twice: the list is counted first and allocated once, its own size (a
  // vector grown by doubling reached 10 KB a kernel: 2000 channels-last 1x1
  // kernels bound one after another on a KVM guest, where a fresh page
  // costs 9 us, took 27 us a bind against 4-6).
  template <class Calls>
  void record_direct_calls(Calls&& calls) {
    if (direct_max_images_ == 0) return;
    std::size_t count = 0;
    calls([&](OcPart, const CallArgs&, int64_t, int64_t) { ++count; });
    if (count > kMaxDirectCalls) {
      direct_max_images_ = 0;
      return;
    }
    direct_.reserve(count);
    calls([&](OcPart part, const CallArgs& args, int64_t src_at, int64_t dst_at) {
      record_direct_call(part, args, src_at, dst_at);
    });
  }
  // The direct path serves runs whose src starts on a cache line only: the
  // driver realigns the others' rows (ow_vector).
  void direct_on_lines_only() noexcept { direct_on_lines_only_ = true; }
  // Runs `pairs` on the direct path if it serves them; false if not.
  bool run_direct(std::span<const TensorPair> pairs, int64_t images) const;
  // WorkProblem::gathers_input: the images of `pairs` gathered a few at a
  // time into scratch leased for the run, each lot computed by
  // run(lot, images) as one pair of the work problem's tensors.
  template <class Run>
  void run_gathered(std::span<const TensorPair> pairs, Run&& run) const {
    const ScratchLease lease(gather_);
    void* to = gather_.in<std::byte>(lease.slot(0));
    for (const TensorPair& p : pairs)
      for (int64_t n = 0, lot; n < p.src.shape.dim[0]; n += lot) {
        lot = std::min(gather_images_, p.src.shape.dim[0] - n);
        gather_lot(static_cast<const std::byte*>(p.src.data) + n * src_image_bytes_, lot, to);
        const TensorPair gathered{ConstTensorView(to, work_.dt, work_.src_shape(lot)),
                                  TensorView(static_cast<std::byte*>(p.dst.data) + n * dst_image_bytes_,
                                             work_.dt, work_.dst_shape(lot))};
        run(std::span(&gathered, 1), lot);
      }
  }
  // One image in one JIT call (a tiny problem): straight from run().
  bool run_at_once(const void* src, void* dst, int64_t images) const final {
    if (images != 1 || direct_.size() != 1 || flush_denormals_ || !direct_[0].fn) return false;
    if (direct_on_lines_only_ && !on_line(src)) return false;
    const DirectCall& c = direct_[0];
    CallArgs args = c.args;
    args.src = reinterpret_cast<const void*>(reinterpret_cast<uintptr_t>(src) + uintptr_t(c.src_at));
    args.dst = reinterpret_cast<void*>(reinterpret_cast<uintptr_t>(dst) + uintptr_t(c.dst_at));
    c.fn(&args);
    return true;
  }

  const WorkProblem work_;
  const Plan plan_;
  const Backend backend_;
  const std::shared_ptr<const Inner> inner_;
  const double flops_per_image_;  // decides how many threads a run is worth
  Buffer packed_wei_;

 private:
  void record_direct_call(OcPart part, const CallArgs& args, int64_t src_at, int64_t dst_at);
  struct DirectCall {
    InnerFn fn;  // the JIT's entry; null: inner_->call(part, ...)
    OcPart part;
    CallArgs args;  // but src and dst
    int64_t src_at, dst_at;
  };
  static constexpr std::size_t kMaxDirectCalls = 64;
  Buffer bias_;
  ScratchPool scratch_;
  // Gathered inputs (WorkProblem::gathers_input), gather_images_ at a time.
  ScratchPool gather_;
  int64_t gather_images_ = 0;
  void gather_lot(const void* src, int64_t images, void* to) const;
  std::vector<DirectCall> direct_;
  int64_t direct_max_images_ = 0;  // a run of more takes the general path
  int64_t src_image_bytes_ = 0, dst_image_bytes_ = 0;
  bool flush_denormals_ = false;
  bool direct_on_lines_only_ = false;
  static bool on_line(const void* p) noexcept { return reinterpret_cast<uintptr_t>(p) % 64 == 0; }
  mutable std::atomic<int> last_run_{0};  // threads * 4 + realigned * 2 + shared_image
};

// A strategy's driver: Driver::bind_typed<T>(weights, bias) and
// Driver::run_typed<T>(pairs, images) with T the work problem's element
// type; a run takes the direct path first where it can. It holds the
// strategy's geometry (Geo::of), which its generator and interpreter read too.
template <class Driver, class Geo>
class TypedKernel : public PlannedKernel {
 protected:
  TypedKernel(const ConvDesc& desc, const WorkProblem& work, const Plan& plan, Backend backend,
              std::shared_ptr<const Inner> inner)
      : PlannedKernel(desc, work, plan, backend, std::move(inner)), geo_(Geo::of(work, plan)) {}

  void do_bind(const void* weights, const void* bias) final {
    if (work_.dt == DataType::f64) self().bind_typed(static_cast<const double*>(weights), bias);
    else self().bind_typed(static_cast<const float*>(weights), bias);
  }
  void do_run(std::span<const TensorPair> pairs, int64_t images) const final {
    if (work_.gathers_input) return run_gathered(pairs, [this](auto lot, int64_t n) { run_typed_any(lot, n); });
    if (run_direct(pairs, images)) return;
    run_typed_any(pairs, images);
  }
  void run_typed_any(std::span<const TensorPair> pairs, int64_t images) const {
    if (work_.dt == DataType::f64) self().template run_typed<double>(pairs, images);
    else self().template run_typed<float>(pairs, images);
  }

  const Geo geo_;

 private:
  Driver& self() { return static_cast<Driver&>(*this); }
  const Driver& self() const { return static_cast<const Driver&>(*this); }
};

}  // namespace convjit
