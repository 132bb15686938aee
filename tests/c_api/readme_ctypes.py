"""The C example of the README through Python's ctypes: a 6x6 image filtered
with a 3x3 box filter, zero padding of 1. Standard library only; the library
is $CONVJIT_LIBRARY, else libconvjit.so.0 on the loader's path."""
import ctypes
import os
import sys

lib = ctypes.CDLL(os.environ.get("CONVJIT_LIBRARY", "libconvjit.so.0"))


class Problem(ctypes.Structure):  # convjit_problem
    _fields_ = [("desc", ctypes.c_char_p), ("dtype", ctypes.c_int),
                ("layout", ctypes.c_int), ("post_ops", ctypes.c_uint),
                ("algorithm", ctypes.c_int)]


SUCCESS, INVALID_ARGUMENT = 0, 1
F32, NCX, DIRECT, BACKEND_AUTO = 0, 0, 0, 0
P = ctypes.c_void_p  # the opaque handles
i64 = ctypes.c_int64
lib.convjit_status_string.restype = ctypes.c_char_p
lib.convjit_last_error_message.restype = ctypes.c_char_p
lib.convjit_last_error_field.restype = ctypes.c_char_p
lib.convjit_engine_create.argtypes = [P, ctypes.POINTER(P)]
lib.convjit_engine_destroy.argtypes = [P]
lib.convjit_kernel_create.argtypes = [P, ctypes.POINTER(Problem), ctypes.c_int, ctypes.POINTER(P)]
lib.convjit_kernel_destroy.argtypes = [P]
lib.convjit_kernel_bind.argtypes = [P, P, i64, P, i64]
lib.convjit_kernel_run.argtypes = [P, i64, P, i64, P, i64]
lib.convjit_kernel_plan.argtypes = [P, ctypes.POINTER(ctypes.c_char_p)]


def check(status):
    """Each call returns a status; the reason is on this thread's last error."""
    if status != SUCCESS:
        raise RuntimeError(lib.convjit_last_error_message().decode())


engine, kernel = P(), P()
check(lib.convjit_engine_create(None, ctypes.byref(engine)))  # all cores
try:
    box = Problem(b"mb1ic1ih6oc1kh3ph1", F32, NCX, 0, DIRECT)
    check(lib.convjit_kernel_create(engine, ctypes.byref(box), BACKEND_AUTO, ctypes.byref(kernel)))
    weights = (ctypes.c_float * 9)(*[1.0] * 9)
    src, dst = (ctypes.c_float * 72)(*[1.0] * 72), (ctypes.c_float * 72)()  # a batch of 2
    check(lib.convjit_kernel_bind(kernel, weights, 9, None, 0))
    check(lib.convjit_kernel_run(kernel, 2, src, 72, dst, 72))
    plan = ctypes.c_char_p()
    check(lib.convjit_kernel_plan(kernel, ctypes.byref(plan)))
    # Corners see 4 taps of the image, edges 6, the interior 9.
    print(f"{plan.value.decode()}: {dst[0]:g} {dst[1]:g} {dst[7]:g}")
    failed = (dst[0], dst[1], dst[7], dst[36 + 7]) != (4, 6, 9, 9)

    # An impossible problem is an error naming the field and the rule.
    bad, none = Problem(b"mb1ic3ih32oc10kh2g3", F32, NCX, 0, DIRECT), P()
    status = lib.convjit_kernel_create(engine, ctypes.byref(bad), BACKEND_AUTO, ctypes.byref(none))
    print(f"{lib.convjit_status_string(status).decode()}: "
          f"{lib.convjit_last_error_field().decode()}: {lib.convjit_last_error_message().decode()}")
    failed = failed or status != INVALID_ARGUMENT
finally:
    lib.convjit_kernel_destroy(kernel)
    lib.convjit_engine_destroy(engine)
sys.exit(1 if failed else 0)
