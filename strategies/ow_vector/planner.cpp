// The ow_vector strategy: its legality, its pick and its cost model.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "strategies/ow_vector/geometry.hpp"
#include "strategies/ow_vector/strategy.hpp"

namespace convjit {

namespace {

// The input must be copied when the kernel cannot read the user's tensor as
// is: padding (zeros to read), width strides above 2 (phases to split; stride
// 2 is split in registers) or channels last with several input channels (to
// transpose; one channel is the same either way).
bool needs_staging(const ConvDesc& d) {
  const bool planes = d.layout == Layout::ncx || (d.layout == Layout::nxc && d.ic == 1);
  if (!planes || d.s[ConvDesc::W] > 2) return true;
  for (int a = 0; a < 3; ++a)
    if (d.p[a] > 0 || d.pb[a] > 0) return true;
  return false;
}

// Accumulators a block of ur_w vectors x oc_blk channels may have (OwRegisters).
int accumulator_budget(Isa isa, int ur_w, int oc_blk, WeightRegs weights, const ConvDesc& d, bool split_stride) {
  const int64_t taps = d.k[ConvDesc::H] * d.k[ConvDesc::W];
  return OwRegisters{1, ur_w, oc_blk, weight_registers(weights, oc_blk, taps), split_stride}.accumulator_budget(isa);
}

constexpr WeightRegs kWeightRegs[] = {WeightRegs::broadcast, WeightRegs::stationary, WeightRegs::held};

// With one tap per input channel, holding every tap's weights is holding
// one tap's: the same code as stationary weights, not planned twice.
bool same_as_stationary(WeightRegs weights, const ConvDesc& d) {
  return weights == WeightRegs::held && d.k[ConvDesc::H] * d.k[ConvDesc::W] == 1;
}

bool splits_stride(const ConvDesc& d, bool staged) { return !staged && d.s[ConvDesc::W] == 2; }

// Input rows a block of `rows` output rows reads (rows hit by some tap).
int64_t count_rows_read(int64_t rows, int64_t kh, int64_t sh, int64_t dh1) {
  int64_t span = (rows - 1) * sh + (kh - 1) * dh1 + 1, n = 0;
  for (int64_t ih = 0; ih < span; ++ih) {
    bool used = false;
    for (int64_t r = 0; r < rows && !used; ++r) {
      int64_t t = ih - r * sh;
      used = t >= 0 && t % dh1 == 0 && t / dh1 < kh;
    }
    n += used;
  }
  return n;
}

// plan() prices blocks of at most kTabledRows rows (their tails fewer), a
// thousand of them for a layer: the rows each reads are counted once.
constexpr int64_t kTabledRows = 8;

struct Dims {
  int64_t ocg, oh, ow, kh, kw, sh, dh1, taps_outer;
  int64_t split_taps;  // width taps whose column is off a vector: each of their loads crosses a line
  double shuffles = 0;  // per input vector, beside the FMAs: stride 2 split in registers
  std::array<int64_t, kTabledRows + 1> rows_read{};  // by rows, up to kTabledRows
};

// A zmm input vector split from a width stride of 2 is a vpermt2 of two
// loads, on a port the FMAs need too (Sapphire Rapids' port 5 is its
// second 512-bit FMA; on Zen 4, 16 FMAs took 1.15x their time beside 4
// independent vpermt2ps and 1.50x beside 8, 1.02x beside 2), as is a
// broadcast into a register there (Zen 4: 16 FMAs of two vectors beside 8
// broadcasts and 2 vpermt2ps 1.21x, either alone 1.00x): both priced as
// FMAs; the generator embeds the weights of broadcast plans in the FMAs.
// Measured (Zen 4, 1 thread, every block timed): on eight split problems
// the picks went from 1.09-1.20x the fastest block's time to 1.00-1.04x;
// alternated against the previous model and generator, the plans of the
// suites that changed ran 1.06-1.19x faster (seed:small_strided 689 ->
// 598 ns), but a 2x2 output of 2 channels, g1mb4ic1ih5oc2kh2sh2, 70 -> 74
// ns (stationary weights no longer picked). AVX2's two shuffles per
// vector have a port of their own on Intel: not priced.
constexpr double kSplitShuffles = 1;

// The plan's vlen and staging say where the width taps' columns fall.
Dims dims_of(const ConvDesc& desc, const Plan& plan) {
  Dims d{desc.ocg(), desc.o[1], desc.o[2], desc.k[1], desc.k[2], desc.s[1], desc.d[1] + 1,
         desc.icg() * desc.k[0], 0};
  const Geometry g = Geometry::of(desc, plan);
  if (g.col_step == 2 && plan.isa == Isa::avx512) d.shuffles = kSplitShuffles;
  for (int64_t x = 0; x < d.kw; ++x) d.split_taps += (g.tap_phase(x) * g.phase_len + g.tap_shift(x)) % plan.vlen != 0;
  for (int64_t rows = 1; rows <= kTabledRows; ++rows) d.rows_read[rows] = count_rows_read(rows, d.kh, d.sh, d.dh1);
  return d;
}

int64_t rows_read(const Dims& d, int64_t rows) {
  return rows <= kTabledRows ? d.rows_read[rows] : count_rows_read(rows, d.kh, d.sh, d.dh1);
}

// The taps of a block are unrolled: code beyond the L1i (a filter of
// hundreds of taps) is fetched from the L2 at about 16 bytes a cycle, at
// some 7 bytes an instruction (measured: a 532-tap filter, 145 KB of
// block, ran at 1.3x its FMA time).
constexpr double kL1CodeBytes = 32 << 10, kInstructionBytes = 7, kL2CodeBytesPerCycle = 16;

// A load that crosses a cache line takes two of the load ports' slots
// (measured, Zen 5: 8 such zmm loads beside 16 FMAs of registers took 1.07x
// the FMAs' time, 4 took none): an input vector of a width tap whose column
// is off a vector crosses one (the row's start taken as on a line).
constexpr double kSplitLoadSlots = 2;
// FMAs and loads that both keep their ports nearly full do not overlap
// fully: a block whose load slots match its FMAs runs at 1 + kBothBusy of
// the time either would take alone, falling off steeply below the balance.
// Measured (Zen 5, 1 thread, alternated in one process): seed:image3x3's
// block of 6 rows x 4 vectors, 216 FMAs beside 214 load slots (weights
// broadcast), ran 1.05-1.14x the time of 8 x 2 with every tap's weights
// held (144 FMAs, 109 slots), which the model without this priced 3% dearer.
// Not yet checked on the Xeon.
constexpr double kBothBusy = 0.25;
// (min/max)^8: the falloff below the balance (squared three times, as
// std::pow took a third of the planner's time).
double both_busy(double fma, double slots) {
  double r = std::min(fma, slots) / std::max(fma, slots);
  r *= r;
  r *= r;
  return 1 + kBothBusy * r * r;
}

// Estimated cycles of one register block: FMAs and load slots each share two
// ports; stores and loop overhead on top. Each input vector is loaded once
// per width tap, and each weight once per row that uses it (broadcast) or
// once (held); stationary: each weight once, each input vector once per row
// that reads it; at least the time to fetch its code.
double block_cycles(const Dims& d, int64_t rows, int64_t vecs, int64_t ocs, WeightRegs weights) {
  const double taps = double(d.kh) * d.kw;
  // Input loads per pass over the block's rows, and their slots.
  const double passes = weights == WeightRegs::stationary ? double(rows) * d.kh : double(rows_read(d, rows));
  const double inputs = passes * d.kw * vecs;
  const double input_slots = passes * (d.kw + (kSplitLoadSlots - 1) * d.split_taps) * vecs;
  const double weight_loads = weights == WeightRegs::broadcast ? double(rows) * taps * ocs : taps * ocs;
  // Beside split inputs, weights held in registers are broadcast into them
  // on the vpermt2's port too; those broadcast from memory are embedded in
  // the FMAs there, 4-byte loads the load ports absorb (16 such FMAs ran
  // as fast as 16 on registers, Zen 4).
  const bool embedded = d.shuffles > 0 && weights == WeightRegs::broadcast;
  const double split_fma = d.shuffles * (inputs + (embedded ? 0 : weight_loads));
  const double fma = double(rows) * taps * vecs * ocs + split_fma;
  const double slots = input_slots + (embedded ? 0 : weight_loads);
  const double code_bytes = (fma + inputs + weight_loads) * kInstructionBytes;
  const double fetch = code_bytes > kL1CodeBytes ? code_bytes / kL2CodeBytesPerCycle : 0;
  const double busy = std::max(fma, slots) / 2 * both_busy(fma, slots);
  return double(d.taps_outer) * std::max(busy, fetch) + rows * vecs * ocs + 8;
}

// block_cycles() of the blocks plan() prices, each shape computed once: it
// prices up to a thousand plans of up to eight blocks each, which were a
// sixth of a warm make_kernel of ResNet-50's and MobileNet's channels-first
// layers (perf, the Xeon).
class BlockCycles {
 public:
  explicit BlockCycles(const Dims& d) : d_(d) { cycles_.fill(-1); }
  double operator()(int64_t rows, int64_t vecs, int64_t ocs, WeightRegs weights) {
    if (rows > kTabledRows || vecs > kVecs || ocs > kOcs) return block_cycles(d_, rows, vecs, ocs, weights);
    double& c = cycles_[((int64_t(weights) * kTabledRows + rows - 1) * kVecs + vecs - 1) * kOcs + ocs - 1];
    if (c < 0) c = block_cycles(d_, rows, vecs, ocs, weights);
    return c;
  }
  static constexpr int kVecs = 4, kOcs = 16;  // plan()'s bounds on ur_w and oc_blk

