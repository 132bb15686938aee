"""A long loop of every call path (conv with new and cached kernels, kernel
calls, out=, run_ragged, torch tensors, copies of strided inputs, errors)
leaves the process's resident memory where the first rounds put it."""
import numpy as np
import torch

import convjit

PAGE = 4096


def resident_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def test_memory_stays_flat():
    rng = np.random.default_rng(9)
    x = rng.random((3, 2, 16, 16), np.float32)
    w = rng.random((4, 2, 3, 3), np.float32)
    b = rng.random(4, np.float32)
    xt, wt = torch.from_numpy(x), torch.from_numpy(w)
    strided = rng.random((3, 2, 16, 32), np.float32)[..., ::2]
    k = convjit.Engine(threads=1).kernel(x.shape, w.shape, padding=1, bias=True)
    k.bind(w, b)
    out = np.empty(k.output_shape(3), np.float32)
    ragged = [x[:1], x[1:], x]

    def round():
        convjit.conv(x, w, b, padding=1)
        convjit.conv(x, w, out=out[:, :, 1:-1, 1:-1].copy())
        convjit.conv(xt, wt, stride=2)
        convjit.conv(strided, w)
        k(x)
        k(x, out)
        k.run_ragged(ragged)
        try:
            convjit.conv(x, w, groups=3)
        except convjit.Error:
            pass

    for _ in range(2000):  # the kernels, caches and allocator's pools fill up
        round()
    before = resident_bytes()
    for _ in range(20000):
        round()
    grown = resident_bytes() - before
    # 20000 rounds of 8 calls: a leak of even one small array per round
    # would grow by many megabytes.
    assert grown < 1 << 20, f"resident memory grew by {grown} bytes over 20000 rounds"
