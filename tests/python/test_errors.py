"""Every error: each raises convjit.Error (a ValueError) whose field names
the argument, with exactly the message below. Errors of the library keep
its message: the descriptor errors are those the README's table shows the
CLI printing after "convjit: error: "."""
import numpy as np
import pytest
import torch

import convjit

f32, f64 = np.float32, np.float64
x = np.zeros((1, 3, 8, 8), f32)
w = np.zeros((4, 3, 3, 3), f32)
engine = convjit.Engine(threads=1)


def kernel(*args, bind=True, **kwargs):
    k = engine.kernel(*args, **kwargs)
    if bind:
        k.bind(np.zeros(k.weight_shape, f32), np.zeros(k.output_shape()[1], f32) if
               k.post_ops.startswith("bias") else None)
    return k


CONV = [
    (lambda: convjit.conv([[1.0]], w), "input",
     "input: expected a NumPy array, a tensor with __dlpack__ or an object with the buffer "
     "protocol, got list"),
    (lambda: convjit.conv(np.zeros((1, 3, 8, 8), np.int64), w), "input",
     "input: data type int64 is not supported (float32 or float64)"),
    (lambda: convjit.conv(np.zeros((3, 8), f32), w), "input",
     "input: shape (3, 8) has 2 dimensions; expected 3, 4 or 5 (batch, channels and 1 to 3 "
     "spatial axes)"),
    (lambda: convjit.conv(np.zeros((1,) * 7, f32), w), "input",
     "input: has 7 dimensions; at most 6 are supported"),
    (lambda: convjit.conv(torch.zeros(1, 1, 5, 5, dtype=torch.int64), torch.zeros(1, 1, 2, 2)),
     "input", "input: DLPack data type (code 0, 64 bits, 1 lanes) is not supported (float32 or "
              "float64)"),
    (lambda: convjit.conv(torch.zeros(1, 1, 5, 5, requires_grad=True), torch.zeros(1, 1, 2, 2)),
     "input", "input: __dlpack__() failed: RuntimeError: Can't export tensors that require "
              "gradient, use tensor.detach()"),
    (lambda: convjit.conv(x, w.astype(f64)), "weight",
     "weight: data type float64 does not match the input's float32"),
    (lambda: convjit.conv(x, w[0]), "weight",
     "weight: shape (3, 3, 3) has 3 dimensions; the input's (1, 3, 8, 8) needs 4"),
    (lambda: convjit.conv(x, np.zeros((4, 2, 3, 3), f32)), "weight",
     "weight: shape (4, 2, 3, 3) needs 3 input channels in dimension 1 (the input's 3 over "
     "groups=1), has 2"),
    (lambda: convjit.conv(x, w, groups=2), "groups",
     "groups: groups=2 does not divide the input's 3 channels"),
    (lambda: convjit.conv(x, np.zeros((4, 1, 3, 3), f32), groups=3), "oc",
     "oc=4 is not divisible by g=3 in 'g3mb1ic3ih8iw8oc4oh6ow6kh3kw3ph0pw0'"),
    (lambda: convjit.conv(x, np.zeros((4, 3, 9, 3), f32)), "weight",
     "weight: the kernel's extent 9 along axis h (size 9, dilation 1) exceeds the padded input 8 "
     "(8 + padding 0 + 0)"),
    (lambda: convjit.conv(x, w, dilation=(5, 1), padding=1), "weight",
     "weight: the kernel's extent 11 along axis h (size 3, dilation 5) exceeds the padded input 10 "
     "(8 + padding 1 + 1)"),
    (lambda: convjit.conv(np.zeros((1, 3, 0, 8), f32), w), "ih",
     "axis h is present, so ih must be given and positive in 'mb1ic3ih0iw8oc4ow6kh3kw3ph0pw0'"),
    (lambda: convjit.conv(np.zeros((1, 0, 8, 8), f32), np.zeros((4, 0, 3, 3), f32)), "ic",
     "ic=0 must be positive in 'mb1ic0ih8iw8oc4oh6ow6kh3kw3ph0pw0'"),
    (lambda: convjit.conv(x, w, stride=0), "stride", "stride: 0 must be >= 1"),
    (lambda: convjit.conv(x, w, stride=(1, 2, 3)), "stride",
     "stride: expected an int or a sequence of 2 ints, got (1, 2, 3)"),
    (lambda: convjit.conv(x, w, stride=1.5), "stride",
     "stride: expected an int or a sequence of 2 ints, got 1.5"),
    (lambda: convjit.conv(x, w, stride=("a", 1)), "stride",
     "stride: expected an int or a sequence of 2 ints, got ('a', 1)"),
    (lambda: convjit.conv(x, w, dilation=0), "dilation", "dilation: 0 must be >= 1"),
    (lambda: convjit.conv(x, w, padding=-1), "padding", "padding: padding must be >= 0, got -1"),
    (lambda: convjit.conv(x, w, padding=((1, -1), 0)), "padding",
     "padding: padding must be >= 0, got ((1, -1), 0)"),
    (lambda: convjit.conv(x, w, padding="full"), "padding",
     "padding: unknown value 'full' (expected 'valid' or 'same')"),
    (lambda: convjit.conv(x, w, padding=((1, 2, 3), 0)), "padding",
     "padding: expected an int, \"valid\", \"same\", or a sequence of 2 ints or (front, back) "
     "pairs, got ((1, 2, 3), 0)"),
    (lambda: convjit.conv(x, w, padding="same", stride=2), "padding",
     "padding: padding='same' needs stride 1 on every axis (as in PyTorch)"),
    (lambda: convjit.conv(x, w, groups=0), "groups", "groups: 0 must be >= 1"),
    (lambda: convjit.conv(x, w, groups="1"), "groups", "groups: expected an int, got '1'"),
    (lambda: convjit.conv(x, w, layout="nCx16c"), "layout",
     "layout: nCx16c is for kernels made from a descriptor; shapes take ncx or nxc"),
    (lambda: convjit.conv(x, w, layout="xyz"), "layout",
     "layout: unknown value 'xyz' (expected one of: ncx, nxc, nCx8c, nCx16c)"),
    (lambda: convjit.conv(x, w, layout=1), "layout", "layout: expected a str, got 1"),
    (lambda: convjit.conv(x, w, np.zeros(5, f32)), "bias",
     "bias: shape (5,) does not match the kernel's (4,)"),
    (lambda: convjit.conv(x, w, np.zeros(4, f64)), "bias",
     "bias: data type float64 does not match the kernel's float32"),
    (lambda: convjit.conv(x, w, out=np.zeros((1, 4, 6, 5), f32)), "out",
     "out: shape (1, 4, 6, 5) does not match the output's (1, 4, 6, 6)"),
    (lambda: convjit.conv(x, w, out=np.zeros((1, 4, 6, 6), f64)), "out",
     "out: data type float64 does not match the input's float32"),
    (lambda: convjit.conv(x, w, relu="yes"), None, None),  # pybind11's TypeError: not a bool
]

