"""The seed problems (problems/seeds.txt) from Python, as their users would
call them, side by side in one process: convjit.conv, a cached convjit
kernel (allocating its output, and with out=), torch.nn.functional.conv2d,
scipy.signal.correlate2d, scipy.ndimage.correlate, cv2.filter2D and NumPy's
as_strided im2col + np.dot, where each applies; at 1 thread and at all.
Every implementation is checked against a float64 PyTorch result before it
is timed; a peer that is not importable is left out with a line saying so.
Then the ragged batch (1000 arrays of 20..40 16x16 images, 5x5, 1 => 4)
through Kernel.run_ragged against one batch of the same images, and, with
--cli, the C++ `convjit bench` time of each problem for comparison.

Run from the repository root after a build (scripts/bench-python.sh does
both): PYTHONPATH=build/python python3 bench/python/bench_seeds.py
"""
import argparse
import json
import mmap
import os
import re
import subprocess
import sys
import time

import numpy as np
from numpy.lib.stride_tricks import as_strided

import convjit

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def optional(name):
    """A peer module, or None with a line saying why."""
    try:
        return __import__(name)
    except ImportError as e:
        print(f"bench: {name} not importable ({e}): its column is left out", file=sys.stderr)
        return None


torch = optional("torch")
if torch is not None:
    import torch.nn.functional as F
scipy_signal = optional("scipy.signal")
scipy_ndimage = optional("scipy.ndimage")
cv2 = optional("cv2")
if scipy_signal is not None:
    scipy_signal = sys.modules["scipy.signal"]
    scipy_ndimage = sys.modules["scipy.ndimage"]

COLUMNS = ["convjit.conv", "kernel", "kernel out=", "torch", "scipy.signal", "scipy.ndimage",
           "cv2", "numpy im2col"]
CONVJIT = {"convjit.conv", "kernel", "kernel out="}
ALIGNED = "kernel out= placed"


# ---------------------------------------------------------------- problems

def seed_problems():
    """(name, descriptor) of each line of problems/seeds.txt."""
    problems = []
    with open(os.path.join(ROOT, "problems", "seeds.txt")) as f:
        for line in f:
            line = line.split("#")[0].strip()
            if line:
                name = re.search(r'n"([^"]*)"', line)
                problems.append((name.group(1) if name else line, line))
    return problems


def single_channel_2d(k):
    """Whether the 2D image peers (scipy, OpenCV) compute this problem as
    their users call them: one image, one channel in and out, stride 1,
    dense, no padding."""
    return (len(k.stride) == 2 and k.batch == 1 and k.input_shape()[1] == 1 and
            k.weight_shape[0] == 1 and k.stride == (1, 1) and k.dilation == (1, 1) and
            k.padding == ((0, 0), (0, 0)))


