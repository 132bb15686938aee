"""The README's Python example: a 6x6 image filtered with a 3x3 box filter,
zero padding of 1, then a batch through a kernel object."""
import numpy as np

import convjit

image = np.ones((1, 1, 6, 6), np.float32)  # [N, C, H, W], as in PyTorch
box = np.ones((1, 1, 3, 3), np.float32)    # [OC, C / groups, KH, KW]
y = convjit.conv(image, box, padding=1)    # torch.nn.functional.conv2d's semantics
# Corners see 4 taps of the image, edges 6, the interior 9.
print(y.shape, y[0, 0, 0, 0], y[0, 0, 0, 1], y[0, 0, 1, 1])
assert (y[0, 0, 0, 0], y[0, 0, 0, 1], y[0, 0, 1, 1]) == (4, 6, 9)

# A layer called many times: a kernel compiled once, its weights bound once.
engine = convjit.Engine(threads=1)
kernel = engine.kernel(image.shape, box.shape, padding=1)
kernel.bind(box)
batch = np.ones((8, 1, 6, 6), np.float32)  # any batch size
out = np.empty(kernel.output_shape(8), np.float32)
kernel(batch, out=out)                     # writes into out, allocates nothing
print(kernel.plan)
assert (out == y).all()

# An impossible problem is a convjit.Error (a ValueError) naming the field.
try:
    engine.kernel("mb1ic3ih32oc10kh2g3")   # 10 channels in 3 groups
    raise SystemExit(1)
except convjit.Error as e:
    print(f"{e.field}: {e}")
