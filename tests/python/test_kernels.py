"""Engine and Kernel objects: both forms of Engine.kernel, bind, calls of
any batch, out=, run_ragged, the plan, the code and its disassembly,
backends, the ISA cap, tuning and wisdom."""
import numpy as np
import pytest

import convjit
from conftest import torch_conv

rng = np.random.default_rng(11)


def ints(*shape, dtype=np.float32):
    return rng.integers(-3, 4, shape).astype(dtype)


def test_shape_form(engine):
    x, w, b = ints(2, 3, 32, 32), ints(10, 3, 2, 2), ints(10)
    k = engine.kernel(x.shape, w.shape, stride=2, bias=True, relu=True)
    assert k.dtype == "float32" and k.layout == "ncx" and k.post_ops == "bias,relu"
    assert k.weight_shape == (10, 3, 2, 2) and k.stride == (2, 2) and k.groups == 1
    assert k.input_shape(5) == (5, 3, 32, 32) and k.output_shape(5) == (5, 10, 16, 16)
    assert not k.bound
    k.bind(w, b)
    assert k.bound
    for batch in (1, 2, 7):  # the batch of input_shape is only a default
        xb = ints(batch, 3, 32, 32)
        np.testing.assert_array_equal(k(xb), torch_conv(xb, w, b, stride=2, relu=True))


def test_descriptor_form_equals_shape_form(engine):
    x, w = ints(1, 3, 32, 32), ints(10, 3, 2, 2)
    by_desc = engine.kernel("mb1ic3ih32oc10kh2sh2")
    by_shape = engine.kernel(x.shape, w.shape, stride=2)
    assert by_desc.descriptor == by_shape.descriptor == "mb1ic3ih32oc10oh16kh2sh2ph0"
    assert by_desc.plan == by_shape.plan
    by_desc.bind(w)
    by_shape.bind(w)
    np.testing.assert_array_equal(by_desc(x), by_shape(x))


def test_descriptor_form_options(engine):
    k = engine.kernel("g2mb1ic4ih9oc6kh3ph1dh1", dtype="float64", layout="nhwc", post_ops="relu")
    assert (k.dtype, k.layout, k.post_ops) == ("float64", "nxc", "relu")
    assert k.padding == ((1, 1), (1, 1)) and k.dilation == (2, 2) and k.groups == 2
    assert k.input_shape(3) == (3, 9, 9, 4)
    # A descriptor with g written has [G, OC/G, IC/G, ...] weights; PyTorch's
    # [OC, IC/G, ...] shape is accepted too (the same memory).
    w = ints(6, 2, 3, 3, dtype=np.float64)
    k.bind(w.reshape(2, 3, 2, 3, 3))
    x = ints(3, 9, 9, 4, dtype=np.float64)
    want = torch_conv(x, w, padding=1, dilation=2, groups=2, relu=True, layout="nxc")
    np.testing.assert_array_equal(k(x), want)
    k.bind(w)
    np.testing.assert_array_equal(k(x), want)
    assert engine.kernel("mb1ic3ih8oc4kh3", bias=True, relu=True).post_ops == "bias,relu"


def test_dtype_forms(engine):
    for dtype, name in [("float32", "float32"), ("f64", "float64"), (np.float64, "float64"),
                        (np.dtype("float32"), "float32")]:
        assert engine.kernel((1, 1, 5, 5), (1, 1, 2, 2), dtype=dtype).dtype == name


def test_blocked_layout_from_a_descriptor(engine):
    # nCx8c: channels in blocks of 8, each block a channels-last tensor.
    k = engine.kernel("mb2ic8ih6oc8kh3ph1", layout="nCx8c")
    assert k.input_shape(2) == (2, 1, 6, 6, 8)
    x, w = ints(2, 8, 6, 6), ints(8, 8, 3, 3)
    k.bind(w)
    blocked = np.ascontiguousarray(x.reshape(2, 1, 8, 6, 6).transpose(0, 1, 3, 4, 2))
    y = k(blocked)
    np.testing.assert_array_equal(y.transpose(0, 1, 4, 2, 3).reshape(2, 8, 6, 6),
                                  torch_conv(x, w, padding=1))


def test_out_and_zero_copy(engine):
    k = engine.kernel((4, 2, 10, 10), (3, 2, 3, 3))
    w, x = ints(3, 2, 3, 3), ints(4, 2, 10, 10)
    k.bind(w)
    out = np.full(k.output_shape(4), np.nan, np.float32)
    assert k(x, out) is out and k(x, out=out) is out
    assert np.shares_memory(k(x, out=out), out)
    np.testing.assert_array_equal(out, torch_conv(x, w))


