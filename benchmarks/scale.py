"""Scale benchmark: whole commands on synthetic orgs of 10k, 100k and 1M posts, each round
beside whole-process baselines run in the same round.

Usage::

    python benchmarks/scale.py [--sizes 10000,100000,1000000] [--repeat 5] [--workdir DIR]
                               [--against OTHER_CHECKOUT]

For each size it writes a realistic flat CSV (spans 1-12, depth up to ~13,
~3% dotted lines; see :func:`generate`) and a second one that differs from
it in 2% of its posts (:func:`benchmarks.diff_scale.perturb`), then runs,
in rounds, every command below in a fresh process as a user runs it
(interpreter start-up, imports, reading, answering, printing to a pipe)
together with four baselines, each a fresh process too:

* ``python -c pass`` -- bare interpreter start-up;
* ``typer app`` -- a one-command typer application: the floor of any typer CLI;
* ``csv pass`` -- a plain ``csv.reader`` loop over the file (both files for ``diff``);
* ``pyarrow read`` -- ``pyarrow.csv.read_csv`` of the file.

Commands run from the sources (``--no-cache``), as a first run (the saved
index cleared first: read the sources, answer; the index is saved after the
answer, by a background process, and the same again with
``ORGMODEL_CACHE_SYNC=1``, saving before the process ends) and from the saved
index. ``--against DIR`` runs another checkout's orgmodel on each command too,
right after this one's in each round, so a change is measured at the same
moment. Each line prints the median wall time over the rounds, its spread
(fastest-slowest), the median ratio to the baselines of the same round (so a
busier moment slows both), CPU seconds and peak memory. The
machine's load average is printed before and after: on a shared machine
the ratios are the figures to compare.

Children run with Python's bytecode cache enabled (as an installed orgmodel
runs, even where ``PYTHONDONTWRITEBYTECODE`` is set for this process) and
with their own cache folder for the saved indexes. A second table gives the
walks in microseconds, in one process (:data:`QUERIES`). A third (:data:`MERGE`)
loads each CSV alone, with one job posting beside it (:data:`POSTING`: the
postings are merged with the table, which stays columnar), and with the same
posting merged after the table is turned into a record per row -- what the
merge did before -- each in a fresh process: seconds to the built graph and
peak memory, medians of ``--repeat`` rounds.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

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
import csv, sys
for path in sys.argv[1:]:
    with open(path, newline="") as f:
        for row in csv.reader(f):
            pass
"""

ARROW_READ = """
import sys
import pyarrow.csv
for path in sys.argv[1:]:
    pyarrow.csv.read_csv(path)
"""

TYPER_APP = """
import typer
app = typer.Typer(add_completion=False)
@app.command()
def chain(post: str, quiet: bool = typer.Option(False, "-q")) -> None:
    print(post)
@app.command()
def other() -> None: ...
app()
"""

QUERIES = """
import json, random, resource, statistics, sys, time
t = time.perf_counter()
from orgmodel.sources.load import load_data
from orgmodel.graph import OrgGraph
from orgmodel.graph import queries
from orgmodel.config import Settings
from orgmodel.collector import paused_gc
data = load_data([sys.argv[1]], settings=Settings())
read = time.perf_counter() - t
with paused_gc():
    g = OrgGraph(data)
build = time.perf_counter() - t
rng = random.Random(1)
n = g.post_count
def timed(fn, count):
    out = []
    for _ in range(count):
        a = time.perf_counter(); fn(); out.append(time.perf_counter() - a)
    out.sort()
    return statistics.median(out) * 1e6, out[int(len(out) * 0.99)] * 1e6
posts = iter([rng.randrange(n) for _ in range(10000)])
chain = timed(lambda: queries.chain(g, next(posts)), 10000)
pairs = iter([(rng.randrange(n), rng.randrange(n)) for _ in range(10000)])
common = timed(lambda: queries.common(g, *next(pairs)), 10000)
ids = iter([g.id_of(rng.randrange(n)) for _ in range(10000)])
by_id = timed(lambda: g.index[next(ids)], 10000)
d2 = next(i for i in range(n) if g.depth[i] == 2)
a = time.perf_counter()
below = queries.reports(g, d2, everyone=True)
rep = time.perf_counter() - a
from orgmodel.errors import NameNotFoundError
from orgmodel.names.lookup import find
typos = []
for asked in ("Directr 3", "Persn 41", "Cordinator 7"):  # a title, a holder, a title
    a = time.perf_counter()
    try:
        find(g, asked)
    except NameNotFoundError:
        pass
    typos.append(time.perf_counter() - a)
print(json.dumps({"build": build, "read": read, "chain": chain, "common": common,
                  "id": by_id, "reports": rep, "reports_n": len(below),
                  "typo": statistics.median(typos)}))
"""


