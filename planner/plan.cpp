#include "planner/plan.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>
#include <nlohmann/json.hpp>
#include <sstream>

#include "convjit/error.hpp"
#include "planner/staging.hpp"
#include "planner/strategy.hpp"
#include "planner/work_problem.hpp"

namespace convjit {

int vector_registers(Isa isa) { return isa == Isa::avx512 ? 32 : 16; }

int allocatable_registers(Isa isa) { return vector_registers(isa) - (isa == Isa::avx512 ? 0 : 1); }

// The interpreter (Isa::scalar) mimics AVX2's vectors and register budget.
int lanes(Isa isa, DataType dt) {
  int bytes = isa == Isa::avx512 ? 64 : 32;
  return bytes / static_cast<int>(size_of(dt));
}

Isa isa_for(const ConvDesc& desc, Isa isa) {
  const int64_t block = channel_block(desc.layout);
  if (block && isa == Isa::avx512 && block % lanes(isa, desc.dt)) return Isa::avx2;
  return isa;
}

Plan base_plan(const WorkProblem& work, Isa isa, int threads) {
  Plan base;
  base.isa = isa_for(work, isa);
  base.vlen = lanes(base.isa, work.dt);
  base.threads = std::max(threads, 1);
  base.ic_blk = static_cast<int>(work.icg());
  return base;
}

int64_t lines_in_l1_sets(const CpuFacts& cpu, int64_t stride_bytes, int reserved_ways) {
  if (cpu.l1d_ways <= reserved_ways || cpu.l1d_bytes <= 0) return std::numeric_limits<int64_t>::max();
  const int64_t way_bytes = cpu.l1d_bytes / cpu.l1d_ways;
  return way_bytes / std::gcd(stride_bytes, way_bytes) * (cpu.l1d_ways - reserved_ways);
}

std::string_view to_string(WeightRegs w) {
  switch (w) {
    case WeightRegs::broadcast: return "broadcast";
    case WeightRegs::stationary: return "stationary";
    case WeightRegs::held: return "held";
  }
  return "?";
}

std::string Plan::str() const {
  std::ostringstream os;
  os << (strategy ? strategy->name() : "none") << " " << to_string(isa) << " v" << vlen << " ur_w" << ur_w
     << " ur_h" << ur_h << " oc" << oc_blk << " ic" << ic_blk << " "
     << (staged ? "staged" : "direct")
     << (weights == WeightRegs::stationary ? " ws" : weights == WeightRegs::held ? " wh" : "");
  if (tile) os << " m" << tile;
  os << " t" << threads;
  return os.str();
}

std::string Plan::to_json() const {
  nlohmann::json j = {{"strategy", strategy ? strategy->name() : "none"}, {"isa", to_string(isa)},
                      {"vlen", vlen},   {"ur_w", ur_w},   {"ur_h", ur_h},
                      {"oc_blk", oc_blk}, {"ic_blk", ic_blk}, {"staged", staged}, {"weights", to_string(weights)}, {"threads", threads}};
  if (tile) j["tile"] = tile;  // absent for the strategies without tiles
  return j.dump();
}

namespace {

// Plan fields are small counts: anything else (a real number, a boolean, a
// value near the integer limits) is malformed, and refusing it here keeps
// the legality checks' products from overflowing.
int int_field(const nlohmann::json& j, const char* key) {
  constexpr int64_t kLimit = int64_t(1) << 20;
  const nlohmann::json& v = j.at(key);
  if (!v.is_number_integer())
    throw Error("plan", std::string("plan: ") + key + " must be an integer, not " + v.type_name());
  // A value above int64's range parses as unsigned; either way it is too big.
  const bool fits = v.is_number_unsigned() ? v.get<uint64_t>() <= uint64_t(kLimit)
                                           : v.get<int64_t>() >= -kLimit && v.get<int64_t>() <= kLimit;
  if (!fits) throw Error("plan", std::string("plan: ") + key + "=" + v.dump() + " is out of range");
  return static_cast<int>(v.get<int64_t>());
}

// Wisdom before the held weights said only whether they were stationary.
WeightRegs weights_field(const nlohmann::json& j) {
  if (!j.contains("weights"))
    return j.at("stationary_weights").get<bool>() ? WeightRegs::stationary : WeightRegs::broadcast;
  const std::string name = j.at("weights").get<std::string>();
  for (WeightRegs w : {WeightRegs::broadcast, WeightRegs::stationary, WeightRegs::held})
    if (name == to_string(w)) return w;
  throw Error("plan", "plan: weights=" + name + " is not broadcast, stationary or held");
}

}  // namespace

Plan Plan::from_json(const std::string& text) {
  try {
    auto j = nlohmann::json::parse(text);
    Plan p;
    p.strategy = &strategy_named(j.at("strategy").get<std::string>());
    p.isa = parse_isa(j.at("isa").get<std::string>(), "plan.isa");
    p.vlen = int_field(j, "vlen");
    p.ur_w = int_field(j, "ur_w");
    p.ur_h = int_field(j, "ur_h");
    p.oc_blk = int_field(j, "oc_blk");
    p.ic_blk = int_field(j, "ic_blk");
    p.staged = j.at("staged").get<bool>();
    p.weights = weights_field(j);
    p.threads = int_field(j, "threads");
    if (j.contains("tile")) p.tile = int_field(j, "tile");
    return p;
  } catch (const nlohmann::json::exception& e) {
    throw Error("plan", std::string("plan: malformed JSON: ") + e.what());
  }
}

uint64_t Plan::hash() const {
  uint64_t h = 0xcbf29ce484222325ull;
  for (int64_t v : {int64_t(std::hash<const void*>()(strategy)), int64_t(isa), int64_t(vlen), int64_t(ur_w), int64_t(ur_h),
                    int64_t(oc_blk), int64_t(ic_blk), int64_t(staged), int64_t(weights), int64_t(threads), int64_t(tile)})
    h = (h ^ static_cast<uint64_t>(v)) * 0x100000001b3ull;
  return h;
}

std::optional<std::string> plan_rejection(const ConvDesc& user, const Plan& plan) {
  return plan_rejection(WorkProblem(user), plan);
}

std::optional<std::string> plan_rejection(const WorkProblem& desc, const Plan& plan) {
  if (!plan.strategy) return "the plan names no strategy";
  if (plan.vlen != lanes(plan.isa, desc.dt))
    return "vlen=" + std::to_string(plan.vlen) + " is not the lane count of " +
           std::string(to_string(plan.isa)) + " for " + std::string(to_string(desc.dt));
  if (plan.ur_w < 1 || plan.ur_h < 1 || plan.oc_blk < 1 || plan.ic_blk < 1 || plan.threads < 1)
    return "ur_w, ur_h, oc_blk, ic_blk and threads must be positive";
  if (plan.ic_blk > desc.icg() || desc.icg() % plan.ic_blk)
    return "ic_blk=" + std::to_string(plan.ic_blk) + " does not divide ic/g=" + std::to_string(desc.icg());
  if (!plan.strategy->allowed_by(desc.algorithm))
    return std::string(plan.strategy->name()) + " computes by algorithm " +
           std::string(to_string(plan.strategy->algorithm())) + ", and the problem asks for " +
           std::string(to_string(desc.algorithm));
  if (auto why = plan.strategy->not_applicable(desc)) return why;
  if (plan.tile && plan.strategy->algorithm() != Algorithm::winograd) return "tile must be 0 but for winograd";
  return plan.strategy->rejection(desc, plan);
}

namespace {

// The share of the input's rows and planes that some tap reads: staging
// skips the others (strided 1x1 layers read one row in the stride).
double rows_read_share(const ConvDesc& d) {
  const std::vector<char> read = staged_rows_read(d);
  return double(std::count(read.begin(), read.end(), 1)) / double(std::max<size_t>(read.size(), 1));
}

// What a gather and transposes weigh against the lanes of vectors along
// channels on channels-last few-channel problems: fitted to 10 shapes in
// f32 on AVX-512 (the width-vector strategy 0.57-0.95x to 5.3x the
// channel-vector one's time) and checked on 8 more and on f64 and AVX2,
// where it picks the faster strategy or one within 15%.
constexpr double kChannelsLastGatherCost = 1.75;

// Bytes an output row of a padded channels-first depthwise layer needs,
// per unit of width stride, for width vectors to beat channel vectors.
// Measured on MobileNet's 3x3 depthwise layers (Zen 4, 1 thread, the
// tuner's best at measure effort against the other strategy's pick): width
// vectors won by 1.00-1.05x on rows of 224 bytes and more at stride 1 (f32
// 112 and 56 pixels, f64 down to 28) and of 448 at stride 2 (f64, 56
// pixels); channel vectors on narrower rows, by 1.18x (f32 AVX-512) and
// 1.36x (AVX2) at stride 1, 28 pixels; at stride 2 by 1.16-1.81x (f32, 56
// and 28 pixels) and 1.05-1.21x (f64, 28 pixels).
constexpr int64_t kMinDepthwisePaddedRowBytes = 224;

// Few channels (depthwise layers, first layers, filter banks), where the
// cost models are not fitted: the layout and the lanes used decide.
bool few_channels(const ConvDesc& d, int vlen) { return is_depthwise(d) || (d.icg() <= 4 && d.ocg() < vlen); }

// With few channels, whether vectors along output channels over
// channels-last pixels serve better than vectors along the output width
// over channels-first planes.
bool leans_channels_last(const ConvDesc& desc, int vlen) {
  const int64_t ow = desc.o[ConvDesc::W];
  // Depthwise, channels first: planes are read as they are, where
  // channels-last kernels would transpose the input and the output. Padded
  // (MobileNet's), width vectors stage the planes too, one at a time, and
  // channel vectors won but on wide rows (kMinDepthwisePaddedRowBytes).
  if (is_depthwise(desc)) {
    if (desc.layout == Layout::nxc || ow < vlen) return true;
    bool padded = false;
    for (int a = 0; a < 3; ++a) padded = padded || desc.p[a] > 0 || desc.pb[a] > 0;
    return padded && ow * int64_t(size_of(desc.dt)) < kMinDepthwisePaddedRowBytes * desc.s[ConvDesc::W];
  }
  // First layers and filter banks: channels first, the planes are read as
  // they are. Channels last with several input channels, width vectors
  // gather their input one element at a time (stride phases too) and
  // transpose their output, where channel vectors read and write the
  // tensors as they are.
  if (desc.layout != Layout::nxc || desc.ic == 1) return false;
  const double width_use = double(ow) / double(round_up(ow, vlen));
  const double channel_use = double(desc.ocg()) / double(round_up(desc.ocg(), vlen));
  return desc.s[ConvDesc::W] > 1 || channel_use * kChannelsLastGatherCost >= width_use;
}

}  // namespace

// Cycles an element of a transpose costs (transpose.hpp's 8x8 blocks):
// measured (Zen 4, 1 thread, warm) 0.9-1.1 from 32 to 256 channels of 169 to
// 3136 pixels, 1.5 for 16 x 25, 3.1 with 3 channels (edge blocks). At 2, as
// priced before, channels-first layers of the benchdnn suites picked the
// strategy that then ran slower of the two 62-67 times in 322 (geomean
// 1.077-1.082x the faster one's time); at 1 (with kStagedMargin), 37-39
// times (1.038x), and fewer in every size of problem, under 10 us to over
// 100 us. Channels last, no pick changed.
constexpr double kTransposeCycles = 1;

// A plan that copies or transposes the tensors must cost this much less
// than one that reads and writes them in place: the copies also evict what
// the kernel reuses, which the cycles above leave out. Channels first, at
// kTransposeCycles, 8% kept ResNet-50's and MobileNet's 14x14 1x1 layers
// (res4a_branch2c, conv7, conv8) on the width vectors they ran 1-5% faster
// with, and changed nothing else among the 322 layers of the benchdnn suites.
constexpr double kStagedMargin = 1.08;

double staging_cycles(const WorkProblem& desc, const Plan& plan) {
  // Per element: a copy about a cycle, a transpose kTransposeCycles.
  const double in = double(desc.ic * desc.spatial_in()) * (plan.staged ? rows_read_share(desc) : 1);
  const double out = double(desc.oc * desc.spatial_out());
  const bool channels_last_kernel = plan.strategy->channels_last();
  const bool user_channels_last = desc.layout != Layout::ncx;
  const double in_cost = !plan.staged ? 0 : channels_last_kernel == user_channels_last ? 1 : kTransposeCycles;
  const double out_cost = channels_last_kernel == user_channels_last ? 0 : kTransposeCycles;
  return in * in_cost + out * out_cost;
}

std::vector<const Strategy*> applicable_strategies(const WorkProblem& work) {
  std::vector<const Strategy*> apply;
  std::string why;  // the first reason a strategy of the algorithm asked for gave
  for (const Strategy* s : strategies()) {
    if (!s->allowed_by(work.algorithm)) continue;
    if (auto reason = s->not_applicable(work)) {
      if (why.empty()) why = *reason;
    } else {
      apply.push_back(s);
    }
  }
  if (apply.empty())
    throw Error("algorithm", "algorithm=" + std::string(to_string(work.algorithm)) + " does not apply to " +
                                 work.str() + ": " + why);
  return apply;
}

Plan make_plan(const ConvDesc& user, const CpuFacts& cpu, Isa isa, int threads) {
  return make_plan(WorkProblem(user), cpu, isa, threads);
}

Plan make_plan(const WorkProblem& desc, const CpuFacts& cpu, Isa isa, int threads) {
  const Plan base = base_plan(desc, isa, threads);
  std::vector<const Strategy*> apply = applicable_strategies(desc);
  if (apply.size() == 1) return apply[0]->plan(desc, cpu, base);
  if (few_channels(desc, base.vlen)) {
    const bool channels_last = leans_channels_last(desc, base.vlen);
    for (const Strategy* s : apply)
      if (s->channels_last() == channels_last) return s->plan(desc, cpu, base);
  }
  // The cheapest once its layout changes are counted.
  std::optional<Plan> best;
  double best_cost = 0;
  for (const Strategy* s : apply) {
    const Plan p = s->plan(desc, cpu, base);
    const double staging = staging_cycles(desc, p);
    const double cost = (s->cycles(desc, cpu, p) * s->model_miss() + staging) * (staging > 0 ? kStagedMargin : 1);
    if (!best || cost < best_cost) best = p, best_cost = cost;
  }
  return *best;
}

}  // namespace convjit
