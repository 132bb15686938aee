#include <cstring>

#include "convjit/error.hpp"
#include "convjit/layout.hpp"
#include "planner/activation_strides.hpp"

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

template <class T>
void convert(const T* from, const ActivationStrides& fs, T* to, const ActivationStrides& ts, int64_t batch,
             int64_t channels, int64_t pixels, int64_t to_elems) {
  if (ts.block < channels && channels % ts.block) std::memset(to, 0, to_elems * sizeof(T));  // padding lanes
  for (int64_t n = 0; n < batch; ++n)
    for (int64_t p = 0; p < pixels; ++p)
      for (int64_t c = 0; c < channels; ++c)
        to[n * ts.n + ts.channel(c) + p * ts.w] = from[n * fs.n + fs.channel(c) + p * fs.w];
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
