"""Random convolution problems over the space convjit.conv takes, as
keyword arguments of convjit.conv, replayable by seed and index: 1 to 3
spatial axes, sizes, kernels, strides, dilations, every padding form
(int, per axis, (front, back) pairs, "valid", "same"), groups and
depthwise, both layouts, bias, ReLU, batch, and integer or real data."""
import numpy as np


def _per_axis(rng, values):
    """An int when every axis agrees and a coin says so, else a tuple or list."""
    if len(set(values)) == 1 and rng.random() < 0.5:
        return int(values[0])
    return tuple(int(v) for v in values) if rng.random() < 0.7 else [int(v) for v in values]


def _sees_input(size, kernel, stride, dilation, front, back):
    """Whether some output's window reads the input on every axis: a problem
    whose outputs all lie in the padding compares nothing but the bias."""
    for i, k, s, d, f, b in zip(size, kernel, stride, dilation, front, back):
        outputs = (i + f + b - (k - 1) * d - 1) // s + 1
        rows = np.arange(outputs)[:, None] * s - f + np.arange(k)[None, :] * d
        if not ((rows >= 0) & (rows < i)).any():
            return False
    return True


def problem(seed, index, dtype=np.float64):
    rng = np.random.default_rng([seed, index])
    nd = int(rng.choice([1, 2, 3], p=[0.3, 0.5, 0.2]))
    max_size = {1: 40, 2: 14, 3: 7}[nd]
    kind = rng.choice(["plain", "grouped", "depthwise"], p=[0.6, 0.2, 0.2])
    if kind == "plain":
        groups, icg, ocg = 1, int(rng.integers(1, 6)), int(rng.integers(1, 9))
    elif kind == "grouped":
        groups, icg, ocg = int(rng.integers(2, 4)), int(rng.integers(1, 4)), int(rng.integers(1, 4))
    else:
        groups, icg, ocg = int(rng.integers(1, 17)), 1, 1
    while True:
        size = rng.integers(1, max_size + 1, nd)
        kernel = rng.integers(1, min(5, max_size) + 1, nd)
        stride = rng.integers(1, 4, nd) if rng.random() < 0.5 else np.ones(nd, int)
        dilation = rng.integers(1, 4, nd) if rng.random() < 0.3 else np.ones(nd, int)
        form = rng.choice(["int", "axes", "pairs", "valid", "same"])
        if form == "same" and (stride != 1).any():
            form = "pairs"
        extent = (kernel - 1) * dilation + 1
        if form == "int":
            p = int(rng.integers(0, 4))
            front = back = np.full(nd, p)
            padding = p
        elif form == "axes":
            front = back = rng.integers(0, 4, nd)
            padding = tuple(int(v) for v in front)
        elif form == "pairs":
            front, back = rng.integers(0, 5, nd), rng.integers(0, 5, nd)
            padding = tuple((int(f), int(b)) for f, b in zip(front, back))
        elif form == "valid":
            front = back = np.zeros(nd, int)
            padding = "valid"
        else:
            total = dilation * (kernel - 1)
            front, back = total // 2, total - total // 2
            padding = "same"
        if (size + front + back >= extent).all() and \
                _sees_input(size, kernel, stride, dilation, front, back):
            break
    layout = str(rng.choice(["ncx", "nxc"]))
    batch = int(rng.integers(1, 4))
    channels, out_channels = groups * icg, groups * ocg
    integer = rng.random() < 0.5
    fill = (lambda shape: rng.integers(-3, 4, shape).astype(dtype)) if integer else \
        (lambda shape: rng.uniform(-1, 1, shape).astype(dtype))
    spatial = tuple(int(v) for v in size)
    x = fill((batch, channels) + spatial if layout == "ncx" else (batch,) + spatial + (channels,))
    w = fill((out_channels, icg) + tuple(int(v) for v in kernel))
    b = fill((out_channels,)) if rng.random() < 0.5 else None
    args = dict(stride=_per_axis(rng, stride), padding=padding, dilation=_per_axis(rng, dilation),
                groups=groups, relu=bool(rng.random() < 0.3), layout=layout)
    return dict(x=x, w=w, b=b, integer=integer, kind=str(kind), form=str(form), args=args)


def describe(p):
    return (f"input {p['x'].shape} weight {p['w'].shape} bias {p['b'] is not None} "
            f"{'integer' if p['integer'] else 'real'} {p['args']}")
