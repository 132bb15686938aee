# Type stubs of the convjit package (the extension convjit._convjit,
# re-exported); help() on each name has the full documentation.
import os
from typing import Any, Optional, Sequence, Union

import numpy as np
import numpy.typing as npt

# NumPy arrays, objects with the buffer protocol, and __dlpack__ tensors
# (PyTorch CPU tensors); float32 or float64.
ArrayLike = Any
Axis = Union[int, Sequence[int]]
Padding = Union[int, str, Sequence[Union[int, Sequence[int]]]]
Shape = Sequence[int]

__version__: str

class Error(ValueError):
    """A convolution convjit cannot run as asked; `field` names the argument."""
    field: str

def conv(
    input: ArrayLike,
    weight: ArrayLike,
    bias: Optional[ArrayLike] = None,
    stride: Axis = 1,
    padding: Padding = 0,
    dilation: Axis = 1,
    groups: int = 1,
    relu: bool = False,
    layout: str = "ncx",
    out: Optional[ArrayLike] = None,
) -> npt.NDArray[np.floating]:
    """Convolution with PyTorch's arguments and semantics (torch.nn.functional.conv1d/2d/3d)."""

def set_num_threads(threads: Optional[int]) -> None:
    """Threads conv() runs on from now on (None or 0: every CPU available)."""

def get_num_threads() -> int:
    """Threads conv() runs on."""

def clear_cache() -> None:
    """Drops every kernel conv() has cached."""

def cache_size() -> int:
    """How many shapes conv() has compiled kernels for."""

class TuneResult:
    """What Engine.tune() found for one problem."""
    @property
    def plan(self) -> str: ...
    @property
    def heuristic_plan(self) -> str: ...
    @property
    def time_s(self) -> float: ...
    @property
    def heuristic_s(self) -> float: ...
    @property
    def effort(self) -> str: ...
    @property
    def candidates(self) -> int: ...
    @property
    def measured(self) -> int: ...
    @property
    def failed(self) -> int: ...
    @property
    def from_wisdom(self) -> bool: ...

class Kernel:
    """A compiled convolution, made by Engine.kernel()."""
    def bind(self, weight: ArrayLike, bias: Optional[ArrayLike] = None) -> None: ...
    def __call__(self, input: ArrayLike, out: Optional[ArrayLike] = None) -> npt.NDArray[np.floating]: ...
    def run_ragged(
        self, inputs: Sequence[ArrayLike], outs: Optional[Sequence[ArrayLike]] = None
    ) -> list[npt.NDArray[np.floating]]: ...
    def disassembly(self) -> str: ...
    def input_shape(self, batch: Optional[int] = None) -> tuple[int, ...]: ...
    def output_shape(self, batch: Optional[int] = None) -> tuple[int, ...]: ...
    @property
    def bound(self) -> bool: ...
    @property
    def plan(self) -> str: ...
    @property
    def code(self) -> bytes: ...
    @property
    def descriptor(self) -> str: ...
    @property
    def dtype(self) -> str: ...
    @property
    def layout(self) -> str: ...
    @property
    def post_ops(self) -> str: ...
    @property
    def algorithm(self) -> str: ...
    @property
    def backend(self) -> str: ...
    @property
    def stride(self) -> tuple[int, ...]: ...
    @property
    def padding(self) -> tuple[tuple[int, int], ...]: ...
    @property
    def dilation(self) -> tuple[int, ...]: ...
    @property
    def groups(self) -> int: ...
    @property
    def batch(self) -> int: ...
    @property
    def weight_shape(self) -> tuple[int, ...]: ...

class Engine:
    """CPU detection, threads, the code cache and the wisdom; makes Kernel objects."""
    def __init__(
        self,
        threads: Optional[int] = None,
        max_isa: Optional[str] = None,
        wisdom: Optional[Union[str, os.PathLike[str]]] = None,
        flush_denormals: bool = False,
    ) -> None: ...
    def kernel(
        self,
        problem: Union[str, Shape],
        weight_shape: Optional[Shape] = None,
        stride: Axis = 1,
        padding: Padding = 0,
        dilation: Axis = 1,
        groups: int = 1,
        bias: bool = False,
        relu: bool = False,
        layout: str = "ncx",
        dtype: Union[str, np.dtype[Any], type] = "float32",
        *,
        post_ops: Optional[str] = None,
        algorithm: str = "direct",
        backend: str = "auto",
    ) -> Kernel: ...
    def tune(
        self,
        problem: Union[str, Shape],
        weight_shape: Optional[Shape] = None,
        stride: Axis = 1,
        padding: Padding = 0,
        dilation: Axis = 1,
        groups: int = 1,
        bias: bool = False,
        relu: bool = False,
        layout: str = "ncx",
        dtype: Union[str, np.dtype[Any], type] = "float32",
        *,
        post_ops: Optional[str] = None,
        algorithm: str = "direct",
        effort: str = "measure",
        budget: Optional[float] = None,
    ) -> TuneResult: ...
    def save_wisdom(self, path: Optional[Union[str, os.PathLike[str]]] = None) -> bool: ...
    def load_wisdom(self, path: Union[str, os.PathLike[str]]) -> bool: ...
    @property
    def threads(self) -> int: ...
    @property
    def isa(self) -> str: ...
    @property
    def cpu(self) -> str: ...
    @property
    def stats(self) -> dict[str, Union[int, float]]: ...
