#include "planner/strategy.hpp"
#include "planner/work_problem.hpp"
#include "tests/fuzz_coverage.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace convjit {

void FuzzCoverage::add(const FuzzCase& c, const CaseOutcome& out) {
  const ConvDesc& d = c.desc;
  const bool winograd = computed_by(d.algorithm) == Algorithm::winograd;
  // Winograd's problems are counted again under "winograd.": its own
  // corners (groups, padding, types, layouts, post-ops, fills) have floors.
  auto both = [&](const std::string& key) {
    ++n_[key];
    if (winograd) ++n_["winograd." + key];
  };
  ++n_["problems"];
  if (winograd) ++n_["winograd"];
  if (d.algorithm == Algorithm::winograd_2x2) ++n_["winograd.winograd_2x2"];
  // 3D problems the library computes as 2D ones: rare, counted, no floor.
  if (winograd && d.ndims != 2) ++n_["winograd.3D"];
  ++n_[std::to_string(d.ndims) + "D"];
  if (d.g > 1 && d.g == d.ic && d.ic == d.oc) ++n_["depthwise"];
  else if (d.g > 1) both("grouped");
  // Not Winograd's: at stride 1 validation allows no negative back padding.
  for (int a = d.first_axis(); a < 3; ++a)
    if (d.pb[a] < 0) {
      ++n_["negative_pb"];
      break;
    }
  // Back padding other than the front's: Winograd's last tiles read past
  // the image by another amount than its first.
  for (int a = d.first_axis(); a < 3; ++a)
    if (winograd && d.pb[a] != d.p[a]) {
      ++n_["winograd.asymmetric_padding"];
      break;
    }
  both(std::string(to_string(d.dt)));
  both(std::string(to_string(d.layout)));
  if (d.post_ops.bias) both("bias");
  if (d.post_ops.relu) both("relu");
  both(c.fill == Fill::real ? "real_fill" : "integer_fill");
  if (out.redraws) ++n_["redrawn"];
  if (!out.trusted) ++n_["untrusted"];
  if (!out.failure.empty()) ++n_["failed"];
  error_of_tolerance_ = std::max(error_of_tolerance_, out.error_of_tolerance);
  error_of_bound_ = std::max(error_of_bound_, out.error_of_bound);
  for (const IsaOutcome& isa : out.isas) {
    const std::string name(to_string(isa.isa));
    if (!isa.jit) continue;  // coverage is the JIT's: the interpreter only checks it
    ++n_[name + ".jit"];
    const std::string strategy = name + "." + std::string(isa.plan.strategy->name());
    ++n_[strategy];
    if (isa.plan.staged) ++n_[strategy + ".staged"];
    // ow_vector reading a width stride of 2 in place splits it in
    // registers; its broadcast weights are then embedded in each vector's
    // FMA (ur_w > 1 too).
    if (isa.plan.strategy->name() == "ow_vector" && !isa.plan.staged && WorkProblem(d).s[ConvDesc::W] == 2) {
      ++n_[strategy + ".split_stride"];
      if (isa.plan.ur_w > 1 && isa.plan.weights == WeightRegs::broadcast) ++n_[strategy + ".split_stride.vectors"];
    }
    if (const int m = isa.plan.tile) {
      ++n_[strategy + ".m" + std::to_string(m)];
      // A last row or column of tiles cut short: outputs the tile computes
      // and the driver must not store (of the image as computed: a 3D
      // problem's may be another 2D one).
      const WorkProblem work(d);
      if (work.o[ConvDesc::H] % m || work.o[ConvDesc::W] % m) ++n_[strategy + ".tail"];
    }
    if (isa.run.threads > 1) ++n_[name + ".multithreaded"];
    if (isa.run.shared_image) ++n_[name + ".shared_image"];
  }
}

int64_t FuzzCoverage::count(const std::string& key) const {
  auto it = n_.find(key);
  return it == n_.end() ? 0 : it->second;
}

