#!/usr/bin/env bash
# Benchmarks convjit side by side with its peers (oneDNN, im2col + OpenBLAS,
# the naive loop, OpenCV's filter2D): installs what is missing, builds
# convjit_bench in Release into build/, runs every suite at 1 and 2 threads,
# and writes bench/results/latest.md, latest.json, gflops.png, speedup.png.
# Arguments go to convjit_bench: scripts/bench.sh --suite seeds --threads 1
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

# The peers and the plotting, only those missing (as install-deps.sh does).
packages=(libbenchmark-dev libdnnl-dev libopenblas-dev libopencv-dev gnuplot-nox)
missing=()
for p in "${packages[@]}"; do
  if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]]; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} > 0)); then
  echo "bench: installing ${missing[*]}" >&2
  sudo=()
  if ((EUID != 0)); then sudo=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

build="${CONVJIT_BENCH_BUILD_DIR:-build}"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCONVJIT_BUILD_BENCH=ON
cmake --build "$build" --target convjit_bench -j"$(nproc)"
"$build/bench/convjit_bench" "$@"
