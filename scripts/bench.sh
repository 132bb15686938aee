#!/usr/bin/env bash
# Benchmarks convjit side by side with its peers (oneDNN, im2col + OpenBLAS,
# the naive loop, OpenCV's filter2D): installs what is missing, builds
# convjit_bench in Release into build/, runs every suite at 1 and 2 threads,
# and writes bench/results/latest.md, latest.json, gflops.png, speedup.png.
# Arguments go to convjit_bench: scripts/bench.sh --suite seeds --threads 1
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh libbenchmark-dev libdnnl-dev libopenblas-dev libopencv-dev gnuplot-nox

build="${CONVJIT_BENCH_BUILD_DIR:-build}"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCONVJIT_BUILD_BENCH=ON
cmake --build "$build" --target convjit_bench -j"$(nproc)"
"$build/bench/convjit_bench" "$@"
