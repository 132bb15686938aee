#include "kernels/code_dump.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

#include "convjit/error.hpp"
#include "jit/disasm.hpp"

namespace convjit {
namespace fs = std::filesystem;
namespace {

// File systems take 255 bytes; this leaves room for the extensions and the
// temporary suffix.
constexpr std::size_t kMaxName = 200;

uint64_t fnv1a(std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

bool safe_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

std::string sanitise(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"') continue;  // the quotes of a name say nothing
    out += c == ' ' ? '.' : safe_char(c) ? c : '_';
  }
  return out;
}

std::string hex(uint64_t v, int digits) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%0*llx", digits, static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

std::string_view to_string(OcPart part) { return part == OcPart::full ? "full" : "oc_tail"; }

std::vector<CodeEntry> code_entries(const JitCode& code) {
  std::vector<CodeEntry> entries;
  for (OcPart part : {OcPart::full, OcPart::tail}) {
    // An oc_vector kernel with fewer channels than one block has only a tail.
    if (InnerFn fn = code.entry(part))
      entries.push_back({part, static_cast<std::size_t>(reinterpret_cast<const uint8_t*>(fn) -
                                                        code.code())});
  }
  std::sort(entries.begin(), entries.end(),
            [](const CodeEntry& a, const CodeEntry& b) { return a.offset < b.offset; });
  for (std::size_t i = 0; i < entries.size(); ++i)
    entries[i].size = (i + 1 < entries.size() ? entries[i + 1].offset : code.size()) - entries[i].offset;
  return entries;
}

std::string describe(const CodeEntry& e) {
  return std::string(to_string(e.part)) + " at " + hex(e.offset, 8) + ", " + std::to_string(e.size) +
         " bytes";
}

std::string dump_name(const ConvDesc& desc, const Plan& plan) {
  const std::string whole = desc.str() + " " + std::string(to_string(desc.dt)) + " " +
                            std::string(to_string(desc.layout)) + " " + to_string(desc.post_ops) +
                            " " + plan.str();
  std::string name = sanitise(whole);
  if (name.size() > kMaxName) name = name.substr(0, kMaxName - 17) + "-" + hex(fnv1a(whole), 16);
  return name;
}

std::string dump_assembly(const ConvDesc& desc, const Plan& plan, const JitCode& code) {
  char compiled[64];
  std::snprintf(compiled, sizeof compiled, "%.1f us", code.compile_seconds() * 1e6);
  std::string out = "; convjit kernel " + desc.full_str() + "\n; plan " + plan.str() + "\n; " +
                    std::to_string(code.size()) + " bytes, compiled in " + compiled + "\n";
  for (const CodeEntry& e : code_entries(code))
    out += "; entry " + describe(e) + "\n";
  return out + "\n" + disassemble(code);
}

std::string dump_json(const ConvDesc& desc, const Plan& plan, const JitCode& code) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const CodeEntry& e : code_entries(code))
    entries.push_back({{"part", to_string(e.part)}, {"offset", e.offset}, {"size", e.size}});
  const nlohmann::ordered_json j = {
      {"name", dump_name(desc, plan)},
      {"descriptor", desc.str()},
      {"full_str", desc.full_str()},
      {"dt", to_string(desc.dt)},
      {"layout", to_string(desc.layout)},
      {"post_ops", to_string(desc.post_ops)},
      {"plan", nlohmann::ordered_json::parse(plan.to_json())},
      {"plan_str", plan.str()},
      {"isa", to_string(plan.isa)},
      {"size", code.size()},
      {"compile_s", code.compile_seconds()},
      {"entries", entries}};
  return j.dump(2) + "\n";
}

std::vector<DumpFile> dump_files(const ConvDesc& desc, const Plan& plan, const JitCode& code) {
  const std::string name = dump_name(desc, plan);
  return {{name + ".bin", std::string(reinterpret_cast<const char*>(code.code()), code.size())},
          {name + ".asm", dump_assembly(desc, plan, code)},
          {name + ".json", dump_json(desc, plan, code)}};
}

void write_dump(const fs::path& dir, const ConvDesc& desc, const Plan& plan, const JitCode& code) {
  // Unique per process and per call: two threads of one process may dump
  // the same kernel (two engines) at the same moment.
  static std::atomic<uint64_t> serial{0};
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error(dir.string(), dir.string() + ": cannot create directory: " + ec.message());
  for (const DumpFile& f : dump_files(desc, plan, code)) {
    const fs::path path = dir / f.name;
    const fs::path tmp = dir / ("." + f.name + ".tmp" + std::to_string(::getpid()) + "." +
                                std::to_string(serial++));
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size()));
    out.close();
    if (out) fs::rename(tmp, path, ec);
    if (!out || ec) {
      const std::string why = !out ? "cannot write" : "cannot rename into place: " + ec.message();
      fs::remove(tmp, ec);
      throw Error(path.string(), path.string() + ": " + why);
    }
  }
}

}  // namespace convjit
