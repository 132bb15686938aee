#include "jit/peak.hpp"

#include <xbyak/xbyak.h>

#include <chrono>
#include <map>
#include <mutex>
#include <type_traits>
#include <utility>

namespace convjit {
namespace {

// A loop of independent FMAs: enough accumulators to cover the FMA latency
// times the number of FMA pipes on any current core.
template <class Vmm>
class FmaLoop : public Xbyak::CodeGenerator {
 public:
  static constexpr int kAccumulators = std::is_same_v<Vmm, Xbyak::Zmm> ? 24 : 12;
  explicit FmaLoop(bool f64) : Xbyak::CodeGenerator(4096, Xbyak::DontSetProtectRWE) {
    setDefaultEncoding(Xbyak::EvexEncoding);
    const Xbyak::Reg64 reg_iters = rdi;
    Vmm a(kAccumulators), b(kAccumulators + 1);
    for (int i = 0; i < kAccumulators + 2; ++i) vxorps(Vmm(i), Vmm(i), Vmm(i));
    Xbyak::Label loop;
    L(loop);
    for (int i = 0; i < kAccumulators; ++i) {
      if (f64) vfmadd231pd(Vmm(i), a, b); else vfmadd231ps(Vmm(i), a, b);
    }
    dec(reg_iters);
    jnz(loop);
    vzeroupper();
    ret();
    setProtectModeRE();
  }
};

template <class Vmm>
double measure(DataType dt) {
  const bool f64 = dt == DataType::f64;
  FmaLoop<Vmm> loop(f64);
  auto fn = loop.template getCode<void (*)(int64_t)>();
  const int lanes = (std::is_same_v<Vmm, Xbyak::Zmm> ? 64 : 32) / static_cast<int>(size_of(dt));
  const int64_t iters = 200000;
  fn(iters);  // warm up: wakes the wide units and raises the clock
  double best = 1e30;
  for (int rep = 0; rep < 7; ++rep) {
    auto t0 = std::chrono::steady_clock::now();
    fn(iters);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return 2.0 * lanes * FmaLoop<Vmm>::kAccumulators * double(iters) / best / 1e9;
}

}  // namespace

double fma_peak_gflops(Isa isa, DataType dt) {
  static std::mutex mutex;
  static std::map<std::pair<Isa, DataType>, double> cache;
  std::lock_guard lock(mutex);
  auto key = std::make_pair(isa, dt);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  double peak = isa == Isa::avx512 ? measure<Xbyak::Zmm>(dt)
                : isa == Isa::avx2 ? measure<Xbyak::Ymm>(dt)
                                   : 0.0;
  cache[key] = peak;
  return peak;
}

}  // namespace convjit
