#pragma once
// Wisdom: tuned plans kept in a JSON file, FFTW's way. One file holds the
// answers of one CPU and one library version; each entry is keyed by the
// canonical problem (descriptor, data type, layout, post-ops) and the
// engine's thread count. A file that cannot be trusted is never used, and
// wisdom never makes a run fail: every problem is reported as a reason.
#include <map>
#include <optional>
#include <string>

#include "convjit/engine.hpp"
#include "planner/plan.hpp"

namespace convjit {

// What makes timings of one machine worthless on another.
struct CpuSignature {
  std::string vendor;
  unsigned family = 0, model = 0;
  Isa isa = Isa::scalar;  // in use, after the cap
  int64_t l1d_bytes = 0, l2_bytes = 0, l3_bytes = 0;

  static CpuSignature of(const CpuFacts& cpu);
  std::string str() const;
  bool operator==(const CpuSignature&) const = default;
};

struct WisdomEntry {
  Plan plan;
  double time_s = 0;       // measured min per run; 0: not measured
  double heuristic_s = 0;  // the heuristic plan's, measured alongside
  Effort effort = Effort::estimate;
};

struct WisdomLoad {
  enum Status { merged, missing, unusable } status = merged;
  std::string reason;  // why unusable: stale, foreign, truncated, corrupt
};

// The version files are written with and must match (CONVJIT_VERSION).
std::string library_version();

// Why a plan (from wisdom, or a tuner's candidate) cannot run desc on an
// engine of this ISA and thread count: illegal for the problem, an ISA
// the engine lacks (an AVX-512 engine runs AVX2 plans), more threads than
// the engine's. Nullopt when it can.
std::optional<std::string> engine_plan_rejection(const ConvDesc& desc, const Plan& plan, Isa isa,
                                                 int threads);

class Wisdom {
 public:
  explicit Wisdom(CpuSignature cpu, std::string version = library_version());

  // The entry for (desc, threads) found with at least `at_least`, if any.
  std::optional<WisdomEntry> find(const ConvDesc& desc, int threads, Effort at_least) const;
  // Records an answer unless one found with more effort is already there.
  void add(const ConvDesc& desc, int threads, const WisdomEntry& entry);
  void erase(const ConvDesc& desc, int threads);
  std::size_t size() const { return entries_.size(); }

  std::string to_json() const;
  // Merges the entries of a file's text (or of the file) into these; nothing
  // is merged unless the whole file is usable.
  WisdomLoad merge_text(const std::string& text);
  WisdomLoad merge_file(const std::string& path);
  // Writes these entries, merged with the file's when it is usable, to a
  // temporary file renamed over `path`. The reason it failed, or nullopt.
  std::optional<std::string> save(const std::string& path) const;

 private:
  struct Record {
    ConvDesc desc;  // the key's problem, data type, layout and post-ops
    int threads = 1;
    WisdomEntry entry;
  };
  static std::string key(const ConvDesc& desc, int threads);
  void add_record(const Record& record);

  CpuSignature cpu_;
  std::string version_;
  std::map<std::string, Record> entries_;
};

}  // namespace convjit
