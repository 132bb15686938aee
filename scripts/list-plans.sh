#!/usr/bin/env bash
# Lists the plan chosen for every seed and every problem of every shape file
# in problems/, f32 and f64, each layout, on each ISA the CPU has, at 1 and
# 2 threads: nothing is compiled (convjit plan). A refactoring that must not
# change behaviour shows none in `diff` of the listings before and after:
#   scripts/list-plans.sh build > before.txt   (on the old commit's build)
set -euo pipefail
cd "$(dirname "$0")/.."
convjit="${1:-build}/tools/convjit"

for isa in avx512 avx2; do
  if [[ $isa == avx512 ]] && ! grep -qw avx512f /proc/cpuinfo; then continue; fi
  for threads in 1 2; do
    for dt in f32 f64; do
      blocked=nCx16c
      [[ $dt == f64 ]] && blocked=nCx8c
      for layout in ncx nxc $blocked; do
        for file in problems/seeds.txt problems/onednn/*; do
          echo "# $isa t$threads $dt $layout $file"
          "$convjit" plan --batch "$file" --isa $isa --threads $threads --dt $dt --layout $layout 2>&1 || true
        done
      done
    done
  done
done
