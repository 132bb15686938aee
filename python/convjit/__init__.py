"""convjit: convolutions compiled at run time for this CPU (AVX-512, AVX2).

    import numpy as np, convjit
    x = np.random.rand(1, 3, 32, 32).astype(np.float32)
    w = np.random.rand(10, 3, 2, 2).astype(np.float32)
    y = convjit.conv(x, w, stride=2)        # PyTorch's conv2d semantics: (1, 10, 16, 16)

    engine = convjit.Engine(threads=1)      # or kernels as objects, for repeated calls
    k = engine.kernel(x.shape, w.shape, stride=2)
    k.bind(w)
    y = k(x)                                # any batch size

conv() keeps a cache of kernels keyed by shapes and arguments. Errors raise
convjit.Error (a ValueError) with a `field`. The library's own documentation
is the README of the source tree.
"""
from convjit._convjit import (
    Engine,
    Error,
    Kernel,
    TuneResult,
    __version__,
    cache_size,
    clear_cache,
    conv,
    get_num_threads,
    set_num_threads,
)

__all__ = [
    "Engine",
    "Error",
    "Kernel",
    "TuneResult",
    "cache_size",
    "clear_cache",
    "conv",
    "get_num_threads",
    "set_num_threads",
]
