#!/usr/bin/env bash
# Installs what is missing, builds, installs the Python module
# (scripts/install-python.sh), runs every test through ctest, then the
# sanitizer configurations (scripts/test-sanitizers.sh; skipped with
# CONVJIT_SKIP_SANITIZERS=1). The last line printed is ctest's summary, over
# all configurations together, with the skipped tests. Build directories:
# CONVJIT_BUILD_PREFIX (default "build"), then -asan and -tsan.
#
# No silent passes: ctest fails when a filter selects no test
# (--no-tests=error), skipped tests are listed, and on a CPU with AVX2 and
# FMA (where every test has what it needs: a JIT) any skip fails the run,
# but for tests whose ctest names match the regular expression
# CONVJIT_MAY_SKIP (default: none), for machines known to lack something
# else a test needs (a system refusing RWX mappings, say).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${CONVJIT_BUILD_PREFIX:-build}
# Each phase's wall time, on stderr, so that CI's 20-minute budget can be
# read off its log.
phase_start=$SECONDS
phase() {
  echo "== $1: $((SECONDS - phase_start)) s" >&2
  phase_start=$SECONDS
}

bash scripts/install-deps.sh
phase "dependencies"
# The bench is not built here: bench_peer_states builds it in every state of
# its peers, and its Release build would only cost CI a minute.
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCONVJIT_BUILD_BENCH=OFF
cmake --build "$build" -j"$(nproc)"
phase "build"
bash scripts/install-python.sh "$build"
phase "Python module"

logs=()
status=0
ctest --test-dir "$build" --output-on-failure --no-tests=error -j2 2>&1 | tee "$build/ctest.log" ||
  status=1
logs+=("$build/ctest.log")
phase "tests"
if [[ "${CONVJIT_SKIP_SANITIZERS:-0}" != 1 ]]; then
  CONVJIT_BUILD_PREFIX=$build bash scripts/test-sanitizers.sh 2>&1 |
    tee "$build/ctest-sanitizers.log" || status=1
  logs+=("$build/ctest-sanitizers.log")
  phase "sanitizers"
fi

# Skipped tests, as ctest lists them ("  12 - native.Suite.Name (Skipped)").
skipped=$({ grep -h "(Skipped)" "${logs[@]}" || true; } |
  sed -E 's/^[[:space:]]*[0-9]+ - ([^ ]+) \(Skipped\).*/\1/' | sort -u)
must_run=0
if grep -qw avx2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo; then must_run=1; fi
skip_status=0
if [[ -n "$skipped" ]]; then
  echo "== skipped: $(wc -l <<<"$skipped")" >&2
  while read -r name; do
    if [[ $must_run == 1 ]] && ! [[ -n "${CONVJIT_MAY_SKIP:-}" && "$name" =~ $CONVJIT_MAY_SKIP ]]; then
      echo "  $name: skipped, but this CPU has a JIT: it must run here" >&2
      skip_status=1
    else
      echo "  $name" >&2
    fi
  done <<<"$skipped"
fi
[[ $skip_status == 0 ]] || status=1

# ctest shows a passing test's output only in its log: the count of random
# problems the Python tests compared against PyTorch, from there.
echo "== summary" >&2
grep -h "random problems compared against" "$build/Testing/Temporary/LastTest.log" >&2 || true
# ctest's "N% tests passed, F tests failed out of T", summed over the runs.
grep -h "tests passed, .* tests failed out of" "${logs[@]}" >&2 || true
# A configuration that failed to build has no line of its own: say so.
{ grep -h "tests passed, .* tests failed out of" "${logs[@]}" || true; } |
  awk -v status=$status -v skipped="$(grep -c . <<<"$skipped" || true)" -v skip_status=$skip_status '
  { failed += $4; total += $NF }
  END {
    pct = total ? int(100 * (total - failed) / total) : 0
    note = status && !failed && !skip_status ? " (and a build or a configuration failed)" : ""
    if (skip_status) note = note " (and a test that must run here was skipped)"
    printf "%d%% tests passed, %d tests failed out of %d, %d skipped%s\n", pct, failed, total, skipped, note
  }'
exit $status
