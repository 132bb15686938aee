#include "planner/plan.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "convjit/error.hpp"
#include "planner/channel_geometry.hpp"
#include "planner/geometry.hpp"
#include "planner/strategy_planners.hpp"
#include "planner/work_problem.hpp"

namespace convjit {

std::string_view to_string(Strategy s) {
  switch (s) {
    case Strategy::ow_vector: return "ow_vector";
    case Strategy::oc_vector: return "oc_vector";
  }
  return "?";
}

int vector_registers(Isa isa) { return isa == Isa::avx512 ? 32 : 16; }

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

std::string Plan::str() const {
  std::ostringstream os;
  os << to_string(strategy) << " " << to_string(isa) << " v" << vlen << " ur_w" << ur_w
     << " ur_h" << ur_h << " oc" << oc_blk << " ic" << ic_blk << " "
     << (staged ? "staged" : "direct") << (stationary_weights ? " ws" : "") << " t" << threads;
  return os.str();
}

std::string Plan::to_json() const {
  nlohmann::json j = {{"strategy", to_string(strategy)}, {"isa", to_string(isa)},
                      {"vlen", vlen},   {"ur_w", ur_w},   {"ur_h", ur_h},
                      {"oc_blk", oc_blk}, {"ic_blk", ic_blk}, {"staged", staged}, {"stationary_weights", stationary_weights}, {"threads", threads}};
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

}  // namespace

Plan Plan::from_json(const std::string& text) {
  try {
    auto j = nlohmann::json::parse(text);
    Plan p;
    const std::string strategy = j.at("strategy").get<std::string>();
    if (strategy == "ow_vector") p.strategy = Strategy::ow_vector;
    else if (strategy == "oc_vector") p.strategy = Strategy::oc_vector;
    else throw Error("plan", "plan: unknown strategy '" + strategy + "'");
    p.isa = parse_isa(j.at("isa").get<std::string>(), "plan.isa");
    p.vlen = int_field(j, "vlen");
    p.ur_w = int_field(j, "ur_w");
    p.ur_h = int_field(j, "ur_h");
    p.oc_blk = int_field(j, "oc_blk");
    p.ic_blk = int_field(j, "ic_blk");
    p.staged = j.at("staged").get<bool>();
    p.stationary_weights = j.at("stationary_weights").get<bool>();
    p.threads = int_field(j, "threads");
    return p;
  } catch (const nlohmann::json::exception& e) {
    throw Error("plan", std::string("plan: malformed JSON: ") + e.what());
  }
}

uint64_t Plan::hash() const {
  uint64_t h = 0xcbf29ce484222325ull;
  for (int64_t v : {int64_t(strategy), int64_t(isa), int64_t(vlen), int64_t(ur_w), int64_t(ur_h),
                    int64_t(oc_blk), int64_t(ic_blk), int64_t(staged), int64_t(stationary_weights), int64_t(threads)})
    h = (h ^ static_cast<uint64_t>(v)) * 0x100000001b3ull;
  return h;
}

std::optional<std::string> plan_rejection(const ConvDesc& user_desc, const Plan& plan) {
  const ConvDesc desc = work_problem(user_desc);
  if (plan.vlen != lanes(plan.isa, desc.dt))
    return "vlen=" + std::to_string(plan.vlen) + " is not the lane count of " +
           std::string(to_string(plan.isa)) + " for " + std::string(to_string(desc.dt));
  if (plan.ur_w < 1 || plan.ur_h < 1 || plan.oc_blk < 1 || plan.ic_blk < 1 || plan.threads < 1)
    return "ur_w, ur_h, oc_blk, ic_blk and threads must be positive";
  if (plan.ic_blk > desc.icg() || desc.icg() % plan.ic_blk)
    return "ic_blk=" + std::to_string(plan.ic_blk) + " does not divide ic/g=" + std::to_string(desc.icg());
  switch (plan.strategy) {
    case Strategy::ow_vector: return ow_vector_rejection(desc, plan);
    case Strategy::oc_vector: return oc_vector_rejection(desc, plan);
  }
  return "unknown strategy";
}

namespace {

// The share of the input's rows and planes that some tap reads: staging
// skips the others (strided 1x1 layers read one row in the stride).
double rows_read_share(const ConvDesc& d) {
  const std::vector<char> read = staged_rows_read(d);
  return double(std::count(read.begin(), read.end(), 1)) / double(std::max<size_t>(read.size(), 1));
}

}  // namespace

double staging_cycles(const ConvDesc& desc, const Plan& plan) {
  // Per element: a copy about a cycle, a transpose (strided on one side) two.
  const double in = double(desc.ic * desc.spatial_in()) * (plan.staged ? rows_read_share(desc) : 1);
  const double out = double(desc.oc * desc.spatial_out());
  const bool channels_last_kernel = plan.strategy == Strategy::oc_vector;
  const bool user_channels_last = desc.layout != Layout::ncx;
  const double in_cost = !plan.staged ? 0 : channels_last_kernel == user_channels_last ? 1 : 2;
  const double out_cost = channels_last_kernel == user_channels_last ? 0 : 2;
  return in * in_cost + out * out_cost;
}

// ow_vector's model misses about a tenth against oc_vector's with many
// channels (its broadcasts and shifted loads compete with a working set
// beyond the L1; measured on ResNet-50's 3x3 and strided 1x1 layers).
constexpr double kOwVectorManyChannelsMiss = 1.1;

Plan make_plan(const ConvDesc& user_desc, const CpuFacts& cpu, Isa isa, int threads) {
  const ConvDesc desc = work_problem(user_desc);
  Plan base;
  base.isa = isa_for(desc, isa);
  base.vlen = lanes(base.isa, desc.dt);
  base.threads = std::max(threads, 1);
  base.ic_blk = static_cast<int>(desc.icg());
  if (channel_block(desc.layout)) return plan_oc_vector(desc, cpu, base);  // the only one reading blocks
  if (is_depthwise(desc) || (desc.icg() <= 4 && desc.ocg() < base.vlen))
    return prefers_oc_vector(desc, base.vlen) ? plan_oc_vector(desc, cpu, base)
                                              : plan_ow_vector(desc, base, cpu.l2_bytes);
  // Many channels: the cheaper strategy once its layout changes are counted.
  const Plan ow = plan_ow_vector(desc, base, cpu.l2_bytes), oc = plan_oc_vector(desc, cpu, base);
  const double ow_cost = ow_vector_cycles(desc, ow, cpu.l2_bytes) * kOwVectorManyChannelsMiss +
                         staging_cycles(desc, ow);
  const double oc_cost = oc_vector_cycles(desc, cpu, oc) + staging_cycles(desc, oc);
  return ow_cost < oc_cost ? ow : oc;
}

}  // namespace convjit
