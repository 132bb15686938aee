#pragma once
// What a differential fuzz campaign covered, counted from what ran (the
// problems drawn, the plans made, the threads each driver reports), and
// the floors it must reach: a campaign that stopped reaching a corner of
// the space (a strategy, a layout, threads sharing an image, an ISA) fails
// instead of passing on what it no longer tests.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tests/fuzz_check.hpp"

namespace convjit {

class FuzzCoverage {
 public:
  // `isas`: those the campaign runs, each of which must reach its floors.
  explicit FuzzCoverage(std::vector<Isa> isas) : isas_(std::move(isas)) {}
  void add(const FuzzCase& c, const CaseOutcome& out);
  int64_t count(const std::string& key) const;
  // Floors apply from this many problems on: a replay of a few proves its
  // own problems, not the campaign's reach.
  static constexpr int64_t kMinProblems = 1000;
  // Each corner below its floor, as "key: count < floor"; empty when all
  // are met (or the campaign is too short to judge).
  std::vector<std::string> shortfalls() const;
  // Every count, and the floor of those that have one.
  std::string str() const;

 private:
  struct Floor {
    std::string key;
    double fraction;  // of the problems run
  };
  std::vector<Floor> floors() const;
  std::vector<Isa> isas_;
  std::map<std::string, int64_t> n_;
  double error_of_tolerance_ = 0;  // the largest of any case
  double error_of_bound_ = 0;      // Winograd's, the largest of any case
};

}  // namespace convjit
