#!/usr/bin/env python3
"""What tuning gains, as a Markdown table per suite, from a convjit_bench run
with the convjit_tuned column (bench/README.md, "What tuning gains"):
convjit's heuristic plan, its plan tuned at patient effort and oneDNN's
columns, min and median per call, and the ratios of their minimums (a
gain in parentheses: the tuner kept the heuristic plan, so the bench timed
one plan twice and the ratio is the run's noise; the geomean leaves those
out); then
the gain the tuner itself measured (heuristic time / tuned time in its
final round, the two timed in turn) and what the tuning took.

    python3 bench/tuning_gains.py bench/results/tuned/latest.json
"""
import json
import math
import re
import sys

PEERS = [("onednn_any", "oneDNN any"), ("onednn_nchw", "oneDNN nchw")]


def fmt(seconds):
    for unit, scale in (("s", 1), ("ms", 1e-3), ("us", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def timed(impl):
    return impl and impl.get("status") == "ok" and impl.get("min_s")


def geomean(values):
    """The geometric mean as a cell: "-" for a column with no value (a peer not run)."""
    return f"{math.exp(sum(math.log(v) for v in values) / len(values)):.2f}" if values else "-"


def main(path):
    doc = json.load(open(path))
    print(f"CPU: {doc['cpu']['model'].strip()}; {doc['repetitions']} repetitions of at least "
          f"{doc['min_time_s']} s per case; started {doc['started']}.\n")
    suites = {}
    for row in doc["rows"]:
        suites.setdefault(row["suite"], []).append(row)
    for suite, rows in suites.items():
        print(f"### {suite}\n")
        header = ["problem", "thr", "heuristic min", "median", "tuned min", "median", "gain"]
        for _, name in PEERS:
            header += [f"{name} min", "median", f"{name} / tuned"]
        header += ["tuner's gain", "tuning"]
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join("---" for _ in header) + "|")
        gains, own_gains, versus = [], [], {key: [] for key, _ in PEERS}
        for row in rows:
            impls = row["impls"]
            heuristic, tuned = impls.get("convjit"), impls.get("convjit_tuned")
            if not (timed(heuristic) and timed(tuned)):
                continue
            gain = heuristic["min_s"] / tuned["min_s"]
            # The same plan twice: the gain is 1 by construction, and what the
            # bench shows instead is how far the machine's noise reaches.
            same = heuristic.get("note", "") == tuned.get("note", "").split(";")[0]
            if not same:
                gains.append(gain)
            cells = [row["problem"], str(row["threads"]), fmt(heuristic["min_s"]),
                     fmt(heuristic["median_s"]), fmt(tuned["min_s"]), fmt(tuned["median_s"]),
                     f"({gain:.2f}) same plan" if same else f"{gain:.2f}"]
            for key, _ in PEERS:
                peer = impls.get(key)
                if timed(peer):
                    ratio = peer["min_s"] / tuned["min_s"]
                    versus[key].append(ratio)
                    cells += [fmt(peer["min_s"]), fmt(peer["median_s"]), f"{ratio:.2f}"]
                else:
                    cells += ["-", "-", "-"]
            # The tuner's own account, from the note: "tuned (patient): N of M
            # candidates in S s, heuristic xG", G from its final round, which
            # times the two plans in turn (the bench times them one after the other).
            note = tuned.get("note", "")
            how = re.search(r"(\d+ of \d+ candidates in [\d.]+ s)", note)
            own = re.search(r"heuristic x([\d.]+)", note)
            if own:
                own_gains.append(float(own.group(1)))
            cells.append(own.group(1) if own else "-")
            cells.append(how.group(1) if how else "wisdom")
            print("| " + " | ".join(cells) + " |")
        cells = ["geomean", "", "", "", "", "", geomean(gains)]
        for key, _ in PEERS:
            cells += ["", "", geomean(versus[key])]
        cells += [geomean(own_gains), ""]
        print("| " + " | ".join(cells) + " |\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/results/latest.json")