def implementations(desc, x, w, threads, engine):
    """name -> a function of no arguments computing the problem, and the
    cached kernel."""
    k = engine.kernel(desc)
    kernel = engine.kernel(x.shape, w.shape, stride=k.stride, padding=k.padding)
    kernel.bind(w)
    out = np.empty(kernel.output_shape(x.shape[0]), x.dtype)
    stride = k.stride
    impls = {
        "convjit.conv": lambda: convjit.conv(x, w, stride=stride),
        "kernel": lambda: kernel(x),
        "kernel out=": lambda: kernel(x, out),
    }
    if torch is not None:
        xt, wt = torch.from_numpy(x), torch.from_numpy(w)
        impls["torch"] = lambda: F.conv2d(xt, wt, stride=stride)
    oh, ow = kernel.output_shape()[2:]
    kh, kw = w.shape[2:]
    if single_channel_2d(k):
        image, filt = x[0, 0], w[0, 0]
        if scipy_signal is not None:
            impls["scipy.signal"] = lambda: scipy_signal.correlate2d(image, filt, mode="valid")
            # ndimage centres the filter at size // 2: the valid outputs start there.
            impls["scipy.ndimage"] = lambda: scipy_ndimage.correlate(image, filt)[
                kh // 2:kh // 2 + oh, kw // 2:kw // 2 + ow]
        if cv2 is not None:
            # Anchored at the filter's corner, the first oh x ow outputs are valid.
            impls["cv2"] = lambda: cv2.filter2D(image, -1, filt, anchor=(0, 0),
                                                borderType=cv2.BORDER_CONSTANT)[:oh, :ow]
    impls["numpy im2col"] = lambda: im2col_dot(x, w, stride)
    return impls, kernel


def im2col_dot(x, w, stride):
    """The NumPy user's convolution: a strided view of every window, copied
    into columns by reshape, times the filters."""
    n, c, h, wd = x.shape
    oc, _, kh, kw = w.shape
    sh, sw = stride
    oh, ow = (h - kh) // sh + 1, (wd - kw) // sw + 1
    s = x.strides
    windows = as_strided(x, (n, oh, ow, c, kh, kw), (s[0], s[2] * sh, s[3] * sw, s[1], s[2], s[3]))
    cols = windows.reshape(n * oh * ow, c * kh * kw)
    return np.dot(cols, w.reshape(oc, -1).T).reshape(n, oh, ow, oc).transpose(0, 3, 1, 2)


def reference(x, w, stride):
    xt, wt = torch.from_numpy(x.astype(np.float64)), torch.from_numpy(w.astype(np.float64))
    return F.conv2d(xt, wt, stride=stride).numpy()


def check(name, got, want, dtype):
    got = np.asarray(got).reshape(want.shape) if np.asarray(got).size == want.size else got
    if np.shape(got) != want.shape:
        raise SystemExit(f"bench: {name} gives shape {np.shape(got)}, expected {want.shape}")
    tol = 1e-4 if dtype == np.float32 else 1e-10
    err = np.abs(np.asarray(got, np.float64) - want).max() / max(np.abs(want).max(), 1e-30)
    if err > tol:
        raise SystemExit(f"bench: {name} differs from PyTorch's float64 result by {err:.3g}")


# ---------------------------------------------------------------- timing

def calibrate(f, min_sample_s):
    """Calls per sample so that a sample lasts at least min_sample_s."""
    number = 1
    while True:
        start = time.perf_counter()
        for _ in range(number):
            f()
        spent = time.perf_counter() - start
        if spent >= min_sample_s or number >= 1 << 22:
            return number
        number = max(number * 2, int(number * min_sample_s / max(spent, 1e-9) * 1.2))


def time_side_by_side(impls, repeats, min_sample_s, budget_s):
    """Interleaved samples (one of each implementation per round, so that a
    slow stretch of a noisy machine hits all alike), each after an untimed
    call that brings its data back into the caches the others evicted (as
    `convjit bench` warms up): per implementation the min and median seconds
    per call, and the number of samples."""
    numbers = {name: calibrate(f, min_sample_s) for name, f in impls.items()}
    samples = {name: [] for name in impls}
    deadline = time.perf_counter() + budget_s
    for round in range(repeats):
        for name, f in impls.items():
            number = numbers[name]
            f()
            start = time.perf_counter()
            for _ in range(number):
                f()
            samples[name].append((time.perf_counter() - start) / number)
        if round >= 4 and time.perf_counter() > deadline:
            break
    return {name: (min(s), float(np.median(s)), len(s)) for name, s in samples.items()}


def time_alone(f, samples, min_sample_s):
    """`convjit bench`'s way: a warm-up call, then samples back to back, so
    the data stays in the caches; the min and median seconds per call."""
    number = calibrate(f, min_sample_s)
    f()
    times = []
    for _ in range(samples):
        start = time.perf_counter()
        for _ in range(number):
            f()
        times.append((time.perf_counter() - start) / number)
    return min(times), float(np.median(times))


def bench_buffer_copy(a, alignment=64, huge=2 << 20):
    """A copy of `a` placed as `convjit bench` places its tensors: on a
    cache line (NumPy aligns to 16 bytes) and, from 2 MiB up, in memory
    asked for on transparent huge pages (NumPy asks from 4 MiB up)."""
    if a.nbytes >= huge:
        # Private: a shared anonymous map would be shmem, which ignores the hint.
        m = mmap.mmap(-1, a.nbytes + alignment, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
        m.madvise(mmap.MADV_HUGEPAGE)  # a hint, as the library's Buffer gives it
        buf = np.frombuffer(m, np.uint8)
    else:
        buf = np.empty(a.nbytes + alignment, np.uint8)
    start = -buf.ctypes.data % alignment
    copy = buf[start:start + a.nbytes].view(a.dtype).reshape(a.shape)
    copy[...] = a
    return copy


def versus_cli(cli, desc, threads, impls, kernel, x, rounds=3):
    """The convjit calls timed alone and `convjit bench` (C++, f32) on the
    same problem, in turns (Python, C++, Python, ...), the min of each kept:
    the same protocol on both sides. With the tensors placed as the C++
    bench places them (`kernel out= aligned`), the ratio is the cost of
    calling from Python; NumPy's own arrays add that of their placement."""
    xa = bench_buffer_copy(x)
    oa = bench_buffer_copy(np.zeros(kernel.output_shape(x.shape[0]), x.dtype))
    calls = {name: impls[name] for name in CONVJIT}
    calls[ALIGNED] = lambda: kernel(xa, oa)
    best = {}
    for _ in range(rounds):
        for name, f in calls.items():
            t = time_alone(f, 15, 0.002)
            best[name] = min(best.get(name, t), t)
        t = cli_times(cli, desc, threads)
        best["C++"] = min(best.get("C++", t), t)
    return best


def set_threads(threads):
    convjit.set_num_threads(threads)
    if torch is not None:
        torch.set_num_threads(threads)
    if cv2 is not None:
        cv2.setNumThreads(threads)


def cli_times(cli, desc, threads):
    """(min, median) seconds of `convjit bench` for one problem, f32."""
    out = subprocess.run([cli, "bench", "--problem", desc, "--threads", str(threads), "--json"],
                         check=True, capture_output=True, text=True).stdout
    row = json.loads(out.strip().splitlines()[-1])
    return row["min_s"], row["median_s"]


# ---------------------------------------------------------------- ragged

def splitmix64(state):
    """The C++ bench's generator, so both draw the same batch sizes."""
    mask = (1 << 64) - 1
    while True:
        state = (state + 0x9E3779B97F4A7C15) & mask
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        yield z ^ (z >> 31)


def ragged(threads, repeats, min_sample_s, budget_s):
    """1000 arrays of 20..40 16x16 images (separate allocations), 5x5,
    1 => 4: Kernel.run_ragged against one batch of the same images, both
    with their outputs given and allocating them, and a loop of calls."""
    rng = np.random.default_rng(42)
    sizes = [20 + x % 21 for x, _ in zip(splitmix64(42), range(1000))]
    xs = [rng.random((n, 1, 16, 16), np.float32) for n in sizes]
    batch = np.concatenate(xs)
    w = rng.random((4, 1, 5, 5), np.float32)
    k = convjit.Engine(threads=threads).kernel((1, 1, 16, 16), w.shape)
    k.bind(w)
    outs = [np.empty(k.output_shape(n), np.float32) for n in sizes]
    out = np.empty(k.output_shape(len(batch)), np.float32)
    np.testing.assert_array_equal(np.concatenate(k.run_ragged(xs)), k(batch))
    impls = {
        "run_ragged outs=": lambda: k.run_ragged(xs, outs),
        "batch out=": lambda: k(batch, out),
        "run_ragged": lambda: k.run_ragged(xs),
        "batch": lambda: k(batch),
        "loop of calls": lambda: [k(x, o) for x, o in zip(xs, outs)],
    }
    return len(batch), time_side_by_side(impls, repeats, min_sample_s, budget_s)


# ---------------------------------------------------------------- report

def fmt(seconds):
    for unit, scale in (("s", 1), ("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds * 1e9:.3g} ns"


def table(results, threads):
    head = ["problem"] + COLUMNS + ["fastest peer", "peer / conv"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        if r["threads"] != threads:
            continue
        t = r["times"]
        cells = [r["name"]]
        for c in COLUMNS:
            cells.append(f"{fmt(t[c][0])} / {fmt(t[c][1])}" if c in t else "-")
        peers = {c: t[c][0] for c in t if c not in CONVJIT}
        best = min(peers, key=peers.get)
        cells += [best, f"{peers[best] / t['convjit.conv'][0]:.2f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def cli_table(results, threads):
    names = sorted(CONVJIT, key=COLUMNS.index) + [ALIGNED]
    head = ["problem", "C++ `convjit bench`"] + [f"{n} (/ C++)" for n in names]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        if r["threads"] != threads or "alone" not in r:
            continue
        a = r["alone"]
        cells = [r["name"], f"{fmt(a['C++'][0])} / {fmt(a['C++'][1])}"]
        cells += [f"{fmt(a[n][0])} / {fmt(a[n][1])} ({a[n][0] / a['C++'][0]:.2f})" for n in names]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def plot(results, threads, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("bench: matplotlib not importable: no plot", file=sys.stderr)
        return
    rows = [r for r in results if r["threads"] == threads]
    names = [r["name"].replace("seed:", "") for r in rows]
    fig, ax = plt.subplots(figsize=(10, 4.5))
    width = 0.8 / len(COLUMNS)
    for i, c in enumerate(COLUMNS):
        xs = [j + i * width for j, r in enumerate(rows) if c in r["times"]]
        ys = [r["times"][c][0] / r["times"]["convjit.conv"][0] for r in rows if c in r["times"]]
        ax.bar(xs, ys, width, label=c)
    ax.set_yscale("log")
    ax.axhline(1, color="black", linewidth=0.8)
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(rows))], names, rotation=20)
    ax.set_ylabel("time / convjit.conv's (min; log scale)")
    ax.set_title(f"The seed problems from Python, float32, {threads} thread(s)")
    ax.legend(ncol=4, fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    print(f"bench: wrote {path}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--threads", default=f"1,{len(os.sched_getaffinity(0))}",
                    help="thread counts, comma-separated (default: 1 and every CPU)")
    ap.add_argument("--repeats", type=int, default=21, help="samples per implementation")
    ap.add_argument("--min-sample", type=float, default=0.002, help="seconds per sample, at least")
    ap.add_argument("--budget", type=float, default=6.0, help="seconds of sampling per problem")
    ap.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    ap.add_argument("--problems", default="", help="a regular expression on the seed names")
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "tools", "convjit"),
                    help="the convjit binary whose `bench` times each problem too ('' : none)")
    ap.add_argument("--no-ragged", action="store_true")
    ap.add_argument("--out", default="", help="directory for python.md, python.json, python.png")
    args = ap.parse_args()

    if torch is None:
        raise SystemExit("bench: the checks need torch (python3-torch)")
    dtype = np.dtype(args.dtype).type
    threads_list = [int(t) for t in args.threads.split(",")]
    cli = args.cli if args.cli and os.access(args.cli, os.X_OK) else ""
    if not cli:
        print("bench: no convjit binary (--cli): no C++ column", file=sys.stderr)
    blas = os.path.realpath("/etc/alternatives/libblas.so.3-x86_64-linux-gnu")
    print(f"convjit {convjit.__version__}, {convjit.Engine().cpu}\nnumpy {np.__version__} "
          f"(BLAS {blas}), torch {torch.__version__}, scipy "
          f"{sys.modules['scipy'].__version__ if scipy_signal else '-'}, "
          f"cv2 {cv2.__version__ if cv2 else '-'}; {args.dtype}; cell: min / median")

    results = []
    rng = np.random.default_rng(1)
    for threads in threads_list:
        set_threads(threads)
        engine = convjit.Engine(threads=threads)
        for name, desc in seed_problems():
            if args.problems and not re.search(args.problems, name):
                continue
            k = engine.kernel(desc)
            x = rng.random(k.input_shape(), dtype)
            w = rng.random(k.weight_shape, dtype)
            impls, kernel = implementations(desc, x, w, threads, engine)
            want = reference(x, w, k.stride)
            for impl, f in impls.items():
                check(impl, f(), want, dtype)
            times = time_side_by_side(impls, args.repeats, args.min_sample, args.budget)
            row = {"name": name, "descriptor": desc, "threads": threads, "times": times}
            if cli and dtype == np.float32:
                row["alone"] = versus_cli(cli, desc, threads, impls, kernel, x)
            results.append(row)
            print(f"{name} t{threads}: " + ", ".join(f"{c} {fmt(v[0])}" for c, v in times.items()),
                  file=sys.stderr)

    report = []
    for threads in threads_list:
        report += [f"\n{threads} thread(s), interleaved with the peers (min / median):\n",
                   table(results, threads)]
        if cli:
            report += [f"\n{threads} thread(s), the convjit calls alone against `convjit bench` "
                       "(C++), in turns, min of each (min / median; ratio of mins):\n",
                       cli_table(results, threads)]
    ragged_rows = []
    if not args.no_ragged:
        for threads in threads_list:
            images, times = ragged(threads, args.repeats, args.min_sample, args.budget)
            ragged_rows.append({"threads": threads, "images": images, "times": times})
            base = times["batch out="][0]
            report += [f"\nRagged, {threads} thread(s): 1000 arrays, {images} images, 16x16, 5x5, "
                       f"1 => 4 (min / median; ratio of mins to `batch out=`):\n",
                       "| call | time | / batch out= |", "|---|---|---|"]
            report += [f"| {name} | {fmt(t[0])} / {fmt(t[1])} | {t[0] / base:.3f} |"
                       for name, t in times.items()]
    text = "\n".join(report)
    print(text)
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        with open(os.path.join(args.out, "python.md"), "w") as f:
            f.write(text.lstrip() + "\n")
        with open(os.path.join(args.out, "python.json"), "w") as f:
            json.dump({"seeds": results, "ragged": ragged_rows}, f, indent=1, default=list)
        plot(results, threads_list[0], os.path.join(args.out, "python.png"))


if __name__ == "__main__":
    main()
