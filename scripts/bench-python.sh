#!/usr/bin/env bash
# The seed problems from Python with their Python peers side by side
# (bench/python/): installs what is missing (the peers only the benchmark
# uses: SciPy, OpenCV, Matplotlib for the plot), builds in Release into
# build/ and runs bench/python/bench_seeds.py on the build tree's module,
# writing bench/results/python.{md,json,png}. Arguments go to the script:
# scripts/bench-python.sh --threads 1 --problems tiny
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
packages=(python3-scipy python3-opencv python3-matplotlib)
missing=()
for p in "${packages[@]}"; do
  if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]]; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} > 0)); then
  echo "bench-python: installing ${missing[*]}" >&2
  sudo=()
  if ((EUID != 0)); then sudo=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)" --target convjit_python convjit
PYTHONPATH=build/python /usr/bin/python3 bench/python/bench_seeds.py --cli build/tools/convjit \
  --out bench/results "$@"
