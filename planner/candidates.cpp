#include "planner/candidates.hpp"

#include <algorithm>

#include "planner/channel_geometry.hpp"
#include "planner/strategy_planners.hpp"
#include "planner/work_problem.hpp"

namespace convjit {
namespace {

// A fork and a join of the OpenMP team, per thread past the first: enough
// to keep tiny problems on one thread unless a measurement says otherwise.
constexpr double kThreadCycles = 1e4;

std::vector<int> thread_counts(int max_threads) {
  std::vector<int> counts;
  for (int t = std::max(max_threads, 1); t >= 1; t /= 2) counts.push_back(t);
  return counts;
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

// Register blocks and loop orders of either strategy, generously bounded
// by the register file; plan_rejection has the last word on each.
std::vector<Plan> register_blocks(const ConvDesc& desc, const Plan& base) {
  const int regs = vector_registers(base.isa);
  const int64_t ow = desc.o[ConvDesc::W], oh = desc.o[ConvDesc::H], ocg = desc.ocg();
  const int64_t width_vecs = (ow + base.vlen - 1) / base.vlen;
  const int64_t oc_vecs = (vector_channels(desc) + base.vlen - 1) / base.vlen;
  std::vector<Plan> blocks;
  Plan p = base;
  p.strategy = Strategy::ow_vector;
  p.ic_blk = static_cast<int>(desc.icg());
  for (p.ur_w = 1; p.ur_w <= std::min<int64_t>(width_vecs, regs); ++p.ur_w)
    for (p.ur_h = 1; p.ur_h <= std::min<int64_t>(oh, regs / p.ur_w); ++p.ur_h)
      for (p.oc_blk = 1; p.oc_blk <= std::min<int64_t>(ocg, regs / (p.ur_w * p.ur_h)); ++p.oc_blk)
        for (bool held : {false, true}) {
          p.stationary_weights = held;
          blocks.push_back(p);
        }
  p.strategy = Strategy::oc_vector;
  p.stationary_weights = false;  // an ow_vector loop order
  p.ur_h = 1;
  for (int vecs = 1; vecs <= std::min<int64_t>(oc_vecs, regs); ++vecs)
    for (p.ur_w = 1; p.ur_w <= std::min<int64_t>(ow, regs / vecs); ++p.ur_w)
      for (int ic_blk : divisors(desc.icg())) {
        p.oc_blk = vecs * base.vlen;
        p.ic_blk = ic_blk;
        blocks.push_back(p);
      }
  return blocks;
}

}  // namespace

// Plans describe the work problem (a 1x1 convolution may run as a 1D one):
// blocks are bounded and costed on it, legality is checked as make_plan's.
double estimated_cycles(const ConvDesc& user_desc, const CpuFacts& cpu, const Plan& plan) {
  const ConvDesc desc = work_problem(user_desc);
  double per_image = plan.strategy == Strategy::oc_vector ? oc_vector_cycles(desc, cpu, plan)
                                                          : ow_vector_cycles(desc, plan);
  // Staging copies every input element once, about a cycle each.
  if (plan.staged) per_image += double(desc.ic * desc.spatial_in());
  return per_image * double(desc.mb) / plan.threads + kThreadCycles * (plan.threads - 1);
}

std::vector<Candidate> rank_candidates(const ConvDesc& desc, const CpuFacts& cpu, Isa isa,
                                       int max_threads) {
  Plan base;
  base.isa = isa_for(desc, isa);
  base.vlen = lanes(base.isa, desc.dt);
  const ConvDesc work = work_problem(desc);
  std::vector<Plan> blocks = register_blocks(work, base);
  // Few output channels take AVX2's lanes on AVX-512 where the planner
  // finds a 16-lane block's weights too large for the L1 (plan_oc_vector):
  // both widths are candidates, so the tuner can measure which is right.
  if (base.isa == Isa::avx512 && !channel_block(desc.layout) &&
      vector_channels(work) <= lanes(Isa::avx2, desc.dt)) {
    Plan narrow = base;
    narrow.isa = Isa::avx2;
    narrow.vlen = lanes(Isa::avx2, desc.dt);
    for (const Plan& p : register_blocks(work, narrow))
      if (p.strategy == Strategy::oc_vector) blocks.push_back(p);
  }
  std::vector<Candidate> ranked;
  for (Plan p : blocks)
    for (bool staged : {false, true})
      for (int threads : thread_counts(max_threads)) {
        p.staged = staged;
        p.threads = threads;
        if (!plan_rejection(desc, p)) ranked.push_back({p, estimated_cycles(desc, cpu, p)});
      }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Candidate& a, const Candidate& b) { return a.cycles < b.cycles; });
  return ranked;
}

}  // namespace convjit
