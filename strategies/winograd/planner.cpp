// The Winograd strategy: where it applies, its pick and its cost model.
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include "strategies/winograd/geometry.hpp"
#include "strategies/winograd/strategy.hpp"

namespace convjit {
namespace {

// The tile sizes a problem allows: winograd_2x2 asks for the smaller, more
// accurate one.
std::vector<int> tile_sizes(const WorkProblem& desc) {
  if (desc.algorithm == Algorithm::winograd_2x2) return {2};
  return {2, 4};
}

// Images a run takes at once: the problem's batch (0 is legal, and plans as 1).
int64_t batch_of(const WorkProblem& desc) { return std::max<int64_t>(desc.mb, 1); }

// The tiles of m x m outputs a run takes, image after image: register
// blocks run over all of them, a block straddling two images where it falls so.
int64_t batch_tiles(const WorkProblem& desc, int m) {
  return ((desc.o[1] + m - 1) / m) * ((desc.o[2] + m - 1) / m) * batch_of(desc);
}

// Accumulators a block of `vecs` vectors of channels may have.
int accumulator_budget(Isa isa, int vecs) {
  return allocatable_registers(isa) - WinogradRegisters{0, vecs}.total();
}

// Cycles per element of a transform, per position of its tile: the
// scalar C++ transforms' loads, adds and stores, about four each.
constexpr double kTransformCycles = 4;

// Rows a block of ur_w tiles computes per image: whole blocks over the
// batch's tiles, then the tiles left over, one more block (padded) or one
// at a time, each of which loads its weights for as many FMAs:
// (vecs + 1) / vecs.
double block_rows(const WorkProblem& desc, const WinogradGeometry& g, const Plan& plan) {
  const double vecs = double(plan.oc_blk / plan.vlen);
  const int64_t tiles = batch_tiles(desc, plan.tile);
  return (g.tail_singly ? double(tiles / plan.ur_w * plan.ur_w) + double(tiles % plan.ur_w) * (vecs + 1) / vecs
                        : double(round_up(tiles, plan.ur_w))) / double(batch_of(desc));
}

// The products' relative cost with a register block: each FMA dearer by a
// weight vector's load per tile of the block and a broadcast per vector
// (single tiles load their weights for each), over the rows computed
// (padded ones too) and the output channels. Fitted on Zen 5 (1 thread,
// nCx16c, each block alternated in one process): on 16 tiles whose
// position weights outgrow the L1 (ResNet-50 res4, res5), 8 tiles x 2
// vectors ran 0.85-0.93 of 6 x 4 (which pads 16 tiles to 18), 4 x 4
// 0.96-0.99, 16 x 1 1.03-1.05; on 49 to 196 tiles 6 x 4 was as fast as
// any (14 x 2: 0.99-1.18).
constexpr double kWeightLoad = 2.4, kBroadcast = 0.8;
double block_cost(const WorkProblem& desc, const Plan& plan) {
  const WinogradGeometry g = WinogradGeometry::of(desc, plan);
  const double vecs = double(plan.oc_blk / plan.vlen), fma = 1 + kBroadcast / vecs;
  const int64_t tiles = batch_tiles(desc, plan.tile);
  const double whole = double(tiles / plan.ur_w * plan.ur_w), left = double(tiles) - whole;
  const double rows = whole * (fma + kWeightLoad / plan.ur_w) +
                      (g.tail_singly ? left * (fma + kWeightLoad) : (left > 0) * plan.ur_w * (fma + kWeightLoad / plan.ur_w));
  return rows * double(g.ocp) / double(batch_of(desc));
}
// The block of fewest loads per FMA, (vecs + tiles) / (vecs * tiles),
// stays unless another's cost is this much lower: where they differ by
// less, which wins is the CPU's (res2 and VGG-19's conv3_2 were even).
constexpr double kBlockGain = 0.03;

}  // namespace

Winograd::Winograd()
    : Strategy({.name = "winograd", .algorithm = Algorithm::winograd,
                .meanings = {{"strategy", "3x3 stride 1: Winograd F(m x m, 3 x 3), fewer multiplications"},
                             {"ur_w", "tiles per register block of the products"},
                             {"tile", "output tile m x m (input tile m + 2)"}}}) {}

std::optional<std::string> Winograd::not_applicable(const WorkProblem& work) const {
  if (work.ndims != 2)
    return "winograd computes 2D convolutions; this one is " + std::to_string(work.ndims) + "D (as computed)";
  if (work.k[1] != 3 || work.k[2] != 3)
    return "winograd needs a 3x3 filter, not " + std::to_string(work.k[1]) + "x" + std::to_string(work.k[2]);
  if (work.s[1] != 1 || work.s[2] != 1) return "winograd needs stride 1";
  if (work.d[1] != 0 || work.d[2] != 0) return "winograd needs an undilated filter";
  if (is_depthwise(work)) return "winograd needs several channels per group, not a depthwise convolution";
  return std::nullopt;
}

std::optional<std::string> Winograd::rejection(const WorkProblem& desc, const Plan& plan) const {
  if (plan.tile != 2 && plan.tile != 4) return "tile=" + std::to_string(plan.tile) + " is not 2 or 4";
  if (desc.algorithm == Algorithm::winograd_2x2 && plan.tile != 2)
    return "algorithm=winograd_2x2 computes with tile=2, not tile=" + std::to_string(plan.tile);
  if (plan.oc_blk % plan.vlen)
    return "oc_blk=" + std::to_string(plan.oc_blk) + " is not a multiple of vlen=" + std::to_string(plan.vlen);
  if (plan.oc_blk > round_up(desc.ocg(), plan.vlen))
    return "oc_blk=" + std::to_string(plan.oc_blk) + " exceeds oc/g=" + std::to_string(desc.ocg()) +
           " rounded up to whole vectors";
  if (plan.ur_h != 1) return "winograd blocks tiles, not rows: ur_h must be 1";
  if (plan.ic_blk != desc.icg()) return "winograd sums all ic/g=" + std::to_string(desc.icg()) + " channels at once";
  if (!plan.staged) return "winograd transforms its input: staged must be true";
  if (plan.weights != WeightRegs::broadcast)
    return "weights=" + std::string(to_string(plan.weights)) + " is an ow_vector loop order";
  const int budget = accumulator_budget(plan.isa, plan.oc_blk / plan.vlen);
  if (plan.ur_w > budget / (plan.oc_blk / plan.vlen))
    return "register block ur_w*vectors=" + std::to_string(plan.ur_w * (plan.oc_blk / plan.vlen)) +
           " exceeds the " + std::to_string(budget) + " accumulators " + std::string(to_string(plan.isa)) + " has";
  return std::nullopt;
}

Plan Winograd::plan(const WorkProblem& desc, const CpuFacts& cpu, Plan best) const {
  best.strategy = this;
  best.staged = true;
  best.ur_h = 1;
  best.ic_blk = static_cast<int>(desc.icg());
  // Per tile size, the register block with the fewest loads per FMA, of
  // no more tiles than the batch has, or a cheaper one (block_cost); then
  // the tile size whose model is cheaper.
  const int max_vecs = static_cast<int>(std::min<int64_t>(4, round_up(desc.ocg(), best.vlen) / best.vlen));
  std::optional<Plan> pick;
  for (int m : tile_sizes(desc)) {
    Plan p = best;
    p.tile = m;
    const int64_t tiles = batch_tiles(desc, m);
    double best_ratio = std::numeric_limits<double>::max(), best_cost = best_ratio;
    Plan cheapest = p;
    for (int vecs = 1; vecs <= max_vecs; ++vecs) {
      const int most = static_cast<int>(std::min<int64_t>(accumulator_budget(p.isa, vecs) / vecs, tiles));
      // Blocks of output channels that pad none beyond the vector's.
      const bool pads = round_up(desc.ocg(), vecs * p.vlen) > round_up(desc.ocg(), p.vlen);
      for (int ur = 1; ur <= most; ++ur) {
        Plan q = p;
        q.ur_w = ur;
        q.oc_blk = vecs * p.vlen;
        const double ratio = double(vecs + ur) / double(vecs * ur), cost = block_cost(desc, q);
        if (ur == most && ratio < best_ratio) best_ratio = ratio, p.ur_w = ur, p.oc_blk = q.oc_blk;
        if (!pads && cost < best_cost) best_cost = cost, cheapest = q;
      }
    }
    if (block_cost(desc, p) > (1 + kBlockGain) * best_cost) p = cheapest;
    if (!pick || cycles(desc, cpu, p) < cycles(desc, cpu, *pick)) pick = p;
  }
  best = *pick;
  return best;
}

double Winograd::cycles(const WorkProblem& desc, const CpuFacts& cpu, const Plan& plan) const {
  const WinogradGeometry g = WinogradGeometry::of(desc, plan);
  // Products: FMAs on two ports, a vector of oc_blk / vlen at a time.
  const double products =
      double(g.positions) * block_rows(desc, g, plan) * double(g.icg) * double(g.ocp) / plan.vlen / 2;
  const double transforms = double(g.positions) * double(g.tiles) * double(g.icg + desc.ocg()) * kTransformCycles;
  // Transformed weights beyond half the L2 stream in once per chunk, at 8
  // bytes a cycle: what makes F(4x4) lose to F(2x2) on deep layers of small
  // images, whose weights (a^2 / 9 times direct convolution's) serve few
  // tiles. Measured on ResNet-50's res5a_branch2b (7x7, 512 channels: 38
  // MB of weights for F(4x4), 17 MB for F(2x2)) on a Xeon (Sapphire
  // Rapids class, 2 vCPUs): F(2x2) 1.6x faster, which 16 bytes a cycle (the
  // figure ow_vector's model takes from farther away) did not predict.
  // Chunks span images where the weights are large: per image, the
  // batch's chunks over its images.
  const double u_bytes = double(g.u_group) * double(size_of(desc.dt));
  const double images = double(batch_of(desc));
  const double chunks = std::ceil(images * double(g.tiles) / double(g.chunk)) / images;
  const double weights = u_bytes > double(cpu.l2_bytes) / 2 ? chunks * u_bytes / 8 : 0;
  return double(desc.g) * (products + transforms + weights);
}

std::vector<Plan> Winograd::blocks(const WorkProblem& desc, Plan base) const {
  base.strategy = this;
  base.staged = true;
  base.ic_blk = static_cast<int>(desc.icg());
  std::vector<Plan> blocks;
  const int64_t oc_vecs = round_up(desc.ocg(), base.vlen) / base.vlen;
  for (int tile : tile_sizes(desc))
    for (int vecs = 1; vecs <= std::min<int64_t>(oc_vecs, 4); ++vecs)
      for (int ur = 1; ur <= accumulator_budget(base.isa, vecs) / vecs; ++ur) {
        Plan p = base;
        p.tile = tile;
        p.oc_blk = vecs * base.vlen;
        p.ur_w = ur;
        blocks.push_back(p);
      }
  return blocks;
}

}  // namespace convjit
