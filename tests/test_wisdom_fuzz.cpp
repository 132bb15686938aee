// A wisdom file may be anything: truncated, bit-flipped, mistyped, from
// another CPU or version, missing fields, holding huge numbers or illegal
// plans. None may crash a run, each must be a warning, and the kernel must
// still compute the right answer.
#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <random>
#include <vector>

#include "convjit/convjit.hpp"
#include "validation/reference.hpp"
#include "validation/test_data.hpp"
#include "tuning/wisdom.hpp"
#include "planner/candidates.hpp"
#include "tests/test_tune_support.hpp"

namespace convjit {
namespace {

using json = nlohmann::json;
using testing::LogCounter;

constexpr const char* kMutatedProblem = "mb2ic3ih12oc5kh3ph1";
constexpr int kPerKind = 130;

struct Mutant {
  std::string text;
  bool must_warn = true;  // false: the mutation may have left a usable file
};

class Mutator {
 public:
  // `target`: the problem of the entry whose plan gets broken.
  Mutator(std::string base, std::string target, uint32_t seed)
      : base_(std::move(base)), target_(std::move(target)), doc_(json::parse(base_)), rng_(seed) {}

  // Cut anywhere before the closing brace: never a whole document.
  Mutant truncated() { return {base_.substr(0, pick(base_.rfind('}')))}; }
  // 0xFF is never valid UTF-8, inside a string or out of one.
  Mutant invalid_byte() {
    std::string t = base_;
    t[pick(t.size())] = '\xff';
    return {t};
  }
  Mutant flipped_bits() {
    std::string t = base_;
    for (int i = 0, n = 1 + int(pick(3)); i < n; ++i) t[pick(t.size())] ^= char(1 << pick(8));
    return {t, false};
  }
  Mutant wrong_type() {
    json j = doc_;
    json& v = *random_value(j);
    static const json kinds[] = {"text", 7, true, nullptr, json::array(), json::object()};
    json replacement;
    do replacement = kinds[pick(std::size(kinds))];
    while (same_kind(replacement, v));
    v = replacement;
    return {j.dump()};
  }
  Mutant other_cpu() {
    json j = doc_;
    json& cpu = j["cpu"];
    switch (pick(4)) {
      case 0: cpu["vendor"] = "Other" + std::to_string(pick(1000)); break;
      case 1: cpu["family"] = cpu["family"].get<int64_t>() + 1 + int64_t(pick(20)); break;
      case 2: cpu["isa"] = cpu["isa"] == "avx2" ? "avx512" : "avx2"; break;
      default: cpu["l2"] = cpu["l2"].get<int64_t>() * 2; break;
    }
    return {j.dump()};
  }
  Mutant other_version() {
    json j = doc_;
    if (pick(2)) j["version"] = std::to_string(pick(10)) + ".9." + std::to_string(pick(99));
    else j["format_version"] = 2 + int(pick(100));
    return {j.dump()};
  }
  Mutant missing_field() {
    json j = doc_;
    std::vector<json*> objects;
    collect(j, [&](json& v) {
      if (v.is_object() && !v.empty()) objects.push_back(&v);
    });
    json& obj = *objects[pick(objects.size())];
    auto it = obj.begin();
    std::advance(it, pick(obj.size()));
    obj.erase(it.key());
    return {j.dump()};
  }
  Mutant huge_number() {
    json j = doc_;
    std::vector<json*> numbers;
    collect(j, [&](json& v) {
      if (v.is_number()) numbers.push_back(&v);
    });
    static const char* huge[] = {"1e300", "18446744073709551615", "-9223372036854775808",
                                 "123456789012345678901234567890", "4294967296", "-1e300"};
    *numbers[pick(numbers.size())] = json::parse(huge[pick(std::size(huge))]);
    return {j.dump()};
  }
  // Parses, but the plan for the problem cannot compute it on this engine.
  Mutant illegal_plan() {
    json j = doc_;
    json* entry = &j["entries"][0];
    for (json& e : j["entries"])
      if (e["problem"] == target_) entry = &e;
    json& plan = (*entry)["plan"];
    switch (pick(7)) {
      case 0: plan["ur_w"] = 1000; break;
      case 1: plan["ur_h"] = 1000; break;
      case 2: plan["oc_blk"] = 1000; break;
      case 3: plan["ic_blk"] = 2; break;  // does not divide ic=3
      case 4: plan["threads"] = 4096; break;
      case 5: plan["vlen"] = 3; break;
      default: plan["ur_w"] = 0; break;
    }
    return {j.dump()};
  }