KERNEL = [
    (lambda: kernel(x.shape, w.shape, bind=False)(x), "weights", "weights: run() before bind()"),
    (lambda: kernel(x.shape, w.shape)(np.zeros((2, 3, 8, 9), f32)), "input",
     "input: shape (2, 3, 8, 9) does not match the kernel's (N, 3, 8, 8)"),
    (lambda: kernel(x.shape, w.shape)(x.astype(f64)), "input",
     "input: data type float64 does not match the kernel's float32"),
    (lambda: kernel(x.shape, w.shape)(x, np.zeros((2, 4, 6, 6), f32)), "out",
     "out: shape (2, 4, 6, 6) does not match the output's (1, 4, 6, 6)"),
    (lambda: kernel(x.shape, w.shape).bind(np.zeros((4, 3, 3, 2), f32)), "weight",
     "weight: shape (4, 3, 3, 2) does not match the kernel's (4, 3, 3, 3)"),
    (lambda: kernel("g2ic4ih8oc4kh3", bind=False).bind(np.zeros((4, 2, 3), f32)), "weight",
     "weight: shape (4, 2, 3) does not match the kernel's (4, 2, 3, 3) (or (2, 2, 2, 3, 3))"),
    (lambda: kernel(x.shape, w.shape).bind(w, np.zeros(4, f32)), "bias",
     "bias: given, but the kernel was made without a bias"),
    (lambda: kernel(x.shape, w.shape, bias=True).bind(w), "bias",
     "bias: missing: the kernel was made with a bias"),
    # An array is a sequence too: of arrays with a dimension less.
    (lambda: kernel(x.shape, w.shape).run_ragged(x), "inputs[0]",
     "inputs[0]: shape (3, 8, 8) does not match the kernel's (N, 3, 8, 8)"),
    (lambda: kernel(x.shape, w.shape).run_ragged(3), "inputs",
     "inputs: expected a list or tuple of tensors, got 3"),
    (lambda: kernel(x.shape, w.shape).run_ragged([x, x], [np.zeros((1, 4, 6, 6), f32)]), "outs",
     "outs: has 1 tensors; inputs has 2"),
    (lambda: kernel(x.shape, w.shape).run_ragged([x, np.zeros((1, 2, 8, 8), f32)]), "inputs[1]",
     "inputs[1]: shape (1, 2, 8, 8) does not match the kernel's (N, 3, 8, 8)"),
    (lambda: kernel(x.shape, w.shape).run_ragged([x, x], [np.zeros((1, 4, 6, 6), f32)] * 2),
     "pairs[1].dst", "pairs[1].dst overlaps pairs[0].dst: a kernel's output may share no byte "
                     "with its inputs or other outputs"),
]