POSTING = """# Records Coordinator

**Department:** Operations

**Reports To:** Director 0

## Duties

- Supervises the Records Assistant and the Filing Clerk.
- Works closely with the Deputy Director 1 on retention schedules.
"""
"""One posting, written for this benchmark: a post under the CSV's top post ``Director 0``,
two reports of its own, a link to a post of the table."""

MERGE = """
import json, resource, sys, time
mode, paths = sys.argv[1], sys.argv[2:]
t = time.perf_counter()
from orgmodel.collector import paused_gc
from orgmodel.config import Settings
from orgmodel.graph import OrgGraph
from orgmodel.graph.columns import PostBlock
if mode == "records":  # the merge as it was: every block made into records first
    from orgmodel.readers import load_sources
    from orgmodel.sources.resolve import resolve
    with paused_gc():
        data = load_sources(paths)
        data.materialize()
        data = resolve(data)
else:
    from orgmodel.sources.load import load_data
    data = load_data(paths, settings=Settings())
with paused_gc():
    g = OrgGraph(data)
seconds = time.perf_counter() - t
blocks = sum(len(c) for c in data.chunks() if isinstance(c, PostBlock))
print(json.dumps({"seconds": seconds, "posts": g.post_count, "columnar": blocks,
                  "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def merge_table(sizes: list[int], workdir: Path, repeat: int) -> None:
    """Each CSV alone, with :data:`POSTING` beside it, and merged the old way (records)."""
    posting = workdir / "records-coordinator.md"
    posting.write_text(POSTING, encoding="utf-8")
    print("\na table and one posting, each load in a fresh process (sources -> graph; "
          f"median of {repeat}):")  # fmt: skip
    print(f"  {'posts':>9} {'sources':<36} {'seconds':>8} {'x alone':>8} {'peak MB':>8} "
          f"{'columnar rows':>14}")  # fmt: skip
    for size in sizes:
        csv_file = str(workdir / f"org-{size}.csv")
        both = [csv_file, str(posting)]
        modes = [("alone", "the CSV alone", [csv_file]),
                 ("posting", "the CSV and one posting", both),
                 ("records", "the same, a record per row first", both)]  # fmt: skip
        runs: dict[str, list[dict[str, Any]]] = {mode: [] for mode, _, _ in modes}
        for _ in range(repeat):  # interleaved: a busier moment slows all three
            for mode, _, paths in modes:
                runs[mode].append(run_child(MERGE, mode, *paths))
        alone = statistics.median(r["seconds"] for r in runs["alone"])
        for mode, label, _ in modes:
            seconds = statistics.median(r["seconds"] for r in runs[mode])
            peak = max(r["mb"] for r in runs[mode])
            print(f"  {size:>9,} {label:<36} {seconds:>7.2f}s {seconds / alone:>7.2f}x "
                  f"{peak:>8.0f} {runs[mode][0]['columnar']:>14,}")  # fmt: skip


@dataclass
class Timing:
    """One process: wall and CPU seconds, peak resident memory."""

    wall: float
    cpu: float
    mb: float


def _env(cache: Path, pythonpath: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(ORGMODEL_CACHE_DIR=str(cache), COLUMNS="200", NO_COLOR="1")
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return env


WRITE = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from benchmarks.scale import generate
from benchmarks.diff_scale import perturb
size, path, after = int(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
if not path.exists():
    generate(size, path)
if not after.exists():
    perturb(path, after)
print("{}")
"""


