#include "tuning/wisdom.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "convjit/error.hpp"

namespace convjit {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kFormat = "convjit-wisdom";
constexpr int kFormatVersion = 1;
// Far more than any real wisdom; a bigger file is not one.
constexpr std::uintmax_t kMaxFileBytes = 64u << 20;
// A day per run: a longer time is a corrupt number, not a measurement.
constexpr double kMaxSeconds = 86400;

// Why a document cannot be used; thrown while reading, caught at the top.
struct Unusable {
  std::string reason;
};

[[noreturn]] void corrupt(const std::string& where, const std::string& what) {
  throw Unusable{"corrupt: " + where + ": " + what};
}

const json& field(const json& obj, const char* key, const std::string& where) {
  if (!obj.is_object()) corrupt(where, std::string("not an object but ") + obj.type_name());
  auto it = obj.find(key);
  if (it == obj.end()) corrupt(where, std::string("\"") + key + "\" is missing");
  return *it;
}

std::string string_field(const json& obj, const char* key, const std::string& where) {
  const json& v = field(obj, key, where);
  if (!v.is_string()) corrupt(where, std::string(key) + " must be a string, not " + v.type_name());
  return v.get<std::string>();
}

int64_t int_field(const json& obj, const char* key, const std::string& where, int64_t lo, int64_t hi) {
  const json& v = field(obj, key, where);
  // Non-negative numbers parse as unsigned; read as int64 only once in range.
  if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(hi)) ||
      v.get<int64_t>() < lo || v.get<int64_t>() > hi)
    corrupt(where, std::string(key) + " must be an integer in [" + std::to_string(lo) + ", " +
                       std::to_string(hi) + "], not " + v.dump());
  return v.get<int64_t>();
}

double seconds_field(const json& obj, const char* key, const std::string& where) {
  const json& v = field(obj, key, where);
  if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < 0 ||
      v.get<double>() > kMaxSeconds)
    corrupt(where, std::string(key) + " must be seconds in [0, " + std::to_string(int(kMaxSeconds)) +
                       "], not " + v.dump());
  return v.get<double>();
}

// Library parsers throw Error on an unknown word; here that is corruption.
template <class F>
auto parsed(const std::string& where, F&& parse) {
  try {
    return parse();
  } catch (const Error& e) {
    corrupt(where, e.what());
  }
}

json signature_json(const CpuSignature& s) {
  return {{"vendor", s.vendor}, {"family", s.family}, {"model", s.model},
          {"isa", to_string(s.isa)}, {"l1d", s.l1d_bytes}, {"l2", s.l2_bytes}, {"l3", s.l3_bytes}};
}

CpuSignature signature_of(const json& j) {
  const std::string where = "cpu";
  constexpr int64_t kBig = int64_t(1) << 50;
  CpuSignature s;
  s.vendor = string_field(j, "vendor", where);
  s.family = static_cast<unsigned>(int_field(j, "family", where, 0, UINT32_MAX));
  s.model = static_cast<unsigned>(int_field(j, "model", where, 0, UINT32_MAX));
  s.isa = parsed(where, [&] { return parse_isa(string_field(j, "isa", where), "isa"); });
  s.l1d_bytes = int_field(j, "l1d", where, 0, kBig);
  s.l2_bytes = int_field(j, "l2", where, 0, kBig);
  s.l3_bytes = int_field(j, "l3", where, 0, kBig);
  return s;
}

std::string file_text(const std::string& path, WisdomLoad& load) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (!fs::exists(st)) {
    load = {WisdomLoad::missing, "no such file"};
    return {};
  }
  if (!fs::is_regular_file(st)) {
    load = {WisdomLoad::unusable, "not a regular file"};
    return {};
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec || size > kMaxFileBytes) {
    load = {WisdomLoad::unusable,
            ec ? "cannot read: " + ec.message()
               : "corrupt: " + std::to_string(size) + " bytes is more than any wisdom file holds"};
    return {};
  }
  std::ifstream in(path, std::ios::binary);
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in.good() && !in.eof()) load = {WisdomLoad::unusable, std::string("cannot read: ") + std::strerror(errno)};
  return text;
}

}  // namespace

