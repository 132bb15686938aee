// ConvDesc: the benchdnn descriptor grammar of problems/README.md, its
// printer, its validation, and the shapes and work a problem implies.
#include "convjit/conv_desc.hpp"
#include "convjit/layout.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "convjit/error.hpp"

namespace convjit {
namespace {

constexpr char kAxisLetter[3] = {'d', 'h', 'w'};

// The per-axis parameters, in the order of their keys.
enum Param : int { I, O, K, S, P, Dil, kParams };
constexpr char kParamLetter[kParams] = {'i', 'o', 'k', 's', 'p', 'd'};

// The keys of the grammar except `n`, which swallows the rest of the token.
enum Key : int { G, MB, IC, OC, kFirstAxisKey, kKeys = kFirstAxisKey + 3 * kParams };

int axis_key(int param, int axis) { return kFirstAxisKey + 3 * param + axis; }

std::string key_name(int key) {
  static constexpr const char* kScalar[kFirstAxisKey] = {"g", "mb", "ic", "oc"};
  if (key < kFirstAxisKey) return kScalar[key];
  const int rel = key - kFirstAxisKey;
  return {kParamLetter[rel / 3], kAxisLetter[rel % 3]};
}

std::string field(int param, int axis) { return key_name(axis_key(param, axis)); }

std::optional<int> find_key(std::string_view word) {
  for (int key = 0; key < kKeys; ++key)
    if (word == key_name(key)) return key;
  return std::nullopt;
}

// The descriptor a message quotes: the text parse() was given, or what
// str() prints of the ConvDesc validate() checks. Messages are built only
// when a check fails: validate() runs on every first make_kernel.
class Source {
 public:
  Source(std::string_view text) : text_(text) {}
  explicit Source(const ConvDesc& desc) : desc_(&desc) {}
  std::string str() const { return desc_ ? desc_->str() : std::string(text_); }

 private:
  std::string_view text_;
  const ConvDesc* desc_ = nullptr;
};

std::string quoted(const Source& text) { return "'" + text.str() + "'"; }

// Overflow-checked arithmetic that names what overflowed: a descriptor is
// user input, and a wrapped size would turn into a wild memory access later.
// describe() gives the field and what overflowed, called on failure only.
template <class Describe>
struct Checked {
  Describe describe;
  const Source& text;

  [[noreturn, gnu::cold, gnu::noinline]] void fail() const {
    const auto [field, what] = describe();
    throw Error(field, what + " overflows 64 bits in " + quoted(text));
  }
  int64_t mul(int64_t a, int64_t b) const {
    int64_t r;
    if (__builtin_mul_overflow(a, b, &r)) fail();
    return r;
  }
  int64_t add(int64_t a, int64_t b) const {
    int64_t r;
    if (__builtin_add_overflow(a, b, &r)) fail();
    return r;
  }
  int64_t sub(int64_t a, int64_t b) const {
    int64_t r;
    if (__builtin_sub_overflow(a, b, &r)) fail();
    return r;
  }
};

// One spatial axis, all of its parameters (pb derived, rule 5).
struct AxisParams {
  int64_t i = 1, o = 1, k = 1, s = 1, p = 0, pb = 0, d = 0;
  bool operator==(const AxisParams&) const = default;
};

AxisParams axis_of(const ConvDesc& c, int a) {
  return {c.i[a], c.o[a], c.k[a], c.s[a], c.p[a], c.pb[a], c.d[a]};
}

int64_t value_of(const AxisParams& x, int param) {
  const int64_t values[kParams] = {x.i, x.o, x.k, x.s, x.p, x.d};
  return values[param];
}

// "kw=3", for messages.
std::string assignment(const AxisParams& x, int param, int axis) {
  return field(param, axis) + "=" + std::to_string(value_of(x, param));
}

void store_axis(ConvDesc& c, int a, const AxisParams& x) {
  c.i[a] = x.i, c.o[a] = x.o, c.k[a] = x.k, c.s[a] = x.s;
  c.p[a] = x.p, c.pb[a] = x.pb, c.d[a] = x.d;
}

int64_t extent(const AxisParams& x, int axis, const Source& text) {
  const Checked c{[&] { return std::pair{field(K, axis), std::string("kernel extent of axis ") + kAxisLetter[axis]}; },
                  text};
  return c.add(c.mul(x.k - 1, c.add(x.d, 1)), 1);
}

// The part of (o-1)s - i + ext both rule 2 (px from ox) and rule 5 use.
int64_t span_excess(const AxisParams& x, int axis, const Source& text) {
  const Checked c{[&] { return std::pair{field(O, axis), "output span of " + field(O, axis)}; }, text};
  return c.add(c.sub(c.mul(x.o - 1, x.s), x.i), extent(x, axis, text));
}

int64_t back_padding(const AxisParams& x, int axis, const Source& text) {
  const Checked c{[&] { return std::pair{field(P, axis), "back padding of axis " + field(P, axis).substr(1)}; },
                  text};
  return c.sub(span_excess(x, axis, text), x.p);
}

// ---- parsing: text -> raw key values -------------------------------------

struct RawDesc {
  std::array<std::optional<int64_t>, kKeys> value;
  std::string name;
  bool has_name = false;

