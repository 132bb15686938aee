// The small value types of types.hpp: names, parsers and Shape.
#include "convjit/types.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>
#include <utility>

#include "convjit/error.hpp"

namespace convjit {
namespace {

template <class T>
using Names = std::initializer_list<std::pair<std::string_view, T>>;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Only the first name of each value is listed in the error: the aliases
// (nchw, nhwc, ...) are conveniences, not the vocabulary to teach.
template <class T>
[[noreturn]] void unknown_value(std::string_view text, const std::string& field, Names<T> names) {
  std::string expected;
  const T* last = nullptr;
  for (const auto& [name, value] : names) {
    if (last && *last == value) continue;
    if (!expected.empty()) expected += ", ";
    expected += name;
    last = &value;
  }
  throw Error(field, field + ": unknown value '" + std::string(text) +
                         "' (expected one of: " + expected + ")");
}

// Case-insensitive lookup, so "AVX2" and "NHWC" work from the command line.
template <class T>
T lookup(std::string_view text, const std::string& field, Names<T> names) {
  const std::string key = lower(text);
  for (const auto& [name, value] : names)
    if (key == lower(name)) return value;
  unknown_value(text, field, names);
}

}  // namespace

std::size_t size_of(DataType dt) { return dt == DataType::f64 ? sizeof(double) : sizeof(float); }

std::string_view to_string(DataType dt) { return dt == DataType::f64 ? "f64" : "f32"; }

std::string_view to_string(Layout layout) {
  switch (layout) {
    case Layout::ncx:
      return "ncx";
    case Layout::nxc:
      return "nxc";
    case Layout::nCx8c:
      return "nCx8c";
    case Layout::nCx16c:
      return "nCx16c";
  }
  return "?";
}

int64_t channel_block(Layout layout) {
  return layout == Layout::nCx8c ? 8 : layout == Layout::nCx16c ? 16 : 0;
}

std::string_view to_string(Isa isa) {
  switch (isa) {
    case Isa::scalar:
      return "scalar";
    case Isa::avx2:
      return "avx2";
    case Isa::avx512:
      return "avx512";
  }
  return "?";
}

std::string_view to_string(Backend backend) {
  switch (backend) {
    case Backend::automatic:
      return "auto";
    case Backend::jit:
      return "jit";
    case Backend::interp:
      return "interp";
    case Backend::reference:
      return "reference";
  }
  return "?";
}

std::string_view to_string(Algorithm algorithm) {
  switch (algorithm) {
    case Algorithm::direct:
      return "direct";
    case Algorithm::winograd:
      return "winograd";
    case Algorithm::fastest:
      return "fastest";
    case Algorithm::winograd_2x2:
      return "winograd_2x2";
  }
  return "?";
}

std::string to_string(PostOps post_ops) {
  if (post_ops.bias && post_ops.relu) return "bias,relu";
  if (post_ops.bias) return "bias";
  if (post_ops.relu) return "relu";
  return "none";
}

DataType parse_data_type(std::string_view text, const std::string& field) {
  return lookup<DataType>(text, field, {{"f32", DataType::f32}, {"f64", DataType::f64}});
}

Layout parse_layout(std::string_view text, const std::string& field) {
  return lookup<Layout>(text, field,
                        {{"ncx", Layout::ncx},
                         {"ncw", Layout::ncx},
                         {"nchw", Layout::ncx},
                         {"ncdhw", Layout::ncx},
                         {"nxc", Layout::nxc},
                         {"nwc", Layout::nxc},
                         {"nhwc", Layout::nxc},
                         {"ndhwc", Layout::nxc},
                         {"nCx8c", Layout::nCx8c},
                         {"nCw8c", Layout::nCx8c},
                         {"nChw8c", Layout::nCx8c},
                         {"nCdhw8c", Layout::nCx8c},
                         {"nCx16c", Layout::nCx16c},
                         {"nCw16c", Layout::nCx16c},
                         {"nChw16c", Layout::nCx16c},
                         {"nCdhw16c", Layout::nCx16c}});
}

Isa parse_isa(std::string_view text, const std::string& field) {
  return lookup<Isa>(text, field,
                     {{"scalar", Isa::scalar}, {"avx2", Isa::avx2}, {"avx512", Isa::avx512}});
}

Backend parse_backend(std::string_view text, const std::string& field) {
  return lookup<Backend>(text, field,
                         {{"auto", Backend::automatic},
                          {"jit", Backend::jit},
                          {"interp", Backend::interp},
                          {"reference", Backend::reference}});
}

Algorithm parse_algorithm(std::string_view text, const std::string& field) {
  return lookup<Algorithm>(text, field, {{"direct", Algorithm::direct}, {"winograd", Algorithm::winograd},
                                         {"winograd_2x2", Algorithm::winograd_2x2}, {"fastest", Algorithm::fastest}});
}

PostOps parse_post_ops(std::string_view text, const std::string& field) {
  PostOps ops;
  if (text.empty() || lower(text) == "none") return ops;
  enum class Op { bias, relu };
  const Names<Op> names = {{"bias", Op::bias}, {"relu", Op::relu}};
  while (true) {
    const std::size_t comma = text.find(',');
    const std::string_view word = text.substr(0, comma);
    if (lookup<Op>(word, field, names) == Op::bias)
      ops.bias = true;
    else
      ops.relu = true;
    if (comma == std::string_view::npos) return ops;
    text.remove_prefix(comma + 1);
  }
}

int64_t Shape::elems() const {
  int64_t n = 1;
  for (int a = 0; a < nd; ++a) n *= dim[a];
  return n;
}

std::string Shape::str() const {
  std::string out = "[";
  for (int a = 0; a < nd; ++a) {
    if (a) out += ',';
    out += std::to_string(dim[a]);
  }
  return out + "]";
}

bool Shape::operator==(const Shape& o) const {
  return nd == o.nd && std::equal(dim.begin(), dim.begin() + nd, o.dim.begin());
}

}  // namespace convjit