std::string library_version() { return CONVJIT_VERSION; }

CpuSignature CpuSignature::of(const CpuFacts& cpu) {
  return {cpu.vendor, cpu.family, cpu.model_id, cpu.isa, cpu.l1d_bytes, cpu.l2_bytes, cpu.l3_bytes};
}

std::string CpuSignature::str() const {
  std::ostringstream os;
  os << vendor << " family " << family << " model " << model << " isa " << to_string(isa) << " L1d "
     << (l1d_bytes >> 10) << "K L2 " << (l2_bytes >> 10) << "K L3 " << (l3_bytes >> 10) << "K";
  return os.str();
}

std::optional<std::string> engine_plan_rejection(const ConvDesc& desc, const Plan& plan, Isa isa,
                                                 int threads) {
  if (auto why = plan_rejection(desc, plan)) return why;
  // An AVX-512 engine runs AVX2 plans too: its planner picks them for
  // nCx8c f32 and for few output channels with large weights.
  if (plan.isa == Isa::scalar || plan.isa > isa)
    return "the plan is for " + std::string(to_string(plan.isa)) + " and this engine uses " +
           std::string(to_string(isa));
  if (plan.threads > threads)
    return "the plan uses " + std::to_string(plan.threads) + " threads, more than the engine's " +
           std::to_string(threads);
  return std::nullopt;
}

Wisdom::Wisdom(CpuSignature cpu, std::string version) : cpu_(std::move(cpu)), version_(std::move(version)) {}

// The name is not part of the problem: the same shape shares its answer.
std::string Wisdom::key(const ConvDesc& desc, int threads) {
  ConvDesc d = desc;
  d.name.clear();
  return d.full_str() + " t" + std::to_string(threads);
}

std::optional<WisdomEntry> Wisdom::find(const ConvDesc& desc, int threads, Effort at_least) const {
  if (entries_.empty()) return std::nullopt;  // no key to print: every first make_kernel asks
  auto it = entries_.find(key(desc, threads));
  if (it == entries_.end() || it->second.entry.effort < at_least) return std::nullopt;
  return it->second.entry;
}

void Wisdom::add(const ConvDesc& desc, int threads, const WisdomEntry& entry) {
  Record r{desc, threads, entry};
  r.desc.name.clear();
  add_record(r);
}

void Wisdom::add_record(const Record& r) {
  auto [it, inserted] = entries_.try_emplace(key(r.desc, r.threads), r);
  if (!inserted && r.entry.effort >= it->second.entry.effort) it->second = r;
}

void Wisdom::erase(const ConvDesc& desc, int threads) { entries_.erase(key(desc, threads)); }

std::string Wisdom::to_json() const {
  json entries = json::array();
  for (const auto& [k, r] : entries_) {
    entries.push_back({{"problem", r.desc.str()},
                       {"dt", to_string(r.desc.dt)},
                       {"layout", to_string(r.desc.layout)},
                       {"post_ops", to_string(r.desc.post_ops)},
                       {"threads", r.threads},
                       {"plan", json::parse(r.entry.plan.to_json())},
                       {"time_s", r.entry.time_s},
                       {"heuristic_s", r.entry.heuristic_s},
                       {"effort", to_string(r.entry.effort)}});
    // Direct convolution, the default, is written as before: older files stay valid.
    if (r.desc.algorithm != Algorithm::direct) entries.back()["algorithm"] = to_string(r.desc.algorithm);
  }
  json doc = {{"format", kFormat},   {"format_version", kFormatVersion}, {"version", version_},
              {"cpu", signature_json(cpu_)}, {"entries", entries}};
  return doc.dump(1) + "\n";
}

