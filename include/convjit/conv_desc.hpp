#pragma once
// ConvDesc: a convolution problem and nothing else. Parsed from and printed
// to the benchdnn descriptor syntax (problems/README.md has the grammar).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "convjit/types.hpp"

#pragma GCC visibility push(default)
namespace convjit {

struct ConvDesc {
  // Spatial axes are stored as depth, height, width; an absent axis has
  // i = o = k = s = 1 and p = pb = d = 0, so every problem can be walked as 3D.
  enum Axis : int { D = 0, H = 1, W = 2 };

  int ndims = 2;  // spatial dimensions: 1, 2 or 3
  int64_t mb = 2, g = 1, ic = 0, oc = 0;
  bool g_written = false;  // `g` appeared in the text: weights get a G dim
  std::array<int64_t, 3> i{1, 1, 1};   // input size
  std::array<int64_t, 3> o{1, 1, 1};   // output size
  std::array<int64_t, 3> k{1, 1, 1};   // kernel size
  std::array<int64_t, 3> s{1, 1, 1};   // stride
  std::array<int64_t, 3> p{0, 0, 0};   // front padding
  std::array<int64_t, 3> pb{0, 0, 0};  // back padding, derived; may be < 0
  std::array<int64_t, 3> d{0, 0, 0};   // dilation, 0-based
  std::string name;                    // as written after `n`, quotes kept

  // Not part of the descriptor syntax; set by the caller or the CLI.
  DataType dt = DataType::f32;
  Layout layout = Layout::ncx;
  PostOps post_ops;
  Algorithm algorithm = Algorithm::direct;  // Winograd only when asked

  // Parses one descriptor token. Throws Error naming the key on any problem.
  static ConvDesc parse(std::string_view text);
  // The canonical descriptor: parse(str()) == *this.
  std::string str() const;
  // Data type, layout and post-ops too, for logs: "f32 ncx bias,relu mb1ic1...".
  std::string full_str() const;
  // Checks every rule of the grammar and 64-bit element counts; throws Error.
  void validate() const;

  int first_axis() const { return 3 - ndims; }  // D for 3D, H for 2D, W for 1D
  int64_t ext(int a) const { return (k[a] - 1) * (d[a] + 1) + 1; }  // kernel extent
  int64_t icg() const { return ic / g; }
  int64_t ocg() const { return oc / g; }
  int64_t spatial_in() const { return i[0] * i[1] * i[2]; }
  int64_t spatial_out() const { return o[0] * o[1] * o[2]; }
  int64_t spatial_k() const { return k[0] * k[1] * k[2]; }

  // User-visible tensor shapes (the layout decides src/dst dim order).
  Shape src_shape(int64_t batch) const;
  Shape dst_shape(int64_t batch) const;
  Shape spatial_shape(const std::array<int64_t, 3>& sizes) const;  // the present axes of i or o
  Shape wei_shape() const;   // [G,] OC/G, IC/G, [KD,] [KH,] KW
  Shape bias_shape() const;  // [OC]
  // Multiply-adds over valid taps only (padding taps do not count), x2.
  double flops(int64_t batch) const;

  bool operator==(const ConvDesc& o) const = default;
};

// One line of a shape file.
struct ShapeEntry {
  ConvDesc desc;
  int64_t repeats = 1;  // from a name ending in *N
  int line = 0;
};
// Reads a benchdnn shape file: `#` comments, blank lines, `--` options are
// skipped. Throws Error naming "file:line" on a bad descriptor.
std::vector<ShapeEntry> read_shape_file(const std::string& path);
std::vector<ShapeEntry> parse_shape_text(std::string_view text, const std::string& origin);

}  // namespace convjit
#pragma GCC visibility pop
