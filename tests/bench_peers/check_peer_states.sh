#!/usr/bin/env bash
# ctest's bench_peer_states: convjit_bench configures, builds and runs in
# every state of its peers (bench/peers.cmake), each simulated with the
# bench's options and the fixtures next to this script, nothing uninstalled:
#   (a) no peers: all three OFF;
#   (b) the reference BLAS without OpenBLAS: fake_include/cblas.h;
#   (c) oneDNN without its OpenCL headers: fake_include/oneapi/dnnl/dnnl.hpp,
#       and fake_prefix's dnnl-config.cmake, which aborts if it is reached;
#   (d) OpenCV missing or half-installed: fake_include/opencv2/core.hpp, and
#       fake_prefix's OpenCVConfig.cmake, which aborts if it is reached;
#   (e) everything AUTO, as this machine is.
# Each state: configure and build exit 0, one "bench: <peer> used|skipped"
# line per peer (the expected one), `convjit_bench --list` runs, and its
# --help offers a peer's implementations exactly when the peer is used; in
# (e), --encoding-floor's replay matches the kernels (floor_check).
#
# One build directory, reconfigured per state: the bench alone, linked
# against PREBUILT_DIR's static libraries (the main build's: the library is
# not compiled again), -O0 (this checks the build, not the speed); a peer's
# include directory reaches its own source alone, so a state recompiles
# little.
#
# Usage: check_peer_states.sh SOURCE_DIR PREBUILT_DIR WORK_DIR GENERATOR CXX [CC]
set -euo pipefail
src=$1 prebuilt=$2 work=$3 generator=$4 cxx=$5 cc=${6:-}
here=$(cd "$(dirname "$0")" && pwd)
fakes=$here/fake_include
prefix=$here/fake_prefix
build=$work/build
mkdir -p "$work"

common=(-G "$generator" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release
  "-DCMAKE_CXX_FLAGS_RELEASE=-O0 -DNDEBUG" -DCONVJIT_PREBUILT_DIR="$prebuilt")
if [[ -n $cc ]]; then common+=(-DCMAKE_C_COMPILER="$cc"); fi

# The state: its letter names the logs in WORK_DIR, e.g. a.configure.log.
state="" name=""
log=""
fail() {
  echo "bench_peer_states: FAILED in state ($state) $name: $*" >&2
  if [[ -n $log && -f $log ]]; then
    echo "--- last lines of $log:" >&2
    tail -n 30 "$log" >&2
  fi
  exit 1
}

# configure ONEDNN OPENBLAS OPENCV INCLUDE_DIR PREFIX_PATH: every option is
# given each time, as the cache keeps the previous state's.
configure() {
  log=$work/$state.configure.log
  cmake -S "$src" -B "$build" "${common[@]}" -DCONVJIT_BENCH_ONEDNN="$1" \
    -DCONVJIT_BENCH_OPENBLAS="$2" -DCONVJIT_BENCH_OPENCV="$3" \
    -DCONVJIT_BENCH_PEER_INCLUDE_DIR="$4" -DCMAKE_PREFIX_PATH="$5" >"$log" 2>&1 ||
    fail "configure exited $?"
  { grep '^-- bench: ' "$log" || true; } | sed "s/^/  ($state) /"
}

# expect PEER PREFIX: the configure printed exactly one line for PEER, and
# it starts with "-- bench: PEER PREFIX" (PREFIX empty: used or skipped).
expect() {
  local lines count
  lines=$(grep -E "^-- bench: $1 (used|skipped): " "$log" || true)
  count=$(grep -c . <<<"$lines" || true)
  [[ $count == 1 ]] || fail "expected one configure line for $1, got $count: ${lines:-none}"
  [[ $lines == "-- bench: $1 $2"* ]] || fail "expected \"bench: $1 $2...\", got: $lines"
}

