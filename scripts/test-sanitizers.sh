#!/usr/bin/env bash
# The sanitizer configurations of CI, run by test.sh after the normal suite:
#   build-asan/  AddressSanitizer + UndefinedBehaviorSanitizer: the tests of
#                the native run (whose differential fuzz covers both ISAs),
#                but for those that only add sizes to what others cover;
#   build-tsan/  ThreadSanitizer: the concurrency tests.
# JIT code is not instrumented: ASan and TSan see the C++ around it (drivers,
# staging, packing, the code cache, the interpreter and the reference). The
# JIT's own loads and stores are watched by the guard pages of the fuzz, the
# seed-problem and the shape-file tests: every buffer JIT code is handed
# (the user's src and dst, the packed weights, the bias copy, each staging
# slot, each staged output; tests/guard_jit_buffers.hpp) sits flush against
# a PROT_NONE page, NaN-filled, so one element over faults and an output
# never written fails the comparison.
# Directories are named after CONVJIT_BUILD_PREFIX (default "build").
# Ends with ctest's summary of the last configuration; fails if any did.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${CONVJIT_BUILD_PREFIX:-build}
jobs=$(nproc)

# build DIR SANITIZERS OPT TARGET...: configures DIR and builds the
# targets, without NDEBUG (assert() on). ASan: -O1, half the compile time of
# -O3 under UBSan; TSan: -O0, for two tests that run in seconds either way.
build() {
  cmake -S . -B "$1" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="$3" \
    -DCONVJIT_SANITIZE="$2" -DCONVJIT_BUILD_BENCH=OFF >/dev/null
  cmake --build "$1" -j"$jobs" --target "${@:4}"
}

# allocator_may_return_null=1: a request too large for memory fails as it
# does without ASan (CliRun.ProblemTooLargeForMemoryIsAClearError).
export ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1

status=0
echo "== AddressSanitizer + UndefinedBehaviorSanitizer" >&2
build "$prefix-asan" address,undefined -O1 convjit_tests convjit readme_example c_api_test \
  c_readme_example
# The oneDNN shape files, the large batch, the random JIT differentials and
# Winograd's reference test are the same code paths as the fuzz (which
# draws Winograd too) at sizes where the reference and the interpreter take
# minutes under ASan; the avx2 run repeats the JIT, which ASan does not see. The fuzz draws
# 500 problems here (2000 in the normal run): the C++ around the JIT, which
# is what ASan sees, is the same for every draw of a kind, and its coverage
# floors are fractions of the count. The two Tolerance tests at the fuzz's
# longest sums check numerics (43 s each here, 60 runs of the reference on
# one large problem) through the reference, the interpreter and the
# comparison, which the fuzz runs under ASan too.
CONVJIT_FUZZ_COUNT=500 ctest --test-dir "$prefix-asan" --output-on-failure --no-tests=error -j2 -R '^native\.' \
  -E 'ShapeFileExact|LargeBatch|JitDifferential\.Random|Winograd\.Matches|Tolerance\..*LongestSums' || status=1

echo "== ThreadSanitizer: concurrency" >&2
build "$prefix-tsan" thread -O0 convjit_concurrency_tests
# libgomp is not instrumented, so its barriers look like races to TSan: no
# OpenMP team anywhere (the tests' engines run one thread under TSan too).
OMP_NUM_THREADS=1 ctest --test-dir "$prefix-tsan" --output-on-failure --no-tests=error -j2 \
  -R '\.Concurrency\.' || status=1
exit $status
