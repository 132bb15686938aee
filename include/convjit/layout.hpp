#pragma once
// Converting activations between layouts, for callers who keep a blocked
// layout (nCx8c, nCx16c) between layers and convert at the edges.
#include <cstdint>

#include "convjit/types.hpp"

#pragma GCC visibility push(default)
namespace convjit {

// The shape of an activation tensor of `batch` images, `channels` channels
// and spatial sizes `spatial` (1 to 3 values, outermost first) in `layout`:
// ncx [N, C, D, H, W], nxc [N, D, H, W, C], blocked [N, ceil(C/B), D, H, W, B].
Shape activation_shape(Layout layout, int64_t batch, int64_t channels, const Shape& spatial);

// to = from, from one layout to another (the same one copies). Both views
// hold the same `channels`-channel tensor, each in its layout's shape; the
// padding channels of a blocked `to` are set to 0 and those of a blocked
// `from` are not read. Throws Error naming the view whose data type or
// shape does not fit, before writing anything.
void convert_layout(const ConstTensorView& from, Layout from_layout, const TensorView& to,
                    Layout to_layout, int64_t channels);

}  // namespace convjit
#pragma GCC visibility pop