# build_and_run: builds convjit_bench, lists the seeds' rows, and checks
# --help's implementations against the configure's used/skipped lines.
build_and_run() {
  local cfg=$log peer key help
  log=$work/$state.build.log
  cmake --build "$build" --target convjit_bench --parallel "$(nproc)" >"$log" 2>&1 ||
    fail "build exited $?"
  log=$work/$state.run.log
  "$build/bench/convjit_bench" --list --suite seeds >"$log" 2>&1 ||
    fail "convjit_bench --list exited $?"
  grep -q 'seeds' "$log" || fail "convjit_bench --list printed no seeds row"
  help=$("$build/bench/convjit_bench" --help 2>&1 | grep -e '--impl') ||
    fail "convjit_bench --help has no --impl line"
  for peer in oneDNN:onednn_any OpenBLAS:im2col_blas OpenCV:opencv; do
    key=${peer#*:} peer=${peer%%:*}
    if grep -q "^-- bench: $peer used: " "$cfg"; then
      grep -qw "$key" <<<"$help" || fail "$peer is used but --help does not offer $key: $help"
    elif grep -qw "$key" <<<"$help"; then
      fail "$peer is skipped but --help offers $key: $help"
    fi
  done
}

# floor_check: `convjit_bench --encoding-floor` replays the seeds' kernels
# through plain Xbyak byte for byte, none left out, the runnable replay
# the same bytes (its timing is a benchmark's, not checked here), and names
# an unknown suite.
floor_check() {
  log=$work/$state.floor.log
  "$build/bench/convjit_bench" --encoding-floor --suite seeds --dt f32 >"$log" 2>&1 ||
    fail "convjit_bench --encoding-floor exited $?"
  grep -Eq '^- replay check: ([0-9]+) of \1 instructions replayed byte for byte, 0 not replayed' "$log" ||
    fail "the replay does not match the kernels byte for byte"
  grep -q "runnable replay differs" "$log" && fail "the runnable replay does not match the replay"
  grep -Eq '^- emit / runnable floor: median [0-9.]+, max [0-9.]+' "$log" ||
    fail "no summary of emit against the runnable floor"
  if "$build/bench/convjit_bench" --encoding-floor --suite nosuch >"$log" 2>&1; then
    fail "--encoding-floor --suite nosuch was accepted"
  fi
  grep -q "unknown suite 'nosuch'" "$log" || fail "--encoding-floor --suite nosuch: no error naming the suite"
}

probe_blas="the probe (cblas_sgemm with blasint, openblas_set_num_threads)"
probe_dnnl="the probe (oneDNN 2.x convolution_forward::desc, reorder, stream)"
probe_cv="the probe (cv::filter2D on a Mat region, cv::setNumThreads)"
off() { echo "skipped: disabled by CONVJIT_BENCH_$1=OFF"; }

start=$SECONDS
# The bench is built in (a); (b) to (d) skip every peer, as (a) does, so
# they build nothing; (e) recompiles the bench where it uses a peer.
state=a name="no peers"
configure OFF OFF OFF "" ""
expect oneDNN "$(off ONEDNN)"
expect OpenBLAS "$(off OPENBLAS)"
expect OpenCV "$(off OPENCV)"
build_and_run

state=b name="the reference BLAS, no OpenBLAS"
configure OFF AUTO OFF "$fakes" ""
expect oneDNN "$(off ONEDNN)"
expect OpenBLAS "skipped: $probe_blas does not compile against $fakes/cblas.h"
expect OpenCV "$(off OPENCV)"
build_and_run

state=c name="oneDNN without its OpenCL headers"
configure AUTO OFF OFF "$fakes" "$prefix"
expect oneDNN "skipped: $probe_dnnl does not compile against $fakes/oneapi/dnnl/dnnl.hpp"
expect OpenBLAS "$(off OPENBLAS)"
expect OpenCV "$(off OPENCV)"
build_and_run

state=d name="OpenCV missing or half-installed"
configure OFF OFF AUTO "$fakes" "$prefix"
expect oneDNN "$(off ONEDNN)"
expect OpenBLAS "$(off OPENBLAS)"
expect OpenCV "skipped: $probe_cv does not compile against $fakes/opencv2/core.hpp"
build_and_run

state=e name="everything AUTO, as this machine is"
configure AUTO AUTO AUTO "" ""
expect oneDNN ""
expect OpenBLAS ""
expect OpenCV ""
build_and_run
floor_check

echo "bench_peer_states: all five states passed in $((SECONDS - start)) s"
