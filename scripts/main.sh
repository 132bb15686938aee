#!/usr/bin/env bash
# Installs what is missing, builds in Release, installs the Python module
# (scripts/install-python.sh) and runs the default suite (every seed problem
# computed and checked against the reference).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
bash scripts/install-python.sh build
build/tools/convjit
