#!/usr/bin/env bash
# The seed problems from Python with their Python peers side by side
# (bench/python/): installs what is missing (the peers only the benchmark
# uses: SciPy, OpenCV, Matplotlib for the plot), builds in Release into
# build/ and runs bench/python/bench_seeds.py on the build tree's module,
# writing bench/results/python.{md,json,png}. Arguments go to the script:
# scripts/bench-python.sh --threads 1 --problems tiny
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh python3-scipy python3-opencv python3-matplotlib

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)" --target convjit_python convjit
PYTHONPATH=build/python /usr/bin/python3 bench/python/bench_seeds.py --cli build/tools/convjit \
  --out bench/results "$@"
