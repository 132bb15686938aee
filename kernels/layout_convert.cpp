#include <algorithm>
#include <cstring>
#include <numeric>

#include "convjit/error.hpp"
#include "convjit/layout.hpp"
#include "kernels/transpose.hpp"
#include "problem/activation_strides.hpp"

namespace convjit {
namespace {

// The spatial sizes of a view in `layout`: its shape without the batch and
// channel dimensions.
Shape spatial_of(const Shape& shape, Layout layout, const std::string& name) {
  const int channel_dims = channel_block(layout) ? 2 : 1;
  if (shape.nd < 2 + channel_dims || shape.nd > 4 + channel_dims)
    throw Error(name, name + " has shape " + shape.str() + ": layout " + std::string(to_string(layout)) +
                          " needs batch, " + (channel_dims == 2 ? "channel blocks, " : "channels, ") +
                          "1 to 3 spatial sizes" + (channel_dims == 2 ? " and the block" : ""));
  Shape spatial;
  const int first = layout == Layout::nxc ? 1 : 2;
  for (int i = first; i < first + shape.nd - 1 - channel_dims; ++i) spatial.dim[spatial.nd++] = shape.dim[i];
  return spatial;
}

// Channels that share one stride on both sides: a run of a blocked
// layout's block (of the smaller block when both are blocked), all of them
// otherwise.
int64_t chunk_channels(const ActivationStrides& a, const ActivationStrides& b, int64_t channels) {
  int64_t chunk = 0;
  for (const ActivationStrides* s : {&a, &b})
    if (s->block > 1 && s->cblock != 0) chunk = chunk ? std::gcd(chunk, s->block) : s->block;  // blocked
  return chunk ? std::min(chunk, channels) : channels;
}

// Between channels of a chunk: a plane apart channels first, adjacent otherwise.
int64_t channel_step(const ActivationStrides& s) { return s.block == 1 ? s.cblock : 1; }

// A chunk of channels x pixels is a transpose when one side runs along the
// pixels and the other along the channels, and rows of copies otherwise
// (element by element, the indexing cost more than the copy).
template <class T>
void convert(const T* from, const ActivationStrides& fs, T* to, const ActivationStrides& ts, int64_t batch,
             int64_t channels, int64_t pixels, int64_t to_elems) {
  if (ts.block < channels && channels % ts.block) std::memset(to, 0, to_elems * sizeof(T));  // padding lanes
  const int64_t chunk = chunk_channels(fs, ts, channels);
  const int64_t cf = channel_step(fs), ct = channel_step(ts), pf = fs.w, pt = ts.w;
  for (int64_t n = 0; n < batch; ++n)
    for (int64_t c0 = 0; c0 < channels; c0 += chunk) {
      const int64_t count = std::min(chunk, channels - c0);
      const T* in = from + n * fs.n + fs.channel(c0);
      T* out = to + n * ts.n + ts.channel(c0);
      if (pf == 1 && ct == 1) {
        transpose(in, count, pixels, cf, out, pt);
      } else if (cf == 1 && pt == 1) {
        transpose(in, pixels, count, pf, out, ct);
      } else if (cf == 1) {  // channels adjacent on both sides
        for (int64_t p = 0; p < pixels; ++p) std::copy(in + p * pf, in + p * pf + count, out + p * pt);
      } else {  // pixels adjacent on both sides
        for (int64_t c = 0; c < count; ++c) std::copy(in + c * cf, in + c * cf + pixels, out + c * ct);
      }
    }
}

}  // namespace

void convert_layout(const ConstTensorView& from, Layout from_layout, const TensorView& to,
                    Layout to_layout, int64_t channels) {
  if (channels <= 0) throw Error("channels", "channels=" + std::to_string(channels) + " must be positive");
  if (!from.data || !to.data) throw Error(from.data ? "to" : "from", "null tensor data");
  if (from.dt != to.dt)
    throw Error("to", "to is " + std::string(to_string(to.dt)) + " but from is " + std::string(to_string(from.dt)));
  const Shape spatial = spatial_of(from.shape, from_layout, "from");
  const int64_t batch = from.shape.dim[0];
  const Shape want_from = activation_shape(from_layout, batch, channels, spatial);
  if (!(from.shape == want_from))
    throw Error("from", "from has shape " + from.shape.str() + " but " + std::to_string(channels) +
                            " channels in layout " + std::string(to_string(from_layout)) + " take " + want_from.str());
  const Shape want_to = activation_shape(to_layout, batch, channels, spatial);
  if (!(to.shape == want_to))
    throw Error("to", "to has shape " + to.shape.str() + " but layout " + std::string(to_string(to_layout)) +
                          " of this tensor is " + want_to.str());
  std::array<int64_t, 3> sizes{1, 1, 1};
  for (int a = 0; a < spatial.nd; ++a) sizes[3 - spatial.nd + a] = spatial.dim[a];
  const ActivationStrides fs = ActivationStrides::of(from_layout, channels, sizes);
  const ActivationStrides ts = ActivationStrides::of(to_layout, channels, sizes);
  const int64_t pixels = sizes[0] * sizes[1] * sizes[2];
  if (from.dt == DataType::f64)
    convert(static_cast<const double*>(from.data), fs, static_cast<double*>(to.data), ts, batch, channels,
            pixels, to.shape.elems());
  else
    convert(static_cast<const float*>(from.data), fs, static_cast<float*>(to.data), ts, batch, channels,
            pixels, to.shape.elems());
}

}  // namespace convjit
