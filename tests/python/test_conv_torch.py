"""convjit.conv against torch.nn.functional.conv1d/2d/3d on random problems
(random_problems.py): integer-valued data must agree exactly, real data
within error_bound(). Each problem is its own test; the count compared is
printed at the end of the run."""
import collections

import numpy as np
import pytest

import convjit
from conftest import COMPARED, error_bound, torch_conv
from random_problems import describe, problem

SEED = 1
FLOAT64_PROBLEMS = 400
FLOAT32_PROBLEMS = 100  # integer data only: exact in float32 too


def compare(p, dtype):
    x, w, b, args = p["x"], p["w"], p["b"], p["args"]
    got = convjit.conv(x, w, b, **args)
    want = torch_conv(x, w, b, **args)
    assert got.shape == want.shape and got.dtype == dtype, describe(p)
    # A comparison of mostly zeros proves little; outputs whose window lies
    # wholly in the padding are zero whatever the kernel does, so only those
    # that see the input count.
    seen = torch_conv(np.ones_like(x), np.ones_like(w), **args) > 0
    assert np.count_nonzero(want[seen]) >= max(1, seen.sum() // 8), describe(p)
    if p["integer"]:
        np.testing.assert_array_equal(got, want, err_msg=describe(p))
    else:
        bound = error_bound(x, w, b, dtype, **args)
        excess = np.abs(got - want) - bound
        assert excess.max() <= 0, f"{describe(p)}: worst error exceeds its bound by {excess.max()}"
    COMPARED[np.dtype(dtype).name] += 1


@pytest.mark.parametrize("index", range(FLOAT64_PROBLEMS))
def test_float64_against_torch(index):
    compare(problem(SEED, index, np.float64), np.float64)


@pytest.mark.parametrize("index", range(FLOAT32_PROBLEMS))
def test_float32_integer_data_against_torch(index):
    p = problem(SEED + 1, index, np.float32)
    if not p["integer"]:  # rounded to float32, real data differs from torch's sums
        p = problem(SEED + 1, index + 10_000, np.float32)
        p["x"], p["w"] = np.round(p["x"] * 3), np.round(p["w"] * 3)
        p["b"] = None if p["b"] is None else np.round(p["b"] * 3)
        p["integer"] = True
    compare(p, np.float32)


def test_random_problems_cover_the_space():
    """The problems above reach every part of the space, in numbers."""
    seen = collections.Counter()
    for index in range(FLOAT64_PROBLEMS):
        p = problem(SEED, index)
        a = p["args"]
        seen[f"{p['x'].ndim - 2}d"] += 1
        seen[p["kind"]] += 1
        seen[p["form"]] += 1
        seen[a["layout"]] += 1
        seen["bias"] += p["b"] is not None
        seen["relu"] += a["relu"]
        seen["strided"] += np.any(np.array(a["stride"]) > 1)
        seen["dilated"] += np.any(np.array(a["dilation"]) > 1)
        seen["batch>1"] += p["x"].shape[0] > 1
        seen["integer"] += p["integer"]
    for feature in ["1d", "2d", "3d", "plain", "grouped", "depthwise", "int", "axes", "pairs",
                    "valid", "same", "ncx", "nxc", "bias", "relu", "strided", "dilated",
                    "batch>1", "integer"]:
        assert seen[feature] >= 20, (feature, dict(seen))