def test_run_ragged(engine):
    k = engine.kernel((1, 1, 16, 16), (4, 1, 5, 5))
    w = ints(4, 1, 5, 5)
    k.bind(w)
    inputs = [ints(int(n), 1, 16, 16) for n in rng.integers(0, 6, 40)]
    outs = k.run_ragged(inputs)
    assert isinstance(outs, list) and len(outs) == len(inputs)
    for x, y in zip(inputs, outs):
        assert y.shape == (len(x), 4, 12, 12)
        np.testing.assert_array_equal(y, k(x))
    # The same bytes as one batch of the same images; new outputs are views
    # of one allocation, each its own C-contiguous array.
    np.testing.assert_array_equal(np.concatenate(outs), k(np.concatenate(inputs)))
    assert all(y.flags.c_contiguous and y.flags.writeable for y in outs)
    assert outs[0].base is outs[1].base is not None
    assert not np.shares_memory(outs[0], outs[1])
    given = [np.full(k.output_shape(len(x)), np.nan, np.float32) for x in inputs]
    assert k.run_ragged(tuple(inputs), given) is given
    for y, z in zip(outs, given):
        np.testing.assert_array_equal(y, z)
    assert k.run_ragged([]) == []


def test_plan_code_and_disassembly(engine):
    k = engine.kernel((1, 1, 64, 64), (1, 1, 3, 3))
    assert k.backend == "jit"
    assert k.plan.split()[0] in ("ow_vector", "oc_vector")
    assert len(k.code) > 0
    listing = k.disassembly()
    assert "vfmadd" in listing and "ret" in listing
    assert "convjit.Kernel" in repr(k) and k.plan in repr(k)


@pytest.mark.parametrize("backend", ["interp", "reference"])
def test_backends_agree(engine, backend):
    x, w, b = ints(2, 3, 11, 9), ints(4, 3, 3, 2), ints(4)
    shapes = dict(weight_shape=w.shape, stride=(2, 1), padding=((1, 0), 2), bias=True)
    jit = engine.kernel(x.shape, **shapes)
    other = engine.kernel(x.shape, **shapes, backend=backend)
    assert other.backend == backend and other.code == b""
    jit.bind(w, b)
    other.bind(w, b)
    np.testing.assert_array_equal(jit(x), other(x))


def test_isa_cap():
    engine = convjit.Engine(threads=1, max_isa="avx2")
    assert engine.isa in ("avx2", "scalar") and engine.threads == 1
    k = engine.kernel((1, 2, 20, 20), (3, 2, 3, 3))
    assert "avx512" not in k.plan
    x, w = ints(1, 2, 20, 20), ints(3, 2, 3, 3)
    k.bind(w)
    np.testing.assert_array_equal(k(x), torch_conv(x, w))


def test_engine_properties(engine):
    assert engine.threads == 2
    assert engine.isa in ("avx512", "avx2", "scalar")
    assert engine.cpu
    before = engine.stats
    engine.kernel((1, 1, 9, 9), (1, 1, 2, 2))
    engine.kernel((1, 1, 9, 9), (1, 1, 2, 2))
    after = engine.stats
    assert after["compiled"] == before["compiled"] + 1 and after["reused"] == before["reused"] + 1
    assert convjit.Engine().threads >= 1


def test_tune_and_wisdom(tmp_path):
    path = tmp_path / "wisdom.json"
    engine = convjit.Engine(threads=1, wisdom=path)
    result = engine.tune((1, 3, 32, 32), (10, 3, 2, 2), stride=2, budget=0.3)
    assert isinstance(result, convjit.TuneResult)
    assert result.plan and result.measured >= 1 and result.failed == 0 and not result.from_wisdom
    assert result.effort == "measure" and result.time_s > 0
    assert engine.kernel((1, 3, 32, 32), (10, 3, 2, 2), stride=2).plan == result.plan
    assert engine.save_wisdom() and path.exists()
    # A new engine reading the file answers from it without measuring.
    again = convjit.Engine(threads=1, wisdom=str(path))
    assert again.tune("mb1ic3ih32oc10kh2sh2").from_wisdom
    assert again.kernel("mb1ic3ih32oc10kh2sh2").plan == result.plan
    other = convjit.Engine(threads=1)
    assert other.load_wisdom(path) and not other.load_wisdom(tmp_path / "missing.json")
    assert other.save_wisdom(tmp_path / "copy.json")
    assert engine.tune("mb1ic1ih8oc1kh2", effort="estimate").measured == 0
