#!/usr/bin/env bash
# Installs what is missing, builds, installs the Python module
# (scripts/install-python.sh), runs every test through ctest, then the
# sanitizer configurations (scripts/test-sanitizers.sh; skipped with
# CONVJIT_SKIP_SANITIZERS=1). The last line printed is ctest's summary, over
# all configurations together. Build directories: CONVJIT_BUILD_PREFIX
# (default "build"), then -asan and -tsan.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${CONVJIT_BUILD_PREFIX:-build}

bash scripts/install-deps.sh
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" -j"$(nproc)"
bash scripts/install-python.sh "$build"

logs=()
status=0
ctest --test-dir "$build" --output-on-failure -j2 2>&1 | tee "$build/ctest.log" || status=1
logs+=("$build/ctest.log")
if [[ "${CONVJIT_SKIP_SANITIZERS:-0}" != 1 ]]; then
  CONVJIT_BUILD_PREFIX=$build bash scripts/test-sanitizers.sh 2>&1 |
    tee "$build/ctest-sanitizers.log" || status=1
  logs+=("$build/ctest-sanitizers.log")
fi

# ctest shows a passing test's output only in its log: the count of random
# problems the Python tests compared against PyTorch, from there.
echo "== summary" >&2
grep -h "random problems compared against" "$build/Testing/Temporary/LastTest.log" >&2 || true
# ctest's "N% tests passed, F tests failed out of T", summed over the runs.
grep -h "tests passed, .* tests failed out of" "${logs[@]}" >&2 || true
# A configuration that failed to build has no line of its own: say so.
{ grep -h "tests passed, .* tests failed out of" "${logs[@]}" || true; } | awk -v status=$status '
  { failed += $4; total += $NF }
  END {
    pct = total ? int(100 * (total - failed) / total) : 0
    note = status && !failed ? " (and a build or a configuration failed)" : ""
    printf "%d%% tests passed, %d tests failed out of %d%s\n", pct, failed, total, note
  }'
exit $status