WisdomLoad Wisdom::merge_text(const std::string& text) {
  if (text.empty()) return {WisdomLoad::unusable, "truncated: the file is empty"};
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {
    return {WisdomLoad::unusable, std::string("truncated or corrupt: not JSON (") + e.what() + ")"};
  }
  std::vector<Record> records;
  try {
    if (!doc.is_object()) corrupt("the file", std::string("not an object but ") + doc.type_name());
    if (!doc.contains("format") || doc["format"] != kFormat)
      corrupt("the file", std::string("not convjit wisdom (no \"format\": \"") + kFormat + "\")");
    const int64_t format = int_field(doc, "format_version", "the file", 0, INT32_MAX);
    if (format != kFormatVersion)
      throw Unusable{"stale: wisdom format " + std::to_string(format) + ", this convjit reads " +
                     std::to_string(kFormatVersion)};
    const std::string version = string_field(doc, "version", "the file");
    if (version != version_)
      throw Unusable{"stale: written by convjit " + version + ", this is convjit " + version_};
    const CpuSignature cpu = signature_of(field(doc, "cpu", "the file"));
    if (!(cpu == cpu_))
      throw Unusable{"foreign: written on " + cpu.str() + ", this CPU is " + cpu_.str()};
    const json& entries = field(doc, "entries", "the file");
    if (!entries.is_array()) corrupt("entries", std::string("not an array but ") + entries.type_name());
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const json& e = entries[i];
      const std::string where = "entry " + std::to_string(i);
      Record r;
      r.desc = parsed(where, [&] { return ConvDesc::parse(string_field(e, "problem", where)); });
      r.desc.name.clear();
      r.desc.dt = parsed(where, [&] { return parse_data_type(string_field(e, "dt", where)); });
      r.desc.layout = parsed(where, [&] { return parse_layout(string_field(e, "layout", where)); });
      r.desc.post_ops = parsed(where, [&] { return parse_post_ops(string_field(e, "post_ops", where)); });
      if (e.contains("algorithm"))
        r.desc.algorithm = parsed(where, [&] { return parse_algorithm(string_field(e, "algorithm", where)); });
      r.threads = static_cast<int>(int_field(e, "threads", where, 1, 1 << 20));
      const json& plan = field(e, "plan", where);
      if (!plan.is_object()) corrupt(where, std::string("plan must be an object, not ") + plan.type_name());
      r.entry.plan = parsed(where, [&] { return Plan::from_json(plan.dump()); });
      r.entry.time_s = seconds_field(e, "time_s", where);
      r.entry.heuristic_s = seconds_field(e, "heuristic_s", where);
      r.entry.effort = parsed(where, [&] { return parse_effort(string_field(e, "effort", where)); });
      records.push_back(std::move(r));
    }
  } catch (const Unusable& u) {
    return {WisdomLoad::unusable, u.reason};
  }
  for (const Record& r : records) add_record(r);
  return {WisdomLoad::merged, ""};
}

WisdomLoad Wisdom::merge_file(const std::string& path) {
  WisdomLoad load;
  const std::string text = file_text(path, load);
  if (load.status != WisdomLoad::merged) return load;
  return merge_text(text);
}

std::optional<std::string> Wisdom::save(const std::string& path) const {
  // What another process saved meanwhile is kept; our answers win ties.
  Wisdom merged(cpu_, version_);
  merged.merge_file(path);
  for (const auto& [k, r] : entries_) merged.add_record(r);
  static std::atomic<int> counter{0};
  const std::string temp =
      path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return "cannot create " + temp + ": " + std::strerror(errno);
    out << merged.to_json();
    out.flush();
    if (!out) {
      std::error_code ignored;
      fs::remove(temp, ignored);
      return "cannot write " + temp;
    }
  }
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return "cannot rename " + temp + " to " + path + ": " + ec.message();
  }
  return std::nullopt;
}

}  // namespace convjit