ENGINE = [
    (lambda: convjit.Engine(threads=-1), "threads", "threads: -1 must be >= 0"),
    (lambda: convjit.Engine(threads="2"), "threads", "threads: expected an int or None, got '2'"),
    (lambda: convjit.Engine(max_isa="sse4"), "max_isa",
     "max_isa: unknown value 'sse4' (expected one of: scalar, avx2, avx512)"),
    (lambda: convjit.Engine(wisdom=3), "wisdom", "wisdom: expected a str or os.PathLike, got 3"),
    (lambda: convjit.set_num_threads(-2), "threads", "threads: -2 must be >= 0"),
    (lambda: engine.kernel("mb1ic3ih32oc10kh2sh2", stride=2), "stride",
     "stride: cannot be given with a descriptor, which says it itself"),
    (lambda: engine.kernel("mb1ic3ih32oc10kh2sh2", (10, 3, 2, 2)), "weight_shape",
     "weight_shape: cannot be given with a descriptor, which says it itself"),
    (lambda: engine.kernel((1, 3, 32, 32)), "weight_shape",
     "weight_shape: missing: give it after input_shape, or give a descriptor string"),
    (lambda: engine.kernel((1, 3, 32, 32), (10, 3, -2, 2)), "weight_shape",
     "weight_shape: expected a sequence of ints >= 0, got (10, 3, -2, 2)"),
    (lambda: engine.kernel((1, 3, 32, 32), (10, 3, 2, 2), dtype="int8"), "dtype",
     "dtype: expected float32 or float64, got int8"),
    (lambda: engine.kernel((1, 3, 32, 32), (10, 3, 2, 2), dtype="blah"), "dtype",
     "dtype: expected float32 or float64, got 'blah'"),
    (lambda: engine.kernel((1, 3, 32, 32), (10, 3, 2, 2), layout="nCx8c"), "layout",
     "layout: nCx8c is for kernels made from a descriptor; shapes take ncx or nxc"),
    (lambda: engine.kernel("mb1ic3ih32oc10kh2sh2", post_ops="gelu"), "post_ops",
     "post_ops: unknown value 'gelu' (expected one of: bias, relu)"),
    (lambda: engine.kernel("mb1ic3ih32oc10kh2sh2", backend="gpu"), "backend",
     "backend: unknown value 'gpu' (expected one of: auto, jit, interp, reference)"),
    (lambda: engine.kernel(x.shape, w.shape, algorithm="wino"), "algorithm",
     "algorithm: unknown value 'wino' (expected one of: direct, winograd, winograd_2x2, fastest)"),
    (lambda: engine.kernel(x.shape, w.shape, algorithm=1), "algorithm",
     "algorithm: expected a str, got 1"),
    (lambda: engine.kernel(x.shape, w.shape, algorithm=None), "algorithm",
     "algorithm: expected a str, got None"),
    (lambda: engine.tune("mb1ic3ih32oc10kh2sh2", algorithm="gemm"), "algorithm",
     "algorithm: unknown value 'gemm' (expected one of: direct, winograd, winograd_2x2, fastest)"),
    # Where Winograd does not apply: the planner's reason, as the CLI prints it.
    (lambda: engine.kernel(x.shape, (4, 3, 5, 5), algorithm="winograd"), "algorithm",
     "algorithm=winograd does not apply to mb1ic3ih8oc4oh4kh5ph0: winograd needs a 3x3 filter, "
     "not 5x5"),
    (lambda: engine.kernel(x.shape, w.shape, stride=2, algorithm="winograd"), "algorithm",
     "algorithm=winograd does not apply to mb1ic3ih8oc4oh3kh3sh2ph0: winograd needs stride 1"),
    (lambda: engine.kernel(x.shape, (4, 3, 5, 5), algorithm="winograd_2x2"), "algorithm",
     "algorithm=winograd_2x2 does not apply to mb1ic3ih8oc4oh4kh5ph0: winograd needs a 3x3 "
     "filter, not 5x5"),
    (lambda: engine.kernel("mb1ic3ih8oc4kh3dh1", algorithm="winograd"), "algorithm",
     "algorithm=winograd does not apply to mb1ic3ih8oc4oh4kh3ph0dh1: winograd needs an undilated "
     "filter"),
    (lambda: engine.tune("mb1ic3ih32oc10kh2sh2", effort="heroic"), "effort",
     "effort: unknown value 'heroic' (expected one of: estimate, measure, patient, exhaustive)"),
    (lambda: engine.tune("mb1ic3ih32oc10kh2sh2", budget=-1), "budget",
     "budget: must be a positive number of seconds"),
]

