#include <cmath>

#include "kernels/inner.hpp"
#include "strategies/ow_vector/geometry.hpp"
#include "strategies/ow_vector/strategy.hpp"

namespace convjit {
namespace {

// The ow_vector loop nest in scalar C++, in the emitted code's order of
// accumulation (input channels, planes, rows of taps, then columns).
template <class T>
class OwVectorInterpreter final : public PlanInterpreter<Geometry> {
 public:
  using PlanInterpreter::PlanInterpreter;

  // Row blocks of ur_h rows, then the row tail if the call has it.
  void call(OcPart part, const CallArgs& a) const override {
    const T* src_row = static_cast<const T*>(a.src);
    T* dst_row = static_cast<T*>(a.dst);
    const int ocs = channels(part);
    for (int64_t rb = 0; rb < a.row_blocks; ++rb) {
      row_block(plan_.ur_h, ocs, a, src_row, dst_row);
      src_row += plan_.ur_h * desc_.s[ConvDesc::H] * geo_.in_row;
      dst_row += plan_.ur_h * geo_.out_row;
    }
    if (geo_.row_tail && a.row_tail) row_block(static_cast<int>(geo_.row_tail), ocs, a, src_row, dst_row);
  }

 private:
  void row_block(int rows, int ocs, const CallArgs& a, const T* src, T* dst) const {
    const int64_t block_w = int64_t(plan_.ur_w) * plan_.vlen;
    for (int64_t wb = 0; wb < geo_.w_blocks; ++wb)
      block(rows, block_w, ocs, a, src + wb * block_w * geo_.col_step, dst + wb * block_w);
    if (geo_.w_tail)
      block(rows, geo_.w_tail, ocs, a, src + geo_.w_blocks * block_w * geo_.col_step,
            dst + geo_.w_blocks * block_w);
  }

  // One register block: `lanes` output columns (the vectors' live lanes).
  CONVJIT_INTERPRETER_LOOP void block(int rows, int64_t lanes, int ocs, const CallArgs& a, const T* src,
                                      T* dst) const {
    constexpr int kMaxAcc = 32 * 16;  // accumulator registers x lanes
    T acc[kMaxAcc] = {};
    auto at = [&](int r, int64_t lane, int o) -> T& { return acc[(r * lanes + lane) * ocs + o]; };
    const int64_t kd = desc_.k[ConvDesc::D], kh = desc_.k[ConvDesc::H], kw = desc_.k[ConvDesc::W];
    const int64_t sh = desc_.s[ConvDesc::H], dh1 = desc_.d[ConvDesc::H] + 1;
    const int64_t span = (rows - 1) * sh + (kh - 1) * dh1 + 1;
    const T* wei = static_cast<const T*>(a.wei);
    for (int64_t ic = 0; ic < desc_.icg(); ++ic) {
      for (int64_t z = 0; z < a.kd_count; ++z) {
        const T* src_tap = src + ic * geo_.in_chan + z * (desc_.d[ConvDesc::D] + 1) * geo_.in_plane;
        const T* wei_tap = wei + (ic * kd + z) * kh * kw * plan_.oc_blk;
        for (int64_t ih = 0; ih < span; ++ih) {
          for (int64_t x = 0; x < kw; ++x) {
            const T* in = src_tap + ih * geo_.in_row + geo_.tap_phase(x) * geo_.phase_len + geo_.tap_shift(x);
            for (int r = 0; r < rows; ++r) {
              int64_t t = ih - r * sh;
              if (t < 0 || t % dh1 != 0 || t / dh1 >= kh) continue;
              for (int o = 0; o < ocs; ++o) {
                T w = wei_tap[((t / dh1) * kw + x) * plan_.oc_blk + o];
                for (int64_t l = 0; l < lanes; ++l) at(r, l, o) = std::fma(in[l * geo_.col_step], w, at(r, l, o));
              }
            }
          }
        }
      }
    }
    for (int r = 0; r < rows; ++r)
      for (int64_t l = 0; l < lanes; ++l)
        for (int o = 0; o < ocs; ++o) dst[o * geo_.out_chan + r * geo_.out_row + l] = with_post_ops(at(r, l, o), a.bias, o);
  }
};

}  // namespace

std::unique_ptr<Inner> OwVector::interpreter(const WorkProblem& work, const Plan& plan) const {
  return make_typed<OwVectorInterpreter>(work, plan);
}

}  // namespace convjit
