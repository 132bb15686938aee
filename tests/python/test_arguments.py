"""Every form of convjit.conv's arguments, each against PyTorch on integer
data (exact): stride, padding, dilation and groups as ints, tuples, lists
and NumPy integers; padding pairs, "valid", "same"; layouts and their
aliases; bias, ReLU; positional arguments; out=."""
import numpy as np
import pytest
import torch

import convjit
from conftest import torch_conv

rng = np.random.default_rng(7)


def ints(*shape, dtype=np.float64):
    return rng.integers(-3, 4, shape).astype(dtype)


def check(x, w, b=None, **args):
    got = convjit.conv(x, w, b, **args)
    want = torch_conv(x, w, b, **args)
    assert np.count_nonzero(want) > want.size // 4
    np.testing.assert_array_equal(got, want)
    return got


@pytest.mark.parametrize("stride", [2, (2, 3), [1, 2], (np.int64(2), np.int32(1))])
def test_stride_forms(stride):
    check(ints(2, 3, 11, 12), ints(4, 3, 3, 2), stride=stride)


@pytest.mark.parametrize("dilation", [2, (1, 3), [2, 1], np.int64(2)])
def test_dilation_forms(dilation):
    check(ints(1, 2, 13, 14), ints(3, 2, 3, 3), dilation=dilation)


@pytest.mark.parametrize("padding", [0, 2, (1, 2), [0, 3], ((1, 2), (0, 3)), ((3, 0), 1),
                                     [(2, 2), [0, 1]], "valid", "same"])
def test_padding_forms(padding):
    check(ints(2, 3, 9, 10), ints(5, 3, 3, 4), padding=padding)


@pytest.mark.parametrize("kernel,dilation", [(3, 1), (4, 1), (4, 2), (2, 3), (5, 2)])
def test_same_padding_keeps_the_size(kernel, dilation):
    # Even totals split evenly, odd ones put the extra at the back (PyTorch).
    x = ints(1, 2, 12, 11)
    y = check(x, ints(3, 2, kernel, kernel), padding="same", dilation=dilation)
    assert y.shape[2:] == x.shape[2:]


def test_pairs_equal_explicit_padding():
    x, w = ints(1, 2, 8, 8), ints(3, 2, 3, 3)
    padded = np.pad(x, ((0, 0), (0, 0), (2, 1), (0, 3)))
    np.testing.assert_array_equal(convjit.conv(x, w, padding=((2, 1), (0, 3))),
                                  convjit.conv(padded, w))


@pytest.mark.parametrize("groups,channels,out_channels", [(1, 4, 6), (2, 4, 6), (4, 4, 8),
                                                         (8, 8, 8), (3, 9, 3)])
