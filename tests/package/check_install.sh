#!/usr/bin/env bash
# check_install.sh BUILD_DIR SOURCE_DIR WORK_DIR: installs BUILD_DIR into
# WORK_DIR/prefix and uses it from outside the tree (tests/package/CMakeLists.txt).
set -euo pipefail
build=$1 src=$2 work=$3
CC=${CC:-gcc} CXX=${CXX:-g++}
fail() { echo "package_install: FAILED: $*" >&2; exit 1; }
step() { echo "== $*"; }

rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix
step "cmake --install $build --prefix $prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log" || fail "cmake --install (see $work/install.log)"

libdir=$(dirname "$(find "$prefix" -name 'libconvjit.so.0' | head -1)")
[[ -d $libdir ]] || fail "no libconvjit.so.0 under $prefix"
for f in include/convjit/convjit.hpp include/convjit/convjit.h bin/convjit; do
  [[ -e $prefix/$f ]] || fail "$f is not installed"
done
for f in libconvjit.so libconvjit.a pkgconfig/convjit.pc cmake/convjit/convjitConfig.cmake; do
  [[ -e $libdir/$f ]] || fail "${libdir#$prefix/}/$f is not installed"
done

step "SONAME and exports of libconvjit.so"
soname=$(readelf -d "$libdir/libconvjit.so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[[ $soname == libconvjit.so.0 ]] || fail "SONAME is '$soname', not libconvjit.so.0"
# Every defined dynamic symbol is convjit's: the C ABI, the C++ API, or
# its type information and virtual tables (and the version node itself).
nm -D --defined-only -C "$libdir/libconvjit.so" | cut -d' ' -f3- | sed 's/@@CONVJIT_0$//' >"$work/exports.txt"
foreign=$(grep -vE '^(convjit_[a-z0-9_]+|convjit::.*|(typeinfo|typeinfo name|vtable) for convjit::.*|CONVJIT_0)$' "$work/exports.txt" || true)
[[ -z $foreign ]] || fail "libconvjit.so exports more than convjit's API:
$foreign"
grep -q '^convjit::Engine::Engine' "$work/exports.txt" || fail "the C++ API is not exported"
grep -q '^convjit_engine_create$' "$work/exports.txt" || fail "the C ABI is not exported"
echo "$(wc -l <"$work/exports.txt") symbols, all convjit's"

step "the installed convjit binary"
"$prefix/bin/convjit" info >"$work/info.log" || fail "convjit info"

step "find_package(convjit): the README's C++ example, shared and static"
cmake -S "$src/tests/package/consumer" -B "$work/consumer" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$prefix" -DEXAMPLE_SOURCE="$src/tests/readme_example.cpp" \
  -DCMAKE_CXX_COMPILER="$CXX" >"$work/consumer.log" || fail "configure (see $work/consumer.log)"
cmake --build "$work/consumer" -j2 >>"$work/consumer.log" || fail "build (see $work/consumer.log)"
"$work/consumer/example_shared" || fail "example_shared"
"$work/consumer/example_static" || fail "example_static"
# ldd's output is read whole first: `ldd | grep -q` fails under pipefail
# whenever grep's early exit cuts ldd off with SIGPIPE.
loads=$(ldd "$work/consumer/example_shared")
[[ $loads == *"libconvjit.so.0 => $libdir/"* ]] ||
  fail "example_shared does not load the installed libconvjit.so.0:
$loads"
loads=$(ldd "$work/consumer/example_static")
[[ $loads != *libconvjit* ]] || fail "example_static loads libconvjit.so:
$loads"

step "pkg-config: the README's C++ and C examples"
export PKG_CONFIG_PATH=$libdir/pkgconfig
flags=$(pkg-config --cflags --libs convjit) || fail "pkg-config --cflags --libs convjit"
echo "pkg-config --cflags --libs convjit: $flags"
# shellcheck disable=SC2086
"$CXX" -std=c++20 "$src/tests/readme_example.cpp" $flags -o "$work/pc_example" ||
  fail "g++ with pkg-config"
# shellcheck disable=SC2086
"$CC" -std=c11 -Wall -Werror "$src/tests/c_api/readme_example.c" $flags -o "$work/pc_c_example" ||
  fail "gcc -std=c11 -Wall -Werror with pkg-config"
LD_LIBRARY_PATH=$libdir "$work/pc_example" || fail "pc_example"
LD_LIBRARY_PATH=$libdir "$work/pc_c_example" || fail "pc_c_example"
echo "package_install: every check passed"