# The README's table of bad descriptors: the message after "convjit: error: ".
DESCRIPTORS = [
    ("mb1ic0ih32oc10kh2", "ic", "ic=0 must be positive in 'mb1ic0ih32oc10kh2'"),
    ("mb0ic3ih32oc10kh2", "mb", "mb=0 must be positive in 'mb0ic3ih32oc10kh2'"),
    ("mb1ic3ih0oc10kh2", "ih",
     "axis h is present, so ih must be given and positive in 'mb1ic3ih0oc10kh2'"),
    ("g3ic12ih32oc10kh3", "oc", "oc=10 is not divisible by g=3 in 'g3ic12ih32oc10kh3'"),
    ("mb1ic3ih4oc8kh7ph1", "oh",
     "oh would be <= 0: the kernel extent 7 exceeds the padded input ih+2*ph=6 in "
     "'mb1ic3ih4oc8kh7ph1'"),
    ("mb1ic3ih32oc8kh3oh10", "oh",
     "oh=10 does not match ih=32, kh=3, dh=0, sh=1, ph=0: the last 20 input rows would never be "
     "read (back padding -20 <= -sh) in 'mb1ic3ih32oc8kh3oh10'"),
    ("mb1ic3ih32oc8kh3xh2", "xh", "unknown key 'xh' at offset 16 in 'mb1ic3ih32oc8kh3xh2'"),
    ("mb1ic3ic4ih32oc8kh3", "ic", "ic given twice at offset 6 in 'mb1ic3ic4ih32oc8kh3'"),
    ("mb1ih32oc8kh3", "ic", "ic is required but missing in 'mb1ih32oc8kh3'"),
    ("mb1ic3oc8", None,
     "no spatial axis: give at least iw and kw (or ih/kh, id/kd) in 'mb1ic3oc8'"),
    ("mb1ic3ih32oc10kh2g3", "oc", "oc=10 is not divisible by g=3 in 'mb1ic3ih32oc10kh2g3'"),
]


@pytest.mark.parametrize("call,field,message", CONV + KERNEL + ENGINE,
                         ids=[f"{i}-{c[1]}" for i, c in enumerate(CONV + KERNEL + ENGINE)])
def test_error(call, field, message):
    if field is None:
        with pytest.raises(TypeError):
            call()
        return
    with pytest.raises(convjit.Error) as e:
        call()
    assert e.value.field == field
    if message is not None:
        assert str(e.value) == message


@pytest.mark.parametrize("desc,field,message", DESCRIPTORS)
def test_descriptor_error_is_the_library_message(desc, field, message):
    with pytest.raises(convjit.Error) as e:
        engine.kernel(desc)
    assert str(e.value) == message
    if field is not None:
        assert e.value.field == field


def test_error_type():
    assert issubclass(convjit.Error, ValueError)
    assert convjit.Error.__module__ == "convjit"
    assert convjit.Error("by hand").field == ""
    assert "field" in convjit.Error.__doc__


def test_failed_calls_change_nothing():
    # An error leaves out= as it was, and the cached kernel usable.
    w1 = np.ones((4, 3, 3, 3), f32)
    out = np.full((1, 4, 6, 6), 7, f32)
    with pytest.raises(convjit.Error):
        convjit.conv(x, w1, np.zeros(5, f32), out=out)
    assert (out == 7).all()
    assert (convjit.conv(x + 1, w1) == 27).all()
