"""Shared by the Python tests: the module under test, the PyTorch reference,
and the count of random problems compared, printed at the end of the run.

ctest runs these tests on the build tree's module (PYTHONPATH=build/python)
and sets CONVJIT_EXPECT_MODULE_DIR, so that an installed copy elsewhere can
never stand in for it."""
import os

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import convjit

# What the random-problem tests compared, for the summary line.
COMPARED = {"float64": 0, "float32": 0}


def pytest_configure(config):
    # PyTorch's note that it pads a copy for even kernels under "same": not ours.
    config.addinivalue_line("filterwarnings", "ignore:Using padding='same':UserWarning")


def pytest_report_header(config):
    return f"convjit {convjit.__version__} from {os.path.dirname(convjit.__file__)}"


def pytest_terminal_summary(terminalreporter):
    total = sum(COMPARED.values())
    terminalreporter.write_line(
        f"convjit: {total} random problems compared against torch.nn.functional.conv1d/2d/3d "
        f"({COMPARED['float64']} float64, {COMPARED['float32']} float32)")


@pytest.fixture(scope="session", autouse=True)
def module_under_test():
    expected = os.environ.get("CONVJIT_EXPECT_MODULE_DIR")
    if expected:
        assert os.path.realpath(os.path.dirname(convjit.__file__)) == os.path.realpath(expected)


@pytest.fixture
def engine():
    return convjit.Engine(threads=2)


def torch_conv(x, w, b=None, stride=1, padding=0, dilation=1, groups=1, relu=False, layout="ncx"):
    """What PyTorch computes for convjit.conv's arguments, as a NumPy array.
    (front, back) pairs become F.pad; channels-last tensors are moved."""
    nd = x.ndim - 2
    channels_last = layout in ("nxc", "nwc", "nhwc", "ndhwc")
    xt = torch.from_numpy(np.ascontiguousarray(x))
    if channels_last:
        xt = xt.movedim(-1, 1)
    if isinstance(padding, (tuple, list)) and any(isinstance(p, (tuple, list)) for p in padding):
        pairs = [tuple(p) if isinstance(p, (tuple, list)) else (p, p) for p in padding]
        xt = F.pad(xt, [v for pair in reversed(pairs) for v in pair])  # last axis first
        padding = 0
    conv = (F.conv1d, F.conv2d, F.conv3d)[nd - 1]
    bt = None if b is None else torch.from_numpy(b)
    y = conv(xt, torch.from_numpy(w), bt, stride, padding, dilation, groups)
    if relu:
        y = torch.relu(y)
    if channels_last:
        y = y.movedim(1, -1)
    return y.contiguous().numpy()


def error_bound(x, w, b, dtype, **args):
    """|convjit - torch| allowed per output: both sum L products in some
    order, each off by at most L units of roundoff of the sum of magnitudes
    (the standard bound for recursive summation), so twice that."""
    bound = torch_conv(np.abs(x), np.abs(w), None if b is None else np.abs(b),
                       **{k: v for k, v in args.items() if k != "relu"})
    taps = w[0].size + (b is not None)
    unit_roundoff = np.finfo(dtype).eps / 2
    return 2 * taps * unit_roundoff * bound