def run(argv: list[str], env: dict[str, str], cwd: Path) -> Timing:
    """Run one process to its end in ``cwd`` (not the checkout: ``python -m`` would import the
    orgmodel in the working folder), its output to a pipe we throw away."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(argv)} failed ({proc.returncode}): {err}")
    return Timing(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


@dataclass
class Case:
    """A measured process; ``before`` runs first each round (clearing the saved index)."""

    label: str
    argv: list[str]
    before: Callable[[], None] | None = None
    baseline: str = "csv pass"
    env: dict[str, str] | None = None
    settle: float = 0.0
    """Seconds to wait after it (a first run saves its index in the background meanwhile)."""
    times: list[Timing] = field(default_factory=list)


def _fmt(values: list[float]) -> str:
    return f"{statistics.median(values):6.2f}s ({min(values):.2f}-{max(values):.2f})"


def bench(size: int, workdir: Path, repeat: int, against: Path | None = None) -> None:
    """Every command and baseline on one size, ``repeat`` rounds, printed as a table.

    ``against``: another checkout whose orgmodel runs each command too, right after
    this one's in every round (``--no-cache`` is left off: a version before the saved
    index has none), so the two are compared at the same moment.
    """
    path = workdir / f"org-{size}.csv"
    after = workdir / f"after-{size}.csv"
    root = str(Path(__file__).resolve().parents[1])
    run_child(WRITE, root, str(size), str(path), str(after))  # in a child: this process stays
    cache = workdir / "cache"  # small, and a child's peak memory is its own
    first = workdir / "cache-first-run"
    env, first_env = _env(cache), _env(first)
    py = [sys.executable]
    om = [sys.executable, "-m", "orgmodel"]
    src = ["-q", "-s", str(path)]
    post, other, far = f"E{size * 654321 // 1_000_000}", f"E{size // 200}", f"E{size // 3}"
    holder = f"Person {size * 654321 // 1_000_000}"

    def clear() -> None:
        shutil.rmtree(first, ignore_errors=True)

    base = [
        Case("python -c pass", [*py, "-c", "pass"]),
        Case("typer app", [*py, "-c", TYPER_APP, "chain", "x"]),
        Case("csv pass", [*py, "-c", CSV_PASS, str(path)]),
        Case("pyarrow read", [*py, "-c", ARROW_READ, str(path)]),
        Case("csv pass, both files", [*py, "-c", CSV_PASS, str(path), str(after)]),
    ]
    cases = [
        Case("orgmodel --help", [*om, "--help"], baseline="python -c pass"),
        Case("stats, reading the CSV", [*om, "stats", *src, "--no-cache"]),
        Case(
            f"chain {post}, first run",
            [*om, "chain", post, *src],
            before=clear,
            env=first_env,
            settle=3.0,
        ),
        Case(
            f"chain {post}, first run, saving before exit",
            [*om, "chain", post, *src],
            before=clear,
            env={**first_env, "ORGMODEL_CACHE_SYNC": "1"},
        ),
        Case(f"chain {post}, saved index", [*om, "chain", post, *src]),
        Case(f'chain "{holder}" (a holder)', [*om, "chain", holder, *src]),
        Case(f"reports {other}", [*om, "reports", other, *src]),
        Case(f"common {post} {far}", [*om, "common", post, far, *src]),
        Case(f"path {post} {far}", [*om, "path", post, far, *src]),
        Case("stats, saved index", [*om, "stats", *src]),
        Case("validate, reading the CSV", [*om, "validate", *src, "--no-cache"]),
        Case("validate, saved index", [*om, "validate", *src]),
        Case(
            "diff -f json, reading both",
            [*om, "diff", str(path), str(after), "-q", "-f", "json", "--no-cache"],
            baseline="csv pass, both files",
        ),
        Case(
            "diff -f json, saved indexes",
            [*om, "diff", str(path), str(after), "-q", "-f", "json"],
            baseline="csv pass, both files",
        ),
    ]
    others: list[Case] = []
    if against is not None:
        other_env = _env(workdir / "cache-other", against)
        others = [Case(c.label, [a for a in c.argv if a != "--no-cache"], c.before, c.baseline,
                       other_env, c.settle) for c in cases]  # fmt: skip
        run([*om, "--help"], other_env, workdir)
    run([*om, "--help"], env, workdir)  # writes the bytecode caches
    for case in cases:  # every saved index (and name table) in place before the rounds
        run(case.argv, case.env or env, workdir)
    time.sleep(5)  # (saved after each answer, by a background process)
    load_before = os.getloadavg()
    for _ in range(repeat):
        for case in base:
            case.times.append(run(case.argv, env, workdir))
        for k, case in enumerate(cases):
            for each in (case, others[k]) if others else (case,):
                if each.before is not None:
                    each.before()
                each.times.append(run(each.argv, each.env or env, workdir))
                time.sleep(each.settle)
    load_after = os.getloadavg()
    baselines = {c.label: c for c in base}
    mb = path.stat().st_size / 1e6
    print(f"\n{size:,} posts ({mb:.0f} MB CSV), {repeat} rounds, load average "
          f"{load_before[0]:.2f} before, {load_after[0]:.2f} after")  # fmt: skip
    print(f"  {'baseline':<44} {'wall: median (spread)':>24} {'CPU':>6} {'peak MB':>8}")
    for c in base:
        walls = [t.wall for t in c.times]
        cpu = statistics.median(t.cpu for t in c.times)
        peak = max(t.mb for t in c.times)
        print(f"  {c.label:<44} {_fmt(walls):>24} {cpu:5.2f}s {peak:8.0f}")
    print(f"  {'command':<44} {'wall: median (spread)':>24} {'CPU':>6} {'peak MB':>8}"
          f" {'x baseline (same round)':>24}")  # fmt: skip
    _rows(cases, baselines)
    if others:
        print(f"  the same commands, in the same rounds, by {against}:")
        _rows(others, baselines)


def _rows(cases: list[Case], baselines: dict[str, Case]) -> None:
    for c in cases:
        walls = [t.wall for t in c.times]
        ref = baselines[c.baseline].times
        ratio = statistics.median(t.wall / b.wall for t, b in zip(c.times, ref, strict=True))
        cpu = statistics.median(t.cpu for t in c.times)
        peak = max(t.mb for t in c.times)
        print(f"  {c.label:<44} {_fmt(walls):>24} {cpu:5.2f}s {peak:8.0f} "
              f"{ratio:7.1f}x {c.baseline}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=5, help="rounds of every process")
    parser.add_argument("--no-walks", action="store_true", help="skip the in-process table")
    parser.add_argument("--no-merge", action="store_true", help="skip the table-and-posting table")
    parser.add_argument(
        "--only-merge", action="store_true", help="only the table-and-posting table"
    )
    parser.add_argument(
        "--against", type=Path, default=None,
        help="another checkout, whose orgmodel runs each command too, in the same rounds",
    )  # fmt: skip
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="orgmodel-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{datetime.date.today()}; python {sys.version.split()[0]}; {os.cpu_count()} cores; "
          f"files in {workdir}")  # fmt: skip
    if args.only_merge:
        root = str(Path(__file__).resolve().parents[1])
        for size in sizes:
            path = workdir / f"org-{size}.csv"
            run_child(WRITE, root, str(size), str(path), str(workdir / f"after-{size}.csv"))
        merge_table(sizes, workdir, args.repeat)
        return
    for size in sizes:
        bench(size, workdir, args.repeat, args.against)
    if not args.no_merge:
        merge_table(sizes, workdir, args.repeat)
    if args.no_walks:
        return
    print("\nwalks in one process (median/p99 of 10,000 random posts or pairs):")
    print(f"  {'posts':>9} {'read':>6} {'build':>6} {'id lookup µs':>13} {'chain µs':>11} "
          f"{'common µs':>11} {'reports --all':>18} {'typo':>6}")  # fmt: skip
    for size in sizes:
        q = run_child(QUERIES, str(workdir / f"org-{size}.csv"))
        print(
            f"  {size:>9,} {q['read']:>5.2f}s {q['build'] - q['read']:>5.2f}s "
            f"{q['id'][0]:>6.1f}/{q['id'][1]:<6.1f}"
            f"{q['chain'][0]:>5.1f}/{q['chain'][1]:<5.1f} "
            f"{q['common'][0]:>5.1f}/{q['common'][1]:<5.1f} "
            f"{q['reports'] * 1e3:>7.1f}ms/{int(q['reports_n']):>7,} {q['typo']:>5.2f}s"
        )
    print("typo: a name that matches nothing, with its 'did you mean' (median of 3)")


if __name__ == "__main__":
    main()
