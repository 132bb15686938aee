#pragma once
// Keys of the engine's caches: a problem as the planner and the emitters see
// it, which is every field of its ConvDesc but the name. Hashed and compared
// field by field, so that a cached make_kernel builds no string.
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <tuple>

#include "convjit/conv_desc.hpp"
#include "planner/plan.hpp"
#include "planner/work_problem.hpp"

namespace convjit {

inline auto problem_fields(const ConvDesc& d) {
  return std::tie(d.ndims, d.mb, d.g, d.ic, d.oc, d.g_written, d.i, d.o, d.k, d.s, d.p, d.pb, d.d, d.dt,
                  d.layout, d.post_ops, d.algorithm);
}

struct ProblemHash {
  std::size_t operator()(const ConvDesc& d) const {
    uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a over the fields
    auto mix = [&h](int64_t v) { h = (h ^ static_cast<uint64_t>(v)) * 0x100000001b3ull; };
    for (int64_t v : {int64_t(d.ndims), d.mb, d.g, d.ic, d.oc, int64_t(d.g_written), int64_t(d.dt),
                      int64_t(d.layout), int64_t(d.post_ops.bias), int64_t(d.post_ops.relu),
                      int64_t(d.algorithm)})
      mix(v);
    for (const auto* axes : {&d.i, &d.o, &d.k, &d.s, &d.p, &d.pb, &d.d})
      for (int64_t v : *axes) mix(v);
    return h;
  }
  std::size_t operator()(const std::pair<ConvDesc, Plan>& key) const {
    return (*this)(key.first) ^ (key.second.hash() * 0x9e3779b97f4a7c15ull);
  }
  std::size_t operator()(const std::pair<WorkProblem, Plan>& key) const {
    return (*this)(static_cast<const ConvDesc&>(key.first)) ^ (key.second.hash() * 0x9e3779b97f4a7c15ull) ^
           static_cast<std::size_t>(key.first.out_row_pitch);
  }
};

struct SameProblem {
  bool operator()(const ConvDesc& a, const ConvDesc& b) const { return problem_fields(a) == problem_fields(b); }
  bool operator()(const std::pair<ConvDesc, Plan>& a, const std::pair<ConvDesc, Plan>& b) const {
    return a.second == b.second && (*this)(a.first, b.first);
  }
  // Code: the output's row pitch shapes it too.
  bool operator()(const std::pair<WorkProblem, Plan>& a, const std::pair<WorkProblem, Plan>& b) const {
    return a.first.out_row_pitch == b.first.out_row_pitch && a.second == b.second && (*this)(a.first, b.first);
  }
};

}  // namespace convjit