 private:
  const Dims& d_;
  std::array<double, std::size(kWeightRegs) * kTabledRows * kVecs * kOcs> cycles_;
};

// Cycles for one output plane: full blocks and the tails of each dimension,
// block_cycles(rows, vecs, ocs, weights) pricing each.
template <class Blocks>
double plane_cycles(const Dims& d, int vlen, int ur_h, int ur_w, int oc_blk, WeightRegs weights,
                    Blocks&& block_cycles) {
  double total = 0;
  int64_t w_full = d.ow / (int64_t(ur_w) * vlen), w_rem = d.ow % (int64_t(ur_w) * vlen);
  struct Part { int64_t count, size; };
  Part rows[2] = {{d.oh / ur_h, ur_h}, {d.oh % ur_h ? 1 : 0, d.oh % ur_h}};
  Part cols[2] = {{w_full, ur_w}, {w_rem ? 1 : 0, (w_rem + vlen - 1) / vlen}};
  Part ocs[2] = {{d.ocg / oc_blk, oc_blk}, {d.ocg % oc_blk ? 1 : 0, d.ocg % oc_blk}};
  for (auto& r : rows)
    for (auto& c : cols)
      for (auto& o : ocs)
        if (r.count && c.count && o.count)
          total += double(r.count) * c.count * o.count * block_cycles(r.size, c.size, o.size, weights);
  return total;
}

// Every output-channel block sweeps the input again. While the driver's row
// tile fits in half of the L2 a sweep comes from there: a 1x1 sweep (each
// input loaded once per sweep) streams under the FMAs at a quarter of the
// cost of one whose taps overlap (measured on ResNet-50's layers), but at
// a width stride, whose lines it reads half of (res3a_branch2a channels
// first: priced as streaming, its 10 sweeps of 13 channels ran 591 us
// where channel vectors ran 529, Zen 4, alternated in one process). A
// sweep comes from farther away (a quarter of the bandwidth) when a single
// block of rows does not fit.
double reread_cycles(const ConvDesc& desc, int oc_blk, int ur_h, int64_t l2_bytes) {
  const double image_bytes = double(desc.icg() * desc.spatial_in()) * double(size_of(desc.dt));
  const double block_bytes = double(ow_vector_row_block_bytes(desc, ur_h));
  const bool pointwise = desc.spatial_k() == 1 && desc.s[ConvDesc::W] == 1;
  const double bytes_per_cycle = std::min(image_bytes, block_bytes) > double(l2_bytes) / 2 ? 16.0
                                 : pointwise                                           ? 256.0
                                                                                       : 64.0;
  return std::ceil(double(desc.ocg()) / oc_blk) * image_bytes / bytes_per_cycle;
}

// Most input rows a block may read at once without their lines evicting
// one another from the L1 (lines_in_l1_sets): at a column they lie a row
// apart; two ways are left to the outputs, whose rows fall near one
// another's sets too, and the weights. Measured (Zen 4, 8 ways, 1 thread,
// plans alternated in one process): seed:image3x3, rows of 1024 floats (4
// KiB: one set), 8 rows a block (10 read) 222-224 us, 6 (8 read) 207-211 us,
// 5 (7 read) 206 us, 4 (6 read) 199-206 us, 3 (5 read) 194 us.
int64_t max_rows_by_l1_sets(const ConvDesc& desc, const Plan& plan, const CpuFacts& cpu) {
  return lines_in_l1_sets(cpu, Geometry::of(desc, plan).in_row * int64_t(size_of(desc.dt)), 2);
}

// Its model misses about a tenth against oc_vector's with many channels
// (broadcasts and shifted loads compete with a working set beyond the L1;
// measured on ResNet-50's 3x3 and strided 1x1 layers).
constexpr double kManyChannelsMiss = 1.1;

}  // namespace

OwVector::OwVector()
    : Strategy({.name = "ow_vector", .channels_last = false, .model_miss = kManyChannelsMiss,
                .meanings = {{"strategy", "few channels: vectors along the output width"},
                             {"ur_w", "vectors along the width per register block"}}}) {}

std::optional<std::string> OwVector::not_applicable(const WorkProblem& work) const {
  if (!channel_block(work.layout)) return std::nullopt;
  return "ow_vector reads channels-first or channels-last activations, not " + std::string(to_string(work.layout));
}

int64_t ow_vector_row_block_bytes(const ConvDesc& desc, int ur_h) {
  return desc.icg() * desc.i[0] * ur_h * desc.s[1] * desc.i[2] * int64_t(size_of(desc.dt));
}

std::optional<std::string> OwVector::rejection(const WorkProblem& desc, const Plan& plan) const {
  if (channel_block(desc.layout))
    return "ow_vector reads channels-first or channels-last activations, not " +
           std::string(to_string(desc.layout));
  if (plan.ic_blk != desc.icg())
    return "ow_vector reduces over all ic/g=" + std::to_string(desc.icg()) + " channels at once";
  if (plan.oc_blk > desc.ocg())
    return "oc_blk=" + std::to_string(plan.oc_blk) + " exceeds oc/g=" + std::to_string(desc.ocg());
  const int64_t acc = int64_t(plan.ur_h) * plan.ur_w * plan.oc_blk;
  const int budget = accumulator_budget(plan.isa, plan.ur_w, plan.oc_blk, plan.weights, desc,
                                        splits_stride(desc, plan.staged));
  if (acc > budget)
    return "register block ur_h*ur_w*oc=" + std::to_string(acc) + " exceeds the " +
           std::to_string(budget) + " accumulators " + std::string(to_string(plan.isa)) + " has";
  if (!plan.staged && needs_staging(desc))
    return "the input must be staged (padding, width stride above 2 or channels last with several input channels)";
  return std::nullopt;
}

Plan OwVector::plan(const WorkProblem& desc, const CpuFacts& cpu, Plan best) const {
  const Isa isa = best.isa;
  best.strategy = this;
  best.staged = needs_staging(desc);
  const Dims d = dims_of(desc, best);
  BlockCycles blocks(d);
  // reread_cycles() by (oc_blk, ur_h), the same for every ur_w and weights.
  std::array<std::array<double, kTabledRows + 1>, BlockCycles::kOcs + 1> rereads{};
  double best_cycles = std::numeric_limits<double>::max();
  int max_w = static_cast<int>(std::min<int64_t>(BlockCycles::kVecs, (d.ow + best.vlen - 1) / best.vlen));
  const int64_t max_rows_read = max_rows_by_l1_sets(desc, best, cpu);
  for (WeightRegs weights : kWeightRegs)
    for (int ur_w = 1; ur_w <= max_w && !same_as_stationary(weights, desc); ++ur_w)
      for (int oc_blk = 1; oc_blk <= std::min<int64_t>(d.ocg, BlockCycles::kOcs); ++oc_blk) {
        const int budget = accumulator_budget(isa, ur_w, oc_blk, weights, desc, splits_stride(desc, best.staged));
        const int max_h = static_cast<int>(std::min<int64_t>({d.oh, kTabledRows, budget / (ur_w * oc_blk)}));
        for (int ur_h = 1; ur_h <= max_h && (ur_h == 1 || rows_read(d, ur_h) <= max_rows_read); ++ur_h) {
          double& reread = rereads[oc_blk][ur_h];
          if (reread == 0) reread = reread_cycles(desc, oc_blk, ur_h, cpu.l2_bytes);
          const double cycles = plane_cycles(d, best.vlen, ur_h, ur_w, oc_blk, weights, blocks) * double(desc.o[0]) + reread;
          if (cycles < best_cycles * 0.999) {
            best_cycles = cycles;
            best.ur_w = ur_w;
            best.ur_h = ur_h;
            best.oc_blk = oc_blk;
            best.weights = weights;
          }
        }
      }
  return best;
}

double OwVector::cycles(const WorkProblem& desc, const CpuFacts& cpu, const Plan& plan) const {
  const Dims d = dims_of(desc, plan);
  auto blocks = [&](int64_t rows, int64_t vecs, int64_t ocs, WeightRegs w) { return block_cycles(d, rows, vecs, ocs, w); };
  return double(desc.g) *
         (double(desc.o[0]) * plane_cycles(d, plan.vlen, plan.ur_h, plan.ur_w, plan.oc_blk, plan.weights,
                                          blocks) +
          reread_cycles(desc, plan.oc_blk, plan.ur_h, cpu.l2_bytes));
}

// Generously bounded by the register file; the rejection has the last word.
std::vector<Plan> OwVector::blocks(const WorkProblem& desc, Plan base) const {
  base.strategy = this;
  const int regs = vector_registers(base.isa);
  const int64_t oh = desc.o[ConvDesc::H], ocg = desc.ocg();
  const int64_t width_vecs = (desc.o[ConvDesc::W] + base.vlen - 1) / base.vlen;
  std::vector<Plan> blocks;
  Plan p = base;
  p.ic_blk = static_cast<int>(desc.icg());
  for (p.ur_w = 1; p.ur_w <= std::min<int64_t>(width_vecs, regs); ++p.ur_w)
    for (p.ur_h = 1; p.ur_h <= std::min<int64_t>(oh, regs / p.ur_w); ++p.ur_h)
      for (p.oc_blk = 1; p.oc_blk <= std::min<int64_t>(ocg, regs / (p.ur_w * p.ur_h)); ++p.oc_blk)
        for (WeightRegs weights : kWeightRegs) {
          p.weights = weights;
          if (!same_as_stationary(weights, desc)) blocks.push_back(p);
        }
  return blocks;
}

}  // namespace convjit