  int64_t get(int key, int64_t fallback) const { return value[key].value_or(fallback); }
  int64_t get(int param, int axis, int64_t fallback) const {
    return get(axis_key(param, axis), fallback);
  }
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  RawDesc run() {
    if (text_.empty())
      throw Error("descriptor", "empty descriptor: expected e.g. 'mb1ic3ih32oc8kh3'");
    RawDesc raw;
    while (pos_ < text_.size() && !raw.has_name) {
      if (text_[pos_] == 'n')
        read_name(raw);
      else
        read_pair(raw);
    }
    return raw;
  }

 private:
  std::string at() const { return " at offset " + std::to_string(pos_) + " in " + quoted(text_); }

  void read_name(RawDesc& raw) {
    ++pos_;
    if (pos_ == text_.size()) throw Error("n", "key 'n' has no name after it" + at());
    raw.name = std::string(text_.substr(pos_));
    raw.has_name = true;
    pos_ = text_.size();
  }

  void read_pair(RawDesc& raw) {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && is_letter(text_[pos_])) ++pos_;
    const std::string_view word = text_.substr(start, pos_ - start);
    if (word.empty()) {
      pos_ = start;
      throw Error("descriptor", "garbage " + quoted(text_.substr(start)) + at() +
                                    ": expected a key (g mb ic oc i* o* k* s* p* d* n)"
                                    " where a single '_' may only follow a value");
    }
    const std::optional<int> key = find_key(word);
    if (!key) {
      pos_ = start;
      throw Error(std::string(word), "unknown key " + quoted(word) + at());
    }
    const std::string name(word);
    if (raw.value[*key]) {
      pos_ = start;
      throw Error(name, name + " given twice" + at());
    }
    raw.value[*key] = read_number(name);
    if (pos_ < text_.size() && text_[pos_] == '_') ++pos_;
  }

