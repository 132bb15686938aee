#include <algorithm>
#include <cmath>

#include "kernels/inner.hpp"
#include "strategies/winograd/geometry.hpp"
#include "strategies/winograd/strategy.hpp"

namespace convjit {
namespace {

// The products in scalar C++, in the emitted code's order of accumulation
// (input channels in increasing order, one FMA each, from zero, sum_block
// at a time, each partial sum added to the previous ones).
template <class T>
class WinogradInterpreter final : public PlanInterpreter<WinogradGeometry> {
 public:
  using PlanInterpreter::PlanInterpreter;

  void call(OcPart, const CallArgs& a) const override { products(a); }

 private:
  CONVJIT_INTERPRETER_LOOP void products(const CallArgs& a) const {
    const T* v = static_cast<const T*>(a.src);
    const T* u = static_cast<const T*>(a.wei);
    T* out = static_cast<T*>(a.dst);
    const int64_t icg = geo_.icg;
    // Blocks of ur_w tiles, then single tiles: each tile sums alike.
    for (int64_t t = 0; t < a.row_blocks * plan_.ur_w + a.row_tail; ++t)
      for (int c = 0; c < plan_.oc_blk; ++c) {
        T sum = 0;
        for (int64_t k0 = 0; k0 < icg; k0 += geo_.sum_block) {
          T acc = 0;
          for (int64_t ic = k0; ic < std::min(icg, k0 + geo_.sum_block); ++ic)
            acc = std::fma(v[t * icg + ic], u[ic * plan_.oc_blk + c], acc);
          sum = k0 == 0 ? acc : acc + sum;
        }
        out[t * geo_.ocp + c] = sum;
      }
  }
};

}  // namespace

std::unique_ptr<Inner> Winograd::interpreter(const WorkProblem& work, const Plan& plan) const {
  return make_typed<WinogradInterpreter>(work, plan);
}

}  // namespace convjit
