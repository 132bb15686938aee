// benchdnn shape files: one descriptor per token, `#` comments, `--` options.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "convjit/conv_desc.hpp"
#include "convjit/error.hpp"

namespace convjit {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

// A name ending in *N (before a closing quote, if any) says the layer occurs
// N times in its network; the name itself stays as written.
int64_t repeats_of(std::string_view name) {
  if (!name.empty() && name.back() == '"') name.remove_suffix(1);
  const std::size_t star = name.rfind('*');
  if (star == std::string_view::npos || star + 1 == name.size()) return 1;
  int64_t n = 0;
  for (char c : name.substr(star + 1)) {
    if (c < '0' || c > '9') return 1;  // a '*' that is just part of the name
    if (__builtin_mul_overflow(n, 10, &n) || __builtin_add_overflow(n, c - '0', &n))
      throw Error("n", "repeat count in name '" + std::string(name) + "' overflows 64 bits");
  }
  if (n == 0)
    throw Error("n", "repeat count *0 in name '" + std::string(name) + "' must be positive");
  return n;
}

void parse_line(std::string_view line, int number, std::vector<ShapeEntry>& out) {
  line = line.substr(0, line.find('#'));
  std::size_t pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && is_space(line[pos])) ++pos;
    const std::size_t start = pos;
    while (pos < line.size() && !is_space(line[pos])) ++pos;
    const std::string_view token = line.substr(start, pos - start);
    if (token.empty() || token.starts_with("--")) continue;
    ShapeEntry entry;
    entry.desc = ConvDesc::parse(token);
    entry.repeats = repeats_of(entry.desc.name);
    entry.line = number;
    out.push_back(std::move(entry));
  }
}

}  // namespace

std::vector<ShapeEntry> parse_shape_text(std::string_view text, const std::string& origin) {
  std::vector<ShapeEntry> entries;
  int number = 0;
  while (!text.empty()) {
    ++number;
    const std::size_t eol = text.find('\n');
    const std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    try {
      parse_line(line, number, entries);
    } catch (const Error& e) {
      const std::string where = origin + ":" + std::to_string(number);
      throw Error(where, where + ": " + e.what());
    }
  }
  return entries;
}

std::vector<ShapeEntry> read_shape_file(const std::string& path) {
  const auto fail = [&path](int err) {
    throw Error(path, "cannot open shape file '" + path + "': " + std::strerror(err));
  };
  errno = 0;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                             &std::fclose);
  if (!file) fail(errno);
  std::string text;
  char buffer[1 << 14];
  std::size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text.append(buffer, got);
  // A directory opens fine on Linux and fails only on the first read.
  if (std::ferror(file.get())) fail(errno ? errno : EIO);
  return parse_shape_text(text, path);
}

}  // namespace convjit
