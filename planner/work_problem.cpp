#include "planner/work_problem.hpp"

#include <optional>

namespace convjit {

namespace {

using AxisFields = std::array<std::array<int64_t, 3> ConvDesc::*, 7>;
constexpr AxisFields kAxisFields{&ConvDesc::i, &ConvDesc::o, &ConvDesc::k, &ConvDesc::s,
                                 &ConvDesc::p, &ConvDesc::pb, &ConvDesc::d};

// The filter covers the whole axis, unpadded, for one output.
bool spans_axis(const ConvDesc& d, int a) {
  return d.o[a] == 1 && d.k[a] == d.i[a] && d.p[a] == 0 && d.pb[a] == 0;
}

bool trivial_axis(const ConvDesc& d, int a) {
  return d.i[a] == 1 && d.o[a] == 1 && d.k[a] == 1 && d.p[a] == 0 && d.pb[a] == 0;
}

void clear_axis(ConvDesc& d, int a) {
  for (auto field : kAxisFields) (d.*field)[a] = (ConvDesc().*field)[a];
}

// Each rewrite returns the same computation in a simpler form, or nullopt
// where it does not apply; they are tried in order until none applies.
using Rewrite = std::optional<ConvDesc> (*)(const ConvDesc&);

// One input and one output pixel: channels first is channels last.
std::optional<ConvDesc> one_pixel_channels_last(const ConvDesc& desc) {
  if (desc.layout != Layout::ncx || desc.spatial_in() != 1 || desc.spatial_out() != 1) return std::nullopt;
  ConvDesc same = desc;
  same.layout = Layout::nxc;
  return same;
}

// One channel in and out: channels last is channels first, whose kernels
// read and write the tensors as they are (no staging, no transposes).
std::optional<ConvDesc> one_channel_channels_first(const ConvDesc& desc) {
  if (desc.layout != Layout::nxc || desc.ic != 1 || desc.oc != 1 || desc.spatial_out() <= 1) return std::nullopt;
  ConvDesc same = desc;
  same.layout = Layout::ncx;
  return same;
}

// A filter as wide as the unpadded image, one output wide: the rows it
// reads are contiguous, so the width joins the height (a row of taps
// becomes kh * iw taps, and outputs step by sh * iw), in every layout.
std::optional<ConvDesc> whole_rows(const ConvDesc& desc) {
  if (desc.ndims == 1 || !spans_axis(desc, ConvDesc::W) || desc.i[ConvDesc::W] == 1 ||
      (desc.d[ConvDesc::H] != 0 && desc.k[ConvDesc::H] != 1))
    return std::nullopt;
  ConvDesc rows = desc;
  const int64_t w = desc.i[ConvDesc::W];
  for (auto field : {&ConvDesc::i, &ConvDesc::k, &ConvDesc::s, &ConvDesc::p, &ConvDesc::pb})
    (rows.*field)[ConvDesc::H] *= w;
  rows.d[ConvDesc::H] = 0;
  clear_axis(rows, ConvDesc::W);
  return rows;
}

// Channels first, a filter as deep (or tall) as the unpadded image: the
// planes of each channel are contiguous, so they become channels.
std::optional<ConvDesc> planes_as_channels(const ConvDesc& desc) {
  const int a = desc.first_axis();
  if (desc.layout != Layout::ncx || desc.ndims == 1 || !spans_axis(desc, a) || desc.i[a] == 1) return std::nullopt;
  ConvDesc planes = desc;
  planes.ic *= desc.i[a];
  clear_axis(planes, a);
  planes.ndims -= 1;
  return planes;
}

// A trivial width under axes with extent: the width is the next axis in.
std::optional<ConvDesc> drop_trivial_width(const ConvDesc& desc) {
  if (desc.ndims == 1 || !trivial_axis(desc, ConvDesc::W)) return std::nullopt;
  ConvDesc inner = desc;
  for (auto field : kAxisFields)
    for (int a = ConvDesc::W; a > desc.first_axis(); --a) (inner.*field)[a] = (desc.*field)[a - 1];
  clear_axis(inner, desc.first_axis());
  inner.ndims -= 1;
  return inner;
}

// One axis with any extent (an 80x1 image, a depth of 5 over 1x1 pixels):
// a 1D problem along the width, where the strategies lay their vectors and
// tails.
std::optional<ConvDesc> one_axis_as_1d(const ConvDesc& desc) {
  if (desc.ndims == 1) return std::nullopt;
  int extents = 0, axis = ConvDesc::W;
  for (int a = desc.first_axis(); a < 3; ++a)
    if (!trivial_axis(desc, a)) ++extents, axis = a;
  if (extents != 1) return std::nullopt;
  ConvDesc line = desc;
  line.ndims = 1;
  for (auto field : kAxisFields) {
    const int64_t along = (desc.*field)[axis];
    (line.*field) = (ConvDesc().*field);
    (line.*field)[ConvDesc::W] = along;
  }
  return line;
}

constexpr Rewrite kRewrites[] = {one_pixel_channels_last, one_channel_channels_first, whole_rows,
                                 planes_as_channels,      drop_trivial_width,         one_axis_as_1d};

// Last, and once: a 1x1, stride-1, unpadded convolution of several axes is
// a 1D one over all pixels; channels first, rows of a whole number of
// vectors when some width divides them, so that the driver can tile the
// image by rows and sweep every output-channel block over a tile in the L2.
ConvDesc flattened(const ConvDesc& desc) {
  for (int a = 0; a < 3; ++a)
    if (desc.k[a] != 1 || desc.s[a] != 1 || desc.p[a] != 0 || desc.pb[a] != 0) return desc;
  if (desc.ndims == 1) return desc;
  ConvDesc flat = desc;
  const int64_t pixels = desc.spatial_out();
  flat.d = {0, 0, 0};
  if (desc.layout == Layout::ncx)
    for (int64_t width : {64, 48, 32, 16})
      if (pixels % width == 0 && pixels > width) {
        flat.ndims = 2;
        flat.i = flat.o = {1, pixels / width, width};
        return flat;
      }
  flat.ndims = 1;
  flat.i = {1, 1, pixels};
  flat.o = {1, 1, pixels};
  return flat;
}

// A 1x1 unpadded filter with a stride: over the pixels it reads, gathered,
// the same problem at stride 1, where the gather pays.
// Each output-channel block of the strided kernel rereads its row tile from
// the L2, one used element in s per row and one row in s; the gather reads
// the whole input once from memory (the prefetchers bring every line), a
// pass the strided kernel overlaps with its arithmetic, so it pays on large
// planes with many outputs per input element. Measured on ResNet-50's six
// strided 1x1 layers (Xeon, 1 thread, gathered over strided, interleaved):
// res3a_branch1 (56x56 planes, 128 outputs per input element) 0.63-0.73,
// res4a_branch1 (28x28, 256) 0.80-0.85, res4a_branch2a (28x28, 64)
// 0.81-0.90; left strided: res3a_branch2a (56x56, 32) 1.05-1.10 and res5a
// (14x14 planes, read well by the strided kernel) 0.91-1.11. Channels last
// and blocked, whose strided kernel reads whole lines of channels a pixel,
// it pays on more outputs per input element only: res3a_branch1 and
// res4a_branch1 0.77 (nCx16c) and 0.90-0.91 (nxc), res4a_branch2a
// 1.01-1.07; with src off a cache line, the gather's copy is what reads it.
constexpr int64_t kMinGatheredPlaneBytes = 2048;
constexpr int64_t kMinOutputsPerInputElement = 64, kMinOutputsPerInputElementPixels = 128;

std::optional<ConvDesc> gathered(const ConvDesc& desc) {
  bool strided = false;
  for (int a = 0; a < 3; ++a) {
    if (desc.k[a] != 1 || desc.p[a] != 0 || desc.pb[a] > 0) return std::nullopt;
    strided = strided || (desc.s[a] > 1 && desc.o[a] > 1);
  }
  const int64_t plane = desc.spatial_in() * int64_t(size_of(desc.dt));
  const int64_t outputs_per_input = desc.ocg() * desc.spatial_out() / desc.spatial_in();
  const int64_t min_outputs =
      desc.layout == Layout::ncx ? kMinOutputsPerInputElement : kMinOutputsPerInputElementPixels;
  if (!strided || plane < kMinGatheredPlaneBytes || outputs_per_input < min_outputs) return std::nullopt;
  ConvDesc compact = desc;
  compact.i = desc.o;
  compact.s = {1, 1, 1};
  compact.pb = {0, 0, 0};
  compact.d = {0, 0, 0};
  return compact;
}

ConvDesc rewritten(ConvDesc desc) {
  for (bool again = true; again;) {
    again = false;
    for (Rewrite rewrite : kRewrites)
      if (std::optional<ConvDesc> simpler = rewrite(desc)) {
        desc = *simpler;
        again = true;
        break;
      }
  }
  return flattened(desc);
}

}  // namespace

WorkProblem::WorkProblem(const ConvDesc& user) : ConvDesc(user) {
  const std::optional<ConvDesc> compact = gathered(user);
  gathers_input = compact.has_value();
  static_cast<ConvDesc&>(*this) = rewritten(compact.value_or(user));
}

}  // namespace convjit
