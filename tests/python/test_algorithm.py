"""algorithm= of Engine.kernel and Engine.tune: direct by default,
Winograd only when asked and only where it applies, its outputs within its
rounding error of PyTorch's. The errors are in test_errors.py."""
import numpy as np
import pytest

import convjit
from conftest import torch_conv

rng = np.random.default_rng(23)

# A 3x3 stride-1 layer Winograd applies to, and its weights.
INPUT, WEIGHT = (2, 16, 12, 12), (24, 16, 3, 3)


def uniform(shape, dtype):
    return rng.uniform(-1, 1, shape).astype(dtype)


def bound(dtype):
    """The largest error allowed, as a fraction of the largest output.
    F(4x4, 3x3), the tile the planner prefers, errs up to about 2e-5 of the
    largest output in float32 on uniform [-1, 1] data (README.md, Winograd:
    6e-6 to 2e-5 on ResNet and VGG layers of 64 to 512 channels; 16 errs
    less), direct convolution about 2e-6: 1e-4 leaves a margin of 5, while
    a wrong tap, tile or transform errs by a good fraction of the output.
    float64 gets the same number of its own epsilons."""
    return 1e-4 * np.finfo(dtype).eps / np.finfo(np.float32).eps


def check_close(got, reference, dtype):
    largest = np.abs(reference).max()
    assert largest > 0
    assert np.abs(got.astype(np.float64) - reference).max() <= bound(dtype) * largest


def test_direct_is_the_default(engine):
    k = engine.kernel(INPUT, WEIGHT, padding=1)
    assert k.algorithm == "direct"
    assert k.plan.split()[0] != "winograd"
    assert engine.kernel(INPUT, WEIGHT, padding=1, algorithm="direct").plan == k.plan


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("layout", ["ncx", "nxc"])
def test_winograd_agrees_with_direct(engine, dtype, layout):
    x, w, b = uniform(INPUT, dtype), uniform(WEIGHT, dtype), uniform(WEIGHT[0], dtype)
    if layout == "nxc":
        x = np.ascontiguousarray(x.transpose(0, 2, 3, 1))
    shapes = dict(weight_shape=WEIGHT, padding=1, bias=True, relu=True, layout=layout,
                  dtype=dtype)
    winograd = engine.kernel(x.shape, **shapes, algorithm="winograd")
    direct = engine.kernel(x.shape, **shapes)
    assert winograd.algorithm == "winograd" and winograd.plan.split()[0] == "winograd"
    assert direct.plan.split()[0] != "winograd"
    winograd.bind(w, b)
    direct.bind(w, b)
    reference = torch_conv(x.astype(np.float64), w.astype(np.float64), b.astype(np.float64),
                           padding=1, relu=True, layout=layout)
    got = winograd(x)
    assert got.dtype == dtype
    check_close(got, reference, dtype)
    check_close(direct(x), reference, dtype)
    # Not the same code under another name: Winograd rounds differently.
    assert not np.array_equal(got, direct(x))


def test_descriptor_form_takes_it_too(engine):
    k = engine.kernel("mb2ic16ih12oc24kh3ph1", algorithm="winograd")
    assert k.algorithm == "winograd" and k.plan.split()[0] == "winograd"
    assert "winograd" in repr(k)
    # The library's parser reads the word, as the CLI's --algorithm does.
    assert engine.kernel("mb2ic16ih12oc24kh3ph1", algorithm="Winograd").algorithm == "winograd"


def test_fastest_agrees_whatever_it_picks(engine):
    x, w = uniform(INPUT, np.float32), uniform(WEIGHT, np.float32)
    k = engine.kernel(INPUT, WEIGHT, padding=1, algorithm="fastest")
    assert k.algorithm == "fastest"
    k.bind(w)
    check_close(k(x), torch_conv(x.astype(np.float64), w.astype(np.float64), padding=1),
                np.float32)
    # Where Winograd does not apply, fastest is direct convolution.
    strided = engine.kernel(INPUT, WEIGHT, stride=2, padding=1, algorithm="fastest")
    assert strided.plan.split()[0] != "winograd"


def test_winograd_2x2_keeps_to_the_smaller_tile(engine):
    """ResNet-50's res2 at a quarter of its channels: the planner takes
    F(4x4) for "winograd", F(2x2) for "winograd_2x2", whose error is within
    a quarter of F(4x4)'s bound here."""
    shape, weight = (1, 16, 56, 56), (16, 16, 3, 3)
    x, w = uniform(shape, np.float32), uniform(weight, np.float32)
    larger = engine.kernel(shape, weight, padding=1, algorithm="winograd")
    smaller = engine.kernel(shape, weight, padding=1, algorithm="winograd_2x2")
    assert " m4 " in larger.plan
    assert smaller.algorithm == "winograd_2x2"
    assert smaller.plan.split()[0] == "winograd" and " m2 " in smaller.plan
    smaller.bind(w)
    reference = torch_conv(x.astype(np.float64), w.astype(np.float64), padding=1)
    got = smaller(x).astype(np.float64)
    assert np.abs(got - reference).max() <= bound(np.float32) / 4 * np.abs(reference).max()
    tuned = engine.tune(shape, weight, padding=1, algorithm="winograd_2x2", effort="estimate")
    assert " m2 " in tuned.plan


def test_tune_takes_it(engine):
    result = engine.tune(INPUT, WEIGHT, padding=1, algorithm="winograd", effort="estimate")
    assert result.plan.split()[0] == "winograd"
    with pytest.raises(convjit.Error) as e:
        engine.tune(INPUT, (24, 16, 5, 5), padding=2, algorithm="winograd", effort="estimate")
    assert e.value.field == "algorithm"
