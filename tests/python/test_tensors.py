"""What tensors convjit takes and how: NumPy arrays read in place (an out
that aliases the input is refused, which proves it), strided, misaligned
and byte-swapped inputs copied once, buffer-protocol objects, PyTorch
tensors through __dlpack__, outputs written in place or refused."""
import array

import numpy as np
import pytest
import torch

import convjit
from conftest import torch_conv

rng = np.random.default_rng(5)


def ints(*shape, dtype=np.float32):
    return rng.integers(-3, 4, shape).astype(dtype)


def aliasing_out(x, shape):
    """An output array over the input's own memory."""
    return np.frombuffer(x.data, x.dtype, count=int(np.prod(shape))).reshape(shape)


def test_input_read_in_place():
    # Had the input been copied, an out over its memory would not overlap
    # the kernel's input; the library refuses the overlap, naming both.
    x, w = ints(1, 1, 8, 8), ints(1, 1, 1, 1)
    with pytest.raises(convjit.Error) as e:
        convjit.conv(x, w, out=aliasing_out(x, (1, 1, 8, 8)))
    assert e.value.field == "dst" and str(e.value).startswith("dst overlaps src")


def test_torch_input_read_in_place():
    x, w = torch.from_numpy(ints(1, 1, 8, 8)), torch.from_numpy(ints(1, 1, 1, 1))
    with pytest.raises(convjit.Error, match="dst overlaps src"):
        convjit.conv(x, w, out=x.numpy())


def test_strided_input_is_copied_once():
    big, w = ints(2, 3, 12, 20), ints(4, 3, 3, 3)
    x = big[:, :, ::2, 1::2]
    assert not x.flags.c_contiguous
    np.testing.assert_array_equal(convjit.conv(x, w), torch_conv(x, w))
    # Copied first, so an out over the original memory overlaps nothing the
    # kernel reads, and the result is that of the input before it was
    # overwritten.
    x, w = big[:1, :1, :, ::2], w[:1, :1]
    want = torch_conv(x.copy(), w)
    out = aliasing_out(big, want.shape)
    convjit.conv(x, w, out=out)
    np.testing.assert_array_equal(out, want)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("offset", [1, 3, 7])
def test_misaligned_contiguous_input(dtype, offset):
    # Every element-aligned offset is read in place; an offset that splits
    # elements is copied (NumPy flags it unaligned).
    itemsize = np.dtype(dtype).itemsize
    x, w = ints(2, 2, 9, 9, dtype=dtype), ints(3, 2, 3, 3, dtype=dtype)
    for shift in (offset * itemsize % 64, offset):
        buf = np.zeros(x.nbytes + 64, np.uint8)
        moved = np.frombuffer(buf.data, dtype, x.size, offset=shift).reshape(x.shape)
        moved[...] = x
        assert moved.flags.c_contiguous
        np.testing.assert_array_equal(convjit.conv(moved, w), torch_conv(x, w))


def test_byte_swapped_input():
    x, w = ints(1, 2, 7, 7, dtype=np.float64), ints(2, 2, 3, 3, dtype=np.float64)
    np.testing.assert_array_equal(convjit.conv(x.astype(">f8"), w), torch_conv(x, w))


def test_buffer_protocol_objects():
    x, w = ints(1, 1, 6, 6), ints(1, 1, 2, 2)
    mv = memoryview(bytearray(x.tobytes())).cast("f", x.shape)
    np.testing.assert_array_equal(convjit.conv(mv, w), torch_conv(x, w))
    wa = array.array("f", w.ravel())  # one-dimensional: the weight's shape is refused
    with pytest.raises(convjit.Error) as e:
        convjit.conv(x, wa)
    assert e.value.field == "weight"
    # A writable buffer may be the output.
    out = memoryview(bytearray(25 * 4)).cast("f", (1, 1, 5, 5))
    assert convjit.conv(x, w, out=out) is out
    np.testing.assert_array_equal(np.asarray(out), torch_conv(x, w))


def test_torch_tensors_everywhere():
    x, w, b = ints(2, 3, 9, 9), ints(4, 3, 3, 3), ints(4)
    k = convjit.Engine(threads=1).kernel(x.shape, w.shape, bias=True)
    k.bind(torch.from_numpy(w), torch.from_numpy(b))
    out = torch.full((2, 4, 7, 7), float("nan"))
    assert k(torch.from_numpy(x), out) is out
    np.testing.assert_array_equal(out.numpy(), torch_conv(x, w, b))
    # Non-contiguous and offset tensors: copied through numpy.from_dlpack.
    xt = torch.from_numpy(ints(2, 3, 9, 18))[..., ::2]
    np.testing.assert_array_equal(k(xt), torch_conv(xt.contiguous().numpy(), w, b))
    outs = k.run_ragged([torch.from_numpy(x[:1]), torch.from_numpy(x[1:])])
    np.testing.assert_array_equal(np.concatenate(outs), torch_conv(x, w, b))


def test_outputs_must_be_writable_in_place():
    x, w = ints(1, 1, 6, 6), ints(1, 1, 2, 2)
    readonly = np.zeros((1, 1, 5, 5), np.float32)
    readonly.flags.writeable = False
    strided = np.zeros((1, 1, 5, 10), np.float32)[..., ::2]
    cases = [(readonly, "out: is read-only"),
             (strided, "out: must be C-contiguous, aligned to its element and native-endian: "
                       "it is written in place"),
             (torch.zeros(1, 1, 10, 5)[:, :, ::2],
              "out: must be C-contiguous and aligned to its element: it is written in place")]
    for out, message in cases:
        with pytest.raises(convjit.Error) as e:
            convjit.conv(x, w, out=out)
        assert (e.value.field, str(e.value)) == ("out", message)
    with pytest.raises(convjit.Error, match="outs\\[1\\]: is read-only"):
        k = convjit.Engine(threads=1).kernel(x.shape, w.shape)
        k.bind(w)
        k.run_ragged([x, x], [np.zeros((1, 1, 5, 5), np.float32), readonly])