 private:
  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
  static bool same_kind(const json& a, const json& b) {
    return a.type() == b.type() || (a.is_number() && b.is_number());
  }
  static void collect(json& v, const std::function<void(json&)>& f) {
    f(v);
    if (v.is_structured())
      for (json& child : v) collect(child, f);
  }
  json* random_value(json& j) {
    std::vector<json*> all;
    collect(j, [&](json& v) { all.push_back(&v); });
    return all[pick(all.size())];
  }

  std::string base_, target_;
  json doc_;
  std::mt19937 rng_;
};

class WisdomFuzz : public testing::TuneTest {};

TEST_F(WisdomFuzz, NoMutantCrashesOrGoesUnwarnedOrComputesWrong) {
  EngineOptions options;
  options.threads = 1;
  const ConvDesc desc = ConvDesc::parse(kMutatedProblem);
  std::string base;
  Plan wise;
  {
    Engine engine(options);
    if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
    const Plan heuristic = make_plan(desc, engine.cpu(), engine.cpu().isa, 1);
    for (const Candidate& c : rank_candidates(desc, engine.cpu(), engine.cpu().isa, 1))
      if (!(c.plan == heuristic)) {
        wise = c.plan;
        break;
      }
    Wisdom w(CpuSignature::of(engine.cpu()));
    w.add(desc, 1, {wise, 1e-6, 2e-6, Effort::measure});
    const ConvDesc other = ConvDesc::parse("mb1ic16ih9oc32kh3ph1");
    w.add(other, 1, {make_plan(other, engine.cpu(), engine.cpu().isa, 1), 3e-6, 3e-6, Effort::patient});
    base = w.to_json();
  }
  const ProblemData data = make_problem_data(desc, desc.mb, Fill::integer, 7);
  Buffer want(desc.dt, desc.dst_shape(desc.mb));
  reference_conv(desc, data.src.data(), data.wei.data(), nullptr, want.data(), desc.mb);
  const std::string path = (dir_ / "wisdom.json").string();
  options.wisdom_path = path;

  // Runs desc with the file at `path`; returns the warnings it caused.
  auto check = [&](const std::string& text, const std::string& what) {
    testing::write_text(path, text);
    LogCounter counter(true);
    Engine engine(options);
    std::unique_ptr<Kernel> kernel = engine.make_kernel(desc);
    kernel->bind(data.wei.cview());
    Buffer got(desc.dt, desc.dst_shape(desc.mb));
    kernel->run(data.src.cview(), got.view());
    const Comparison cmp = compare(got, want, 0, false);
    EXPECT_TRUE(cmp.ok()) << what << ": " << cmp.str() << "\n" << text;
    EXPECT_EQ(counter.errors(), 0) << what;
    return std::pair{counter.warnings(), kernel->plan_str()};
  };
  {
    auto [warnings, plan] = check(base, "the unmutated file");
    EXPECT_EQ(warnings, 0);
    EXPECT_EQ(plan, wise.str()) << "the wisdom's plan was not used";
  }
  Mutator m(base, desc.str(), 20240521);
  using Kind = Mutant (Mutator::*)();
  const std::pair<const char*, Kind> kinds[] = {
      {"truncated", &Mutator::truncated},        {"invalid byte", &Mutator::invalid_byte},
      {"flipped bits", &Mutator::flipped_bits},  {"wrong type", &Mutator::wrong_type},
      {"other cpu", &Mutator::other_cpu},        {"other version", &Mutator::other_version},
      {"missing field", &Mutator::missing_field}, {"huge number", &Mutator::huge_number},
      {"illegal plan", &Mutator::illegal_plan}};
  int files = 0, warned = 0;
  for (const auto& [name, mutate] : kinds)
    for (int i = 0; i < kPerKind; ++i) {
      const Mutant mutant = (m.*mutate)();
      const auto [warnings, plan] = check(mutant.text, name);
      ++files;
      warned += warnings > 0;
      if (mutant.must_warn) {
        EXPECT_GE(warnings, 1) << name << ":\n" << mutant.text;
      }
      if (HasFailure()) return;  // one report, not a thousand
    }
  EXPECT_GE(files, 1000);
  EXPECT_GE(warned, files * 9 / 10) << "flipped bits are allowed to go unnoticed, rarely";
}

}  // namespace
}  // namespace convjit