  int64_t read_number(const std::string& key) {
    if (pos_ == text_.size() || !is_digit(text_[pos_]))
      throw Error(key, "key '" + key + "' has no value" + at() +
                           ": expected a non-negative decimal number");
    const std::size_t start = pos_;
    int64_t value = 0;
    for (; pos_ < text_.size() && is_digit(text_[pos_]); ++pos_) {
      if (__builtin_mul_overflow(value, 10, &value) ||
          __builtin_add_overflow(value, text_[pos_] - '0', &value)) {
        while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
        throw Error(key, key + " value " + quoted(text_.substr(start, pos_ - start)) +
                             " overflows 64 bits in " + quoted(text_));
      }
    }
    return value;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

// ---- the axis rules of problems/README.md --------------------------------

// Rule 1.
bool axis_present(const RawDesc& raw, int a) {
  return raw.get(I, a, 0) || raw.get(O, a, 0) || raw.get(K, a, 0) || raw.get(Dil, a, 0) ||
         raw.get(S, a, 1) != 1 || raw.get(P, a, 0);
}

// Rule 2 (and rule 5 for pb). ox0 counts as "not given", as in benchdnn.
AxisParams resolve_axis(const RawDesc& raw, int a, const Source& text) {
  AxisParams x{.i = raw.get(I, a, 0),
               .o = raw.get(O, a, 0),
               .k = raw.get(K, a, 0),
               .s = raw.get(S, a, 1),
               .p = raw.get(P, a, 0),
               .d = raw.get(Dil, a, 0)};
  for (int param : {I, K, S})
    if (value_of(x, param) <= 0)
      throw Error(field(param, a), std::string("axis ") + kAxisLetter[a] + " is present, so " +
                                       field(param, a) + " must be given and positive in " +
                                       quoted(text));
  if (x.o == 0) {
    const Checked c{[&] { return std::pair{field(O, a), "computing " + field(O, a)}; }, text};
    const int64_t room = c.sub(c.add(x.i, c.mul(2, x.p)), extent(x, a, text));
    // Truncating division, as benchdnn: a kernel that overhangs the padded
    // input by less than a stride still yields one output (with back padding).
    x.o = room / x.s + 1;
    if (x.o <= 0)
      throw Error(field(O, a), field(O, a) + " would be <= 0: the kernel extent " +
                                   std::to_string(extent(x, a, text)) +
                                   " exceeds the padded input " + field(I, a) + "+2*" +
                                   field(P, a) + "=" + std::to_string(x.i + 2 * x.p) + " in " +
                                   quoted(text));
  } else if (!raw.value[axis_key(P, a)]) {
    // A negative excess means ox is smaller than the unpadded output; rather
    // than invent negative padding, keep px = 0 and let the back-padding rule
    // decide whether ox still matches.
    x.p = std::max<int64_t>(0, span_excess(x, a, text) / 2);
  }
  x.pb = back_padding(x, a, text);
  return x;
}

// Rules 3 and 4: dimensionality, then fill missing axes downward.
int fill_axes(std::array<std::optional<AxisParams>, 3>& axes, std::string_view text) {
  auto& [d, h, w] = axes;
  if (d) {
    if (!h && !w) h = w = d;
    if (!h || !w) {
      const int missing = h ? ConvDesc::W : ConvDesc::H;
      throw Error(field(I, missing),
                  std::string("a 3D problem gives only one of the h and w axes; axis ") +
                      kAxisLetter[missing] + " is missing in " + quoted(text));
    }
    return 3;
  }
  if (h) {
    if (!w) w = h;
    return 2;
  }
  if (w) return 1;
  throw Error("descriptor",
              "no spatial axis: give at least iw and kw (or ih/kh, id/kd) in " + quoted(text));
}

ConvDesc build(const RawDesc& raw, std::string_view text) {
  for (int key : {IC, OC})
    if (!raw.value[key])
      throw Error(key_name(key), key_name(key) + " is required but missing in " + quoted(text));
  ConvDesc c;
  c.g = raw.get(G, 1);
  c.g_written = raw.value[G].has_value();
  c.mb = raw.get(MB, 2);
  c.ic = *raw.value[IC];
  c.oc = *raw.value[OC];
  c.name = raw.name;
  std::array<std::optional<AxisParams>, 3> axes;
  for (int a = 0; a < 3; ++a)
    if (axis_present(raw, a)) axes[a] = resolve_axis(raw, a, text);
  c.ndims = fill_axes(axes, text);
  for (int a = 0; a < 3; ++a)
    if (axes[a]) store_axis(c, a, *axes[a]);
  return c;
}

// ---- validation -----------------------------------------------------------

[[noreturn, gnu::cold, gnu::noinline]] void not_positive(int64_t value, const std::string& name, const Source& text) {
  throw Error(name, name + "=" + std::to_string(value) + " must be positive in " + quoted(text));
}

void check_positive(int64_t value, const char* name, const Source& text) {
  if (value <= 0) not_positive(value, name, text);
}

void check_divisible(int64_t value, const char* name, int64_t g, const Source& text) {
  if (value % g)
    throw Error(name, std::string(name) + "=" + std::to_string(value) + " is not divisible by g=" + std::to_string(g) +
                          " in " + quoted(text));
}

// A blocked layout keeps each group in whole channel blocks (depthwise, one
// channel a group, runs across the blocks instead).
void check_groups_in_blocks(const ConvDesc& c, const Source& text) {
  const int64_t block = channel_block(c.layout);
  if (!block || c.g == 1 || (c.ic == c.g && c.oc == c.g)) return;
  for (auto [name, per_group] : {std::pair{"ic", c.ic / c.g}, std::pair{"oc", c.oc / c.g}})
    if (per_group % block)
      throw Error(name, std::string(name) + "/g=" + std::to_string(per_group) + " is not a multiple of " +
                            std::to_string(block) + ", the channel block of layout " +
                            std::string(to_string(c.layout)) + " (each group must fill whole blocks) in " +
                            quoted(text));
}

std::string rows_word(int axis) {
  static constexpr const char* kWords[3] = {"planes", "rows", "columns"};
  return kWords[axis];
}

void check_absent_axis(const ConvDesc& c, int a, const Source& text) {
  if (axis_of(c, a) != AxisParams{})
    throw Error(field(I, a), "a " + std::to_string(c.ndims) + "D problem must leave axis " +
                                 kAxisLetter[a] + " at i=o=k=s=1, p=pb=d=0 in " + quoted(text));
}

// The output size must use the input: an output that ends a whole stride or
// more before the last input row leaves rows that no output reads.
void check_present_axis(const ConvDesc& c, int a, const Source& text) {
  const AxisParams x = axis_of(c, a);
  for (int param : {I, O, K, S})
    if (value_of(x, param) <= 0) not_positive(value_of(x, param), field(param, a), text);
  for (int param : {P, Dil})
    if (value_of(x, param) < 0)
      throw Error(field(param, a),
                  assignment(x, param, a) + " must not be negative in " + quoted(text));
  const int64_t pb = back_padding(x, a, text);
  if (x.pb != pb)
    throw Error(field(P, a), "back padding of axis " + std::string(1, kAxisLetter[a]) + " is " +
                                 std::to_string(x.pb) + " but rule 5 gives " + std::to_string(pb) +
                                 " in " + quoted(text));
  if (pb <= -x.s) {
    std::string inputs;
    for (int param : {I, K, Dil, S, P})
      inputs += (inputs.empty() ? "" : ", ") + assignment(x, param, a);
    throw Error(field(O, a), assignment(x, O, a) + " does not match " + inputs + ": the last " +
                                 std::to_string(0 - static_cast<uint64_t>(pb)) + " input " + rows_word(a) +
                                 " would never be read (back padding " + std::to_string(pb) +
                                 " <= -" + field(S, a) + ") in " + quoted(text));
  }
}

// A tensor's element count, the product of `sizes` and its spatial sizes,
// checked.
void check_count(const char* tensor, std::initializer_list<std::pair<const char*, int64_t>> sizes,
                 const std::array<int64_t, 3>& spatial, int param, int first_axis, const Source& text) {
  const Checked checked{[&] {
                          std::string formula;
                          for (auto [name, value] : sizes) formula += (formula.empty() ? "" : "*") + std::string(name);
                          for (int a = first_axis; a < 3; ++a) formula += "*" + field(param, a);
                          return std::pair{std::string(tensor), std::string(tensor) + " element count " + formula};
                        },
                        text};
  int64_t count = 1;
  for (auto [name, value] : sizes) count = checked.mul(count, value);
  for (int a = first_axis; a < 3; ++a) count = checked.mul(count, spatial[a]);
}

// Element counts of every tensor, checked, so that later code may multiply
// sizes freely.
void check_element_counts(const ConvDesc& c, const Source& text) {
  const int first = c.first_axis();
  check_count("src", {{"mb", c.mb}, {"ic", c.ic}}, c.i, I, first, text);
  check_count("dst", {{"mb", c.mb}, {"oc", c.oc}}, c.o, O, first, text);
  check_count("wei", {{"oc", c.oc}, {"ic/g", c.icg()}}, c.k, K, first, text);
}

void check(const ConvDesc& c, const Source& text) {
  if (c.ndims < 1 || c.ndims > 3)
    throw Error("descriptor",
                "ndims=" + std::to_string(c.ndims) + " must be 1, 2 or 3 in " + quoted(text));
  check_positive(c.mb, "mb", text);
  check_positive(c.g, "g", text);
  check_positive(c.ic, "ic", text);
  check_positive(c.oc, "oc", text);
  check_divisible(c.ic, "ic", c.g, text);
  check_divisible(c.oc, "oc", c.g, text);
  check_groups_in_blocks(c, text);
  for (int a = 0; a < 3; ++a)
    a < c.first_axis() ? check_absent_axis(c, a, text) : check_present_axis(c, a, text);
  check_element_counts(c, text);
}

// ---- printing -------------------------------------------------------------

// The axes str() must print so that the fill-downward rule rebuilds the rest.
std::array<bool, 3> printed_axes(const ConvDesc& c) {
  const int first = std::clamp(c.first_axis(), 0, 2);
  std::array<bool, 3> print{};
  print[first] = true;
  for (int a = first + 1; a < 3; ++a)
    if (axis_of(c, a) != axis_of(c, first)) print[first + 1] = print[2] = true;
  return print;
}

// Output pairs (o, kernel tap) along one axis whose input index lies inside
// [0, i): the work of one axis, padding taps excluded.
int64_t valid_taps(int64_t in, int64_t out, int64_t k, int64_t s, int64_t p, int64_t d) {
  // floor division, for offsets that go below zero
  const auto floor_div = [](int64_t a, int64_t b) {
    return a / b - ((a % b) && ((a < 0) != (b < 0)));
  };
  int64_t total = 0;
  for (int64_t kk = 0; kk < k; ++kk) {
    // o*s + off must lie in [0, in)
    const int64_t off = kk * (d + 1) - p;
    const int64_t lo = std::max<int64_t>(0, floor_div(-off + s - 1, s));
    const int64_t hi = std::min<int64_t>(out - 1, floor_div(in - 1 - off, s));
    if (hi >= lo) total += hi - lo + 1;
  }
  return total;
}

}  // namespace

ConvDesc ConvDesc::parse(std::string_view text) {
  ConvDesc c = build(Lexer(text).run(), text);
  check(c, text);
  return c;
}

void ConvDesc::validate() const { check(*this, Source(*this)); }

std::string ConvDesc::str() const {
  std::string out;
  const auto put = [&out](const std::string& key, int64_t v) { out += key + std::to_string(v); };
  const std::array<bool, 3> print = printed_axes(*this);
  const auto put_axes = [&](int param, const std::array<int64_t, 3>& v,
                            std::optional<int64_t> skip) {
    for (int a = 0; a < 3; ++a)
      if (print[a] && (!skip || v[a] != *skip)) put(field(param, a), v[a]);
  };
  if (g_written || g > 1) put("g", g);
  put("mb", mb);
  put("ic", ic);
  put_axes(I, i, std::nullopt);
  put("oc", oc);
  put_axes(O, o, std::nullopt);
  put_axes(K, k, std::nullopt);
  put_axes(S, s, 1);
  put_axes(P, p, std::nullopt);
  put_axes(Dil, d, 0);
  if (!name.empty()) out += "n" + name;
  return out;
}

std::string ConvDesc::full_str() const {
  return std::string(to_string(dt)) + " " + std::string(to_string(layout)) + " " + to_string(post_ops) + " " +
         (algorithm == Algorithm::direct ? "" : std::string(to_string(algorithm)) + " ") + str();
}

Shape activation_shape(Layout layout, int64_t batch, int64_t channels, const Shape& spatial) {
  if (spatial.nd < 1 || spatial.nd > 3)
    throw Error("spatial", "spatial " + spatial.str() + " must have 1 to 3 sizes");
  const int64_t block = channel_block(layout);
  Shape sh;
  sh.dim[sh.nd++] = batch;
  if (layout == Layout::ncx) sh.dim[sh.nd++] = channels;
  if (block) sh.dim[sh.nd++] = (channels + block - 1) / block;
  for (int a = 0; a < spatial.nd; ++a) sh.dim[sh.nd++] = spatial.dim[a];
  if (layout == Layout::nxc) sh.dim[sh.nd++] = channels;
  if (block) sh.dim[sh.nd++] = block;
  return sh;
}

Shape ConvDesc::src_shape(int64_t batch) const { return activation_shape(layout, batch, ic, spatial_shape(i)); }

Shape ConvDesc::dst_shape(int64_t batch) const { return activation_shape(layout, batch, oc, spatial_shape(o)); }

Shape ConvDesc::spatial_shape(const std::array<int64_t, 3>& sizes) const {
  Shape sh;
  for (int a = first_axis(); a < 3; ++a) sh.dim[sh.nd++] = sizes[a];
  return sh;
}

Shape ConvDesc::wei_shape() const {
  Shape sh;
  // g > 1 without g_written only arises from hand-built descs; the group dim
  // is still needed there, or the shape would hold 1/g of the weights.
  if (g_written || g > 1) sh.dim[sh.nd++] = g;
  sh.dim[sh.nd++] = ocg();
  sh.dim[sh.nd++] = icg();
  for (int a = first_axis(); a < 3; ++a) sh.dim[sh.nd++] = k[a];
  return sh;
}

Shape ConvDesc::bias_shape() const {
  Shape sh;
  sh.dim[sh.nd++] = oc;
  return sh;
}

double ConvDesc::flops(int64_t batch) const {
  double work =
      2.0 * static_cast<double>(batch) * static_cast<double>(oc) * static_cast<double>(icg());
  for (int a = 0; a < 3; ++a)
    work *= static_cast<double>(valid_taps(i[a], o[a], k[a], s[a], p[a], d[a]));
  return work;
}

}  // namespace convjit
