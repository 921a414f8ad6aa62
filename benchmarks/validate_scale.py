"""Validation benchmark: ``validate`` on synthetic orgs of 10k, 100k and 1M posts.

Usage::

    python benchmarks/validate_scale.py [--sizes 10000,100000,1000000] [--workdir DIR]

For each size it writes the synthetic flat CSV of :mod:`benchmarks.scale`
(``generate``: spans 1-12, depth up to ~13, ~3% dotted lines) and, in a
fresh process, prints:

* the load (read the CSV, build the graph) in seconds -- not part of validation;
* ``validate(graph)`` in seconds, all rules at their defaults, and the time of
  each rule family (``cold``: as a user runs it, the rules' first reads of
  the graph's per-post columns included);
* ``columns``: what those first reads cost (today ``OrgGraph.column`` builds
  each list from the records; the columnar graph makes it near free), and
  ``warm``: ``validate`` again once they are built -- the rules' own cost;
* the ratio of ``warm`` to a floor measured in the same process: one Python
  pass over the parent array (the least any whole-graph check must do);
* peak memory (RSS) of the process, and the findings per code.

The target is validating a 1M-post org in at most 10 s, excluding the load.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.scale import generate, run_child

RUN = """
import json, resource, sys, time
from collections import Counter
t = time.perf_counter()
from orgmodel.config import Settings
from orgmodel.sources.load import load_graph
from orgmodel.rules.registry import RULES
from orgmodel.rules.validate import validate
g = load_graph([sys.argv[1]], settings=Settings())
load = time.perf_counter() - t
a = time.perf_counter()
n = 0
for p in g.parent:
    if p == -1:
        n += 1
floor = time.perf_counter() - a
a = time.perf_counter()
report = validate(g)
total = time.perf_counter() - a
mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
timings, by_code = report.timings, report.stats["by_code"]
del g, report
g2 = load_graph([sys.argv[1]], settings=Settings())
a = time.perf_counter()
for name in ("title", "holder", "org", "unit", "grade", "attributes"):
    g2.column(name)
columns = time.perf_counter() - a
a = time.perf_counter()
validate(g2)
warm = time.perf_counter() - a
families = Counter()
for code, seconds in timings.items():
    families[RULES[code].family] += seconds
print(json.dumps({
    "posts": g2.post_count, "load": load, "floor": floor, "validate": total,
    "columns": columns, "warm": warm,
    "families": families, "by_code": by_code,
    "mb": mb,
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="orgmodel-validate-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"python {sys.version.split()[0]}; files in {workdir}")
    print(
        f"{'posts':>9} {'load':>7} {'validate':>9} {'columns':>8} {'warm':>7} {'floor':>7} "
        f"{'ratio':>6} {'peak MB':>8}  per family, cold (s)"
    )
    findings = {}
    for size in (int(s) for s in args.sizes.split(",")):
        path = workdir / f"org-{size}.csv"
        if not path.exists():
            generate(size, path)
        r = run_child(RUN, str(path))
        fams = r["families"]
        assert isinstance(fams, dict)
        per = " ".join(f"{k} {v:.2f}" for k, v in sorted(fams.items(), key=lambda kv: -kv[1]))
        sec = {k: float(v) for k, v in r.items() if isinstance(v, int | float)}
        print(
            f"{size:>9,} {sec['load']:>6.2f}s {sec['validate']:>8.2f}s {sec['columns']:>7.2f}s "
            f"{sec['warm']:>6.2f}s {sec['floor']:>6.3f}s {sec['warm'] / sec['floor']:>5.0f}x "
            f"{sec['mb']:>8.0f}  {per}"
        )
        findings[size] = r["by_code"]
    for size, codes in findings.items():
        print(f"findings at {size:,}: {codes}")


if __name__ == "__main__":
    main()
