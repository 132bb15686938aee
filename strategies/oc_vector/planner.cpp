// The oc_vector strategy: its legality, its pick and its cost model.
#include <algorithm>
#include <cmath>
#include <limits>

#include "strategies/oc_vector/geometry.hpp"
#include "strategies/oc_vector/strategy.hpp"

namespace convjit {
namespace {

// The kernel reads channels-last pixels and skips the taps that fall in the
// height and width padding: channels-first inputs, and padding it cannot
// skip (see pads_in_kernel), are staged first.
bool needs_staging(const ConvDesc& d) {
  if (d.layout == Layout::ncx) return true;
  bool padded = false;
  for (int a = 0; a < 3; ++a) padded = padded || d.p[a] > 0 || d.pb[a] > 0;
  return padded && !pads_in_kernel(d);
}

// Accumulators a block of `vecs` vectors of channels may have (OcRegisters).
int accumulator_budget(Isa isa, int vecs) { return allocatable_registers(isa) - OcRegisters{0, vecs}.total(); }

// Channels of a block (of output channels, or of an input-channel pass) lie
// within one channel block of a blocked layout or span whole ones, so the
// kernel's offsets are the same for every block.
bool fits_blocks(int64_t channels, int64_t block) {
  return !block || channels % block == 0 || block % channels == 0;
}
// Every input channel in one pass, whatever the block: a first layer's few
// channels in one block, or many whose last block is partial (207 = 12
// blocks of 16 and 15), which would otherwise take passes of one channel.
bool one_pass(const ConvDesc& d, int64_t ic_blk) { return d.g == 1 && ic_blk == d.ic; }

// Estimated cycles per input channel and tap for a whole output row: FMAs
// on two ports, loads (weights, broadcasts) on two, blocks and tails apart.
double row_cycles(const ConvDesc& d, Isa isa, int vlen, int ur_w, int vecs) {
  auto block = [&](int64_t pixels, int64_t v) {
    double fma = double(pixels) * v;
    double loads = double(v) + (isa == Isa::avx512 && v == 1 ? 0 : pixels);
    return std::max(fma, loads) / 2 + 0.5;
  };
  const int64_t ow = d.o[ConvDesc::W], ocg = vector_channels(d), oc_blk = int64_t(vecs) * vlen;
  const int64_t full_w = ow / ur_w, tail_w = ow % ur_w;
  const int64_t full_oc = ocg / oc_blk, tail_oc = ocg % oc_blk;
  const int64_t tail_vecs = (tail_oc + vlen - 1) / vlen;
  double total = 0;
  for (auto [count_oc, v] : {std::pair{full_oc, int64_t(vecs)}, std::pair{int64_t(tail_oc ? 1 : 0), tail_vecs}})
    total += double(count_oc) * (full_w * block(ur_w, v) + (tail_w ? block(tail_w, v) : 0));
  return total;
}

// Most pixels a register block may read without their lines evicting one
// another from the L1 (lines_in_l1_sets): a pixel stride apart, each read
// for a line's worth of input channels; one way is left to the weights and
// outputs that pass through. Measured (Zen 4, 8 ways, 1 thread): ResNet-50's
// res4b_branch2a channels last (1024 channels, 4 KiB a pixel, all in one
// set) ran 1.12-1.23 ms with ur_w 14, 0.87 ms with ur_w 7 (the tuner's best
// at patient effort), oneDNN 0.88 ms.
int64_t max_pixels_by_l1_sets(const ConvDesc& d, const CpuFacts& cpu) {
  const int64_t block = channel_block(d.layout);
  return lines_in_l1_sets(cpu, d.s[ConvDesc::W] * (block ? block : d.ic) * int64_t(size_of(d.dt)), 1);
}

std::vector<int> divisors(int64_t n) {
  std::vector<int> small, large;
  for (int64_t d = 1; d * d <= n; ++d)
    if (n % d == 0) {
      small.push_back(static_cast<int>(d));
      if (d * d != n) large.push_back(static_cast<int>(n / d));
    }
  small.insert(small.end(), large.rbegin(), large.rend());
  return small;
}


// Channels that fill no more than AVX2's vector may take its lanes on
// AVX-512 (see OcVector::plan).
bool may_narrow(const ConvDesc& desc, Isa isa) {
  return isa == Isa::avx512 && !channel_block(desc.layout) && vector_channels(desc) <= lanes(Isa::avx2, desc.dt);
}

}  // namespace

OcVector::OcVector()
    : Strategy({.name = "oc_vector", .channels_last = true,
                .meanings = {{"strategy", "many channels: vectors along output channels"},
                             {"ur_w", "output pixels per register block"}}}) {}

// Every layout: channels-first activations are staged channels-last.
std::optional<std::string> OcVector::not_applicable(const WorkProblem&) const { return std::nullopt; }

std::optional<std::string> OcVector::rejection(const WorkProblem& desc, const Plan& plan) const {
  if (plan.oc_blk % plan.vlen)
    return "oc_blk=" + std::to_string(plan.oc_blk) + " is not a multiple of vlen=" + std::to_string(plan.vlen);
  if (plan.oc_blk > round_up(vector_channels(desc), plan.vlen))
    return "oc_blk=" + std::to_string(plan.oc_blk) + " exceeds the " + std::to_string(vector_channels(desc)) +
           " channels along the vectors, rounded up to whole vectors";
  if (plan.ur_h != 1) return "oc_vector computes one output row per block: ur_h must be 1";
  if (plan.weights != WeightRegs::broadcast)
    return "weights=" + std::string(to_string(plan.weights)) + " is an ow_vector loop order";
  const int vecs = plan.oc_blk / plan.vlen;
  const int64_t acc = int64_t(plan.ur_w) * vecs;
  const int budget = accumulator_budget(plan.isa, vecs);
  if (acc > budget)
    return "register block ur_w*vectors=" + std::to_string(acc) + " exceeds the " +
           std::to_string(budget) + " accumulators " + std::string(to_string(plan.isa)) + " has";
  if (const int64_t block = channel_block(desc.layout)) {
    const std::string layout(to_string(desc.layout));
    if (block % plan.vlen)
      return "vlen=" + std::to_string(plan.vlen) + " does not divide the channel block of " + layout;
    if (!fits_blocks(plan.oc_blk, block))
      return "oc_blk=" + std::to_string(plan.oc_blk) + " neither divides nor is a multiple of the channel block of " + layout;
    if (!fits_blocks(plan.ic_blk, block) && !is_depthwise(desc) && !one_pass(desc, plan.ic_blk))
      return "ic_blk=" + std::to_string(plan.ic_blk) + " neither divides nor is a multiple of the channel block of " + layout;
  }
  if (!plan.staged && needs_staging(desc))
    return "the input must be staged (channels-first layout, or padding with depth)";
  return std::nullopt;
}

Plan OcVector::plan(const WorkProblem& desc, const CpuFacts& cpu, Plan best) const {
  best.strategy = this;
  best.staged = needs_staging(desc);
  best.ur_h = 1;
  // Channels that fill no more than AVX2's vector take its lanes on
  // AVX-512 when the packed weights of a 16-lane block would not stay in
  // the L1: the same FMAs, half the weights (MobileNet's 1024 => 5
  // classifier: 64 KiB become 32 KiB, 440 -> 300 ns), at the cost of
  // AVX2's 16 registers.
  const int64_t zmm_weights = desc.spatial_k() * desc.icg() * best.vlen * int64_t(size_of(desc.dt));
  if (may_narrow(desc, best.isa) && cpu.l1d_bytes > 0 && zmm_weights > cpu.l1d_bytes / 2) {
    best.isa = Isa::avx2;
    best.vlen = lanes(Isa::avx2, desc.dt);
  }
  const int vlen = best.vlen;
  const int max_vecs = static_cast<int>(std::min<int64_t>(4, round_up(vector_channels(desc), vlen) / vlen));
  double best_cycles = std::numeric_limits<double>::max();
  for (int vecs = max_vecs; vecs >= 1; --vecs) {
    if (!fits_blocks(int64_t(vecs) * vlen, channel_block(desc.layout))) continue;
    const int budget = accumulator_budget(best.isa, vecs);
    const int max_w = static_cast<int>(
        std::min({desc.o[ConvDesc::W], int64_t(budget / vecs), max_pixels_by_l1_sets(desc, cpu)}));
    for (int ur_w = 1; ur_w <= max_w; ++ur_w) {
      const double cycles = row_cycles(desc, best.isa, vlen, ur_w, vecs);
      if (cycles < best_cycles * 0.98) {
        best_cycles = cycles;
        best.ur_w = ur_w;
        best.oc_blk = vecs * vlen;
      }
    }
  }
  // Input-channel passes: the weights of one oc block and pass stay in half
  // the L2 while the whole output is swept.
  const int64_t bytes = static_cast<int64_t>(size_of(desc.dt));
  const int64_t per_channel = desc.spatial_k() * best.oc_blk * bytes;
  const int64_t icg = desc.icg();
  best.ic_blk = 1;
  for (int64_t c = icg; c >= 1; --c)
    if (icg % c == 0 && c * per_channel <= cpu.l2_bytes / 2 &&
        (fits_blocks(c, channel_block(desc.layout)) || is_depthwise(desc) || one_pass(desc, c))) {
      best.ic_blk = static_cast<int>(c);
      break;
    }
  return best;
}

double OcVector::cycles(const WorkProblem& desc, const CpuFacts& cpu, const Plan& plan) const {
  const int64_t rows = looped_groups(desc) * desc.o[ConvDesc::D] * desc.o[ConvDesc::H];
  const int64_t oc_vecs = round_up(vector_channels(desc), plan.vlen) / plan.vlen;
  const int64_t passes = desc.icg() / plan.ic_blk;
  const double compute = row_cycles(desc, plan.isa, plan.vlen, plan.ur_w, plan.oc_blk / plan.vlen) *
                         double(desc.icg() * desc.spatial_k() * rows);
  // Each pass after the first reloads the partial sums the previous one
  // stored: a load and a store per accumulator vector.
  const double partial_sums = double(passes - 1) * double(rows * desc.o[ConvDesc::W] * oc_vecs);
  // Weights of one block and pass beyond half the L2 come from farther away
  // for every output row that sweeps them.
  const double wei_bytes = double(plan.ic_blk) * double(desc.spatial_k() * plan.oc_blk) *
                           double(size_of(desc.dt));
  const double oc_blocks = std::ceil(double(vector_channels(desc)) / plan.oc_blk);
  const double spill =
      wei_bytes > double(cpu.l2_bytes) / 2 ? double(rows) * oc_blocks * double(passes) * wei_bytes / 64 : 0;
  return compute + partial_sums + spill;
}

// Generously bounded by the register file; the rejection has the last word.
// Where the planner may narrow to AVX2's lanes, both widths are candidates,
// so that the tuner can measure which is right.
std::vector<Plan> OcVector::blocks(const WorkProblem& desc, Plan base) const {
  base.strategy = this;
  std::vector<Plan> blocks;
  auto add = [&](const Plan& width) {
    const int regs = vector_registers(width.isa);
    const int64_t oc_vecs = (vector_channels(desc) + width.vlen - 1) / width.vlen;
    Plan p = width;
    for (int vecs = 1; vecs <= std::min<int64_t>(oc_vecs, regs); ++vecs)
      for (p.ur_w = 1; p.ur_w <= std::min<int64_t>(desc.o[ConvDesc::W], regs / vecs); ++p.ur_w)
        for (int ic_blk : divisors(desc.icg())) {
          p.oc_blk = vecs * width.vlen;
          p.ic_blk = ic_blk;
          blocks.push_back(p);
        }
  };
  add(base);
  if (may_narrow(desc, base.isa)) {
    Plan narrow = base;
    narrow.isa = Isa::avx2;
    narrow.vlen = lanes(Isa::avx2, desc.dt);
    add(narrow);
  }
  return blocks;
}

}  // namespace convjit
