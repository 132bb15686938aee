#include <cmath>

#include "kernels/inner.hpp"
#include "strategies/winograd/geometry.hpp"
#include "strategies/winograd/strategy.hpp"

namespace convjit {
namespace {

// The products in scalar C++, in the emitted code's order of accumulation
// (input channels in increasing order, one FMA each, from zero).
template <class T>
class WinogradInterpreter final : public PlanInterpreter<WinogradGeometry> {
 public:
  using PlanInterpreter::PlanInterpreter;

  void call(OcPart, const CallArgs& a) const override {
    const T* v = static_cast<const T*>(a.src);
    const T* u = static_cast<const T*>(a.wei);
    T* out = static_cast<T*>(a.dst);
    const int64_t icg = geo_.icg, ur = plan_.ur_w;
    for (int64_t b = 0; b < a.row_blocks; ++b, v += ur * icg, out += ur * geo_.ocp)
      for (int64_t t = 0; t < ur; ++t)
        for (int c = 0; c < plan_.oc_blk; ++c) {
          T acc = 0;
          for (int64_t ic = 0; ic < icg; ++ic) acc = std::fma(v[t * icg + ic], u[ic * plan_.oc_blk + c], acc);
          out[t * geo_.ocp + c] = acc;
        }
  }
};

}  // namespace

std::unique_ptr<Inner> Winograd::interpreter(const WorkProblem& work, const Plan& plan) const {
  return make_typed<WinogradInterpreter>(work, plan);
}

}  // namespace convjit
