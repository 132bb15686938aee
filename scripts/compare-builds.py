#!/usr/bin/env python3
"""Times the same problems with two builds' `convjit bench`, interleaved in
one run (old, new, old, new, ...), so that a change that must not change
speed is measured against its parent under the same machine state.

  scripts/compare-builds.py OLD_BUILD NEW_BUILD [--rounds N] [--threads T] [--layout L] [--only REGEX]

Problems: the seeds (convjit bench's default) and ResNet-50's layers at
batch 1 (problems/onednn/shapes_resnet_50), f32. Prints, per problem, the
min over rounds of each build's min and median, and new/old of the mins;
then the geometric mean of the ratios and the largest and smallest.
"""
import argparse
import json
import math
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def resnet_problems():
    out = []
    for line in (ROOT / "problems/onednn/shapes_resnet_50").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        out.append(re.sub(r"mb\d+", "mb1", line, count=1))
    return out


def bench(build, problem, threads, layout):
    cmd = [str(Path(build) / "tools/convjit"), "bench", "--threads", str(threads), "--layout", layout, "--json"]
    if problem:
        cmd += ["--problem", problem]
    rows = [json.loads(l) for l in subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines() if l.startswith("{")]
    return {r["problem"]: (r["min_s"], r["median_s"], r["plan"]) for r in rows}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--layout", default="ncx", help="activation layout, as convjit bench takes it")
    ap.add_argument("--only", help="the ResNet-50 problems matching this regular expression, no seeds")
    args = ap.parse_args()
    problems = [None] + resnet_problems()  # None: the seeds, one call
    if args.only:
        problems = [p for p in resnet_problems() if re.search(args.only, p)]
    best = {}  # (build, problem) -> [min, median, plan]
    for _ in range(args.rounds):
        for problem in problems:
            for build in (args.old, args.new):
                for name, (mn, md, plan) in bench(build, problem, args.threads, args.layout).items():
                    cur = best.setdefault((build, name), [mn, md, plan])
                    cur[0], cur[1] = min(cur[0], mn), min(cur[1], md)
    names = []
    for (build, name) in best:
        if name not in names:
            names.append(name)
    print(f"| problem | old min us | new min us | new/old | old median us | new median us | plans equal |")
    print("|---|---|---|---|---|---|---|")
    ratios = []
    for name in names:
        o, n = best[(args.old, name)], best[(args.new, name)]
        r = n[0] / o[0]
        ratios.append(r)
        print(f"| {name} | {o[0]*1e6:.3f} | {n[0]*1e6:.3f} | {r:.3f} | {o[1]*1e6:.3f} | {n[1]*1e6:.3f} | {o[2] == n[2]} |")
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"\nnew/old of the mins over {len(ratios)} problems, {args.rounds} interleaved rounds, {args.threads} thread(s), {args.layout}: "
          f"geomean {geo:.3f}, min {min(ratios):.3f}, max {max(ratios):.3f}")


if __name__ == "__main__":
    main()
