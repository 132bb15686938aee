#include <cmath>

#include "kernels/inner.hpp"
#include "strategies/oc_vector/strategy.hpp"
#include "strategies/oc_vector/geometry.hpp"

namespace convjit {
namespace {

// The oc_vector loop nest in scalar C++, in the emitted code's order of
// accumulation (kd, kh, kw, then input channels; passes through dst).
template <class T>
class OcVectorInterpreter final : public PlanInterpreter<ChannelGeometry> {
 public:
  using PlanInterpreter::PlanInterpreter;

  void call(OcPart part, const CallArgs& a) const override {
    const int ocs = channels(part);
    const T* src_row = static_cast<const T*>(a.src);
    T* dst_row = static_cast<T*>(a.dst);
    const int64_t w_step = plan_.ur_w * desc_.s[ConvDesc::W] * geo_.in_pix;
    // A shared row: the caller's blocks, from src and dst, and the tail if asked.
    const int64_t w_blocks = geo_.shares_row ? a.w_blocks : geo_.w_blocks;
    const bool tail = geo_.w_tail && (!geo_.shares_row || a.w_tail_too);
    for (int64_t row = 0; row < a.row_blocks; ++row) {
      for (int64_t wb = 0; wb < w_blocks; ++wb)
        block(plan_.ur_w, wb * plan_.ur_w, ocs, a, src_row + wb * w_step, dst_row + wb * plan_.ur_w * geo_.out_pix);
      if (tail)
        block(static_cast<int>(geo_.w_tail), geo_.w_blocks * plan_.ur_w, ocs, a, src_row + w_blocks * w_step,
              dst_row + w_blocks * plan_.ur_w * geo_.out_pix);
      src_row += desc_.s[ConvDesc::H] * geo_.in_row;
      dst_row += geo_.out_row;
    }
  }

 private:
  // Output pixels [w0, w0 + pixels) of a row; src is at input column
  // w0 * sw - p. Taps in the width padding, staged or not, are skipped, as
  // the JIT does.
  CONVJIT_INTERPRETER_LOOP void block(int pixels, int64_t w0, int ocs, const CallArgs& a, const T* src,
                                      T* dst) const {
    constexpr int kMaxAcc = 32 * 64;  // pixels x channels the register budget allows
    T acc[kMaxAcc];
    const int chains = static_cast<int>(geo_.chains);
    auto at = [&](int j, int c, int s = 0) -> T& { return acc[(s * pixels + j) * ocs + c]; };
    for (int j = 0; j < pixels; ++j)
      for (int c = 0; c < ocs; ++c) {
        at(j, c) = a.flags & kAccumulate ? dst[j * geo_.out_pix + geo_.out_channel(c)] : T(0);
        for (int s = 1; s < chains; ++s) at(j, c, s) = T(0);
      }
    const int64_t kh = desc_.k[1], kw = desc_.k[2];
    const int64_t sw = desc_.s[2], dw1 = desc_.d[2] + 1;
    auto inside = [&](int j, int64_t x) {
      const int64_t col = (w0 + j) * sw - desc_.p[2] + x * dw1;
      return col >= 0 && col < desc_.i[2];
    };
    const T* wei = static_cast<const T*>(a.wei);
    for (int64_t z = 0; z < a.kd_count; ++z)
      for (int64_t y = 0; y < a.kh_count; ++y) {
        const T* in = src + z * (desc_.d[0] + 1) * geo_.in_plane + y * (desc_.d[1] + 1) * geo_.in_row;
        const T* w = wei + (z * kh + y) * kw * geo_.wei_tap;
        if (geo_.depthwise) {
          for (int64_t x = 0; x < kw; ++x)
            for (int j = 0; j < pixels; ++j)
              for (int c = 0; c < ocs && inside(j, x); ++c)
                at(j, c) = std::fma(w[x * geo_.wei_tap + c], in[(j * sw + x * dw1) * geo_.in_pix + geo_.in_channel(c)], at(j, c));
          continue;
        }
        for (int64_t x = 0; x < kw; ++x)
          for (int64_t ic = 0; ic < plan_.ic_blk; ++ic)
            for (int j = 0; j < pixels; ++j) {
              if (!inside(j, x)) continue;
              const T v = in[(j * sw + x * dw1) * geo_.in_pix + geo_.in_channel(ic)];
              const int s = static_cast<int>(ic % chains);
              for (int c = 0; c < ocs; ++c)
                at(j, c, s) = std::fma(w[x * geo_.wei_tap + ic * plan_.oc_blk + c], v, at(j, c, s));
            }
      }
    for (int half = chains / 2; half >= 1; half /= 2)  // pairwise, as the JIT sums its sets
      for (int s = 0; s < half; ++s)
        for (int j = 0; j < pixels; ++j)
          for (int c = 0; c < ocs; ++c) at(j, c, s) += at(j, c, s + half);
    const bool last = a.flags & kLastPass;  // partial sums get no post-ops
    for (int j = 0; j < pixels; ++j)
      for (int c = 0; c < ocs; ++c)
        dst[j * geo_.out_pix + geo_.out_channel(c)] = last ? with_post_ops(at(j, c), a.bias, c) : at(j, c);
  }
};

}  // namespace

std::unique_ptr<Inner> OcVector::interpreter(const WorkProblem& work, const Plan& plan) const {
  return make_typed<OcVectorInterpreter>(work, plan);
}

}  // namespace convjit
