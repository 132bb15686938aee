#include "bench/impl.hpp"

#include <omp.h>

#include <cstring>

namespace convjit::bench {

void Impl::enter(int threads) { omp_set_num_threads(threads); }

void PlainImpl::prepare_slots(const Setup& setup, int64_t src_elems, int64_t dst_elems) {
  problem_ = &setup.problem;
  const int64_t esize = static_cast<int64_t>(size_of(setup.problem.desc.dt));
  auto round_up = [](int64_t bytes) { return (bytes + 63) / 64 * 64; };
  dst_offset_bytes_ = round_up((src_elems ? src_elems : problem_->src_elems()) * esize + offset_bytes_);
  slot_bytes_ = dst_offset_bytes_ + round_up((dst_elems ? dst_elems : problem_->dst_elems()) * esize + offset_bytes_);
  arena_ = Buffer(DataType::f32, Shape{1, {slot_bytes_ * setup.slots / 4}});
}

void PlainImpl::load(int slot, const Buffer& src) {
  std::memcpy(src_of(slot), src.data(), src.bytes());
  std::memset(dst_of(slot), 0xFF, slot_bytes_ - dst_offset_bytes_ - offset_bytes_);  // NaN in f32 and f64
}

void PlainImpl::run(int slot) {
  const int64_t esize = static_cast<int64_t>(size_of(problem_->desc.dt));
  const char* src = src_of(slot);
  char* dst = dst_of(slot);
  for (const Piece& p : problem_->pieces)
    compute(src + p.src_offset * esize, dst + p.dst_offset * esize, p.batch);
}

void PlainImpl::store(int slot, Buffer& dst) { std::memcpy(dst.data(), dst_of(slot), dst.bytes()); }

std::vector<ImplInfo> all_impls() {
  std::vector<ImplInfo> impls{convjit_impl(),
                              convjit_nhwc_impl(),
                              convjit_blocked_impl(),
                              convjit_tuned_impl(),
                              convjit_algorithm_impl(Algorithm::winograd),
                              convjit_algorithm_impl(Algorithm::winograd_2x2),
                              convjit_algorithm_impl(Algorithm::fastest)};
#if CONVJIT_HAVE_DNNL
  impls.push_back(onednn_impl(true));
  impls.push_back(onednn_impl(false));
  impls.push_back(onednn_winograd_impl());
#endif
#if CONVJIT_HAVE_OPENBLAS
  impls.push_back(im2col_blas_impl());
#endif
  impls.push_back(naive_impl());
#if CONVJIT_HAVE_OPENCV
  impls.push_back(opencv_impl());
#endif
  return impls;
}

}  // namespace convjit::bench
