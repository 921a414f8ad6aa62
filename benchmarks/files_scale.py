"""Saving and loading big org files: the native YAML/JSON file, Parquet and GraphML, against CSV.

Usage::

    python benchmarks/files_scale.py [--sizes 100000,1000000] [--curve 10000,40000,100000]
                                     [--workdir DIR]

For each size it writes the synthetic org of :mod:`benchmarks.scale` as CSV,
then, each step in a fresh interpreter (so its peak memory is its own):

* ``csv load``: the CSV read and the graph built (``load_graph``) -- the baseline;
* for the org file as YAML and JSON, and for Parquet: ``save`` (the write
  alone, from the loaded CSV) and ``load`` (file -> graph), in seconds and
  as a ratio to the CSV load of the same run (target: both within 3x at 1M);
* the GraphML writer on ``--curve`` sizes, in seconds and microseconds per
  post: flat microseconds mean linear time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.scale import generate, run_child

LOAD = """
import json, resource, sys, time
from orgmodel.config import Settings
from orgmodel.sources.load import load_graph
t = time.perf_counter()
g = load_graph([sys.argv[1]], settings=Settings())
s = time.perf_counter() - t
assert g.post_count == int(sys.argv[2]), g.post_count
print(json.dumps({"s": s, "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

SAVE = """
import json, resource, sys, time
from orgmodel.config import Settings
from orgmodel.graph import OrgGraph
from orgmodel.collector import paused_gc
from orgmodel.sources.load import load_data
from orgmodel.writers import write
data = load_data([sys.argv[1]], settings=Settings())
with paused_gc():
    graph = OrgGraph(data)
    t = time.perf_counter()
    write(data, graph, sys.argv[2])
    s = time.perf_counter() - t
print(json.dumps({"s": s, "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

GRAPHML = """
import json, sys, time
from orgmodel.config import Settings
from orgmodel.graph import OrgGraph
from orgmodel.collector import paused_gc
from orgmodel.sources.load import load_data
from orgmodel.writers.graphml import render_graphml
data = load_data([sys.argv[1]], settings=Settings())
with paused_gc():
    graph = OrgGraph(data)
    t = time.perf_counter()
    render_graphml(data, graph)
    print(json.dumps({"s": time.perf_counter() - t}))
"""

FORMATS = (("yaml", "org file, YAML"), ("json", "org file, JSON"), ("parquet", "Parquet"))


def _csv(workdir: Path, size: int) -> Path:
    path = workdir / f"org-{size}.csv"
    if not path.exists():
        generate(size, path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--curve", default="10000,40000,100000")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="orgmodel-files-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"python {sys.version.split()[0]}; files in {workdir}")
    print(
        f"{'posts':>9} {'csv load':>9} {'format':<15} {'MB':>5} {'save':>7} {'ratio':>6} "
        f"{'load':>7} {'ratio':>6} {'peak MB':>8}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        csv = _csv(workdir, size)
        base = run_child(LOAD, str(csv), str(size))
        for fmt, name in FORMATS:
            out = workdir / f"org-{size}.{fmt}"
            saved = run_child(SAVE, str(csv), str(out))
            loaded = run_child(LOAD, str(out), str(size))
            print(
                f"{size:>9,} {base['s']:>8.2f}s {name:<15} {out.stat().st_size / 1e6:>5.0f} "
                f"{saved['s']:>6.2f}s {saved['s'] / base['s']:>5.1f}x {loaded['s']:>6.2f}s "
                f"{loaded['s'] / base['s']:>5.1f}x {loaded['mb']:>8.0f}"
            )
        mb = csv.stat().st_size / 1e6
        print(f"{size:>9,} {base['s']:>8.2f}s {'CSV (baseline)':<15} {mb:>5.0f} {'':>7} {'':>6} "
              f"{base['s']:>6.2f}s {1:>5.1f}x {base['mb']:>8.0f}")  # fmt: skip
    print("\nGraphML writer (the write alone):")
    print(f"{'posts':>9} {'seconds':>8} {'µs/post':>8}")
    for size in (int(s) for s in args.curve.split(",")):
        took = run_child(GRAPHML, str(_csv(workdir, size)))["s"]
        print(f"{size:>9,} {took:>7.2f}s {took / size * 1e6:>8.1f}")
    print(
        "save: the write alone, from the loaded CSV; load: file -> graph; ratio: to the CSV "
        "load of the same run (target <= 3x at 1M); MB: the file's size"
    )


if __name__ == "__main__":
    main()
