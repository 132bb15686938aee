#!/usr/bin/env bash
# Builds the libFuzzer entry points of tests/fuzz with clang, ASan and UBSan
# into build-fuzz/, and runs each for SECONDS (default 60) on a corpus kept in
# build-fuzz/corpus/ and seeded from problems/. Not part of test.sh: a
# fuzzer's worth is in long runs. Exits non-zero when a fuzzer finds a bug
# (the input that triggers it is left in build-fuzz/ as crash-*).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

if ! clang++ -fsanitize=fuzzer -x c++ - -o /dev/null <<<'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' 2>/dev/null; then
  echo "run-fuzzers: clang++ with libFuzzer is needed (Debian: apt-get install clang)" >&2
  exit 2
fi
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCONVJIT_BUILD_FUZZERS=ON -DCONVJIT_SANITIZE=address,undefined \
  -DCONVJIT_BUILD_TESTS=OFF -DCONVJIT_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_conv_desc fuzz_wisdom fuzz_wisdom_seed

corpus=build-fuzz/corpus
mkdir -p "$corpus/conv_desc" "$corpus/wisdom"
# Seeds: every distinct descriptor of problems/, one per file.
i=0
grep -hv '^[[:space:]]*#' problems/seeds.txt problems/onednn/* | tr -s ' \t' '\n\n' |
  grep -v -e '^--' -e '^$' | sort -u | while read -r desc; do
  printf '%s' "$desc" >"$corpus/conv_desc/seed_$((i++))"
done
build-fuzz/tests/fuzz/fuzz_wisdom_seed >"$corpus/wisdom/seed.json"

status=0
# run NAME ARGS...: first replays the inputs of bugs found before
# (tests/fuzz/regressions/NAME minus "fuzz_"), then fuzzes.
run() {
  local name=$1
  shift
  local regressions=(tests/fuzz/regressions/"${name#fuzz_}"/*)
  if [[ -e "${regressions[0]}" ]]; then
    echo "== $name: replaying ${#regressions[@]} regression inputs" >&2
    "build-fuzz/tests/fuzz/$name" "${regressions[@]}" 2>&1 | grep -E "runtime error|ERROR|fuzz_" ||
      true
    "build-fuzz/tests/fuzz/$name" "${regressions[@]}" >/dev/null 2>&1 || status=1
  fi
  echo "== $name: ${seconds}s" >&2
  (cd build-fuzz && "tests/fuzz/$name" -max_total_time="$seconds" -print_final_stats=1 "$@") 2>&1 |
    tail -n 20 || status=1
}
run fuzz_conv_desc -max_len=256 -dict=../tests/fuzz/conv_desc.dict corpus/conv_desc
run fuzz_wisdom -max_len=16384 corpus/wisdom
exit $status
