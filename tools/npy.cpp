// The .npy format: magic "\x93NUMPY", version, header length, then a Python
// dict literal padded with spaces and a newline, then the raw elements.
// https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
#include "tools/npy.hpp"

#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string_view>
#include <vector>

#include "convjit/error.hpp"

namespace convjit {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the raw element bytes are written as little-endian");

constexpr std::string_view kMagic = "\x93NUMPY";
constexpr std::size_t kAlign = 64;  // numpy pads the header to this

std::string_view descr_of(DataType dt) { return dt == DataType::f64 ? "<f8" : "<f4"; }

std::string tuple_str(const Shape& shape) {
  std::string out = "(";
  for (int a = 0; a < shape.nd; ++a) out += std::to_string(shape.dim[a]) + ", ";
  if (shape.nd > 0) out.resize(out.size() - 2);
  if (shape.nd == 1) out += ",";
  return out + ")";
}

// What the header dict says.
struct Header {
  std::string descr;
  bool fortran_order = false;
  Shape shape;
};

// A strict reader of the header dict: the three keys numpy writes, each once,
// string keys, values of the types numpy writes.
class HeaderParser {
 public:
  HeaderParser(std::string_view text, const std::string& path) : text_(text), path_(path) {}

  Header parse() {
    Header h;
    bool seen_descr = false, seen_fortran = false, seen_shape = false;
    expect('{');
    while (!peek('}')) {
      const std::string key = quoted();
      expect(':');
      if (key == "descr") {
        once(seen_descr, key);
        h.descr = quoted();
      } else if (key == "fortran_order") {
        once(seen_fortran, key);
        h.fortran_order = boolean();
      } else if (key == "shape") {
        once(seen_shape, key);
        h.shape = tuple();
      } else {
        fail("unknown header key '" + key + "' (expected descr, fortran_order, shape)");
      }
      if (!peek('}')) expect(',');
    }
    expect('}');
    skip_space();
    if (pos_ != text_.size()) fail("trailing characters after the header dict");
    if (!seen_descr || !seen_fortran || !seen_shape)
      fail("header dict lacks one of the keys descr, fortran_order, shape");
    return h;
  }

 private:
  [[noreturn]] void fail(const std::string& rule) const {
    throw Error(path_, path_ + ": malformed .npy header: " + rule);
  }
  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool peek(char c) {
    skip_space();
    return pos_ < text_.size() && text_[pos_] == c;
  }
  void expect(char c) {
    if (!peek(c)) fail(std::string("expected '") + c + "' at offset " + std::to_string(pos_));
    ++pos_;
  }
  void once(bool& seen, const std::string& key) {
    if (seen) fail("repeated header key '" + key + "'");
    seen = true;
  }
  std::string quoted() {
    skip_space();
    if (pos_ >= text_.size() || (text_[pos_] != '\'' && text_[pos_] != '"'))
      fail("expected a quoted string at offset " + std::to_string(pos_));
    const char quote = text_[pos_++];
    const std::size_t end = text_.find(quote, pos_);
    if (end == std::string_view::npos) fail("unterminated string");
    std::string s(text_.substr(pos_, end - pos_));
    pos_ = end + 1;
    return s;
  }
  bool boolean() {
    skip_space();
    for (const auto& [word, value] : {std::pair{"True", true}, std::pair{"False", false}}) {
      if (text_.substr(pos_).starts_with(word)) {
        pos_ += std::strlen(word);
        return value;
      }
    }
    fail("fortran_order must be True or False");
  }
  Shape tuple() {
    Shape shape;
    expect('(');
    while (!peek(')')) {
      if (shape.nd == static_cast<int>(shape.dim.size()))
        fail("shape has more than " + std::to_string(shape.dim.size()) + " dimensions");
      shape.dim[shape.nd++] = integer();
      if (!peek(')')) expect(',');
    }
    expect(')');
    return shape;
  }
  int64_t integer() {
    skip_space();
    const std::size_t start = pos_;
    int64_t v = 0;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
      const int digit = text_[pos_++] - '0';
      if (v > (INT64_MAX - digit) / 10) fail("shape dimension overflows 64 bits");
      v = v * 10 + digit;
    }
    if (pos_ == start) fail("expected a non-negative integer at offset " + std::to_string(start));
    return v;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  const std::string& path_;
};

uint32_t little_endian(const std::string& bytes, std::size_t offset, int n) {
  uint32_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[offset + i]);
  return v;
}

}  // namespace

void write_npy(std::ostream& out, const Buffer& buf) {
  std::string dict = "{'descr': '" + std::string(descr_of(buf.dt())) +
                     "', 'fortran_order': False, 'shape': " + tuple_str(buf.shape()) + ", }";
  const std::size_t prefix = kMagic.size() + 2 + 2;  // magic, version, header length
  const std::size_t padded = (prefix + dict.size() + 1 + kAlign - 1) / kAlign * kAlign;
  dict.append(padded - prefix - dict.size() - 1, ' ');
  dict += '\n';
  const auto len = static_cast<uint16_t>(dict.size());
  out << kMagic << '\x01' << '\x00' << static_cast<char>(len & 0xff) << static_cast<char>(len >> 8)
      << dict;
  out.write(static_cast<const char*>(buf.data()), static_cast<std::streamsize>(buf.bytes()));
}

Buffer read_npy(const std::string& path, DataType dt, const Shape& shape) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw Error(path, path + ": no such file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, path + ": cannot open for reading");
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw Error(path, path + ": read error");
  auto fail = [&](const std::string& rule) -> Error { return Error(path, path + ": " + rule); };

  if (bytes.compare(0, kMagic.size(), kMagic) != 0)
    throw fail("not a .npy file (the magic string \\x93NUMPY is missing)");
  if (bytes.size() < kMagic.size() + 2) throw fail("truncated before the version");
  const int major = static_cast<unsigned char>(bytes[6]);
  const int minor = static_cast<unsigned char>(bytes[7]);
  // 2.0 and 3.0 differ from 1.0 only in a 4-byte header length (and UTF-8).
  if (major < 1 || major > 3 || minor != 0)
    throw fail("unsupported .npy version " + std::to_string(major) + "." + std::to_string(minor) +
               " (1.0, 2.0 and 3.0 are read)");
  const int len_bytes = major == 1 ? 2 : 4;
  const std::size_t header_start = 8 + len_bytes;
  if (bytes.size() < header_start) throw fail("truncated before the header length");
  const std::size_t header_len = little_endian(bytes, 8, len_bytes);
  if (bytes.size() < header_start + header_len) throw fail("truncated inside the header");

  const Header h =
      HeaderParser(std::string_view(bytes).substr(header_start, header_len), path).parse();
  if (h.descr != descr_of(dt))
    throw fail("dtype '" + h.descr + "' does not match --dt " + std::string(to_string(dt)) +
               " (expected '" + std::string(descr_of(dt)) + "')");
  if (h.fortran_order) throw fail("fortran_order is True; only C order is read");
  if (!(h.shape == shape))
    throw fail("shape " + tuple_str(h.shape) + " does not match the problem's " +
               tuple_str(shape));

  Buffer buf(dt, shape);
  const std::size_t data_bytes = bytes.size() - header_start - header_len;
  if (data_bytes != buf.bytes())
    throw fail("holds " + std::to_string(data_bytes) + " data bytes, the shape needs " +
               std::to_string(buf.bytes()));
  std::memcpy(buf.data(), bytes.data() + header_start + header_len, buf.bytes());
  return buf;
}

}  // namespace convjit
