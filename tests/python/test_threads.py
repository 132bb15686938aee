"""Python threads at once: conv() on shared shapes with different weights,
one kernel shared by every thread, run_ragged; all results exact. And the
GIL is released while a kernel runs."""
import sys
import threading
import time

import numpy as np

import convjit
from conftest import torch_conv

THREADS = 8


def run_threads(work):
    errors = []

    def guarded(i):
        try:
            work(i)
        except BaseException as e:  # reported by the main thread
            errors.append(e)

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]


def test_conv_from_many_threads():
    rng = np.random.default_rng(3)
    # Three shapes every thread uses, each thread with weights of its own:
    # concurrent calls on one shape must not see each other's weights.
    shapes = [((2, 3, 20, 20), (4, 3, 3, 3)), ((1, 1, 33, 40), (1, 1, 5, 5)),
              ((3, 8, 9, 9), (8, 1, 3, 3))]
    cases = []
    for i in range(THREADS):
        for s, (xs, ws) in enumerate(shapes):
            x = rng.integers(-3, 4, xs).astype(np.float32)
            w = rng.integers(-3, 4, ws).astype(np.float32)
            groups = 8 if s == 2 else 1
            cases.append((i, x, w, groups, torch_conv(x, w, groups=groups, padding=1)))

    def work(i):
        mine = [c for c in cases if c[0] == i]
        for _ in range(40):
            for _, x, w, groups, want in mine:
                np.testing.assert_array_equal(convjit.conv(x, w, groups=groups, padding=1), want)

    run_threads(work)


def test_one_kernel_from_many_threads():
    rng = np.random.default_rng(4)
    k = convjit.Engine(threads=2).kernel((1, 4, 24, 24), (6, 4, 3, 3), padding=1, relu=True)
    w = rng.integers(-3, 4, (6, 4, 3, 3)).astype(np.float32)
    k.bind(w)
    inputs = [rng.integers(-3, 4, (i % 3 + 1, 4, 24, 24)).astype(np.float32) for i in range(THREADS)]
    wants = [torch_conv(x, w, padding=1, relu=True) for x in inputs]

    def work(i):
        for round in range(60):
            if round % 3 == 0:
                got = k.run_ragged([inputs[i], inputs[(i + 1) % THREADS]])
                np.testing.assert_array_equal(got[1], wants[(i + 1) % THREADS])
            else:
                got = [k(inputs[i])]
            np.testing.assert_array_equal(got[0], wants[i])

    run_threads(work)


def test_gil_is_released_while_a_kernel_runs():
    # The reference backend is slow enough for one call to take a tenth of
    # a second or more (70 ms on Zen 5, where 16 channels took 18 ms, under
    # the 20 ms the check needs); a Python thread notes the time over and
    # over meanwhile. Holding the GIL, the call would leave it at most a
    # switch interval (1 ms here) inside the call's window; without the
    # GIL, its notes span the window.
    k = convjit.Engine(threads=1).kernel((1, 32, 96, 96), (32, 32, 3, 3), backend="reference")
    k.bind(np.ones((32, 32, 3, 3), np.float32))
    x = np.ones((1, 32, 96, 96), np.float32)
    notes, stop = [], threading.Event()

    def note():
        while not stop.is_set():
            notes.append(time.perf_counter())

    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.001)
    counter = threading.Thread(target=note)
    counter.start()
    try:
        time.sleep(0.01)
        start = time.perf_counter()
        k(x)
        end = time.perf_counter()
    finally:
        stop.set()
        counter.join()
        sys.setswitchinterval(interval)
    inside = [t for t in notes if start < t < end]
    span = inside[-1] - inside[0] if inside else 0.0
    assert end - start > 0.02 and span > 0.5 * (end - start), (end - start, span, len(inside))
