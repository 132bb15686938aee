#include "tests/fuzz_space.hpp"

#include <algorithm>
#include <random>
#include <sstream>

#include "convjit/error.hpp"
#include "planner/strategy.hpp"
#include "tests/layouts.hpp"

namespace convjit {
namespace {

struct Rng {
  std::mt19937_64 gen;
  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(gen); }
  double uniform() { return std::uniform_real_distribution<double>(0, 1)(gen); }
  bool chance(double p) { return uniform() < p; }
};

// Channel regimes: few channels steer the planner to ow_vector, many to
// oc_vector; depthwise and grouped ones take either, by layout and width.
enum class Family { few, many, depthwise, grouped };

// With Winograd: the share of problems drawn 2D 3x3 stride 1 undilated, of
// those the share drawn small, of those Winograd applies to, the share
// that asks for it, and of those the share that asks for F(2x2) alone.
constexpr double kWinogradShapes = 0.15, kWinogradSmall = 0.5, kWinogradShare = 0.75, kWinograd2x2 = 0.25;

int64_t ceil_div(int64_t a, int64_t b) { return a >= 0 ? (a + b - 1) / b : -(-a / b); }

// One present axis. With an explicit output size the back padding lands
// anywhere in (-s, extent-1]: negative when the last input rows go unused
// (the most that validation allows), wider than the front padding, or equal.
// `winograd`: a 3-tap, stride-1, undilated axis, its size and padding drawn
// as any other's.
void append_axis(Rng& r, std::ostream& os, char axis, int max_in, int max_k, bool winograd = false) {
  int k = 3, dil = 0, s = 1;
  if (!winograd) {
    k = r.pick(1, max_k), dil = r.chance(0.2) ? r.pick(1, 2) : 0;
    s = r.chance(0.5) ? 1 : r.pick(2, 3);
  }
  const int ext = (k - 1) * (dil + 1) + 1;
  const int p = r.chance(0.4) ? 0 : r.pick(0, ext - 1);
  const int i = r.pick(1, max_in);
  os << 'i' << axis << i << 'k' << axis << k;
  if (s != 1) os << 's' << axis << s;
  if (dil) os << 'd' << axis << dil;
  if (r.chance(0.5) || i + 2 * p < ext) {
    const int64_t o_low = std::max<int64_t>(1, ceil_div(i - ext + p - s + 1, s) + 1);
    const int64_t o_high = (i + p - 1) / s + 1;
    os << 'o' << axis << r.pick(static_cast<int>(o_low), static_cast<int>(o_high)) << 'p' << axis << p;
  } else if (p) {
    os << 'p' << axis << p;
  }
}

std::string draw_text(Rng& r, bool winograd) {
  const int roll = r.pick(0, 99);
  const Family family = roll < 45 ? Family::few : roll < 75 ? Family::many
                        : roll < 87 ? Family::depthwise : Family::grouped;
  std::ostringstream os;
  int g = 1, icg = 1, ocg = 1;
  switch (family) {
    case Family::few:
      g = r.chance(0.15) ? r.pick(2, 3) : 1;
      icg = r.pick(1, 4), ocg = r.pick(1, 12);
      break;
    case Family::many:
      g = r.chance(0.15) ? 2 : 1;
      icg = r.pick(5, r.chance(0.2) ? 70 : 36), ocg = r.pick(5, r.chance(0.2) ? 70 : 36);
      break;
    case Family::depthwise:
      g = r.pick(1, 40);
      break;
    case Family::grouped:
      g = r.pick(2, 4), icg = r.pick(1, 20), ocg = r.pick(1, 20);
      break;
  }
  // `g1` written gives the weights a group dimension: a shape of its own.
  if (g > 1 || r.chance(0.1)) os << 'g' << g;
  os << "mb" << (r.chance(0.5) ? 1 : r.pick(2, 4)) << "ic" << g * icg << "oc" << g * ocg;
  // Few channels leave room for wider images at the same work.
  const bool few = family == Family::few;
  const int dims = winograd ? 2 : r.chance(0.2) ? 3 : r.chance(0.3) ? 1 : 2;
  if (dims == 3) {
    for (char axis : {'d', 'h', 'w'}) append_axis(r, os, axis, few ? 10 : 6, 3);
  } else if (dims == 2) {
    // The planner takes F(2x2, 3x3) over F(4x4, 3x3) for images of a few
    // tiles only: some of Winograd's are drawn that small.
    const int max_in = winograd && r.chance(kWinogradSmall) ? 6 : few ? 40 : 12;
    append_axis(r, os, 'h', max_in, 5, winograd);
    // Without w the grammar copies h to w: the square shorthand is tested too.
    if (!r.chance(0.15)) append_axis(r, os, 'w', max_in, 5, winograd);
  } else {
    append_axis(r, os, 'w', few ? 200 : 48, 7);
  }
  return os.str();
}

}  // namespace

FuzzCase fuzz_case(uint64_t seed, uint64_t index, FuzzAlgorithms algorithms) {
  std::seed_seq seq{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32),
                    static_cast<uint32_t>(index), static_cast<uint32_t>(index >> 32)};
  Rng r{std::mt19937_64(seq)};
  FuzzCase c;
  c.threads = r.pick(1, 3);
  // Drivers split a batch over threads only when each gets enough work
  // (threads_for in kernels/parallel.hpp): most multithreaded cases are
  // drawn big enough. The cap keeps a campaign of thousands to a minute or so.
  constexpr double kFlopsPerThread = 2e5, kMaxFlops = 6e6;
  const double min_flops = c.threads > 1 && r.chance(0.6) ? kFlopsPerThread * c.threads : 0;
  // Direct alone draws nothing more: its problems stay those it always drew.
  const bool winograd = algorithms == FuzzAlgorithms::with_winograd;
  // 2D 3x3 stride 1 by chance alone is about one problem in a hundred:
  // too few for Winograd's floors in a campaign of 2000.
  const bool winograd_shape = winograd && r.chance(kWinogradShapes);
  for (;;) {
    c.text = draw_text(r, winograd_shape);
    try {
      c.desc = ConvDesc::parse(c.text);
    } catch (const Error&) {
      continue;  // e.g. an odd square shorthand: draw again
    }
    const double flops = c.desc.flops(c.desc.mb);
    if (flops >= min_flops && flops <= kMaxFlops) break;
  }
  c.desc.dt = r.chance(0.3) ? DataType::f64 : DataType::f32;
  const double layout = r.uniform();
  c.desc.layout = usable_layout(c.desc, layout < 0.3   ? Layout::nxc
                                        : layout < 0.4 ? Layout::nCx16c
                                        : layout < 0.5 ? Layout::nCx8c
                                                       : Layout::ncx);
  c.desc.post_ops = {r.chance(0.5), r.chance(0.4)};
  c.fill = r.chance(1.0 / 3) ? Fill::real : Fill::integer;
  c.data_seed = r.gen() >> 16;
  // Where the strategy applies to the problem as the library computes it:
  // a 3x3 filter over a 3-wide unpadded image is computed as 1D (asking
  // Winograd for it is an error), a 3D filter as deep as the image as 2D
  // (Winograd's). The rest of the problems it applies to keep 3x3 stride 1
  // on the direct strategies.
  if (winograd && strategy_named("winograd").applies(WorkProblem(c.desc)) && r.chance(kWinogradShare))
    c.desc.algorithm = r.chance(kWinograd2x2) ? Algorithm::winograd_2x2 : Algorithm::winograd;
  return c;
}

}  // namespace convjit
