#pragma once
// Small value types shared by the whole API: data types, layouts, post-ops,
// ISAs, backends and tensor shapes.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#pragma GCC visibility push(default)
namespace convjit {

enum class DataType : uint8_t { f32, f64 };
// Activation layouts: channels second (NCW/NCHW/NCDHW), last (NWC/NHWC/NDHWC),
// or blocked by 8 or 16 channels (oneDNN's nChw8c / nChw16c): the channels in
// blocks of B, each block a channels-last tensor of B channels, the last
// block padded to B; convjit never reads the padding channels of an input
// and leaves those of an output as they were.
enum class Layout : uint8_t { ncx, nxc, nCx8c, nCx16c };
// Instruction sets, ordered: a cap of avx2 allows scalar and avx2.
enum class Isa : uint8_t { scalar, avx2, avx512 };
enum class Backend : uint8_t { automatic, jit, interp, reference };
// How a kernel may compute: direct convolution (every strategy but
// Winograd's; exact but for the order of its sums), Winograd (fewer
// multiplications, a larger rounding error: opt-in), or the fastest of all
// that apply: with a JIT, each algorithm's plan is compiled and timed here
// once per problem and engine (a few runs, at most about 0.1 s each).
// winograd_2x2 is the accurate Winograd: F(2x2, 3x3) only, its sums over
// input channels in shorter chains; about 1.8x the multiplications of
// F(4x4, 3x3) and a fifth to a seventh of its error on ResNet-50 and VGG-19
// layers (README.md, Winograd), for users who want fewer multiplications
// than direct convolution but no more error than it.
enum class Algorithm : uint8_t { direct, winograd, fastest, winograd_2x2 };

struct PostOps {
  bool bias = false;  // dst += bias[oc]
  bool relu = false;  // dst = max(dst, 0), after the bias
  bool operator==(const PostOps&) const = default;
};

std::size_t size_of(DataType dt);
std::string_view to_string(DataType dt);
std::string_view to_string(Layout layout);  // "ncx", "nxc", "nCx8c", "nCx16c"
// Channels per block of a blocked layout; 0 for ncx and nxc.
int64_t channel_block(Layout layout);
std::string_view to_string(Isa isa);
std::string_view to_string(Backend backend);
std::string_view to_string(Algorithm algorithm);  // "direct", "winograd", "fastest", "winograd_2x2"
std::string to_string(PostOps post_ops);    // "none", "bias", "relu", "bias,relu"
// The parsers throw Error naming `field` on an unknown word.
DataType parse_data_type(std::string_view text, const std::string& field = "dt");
Layout parse_layout(std::string_view text, const std::string& field = "layout");
Isa parse_isa(std::string_view text, const std::string& field = "isa");
Backend parse_backend(std::string_view text, const std::string& field = "backend");
Algorithm parse_algorithm(std::string_view text, const std::string& field = "algorithm");
PostOps parse_post_ops(std::string_view text, const std::string& field = "post-ops");

// A dense row-major shape of up to 6 dimensions; no heap, so cheap to pass.
struct Shape {
  int nd = 0;
  std::array<int64_t, 6> dim{};
  int64_t elems() const;  // product of the dims (1 for nd == 0)
  std::string str() const;  // "[2,3,32,32]"
  bool operator==(const Shape& o) const;
};

// A view of a tensor the caller owns: pointer, element type and shape. The
// memory is dense, row-major in the shape given.
template <class Ptr>
struct BasicTensorView {
  Ptr data = nullptr;
  DataType dt = DataType::f32;
  Shape shape;

  BasicTensorView() = default;
  BasicTensorView(Ptr data_, DataType dt_, Shape shape_) : data(data_), dt(dt_), shape(shape_) {}
  // A writable view is also a read-only one.
  template <class Other>
    requires std::is_convertible_v<Other, Ptr>
  BasicTensorView(const BasicTensorView<Other>& o) : data(o.data), dt(o.dt), shape(o.shape) {}
};
using TensorView = BasicTensorView<void*>;
using ConstTensorView = BasicTensorView<const void*>;

}  // namespace convjit
#pragma GCC visibility pop
