#!/usr/bin/python3
"""Checks convjit's .npy files against NumPy: `convjit run --save` must write
files NumPy loads, and dst.npy must equal a direct convolution computed here
from the other files, independently of convjit's own reference.

usage: npy_check.py CONVJIT_BINARY WORK_DIR

Checks with `require`, not `assert`: `python3 -O` strips asserts, and ctest
runs this script under -O so that one that crept back would be seen to
prove nothing. Each comparison is also shown to fail on a dst with one
element changed.
"""
import os
import subprocess
import sys

import numpy as np

# (descriptor, stride, padding, post-ops); 2D, groups=1, NCHW.
CASES = [
    ("mb1ic3ih32oc10kh2sh2", 2, 0, "none"),  # the example
    ("mb2ic4ih9iw7oc5kh3kw2ph1pw1", 1, 1, "bias,relu"),
    ("mb1ic2ih11oc3kh3sh2ph1", 2, 1, "bias"),
]


class CheckFailed(Exception):
    pass


def require(condition, message):
    if not condition:
        raise CheckFailed(message)


def direct_conv(src, wei, bias, stride, pad, relu):
    n, c, h, w = src.shape
    oc, wc, kh, kw = wei.shape
    require(wc == c, "groups=1 only")
    padded = np.zeros((n, c, h + 2 * pad + stride, w + 2 * pad + stride), np.float64)
    padded[:, :, pad:pad + h, pad:pad + w] = src
    oh = (h + 2 * pad - kh) // stride + 1
    ow = (w + 2 * pad - kw) // stride + 1
    out = np.zeros((n, oc, oh, ow), np.float64)
    for y in range(kh):
        for x in range(kw):
            window = padded[:, :, y:y + stride * oh:stride, x:x + stride * ow:stride]
            out += np.einsum("nchw,oc->nohw", window, wei[:, :, y, x].astype(np.float64))
    if bias is not None:
        out += bias.astype(np.float64)[None, :, None, None]
    if relu:
        out = np.maximum(out, 0)
    return out


def check(binary, work, desc, stride, pad, post_ops):
    out_dir = os.path.join(work, desc)
    subprocess.run([binary, "run", "--problem", desc, "--post-ops", post_ops,
                    "--save", out_dir], check=True)
    load = lambda name: np.load(os.path.join(out_dir, name), allow_pickle=False)
    src, wei, dst = load("src.npy"), load("wei.npy"), load("dst.npy")
    bias = load("bias.npy") if "bias" in post_ops else None
    for name, a in [("src", src), ("wei", wei), ("dst", dst)]:
        require(a.dtype == np.float32 and a.flags.c_contiguous, f"{desc} {name}: {a.dtype}")
    want = direct_conv(src, wei, bias, stride, pad, "relu" in post_ops)
    compare(desc, dst, want)
    # The comparison can fail: one element off by one is caught.
    wrong = dst.copy()
    wrong.flat[wrong.size // 2] += 1
    try:
        compare(desc, wrong, want)
    except CheckFailed:
        pass
    else:
        raise CheckFailed(f"{desc}: a dst with one wrong element passed the check")
    nonzero = np.count_nonzero(want) / want.size
    print(f"{desc} {post_ops}: dst.npy {dst.shape} matches numpy ({nonzero:.0%} non-zero)")


def compare(desc, dst, want):
    require(dst.shape == want.shape, f"{desc}: shape {dst.shape}, want {want.shape}")
    # Integer fills: every partial sum is exact in f32, so equality is exact.
    bad = np.count_nonzero(dst.astype(np.float64) != want)
    require(bad == 0, f"{desc}: {bad} of {dst.size} elements differ")
    nonzero = np.count_nonzero(want) / want.size
    require(nonzero > 0.25, f"{desc}: only {nonzero:.0%} non-zero, the check proves little")


def main():
    binary, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    try:
        for case in CASES:
            check(binary, work, *case)
    except CheckFailed as e:
        print(f"FAILED: {e}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