def test_groups_and_depthwise(groups, channels, out_channels):
    check(ints(2, channels, 7, 9), ints(out_channels, channels // groups, 3, 3), groups=groups,
          padding=1)


@pytest.mark.parametrize("layout", ["ncx", "nchw", "nxc", "nhwc"])
def test_layouts_2d(layout):
    x = ints(2, 3, 8, 9)
    if layout in ("nxc", "nhwc"):
        x = np.ascontiguousarray(x.transpose(0, 2, 3, 1))
    check(x, ints(4, 3, 3, 3), padding=1, layout=layout)


@pytest.mark.parametrize("nd,layout", [(1, "ncw"), (1, "nwc"), (3, "ncdhw"), (3, "ndhwc")])
def test_layout_aliases_1d_3d(nd, layout):
    spatial = (7,) * nd
    x = ints(2, *spatial, 3) if layout.endswith("c") else ints(2, 3, *spatial)
    check(x, ints(4, 3, *(3,) * nd), layout=layout, stride=2)


def test_channels_last_equals_channels_first():
    x, w, b = ints(2, 5, 10, 11), ints(6, 5, 3, 2), ints(6)
    first = convjit.conv(x, w, b, padding=(1, 0), relu=True)
    last = convjit.conv(np.ascontiguousarray(x.transpose(0, 2, 3, 1)), w, b, padding=(1, 0),
                        relu=True, layout="nxc")
    np.testing.assert_array_equal(last, first.transpose(0, 2, 3, 1))


@pytest.mark.parametrize("bias,relu", [(False, False), (True, False), (False, True), (True, True)])
def test_bias_and_relu(bias, relu):
    x, w = ints(2, 3, 9, 9), ints(4, 3, 3, 3)
    y = check(x, w, ints(4) if bias else None, relu=relu)
    if relu:
        assert (y >= 0).all() and (y == 0).any()


def test_positional_arguments():
    x, w, b = ints(1, 4, 9, 9), ints(4, 2, 3, 3), ints(4)
    # conv(input, weight, bias, stride, padding, dilation, groups, relu, layout, out)
    y = convjit.conv(x, w, b, 2, 1, 1, 2, True, "ncx")
    np.testing.assert_array_equal(y, torch_conv(x, w, b, 2, 1, 1, 2, True))
    out = np.empty_like(y)
    assert convjit.conv(x, w, b, 2, 1, 1, 2, True, "ncx", out) is out
    np.testing.assert_array_equal(out, y)


def test_out_is_written_and_returned():
    x, w = ints(3, 2, 8, 8), ints(5, 2, 2, 2)
    out = np.full((3, 5, 7, 7), np.nan)
    assert convjit.conv(x, w, out=out) is out
    np.testing.assert_array_equal(out, torch_conv(x, w))


def test_float32_and_float64():
    x, w = ints(1, 3, 9, 9), ints(2, 3, 3, 3)
    assert convjit.conv(x, w).dtype == np.float64
    y32 = convjit.conv(x.astype(np.float32), w.astype(np.float32))
    assert y32.dtype == np.float32
    np.testing.assert_array_equal(y32, torch_conv(x, w).astype(np.float32))


def test_any_batch_reuses_one_kernel():
    convjit.clear_cache()
    w = ints(3, 2, 3, 3)
    for batch in (1, 4, 0, 2):
        x = ints(batch, 2, 6, 6)
        y = convjit.conv(x, w)
        assert y.shape == (batch, 3, 4, 4)
        if batch:
            np.testing.assert_array_equal(y, torch_conv(x, w))
    assert convjit.cache_size() == 1


def test_changed_weights_are_bound_again():
    # conv() skips rebinding weights whose bytes it has bound before: a
    # change of one element must be seen.
    x, w = ints(1, 2, 6, 6), ints(3, 2, 3, 3)
    first = convjit.conv(x, w)
    w[1, 1, 2, 0] += 1
    np.testing.assert_array_equal(convjit.conv(x, w), torch_conv(x, w))
    assert not np.array_equal(convjit.conv(x, w), first)
    b = ints(3)
    with_bias = convjit.conv(x, w, b)
    b[2] += 5
    np.testing.assert_array_equal(convjit.conv(x, w, b), with_bias + np.array([0, 0, 5])[:, None, None])


def test_threads_setting():
    try:
        convjit.set_num_threads(1)
        assert convjit.get_num_threads() == 1
        convjit.set_num_threads(2)
        assert convjit.get_num_threads() == 2
        x, w = ints(4, 2, 20, 20), ints(3, 2, 3, 3)
        np.testing.assert_array_equal(convjit.conv(x, w), torch_conv(x, w))
    finally:
        convjit.set_num_threads(None)
    assert convjit.get_num_threads() >= 1


def test_torch_tensors_in_and_out():
    x, w, b = ints(2, 3, 8, 8), ints(4, 3, 3, 3), ints(4)
    out = torch.empty(2, 4, 6, 6, dtype=torch.float64)
    got = convjit.conv(torch.from_numpy(x), torch.from_numpy(w), torch.from_numpy(b), out=out)
    assert got is out
    np.testing.assert_array_equal(out.numpy(), torch_conv(x, w, b))
    # A tensor that is not contiguous is copied once.
    xt = torch.from_numpy(np.ascontiguousarray(x.transpose(0, 1, 3, 2))).transpose(2, 3)
    assert not xt.is_contiguous()
    np.testing.assert_array_equal(convjit.conv(xt, torch.from_numpy(w)), torch_conv(x, w))
