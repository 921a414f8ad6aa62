"""Scale benchmark: load, build and query synthetic orgs of 10k, 100k and 1M posts.

Usage::

    python benchmarks/scale.py [--sizes 10000,100000,1000000] [--workdir DIR]

For each size it writes a realistic flat CSV (spans 1-12, depth up to ~12,
~3% dotted lines) and prints:

* floors for the same file: a plain pass of Python's ``csv`` module, and a
  ``pyarrow`` read when pyarrow is installed;
* the whole ``orgmodel stats -s org.csv`` command (a fresh process: start-up,
  read, graph build, stats) -- seconds, peak memory, and its ratio to the
  ``csv`` pass;
* in-process: load + graph build (seconds), ``chain`` and ``common`` median /
  p99 over 10,000 random posts / pairs, ``reports --all`` of a post at depth 2,
  ``stats``, and a misspelt name's "did you mean" (titles and holders).

Each timed step that reports memory runs in a child process so peak RSS
(``ru_maxrss``) belongs to that step alone.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TITLES = [
    "Director", "Deputy Director", "Manager", "Supervisor", "Analyst", "Coordinator",
    "Specialist", "Clerk", "Engineer", "Officer", "Assistant", "Technician",
]  # fmt: skip
UNITS = ["Finance", "Operations", "Facilities", "Transportation", "IT", "HR", "Legal", "Clerk"]


def generate(n: int, path: Path, seed: int = 7) -> None:
    """Write an ``n``-post org as CSV (id, name, title, department, manager, dotted manager)."""
    rng = random.Random(seed)
    parents = [-1]
    depth = [0]
    frontier = [0]
    while len(parents) < n:
        nxt = []
        for node in frontier:
            if depth[node] >= 13 or (node and rng.random() > 0.5):
                continue
            for _ in range(rng.randint(1, 12)):
                if len(parents) >= n:
                    break
                parents.append(node)
                depth.append(depth[node] + 1)
                nxt.append(len(parents) - 1)
        frontier = nxt or [rng.randrange(len(parents))]
    with path.open("w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "name", "title", "department", "manager_id", "dotted_manager_id"])
        for i, p in enumerate(parents):
            dotted = ""
            if p > 0 and rng.random() < 0.03:
                dotted = f"E{rng.randrange(i)}"
            out.writerow([
                f"E{i}", f"Person {i}", f"{TITLES[min(depth[i], 11)]} {i % 97}",
                UNITS[i % len(UNITS)], f"E{p}" if p >= 0 else "", dotted,
            ])  # fmt: skip


def run_child(code: str, *args: str) -> dict[str, Any]:
    """Run ``code`` in a fresh interpreter (so one measurement's memory is its own) and
    return the JSON it prints last; the other benchmarks measure the same way."""
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


CSV_PASS = """
import csv, json, resource, sys, time
t = time.perf_counter()
with open(sys.argv[1], newline="") as f:
    for row in csv.reader(f):
        pass
print(json.dumps({"s": time.perf_counter() - t,
                  "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

ARROW = """
import json, resource, sys, time
try:
    import pyarrow.csv as pc
except ImportError:
    print(json.dumps({"s": -1, "mb": 0})); raise SystemExit
t = time.perf_counter()
pc.read_csv(sys.argv[1])
print(json.dumps({"s": time.perf_counter() - t,
                  "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

QUERIES = """
import gc, json, random, resource, statistics, sys, time
t = time.perf_counter()
from orgmodel.sources.load import load_data
from orgmodel.graph import OrgGraph
from orgmodel import queries
from orgmodel.config import Settings
data = load_data([sys.argv[1]], settings=Settings())
read = time.perf_counter() - t
gc.disable()
g = OrgGraph(data)
gc.enable()
build = time.perf_counter() - t
mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
rng = random.Random(1)
n = g.post_count
def timed(fn, count):
    out = []
    for _ in range(count):
        a = time.perf_counter(); fn(); out.append(time.perf_counter() - a)
    out.sort()
    return statistics.median(out) * 1e6, out[int(len(out) * 0.99)] * 1e6
posts = [rng.randrange(n) for _ in range(10000)]
it = iter(posts)
chain = timed(lambda: queries.chain(g, next(it)), 10000)
pairs = iter([(rng.randrange(n), rng.randrange(n)) for _ in range(10000)])
common = timed(lambda: queries.common(g, *next(pairs)), 10000)
d2 = next(i for i in range(n) if g.depth[i] == 2)
a = time.perf_counter()
below = queries.reports(g, d2, everyone=True)
rep = time.perf_counter() - a
a = time.perf_counter(); queries.stats(g); st = time.perf_counter() - a
from orgmodel.errors import NameNotFoundError
from orgmodel.lookup import find
typos = []
for asked in ("Directr 3", "Persn 41", "Cordinator 7"):  # a title, a holder, a title
    a = time.perf_counter()
    try:
        find(g, asked)
    except NameNotFoundError:
        pass
    typos.append(time.perf_counter() - a)
print(json.dumps({"build": build, "read": read, "mb": mb, "chain": chain, "common": common,
                  "reports": rep, "reports_n": len(below), "stats": st,
                  "typo": statistics.median(typos)}))
"""


def run_command(*args: str) -> tuple[float, float]:
    """Wall time and peak RSS (MB) of ``orgmodel ARGS`` in a fresh process, as a user runs it."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "orgmodel", *args], check=True, capture_output=True)
    wall = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timed command")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="orgmodel-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    startup = statistics.median(run_command("--help")[0] for _ in range(args.repeat))
    print(f"python {sys.version.split()[0]}; files in {workdir}")
    print(f"start-up (orgmodel --help in a fresh process): {startup:.2f}s")
    header = (
        f"{'posts':>9} {'csv pass':>9} {'pyarrow':>8} {'stats cmd':>10} {'ratio':>6} "
        f"{'peak MB':>8} {'read':>6} {'build':>7} {'chain med/p99 µs':>17} "
        f"{'common med/p99 µs':>18} {'reports --all':>16} {'stats':>7} {'typo':>6}"
    )
    print(header)
    for size in (int(s) for s in args.sizes.split(",")):
        path = workdir / f"org-{size}.csv"
        if not path.exists():
            generate(size, path)
        floor = statistics.median(run_child(CSV_PASS, str(path))["s"] for _ in range(args.repeat))
        arrow = run_child(ARROW, str(path))["s"]
        runs = [run_command("stats", "-q", "-s", str(path)) for _ in range(args.repeat)]
        command = statistics.median(wall for wall, _ in runs)
        peak = max(mb for _, mb in runs)
        q = run_child(QUERIES, str(path))
        print(
            f"{size:>9,} {floor:>8.2f}s {arrow if arrow >= 0 else float('nan'):>7.2f}s "
            f"{command:>9.2f}s {command / floor:>5.1f}x {peak:>8.0f} {q['read']:>5.2f}s "
            f"{q['build'] - q['read']:>6.2f}s "
            f"{q['chain'][0]:>8.1f}/{q['chain'][1]:<8.1f} "
            f"{q['common'][0]:>8.1f}/{q['common'][1]:<9.1f} "
            f"{q['reports'] * 1e3:>7.1f}ms/{int(q['reports_n']):>7,} {q['stats']:>6.2f}s "
            f"{q['typo']:>5.2f}s"
        )
    print(
        "csv pass: a bare csv.reader loop; pyarrow: pyarrow.csv.read_csv; stats cmd: the whole "
        "'orgmodel stats -s org.csv' in a fresh process (median of runs); ratio: stats cmd / csv "
        "pass (target <= 4x at 1M); read: sources -> records; build: records -> graph; typo: "
        "a name that matches nothing, with its 'did you mean' (median of 3)"
    )


if __name__ == "__main__":
    main()