// Fractions of the problems drawn, about half of what fuzz_space gives at
// 20,000 problems (2 ISAs): far enough below that a campaign of 1000 meets
// them by chance, close enough that losing a corner fails.
std::vector<FuzzCoverage::Floor> FuzzCoverage::floors() const {
  std::vector<Floor> f = {
      {"1D", 0.09},      {"2D", 0.33},          {"3D", 0.07},   {"depthwise", 0.035},
      {"grouped", 0.14}, {"negative_pb", 0.11}, {"f32", 0.35},  {"f64", 0.15},
      {"ncx", 0.25},     {"nxc", 0.18},         {"nCx8c", 0.035}, {"nCx16c", 0.03},
      {"bias", 0.25},    {"relu", 0.2},         {"real_fill", 0.17}, {"integer_fill", 0.33},
      // Winograd's problems (fuzz_space draws it for about one in nine),
      // and their corners. Its blocked layouts, under 1% each, are counted
      // but too few for a floor a campaign of 1000 meets by chance.
      {"winograd", 0.055},            {"winograd.grouped", 0.015}, {"winograd.asymmetric_padding", 0.03},
      {"winograd.f32", 0.04},         {"winograd.f64", 0.015},     {"winograd.ncx", 0.028},
      {"winograd.nxc", 0.02},         {"winograd.bias", 0.028},    {"winograd.relu", 0.023},
      {"winograd.real_fill", 0.019},  {"winograd.integer_fill", 0.037}, {"winograd.winograd_2x2", 0.012},
  };
  for (Isa isa : isas_) {
    const std::string name(to_string(isa));
    if (isa == Isa::scalar) continue;  // no JIT to cover
    // Every problem runs the JIT of every ISA that has one.
    f.push_back({name + ".jit", 1.0});
    for (const auto& [key, fraction] :
         std::vector<std::pair<std::string, double>>{{"ow_vector", 0.18}, {"oc_vector", 0.32},
                                                      {"ow_vector.staged", 0.14}, {"oc_vector.staged", 0.1},
                                                      {"multithreaded", 0.2}, {"shared_image", 0.05},
                                                      // 1.5% and 0.5-0.6% of 20,000 (two seeds, both ISAs).
                                                      {"ow_vector.split_stride", 0.006},
                                                      {"ow_vector.split_stride.vectors", 0.002},
                                                      // The planner takes m = 2 for images of a few tiles only.
                                                      {"winograd", 0.055}, {"winograd.m2", 0.014},
                                                      {"winograd.m4", 0.04}, {"winograd.tail", 0.045}})
      f.push_back({name + "." + key, fraction});
  }
  return f;
}

std::vector<std::string> FuzzCoverage::shortfalls() const {
  std::vector<std::string> out;
  const int64_t problems = count("problems");
  if (problems < kMinProblems) return out;
  for (const Floor& f : floors()) {
    const auto floor = static_cast<int64_t>(std::ceil(f.fraction * double(problems)));
    if (count(f.key) < floor)
      out.push_back(f.key + ": " + std::to_string(count(f.key)) + " < " + std::to_string(floor));
  }
  return out;
}

std::string FuzzCoverage::str() const {
  std::map<std::string, double> floor_of;
  for (const Floor& f : floors()) floor_of[f.key] = f.fraction;
  const int64_t problems = count("problems");
  std::ostringstream os;
  for (const auto& [key, n] : n_) {
    os << " " << key << "=" << n;
    if (auto it = floor_of.find(key); it != floor_of.end() && problems >= kMinProblems)
      os << "(>=" << static_cast<int64_t>(std::ceil(it->second * double(problems))) << ")";
  }
  for (const auto& [key, fraction] : floor_of)
    if (!n_.count(key)) os << " " << key << "=0";
  // What must be 0, shown when it is.
  for (const char* key : {"failed", "untrusted", "redrawn"})
    if (!n_.count(key)) os << " " << key << "=0";
  // How close correct results came to the real fills' tolerance, and
  // Winograd's to its bound.
  os << " real_error_max=" << error_of_tolerance_ << "_of_tolerance";
  os << " winograd_error_max=" << error_of_bound_ << "_of_bound";
  return os.str();
}

}  // namespace convjit
