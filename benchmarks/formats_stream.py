"""Streaming benchmark: a 1 GB id/parentId CSV read with memory bounded by its records.

Usage::

    python benchmarks/formats_stream.py [--mb 1024] [--workdir DIR] [--keep]

It generates, in a temporary folder (never in the repository), two
d3-org-chart-shaped CSVs with the same posts: a *wide* one of about
``--mb`` megabytes, whose rows carry long repeated text (image and profile
URLs, notes -- what HR and org-chart exports are full of), and a *narrow*
one with the same rows minus that text. Each is read by the id/parentId
reader in a fresh process and the benchmark prints, per file: size, rows,
seconds, peak RSS, and the ratio of the wide file's peak to the narrow
one's. Reading streams the rows (``csv`` over a buffered file) and stores
each repeated cell text once, so the wide file's megabytes of text cost
about nothing: memory follows the records, not the file's size. A bare
``csv.reader`` pass over the wide file is the floor for time.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TITLES = ["Director", "Deputy Director", "Manager", "Supervisor", "Analyst", "Clerk", "Engineer"]
OFFICES = ["CEO office", "CTO office", "Finance", "Operations", "Facilities", "Legal", "IT"]
FIRST = ["Ana", "Li", "Bo", "Grace", "Tom", "Ida", "Priya", "Daniel", "Margaret", "Victor"]
LAST = ["Ruiz", "Wei", "Berg", "Oyelaran", "Aske", "Natarajan", "Okonkwo", "Lindqvist"]


def _notes(rng: random.Random, k: int) -> list[str]:
    words = ["budget", "staff", "review", "records", "plan", "safety", "audit", "vendor"]
    return [" ".join(rng.choice(words) for _ in range(100)) + f" #{i}" for i in range(k)]


def generate(path: Path, megabytes: int, wide: bool, rows: int | None = None, seed: int = 3) -> int:
    """Write the CSV; returns its number of rows (the wide file decides it from ``megabytes``)."""
    rng = random.Random(seed)
    notes = _notes(rng, 16)
    images = [
        f"https://assets.example.org/org-chart/avatars/portrait{i:03d}.png" for i in range(40)
    ]
    limit = megabytes << 20
    count = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        header = ["id", "parentId", "name", "positionName", "office"]
        out.writerow(header + (["imageUrl", "profileUrl", "notes"] if wide else []))
        while (rows is None and handle.tell() < limit) or (rows is not None and count < rows):
            parent = f"O-{rng.randrange(count)}" if count else ""
            row = [
                f"O-{count}", parent, f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                rng.choice(TITLES), rng.choice(OFFICES),
            ]  # fmt: skip
            if wide:
                row += [
                    rng.choice(images),
                    "https://example.org/employee/profile",
                    rng.choice(notes),
                ]
            out.writerow(row)
            count += 1
    return count


def _child(path: str) -> None:
    from orgmodel.readers import read_source

    start = time.perf_counter()
    data = read_source(Path(path))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(data.posts)} {seconds:.2f} {peak:.0f}")


def _measure(path: Path) -> tuple[int, float, float]:
    result = subprocess.run(
        [sys.executable, __file__, "--child", str(path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    posts, seconds, peak = result.stdout.split()
    return int(posts), float(seconds), float(peak)


def _csv_pass(path: Path) -> float:
    start = time.perf_counter()
    with path.open(newline="", encoding="utf-8") as handle:
        for _ in csv.reader(handle):
            pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=1024, help="size of the wide file in MB")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    folder = Path(args.workdir or tempfile.mkdtemp(prefix="orgmodel-stream-"))
    folder.mkdir(parents=True, exist_ok=True)
    wide, narrow = folder / "wide.csv", folder / "narrow.csv"
    try:
        start = time.perf_counter()
        rows = generate(wide, args.mb, wide=True)
        generate(narrow, args.mb, wide=False, rows=rows)
        print(f"generated {rows:,} rows in {time.perf_counter() - start:.1f}s under {folder}")
        floor = _csv_pass(wide)
        print(f"{'file':>8} {'MB':>7} {'rows':>11} {'read s':>7} {'peak MB':>8}")
        peaks = {}
        for name, path in (("wide", wide), ("narrow", narrow)):
            posts, seconds, peak = _measure(path)
            assert posts == rows, (posts, rows)
            peaks[name] = peak
            mb = path.stat().st_size / (1 << 20)
            print(f"{name:>8} {mb:7.0f} {posts:11,} {seconds:7.1f} {peak:8.0f}")
        print(f"csv.reader pass over the wide file: {floor:.1f}s")
        print(f"peak memory, wide / narrow: {peaks['wide'] / peaks['narrow']:.2f}x "
              f"for {wide.stat().st_size / narrow.stat().st_size:.1f}x the bytes")  # fmt: skip
    finally:
        if not args.keep:
            for path in (wide, narrow):
                path.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
