#pragma once
// One implementation of convolution (convjit or a peer), as the benchmark
// drives it: prepare once (outside the timing), load the input, run (timed),
// store the output (for the check against the reference).
//
// Cold-cache timing rotates through `slots` copies of src and dst: run(slot)
// computes from slot's src into slot's dst.
#include <algorithm>
#include <chrono>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/problem.hpp"
#include "convjit/engine.hpp"
#include "kernels/buffer.hpp"

namespace convjit::bench {

struct Setup {
  const Problem& problem;
  const Buffer& wei;  // the problem's weights, [G,] OC/G, IC/G, [KD,] [KH,] KW
  int threads = 1;
  int slots = 1;            // copies of src and dst; 1: warm cache
  Engine* engine = nullptr; // convjit's engine for this thread count
};

inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Creation with everything cached takes a few microseconds: one sample is
// mostly whatever else the machine did then (a page fault, a timer tick:
// 2 us in a loop, 30 us once), so the column is the least of a few. make()
// returns what it created, kept until every creation is timed so that no
// destruction falls inside a clock; the last is returned.
template <class Make>
auto least_cached_creation(Make make, double& seconds) {
  constexpr int kCreations = 5;
  std::vector<decltype(make())> made;
  seconds = std::numeric_limits<double>::infinity();
  for (int i = 0; i < kCreations; ++i) {
    const auto start = std::chrono::steady_clock::now();
    made.push_back(make());
    seconds = std::min(seconds, seconds_since(start));
  }
  return std::move(made.back());
}

class Impl {
 public:
  virtual ~Impl() = default;
  // Everything outside the timing: kernels, primitives, packed weights,
  // work buffers, `slots` copies of src and dst. Throws when this
  // implementation cannot compute the problem (reported as "n/a").
  virtual void prepare(const Setup& setup) = 0;
  // Sets the thread count of the library (OpenMP, OpenBLAS, OpenCV) before
  // prepare and before every timing; cheap.
  virtual void enter(int threads);
  // Copies src (the whole batch, plain layout) into slot, reordering where
  // the implementation keeps its own layout; fills slot's dst with NaN.
  virtual void load(int slot, const Buffer& src) = 0;
  // dst = conv(src) for slot: every piece of the problem. This is timed.
  virtual void run(int slot) = 0;
  // Copies slot's dst into `dst` (the whole batch, plain layout).
  virtual void store(int slot, Buffer& dst) = 0;

  // Creation (kernel or primitive) in prepare, first time and again with
  // everything cached (least_cached_creation); none where there is no such
  // step. bind_s: convjit's Kernel::bind of bind_bytes of weights;
  // fresh_copy_s: the same bytes copied into memory never touched before,
  // just after (fresh_copy_seconds): the OS's part of a first bind.
  std::optional<double> create_cold_s, create_cached_s, bind_s, fresh_copy_s;
  int64_t bind_bytes = 0;
  std::string note;  // what ran: convjit's plan, oneDNN's implementation, ...
};

// Most implementations compute straight from the plain layout: this keeps
// the slots' copies in one allocation and runs compute() once per piece.
class PlainImpl : public Impl {
 public:
  // src and dst of every slot start `offset_bytes` past a cache line.
  explicit PlainImpl(int64_t offset_bytes = 0) : offset_bytes_(offset_bytes) {}
  void load(int slot, const Buffer& src) override;
  void run(int slot) override;
  void store(int slot, Buffer& dst) override;

 protected:
  // Allocates the slots; call from prepare(). Elements of src and dst: the
  // problem's, unless a layout of the implementation's own pads them.
  void prepare_slots(const Setup& setup, int64_t src_elems = 0, int64_t dst_elems = 0);
  // One piece: `batch` images from src into dst (plain layout).
  virtual void compute(const void* src, void* dst, int64_t batch) = 0;
  const Problem& problem() const { return *problem_; }
  char* src_of(int slot) { return arena_.as<char>() + slot * slot_bytes_ + offset_bytes_; }
  char* dst_of(int slot) { return src_of(slot) + dst_offset_bytes_; }

 private:
  const int64_t offset_bytes_;
  const Problem* problem_ = nullptr;
  Buffer arena_;
  int64_t slot_bytes_ = 0, dst_offset_bytes_ = 0;
};

// The thrown reason why an implementation does not do a problem.
class NotApplicable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ImplInfo {
  std::string name;  // column header: "convjit", "oneDNN any", ...
  std::string key;   // in JSON and on the command line: "convjit", "onednn_any", ...
  // Empty when the implementation applies to the problem; else why not (the
  // row shows "-" and nothing is run). Problems it may fail on are tried
  // instead, and shown as "n/a".
  std::function<std::string(const Problem&)> skip_reason;
  std::function<std::unique_ptr<Impl>()> make;
  bool on_request = false;  // run only when --impl names it, not by default
  // Checked against the reference with this algorithm's tolerance (direct:
  // exact on the bench's integer data; Winograd: its worst case).
  Algorithm algorithm = Algorithm::direct;
};

// convjit first, then the peers this build has, in column order (and those
// run on request only).
std::vector<ImplInfo> all_impls();

// The factories, one per file.
// offset_bytes > 0: the same, on src and dst that start that far past a
// cache line (named "convjit +16", key "convjit+16", ...).
ImplInfo convjit_impl(int64_t offset_bytes = 0);
ImplInfo convjit_nhwc_impl(int64_t offset_bytes = 0);
ImplInfo convjit_blocked_impl(int64_t offset_bytes = 0);
ImplInfo convjit_tuned_impl();
// The blocked column with another algorithm ("convjit winograd", key
// convjit_winograd; "convjit fastest"), on request.
ImplInfo convjit_algorithm_impl(Algorithm algorithm);
ImplInfo naive_impl();
#if CONVJIT_HAVE_DNNL
ImplInfo onednn_impl(bool any_format);
// oneDNN's convolution_winograd on its blocked layouts, on request.
ImplInfo onednn_winograd_impl();
#endif
#if CONVJIT_HAVE_OPENBLAS
ImplInfo im2col_blas_impl();
#endif
#if CONVJIT_HAVE_OPENCV
ImplInfo opencv_impl();
#endif

}  // namespace convjit::bench
