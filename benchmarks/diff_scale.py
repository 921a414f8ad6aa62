"""Diff benchmark: two synthetic orgs that differ in 2% of their posts.

Usage::

    python benchmarks/diff_scale.py [--sizes 100000,1000000] [--workdir DIR]

For each size it writes BEFORE with ``generate`` from ``benchmarks/scale.py``
and AFTER by perturbing 2% of the posts -- 0.5% moved (to a post earlier in
the file, so no cycle), 0.5% removed (their reports go to the nearest kept
superior), 0.5% added, 0.5% retitled -- then, in a fresh interpreter, loads
both sides and diffs them, printing:

* ``load`` -- both sides read and built (seconds), reported apart because
  loading is the graph's job, not the diff's;
* ``match+diff`` -- :func:`orgmodel.diff.compare` (matching and every change);
* ``metrics`` -- :func:`orgmodel.diff.measure` (stats of both sides, span changes);
* ``peak MB`` -- peak RSS of the whole process (both graphs in memory);
* the changes found against those planted (moves include the reports of
  removed posts, which move to another superior).

Targets (issue 6): match+diff <= 10 s and <= 3 GB at 1M posts.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.scale import generate, run_child

SHARE = 0.005  # of posts, for each of moves, removals, additions, retitles


def perturb(before: Path, after: Path, seed: int = 11) -> dict[str, int]:
    """Write AFTER from BEFORE; return how many posts each kind of change touched."""
    rng = random.Random(seed)
    with before.open(newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    n = len(body)
    k = max(1, int(n * SHARE))
    picks = rng.sample(range(1, n), 3 * k)
    moved, removed, retitled = set(picks[:k]), set(picks[k : 2 * k]), set(picks[2 * k :])
    manager = {f"E{i}": row[4] for i, row in enumerate(body)}

    def kept_superior(ident: str) -> str:
        while ident and int(ident[1:]) in removed:
            ident = manager[ident]
        return ident

    reassigned = 0
    out = [header]
    for i, row in enumerate(body):
        if i in removed:
            continue
        row = list(row)
        if i in moved:
            boss = rng.randrange(i)  # earlier in the file: never below the moved post
            while boss in removed:
                boss = rng.randrange(i)
            row[4] = f"E{boss}"
        elif row[4] and int(row[4][1:]) in removed:
            row[4] = kept_superior(row[4])
            reassigned += 1
        if i in retitled:
            row[2] = f"Senior {row[2]}"
        if row[5] and int(row[5][1:]) in removed:
            row[5] = ""
        out.append(row)
    alive = [i for i in range(n) if i not in removed]
    for a in range(k):
        boss = rng.choice(alive)
        out.append([f"E{n + a}", f"New Person {a}", f"Coordinator {a % 97}", "Operations",
                    f"E{boss}", ""])  # fmt: skip
    with after.open("w", newline="") as handle:
        csv.writer(handle).writerows(out)
    return {"moved": k, "reassigned": reassigned, "removed": k, "added": k, "retitled": k}


MEASURE = """
import json, resource, sys, time
from orgmodel.config import Settings
from orgmodel.sources.load import load_graph
from orgmodel.diff import compare, measure
t = time.perf_counter()
before = load_graph([sys.argv[1]], settings=Settings())
after = load_graph([sys.argv[2]], settings=Settings())
load = time.perf_counter() - t
mb_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.perf_counter()
d = compare(before, after)
diff = time.perf_counter() - t
t = time.perf_counter()
m = measure(d)
metrics = time.perf_counter() - t
print(json.dumps({"load": load, "diff": diff, "metrics": metrics, "mb_load": mb_load,
                  "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "counts": d.counts(), "rules": d.match.by_rule()}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="orgmodel-diff-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"python {sys.version.split()[0]}; files in {workdir}")
    print(f"{'posts':>9} {'load (2 sides)':>15} {'match+diff':>11} {'metrics':>8} "
          f"{'peak MB':>8} {'(after load)':>12}  changes found / planted")  # fmt: skip
    for size in (int(s) for s in args.sizes.split(",")):
        before, after = workdir / f"before-{size}.csv", workdir / f"after-{size}.csv"
        if not before.exists():
            generate(size, before)
        planted = perturb(before, after)
        r = run_child(MEASURE, str(before), str(after))
        c = r["counts"]
        found = (
            f"moved {c['moved']:,}/{planted['moved'] + planted['reassigned']:,}, "
            f"removed {c['removed']:,}/{planted['removed']:,}, "
            f"added {c['added']:,}/{planted['added']:,}, "
            f"retitled {c['retitled']:,}/{planted['retitled']:,}; matched {r['rules']}"
        )
        print(f"{size:>9,} {r['load']:>14.2f}s {r['diff']:>10.2f}s {r['metrics']:>7.2f}s "
              f"{r['mb']:>8.0f} {r['mb_load']:>12.0f}  {found}")  # fmt: skip


if __name__ == "__main__":
    main()
