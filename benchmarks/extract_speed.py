r"""Extraction speed: throughput against a baseline, and time on adversarial inputs.

Usage::

    python benchmarks/extract_speed.py [--count 2000] [--seed 7] [--corpus DIR]

Throughput is measured on ``--count`` synthetic ~2 KB postings on one core
(target >= 1,000/s), and with ``--corpus`` also on the real postings of a
folder (read at run time, e.g. ``../shared/corpus/postings``). Because the
machine may be shared, every posting is also passed through a *baseline* in
the same run, interleaved with the extraction: a plain regex pass
(``re.findall(r"\w+", text)``) over the same text. The ratio extraction /
baseline barely moves with the load of the machine, so it is the figure to
compare between runs; postings/s on an idle core is about the baseline's
idle rate divided by that ratio.

Then :func:`orgmodel.extract.extract` runs on inputs built to catch
super-linear behaviour, each at three sizes so growth can be read off (the
ratio column compares CPU seconds with the size before): a
long posting (0.25 / 0.5 / 1 MB), the same with no line breaks, a list of
2,500 / 5,000 / 10,000 commas, "reports to" repeated 2,500 / 5,000 / 10,000
times, and 20,000-80,000 field labels on one line. Every time should stay
well under a second and roughly double with the size (ratio column).

The first line says whether the extractor ran compiled by mypyc (a wheel
build, ``pip install .``) or as the Python source (``pip install -e .``, what
``make`` sets up); ``make bench`` runs this benchmark both ways, back to back.

The synthetic postings are generated here from word lists; no real posting
text is used or stored.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

from orgmodel.extract import compiled, extract

TITLES = [
    "Budget Analyst", "Facilities Coordinator", "Deputy City Clerk", "Payroll Specialist",
    "Assistant Principal", "Network Administrator", "Grants Manager", "Fleet Supervisor",
    "Program Director", "Senior Accountant", "Library Assistant", "Transportation Planner",
]  # fmt: skip
SUPERIORS = [
    "Finance Director", "Director of Operations", "Chief Operating Officer", "Principal",
    "City Manager", "Deputy Superintendent for Operations", "Assistant City Manager",
]  # fmt: skip
UNITS = [
    "Facilities Department", "Payroll Office", "Transportation Division", "Records Unit",
    "Office of Grants and Contracts", "Food & Nutrition Services Department",
]  # fmt: skip
ORGS = ["City of Lakeview", "Harbor County", "Northfield Public Schools", "Riverside Hospital"]
FILLER = (
    "Performs professional work in the planning, coordination and evaluation of programs. "
    "Prepares reports, reviews documents for accuracy and maintains records in the system. "
    "Communicates with residents, vendors and other agencies about services and policies. "
    "Knowledge of budgeting principles, public administration and office software is required. "
)


def synthetic_posting(rng: random.Random) -> str:
    """A ~2 KB posting with fields, prose cues and filler (a different mix each time)."""
    title, org = rng.choice(TITLES), rng.choice(ORGS)
    boss, units = rng.choice(SUPERIORS), rng.sample(UNITS, 3)
    parts = [
        f"{title}\n",
        f"{org} is seeking a {title} to join the team.\n",
        f"Job Title: {title}\nReports To: {boss}\n",
        f"Supervises: {', '.join(units[:2])}, and {units[2]}\n\n",
        f"Under the general direction of the {boss}, the {title} plans and directs daily work. ",
        "Works closely with the Human Resources Manager and serves as liaison to the Board.\n\n",
        "ESSENTIAL DUTIES\n",
    ]
    text = "".join(parts)
    while len(text) < 1900:
        text += "- " + rng.choice(FILLER.split(". ")).strip() + ".\n"
    text += "\nQUALIFICATIONS\nExperience supervising staff is preferred.\n"
    return text


def timed(func: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of one call (CPU time is what a busy machine does not inflate)."""
    wall, cpu = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - wall, time.process_time() - cpu


_BASELINE = re.compile(r"\w+")


def throughput(label: str, texts: list[str], rounds: int = 3) -> None:
    """Postings/s for ``extract`` and for the baseline, each posting timed back to back."""
    clock = time.perf_counter
    extract(texts[0])  # warm the caches of compiled patterns
    base = spent = 0.0
    cpu = time.process_time()
    for _ in range(rounds):
        for text in texts:
            a = clock()
            _BASELINE.findall(text)
            b = clock()
            extract(text)
            c = clock()
            base += b - a
            spent += c - b
    cpu = time.process_time() - cpu
    count = rounds * len(texts)
    size = sum(len(t) for t in texts) / len(texts)
    print(f"{label}: {count:,} postings of ~{size:,.0f} chars")
    print(f"  extract   {count / spent:8,.0f} postings/s  (target >= 1,000/s on one core)")
    print(f"  baseline  {count / base:8,.0f} postings/s  (a regex pass over the same texts)")
    print(f"  ratio     {spent / base:8.1f}x the baseline  (CPU/wall {cpu / (base + spent):.0%})\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2000, help="synthetic postings (>= 1000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, help="also time the .txt postings of this folder")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    how = "compiled by mypyc (a wheel build)" if compiled() else "pure Python (the source)"
    print(f"extractor: {how}\n")
    postings = [synthetic_posting(rng) for _ in range(max(args.count, 1000))]
    throughput("synthetic", postings, rounds=1)
    if args.corpus is not None:
        real = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))]
        if real:
            throughput(f"corpus {args.corpus}", real, rounds=max(1, 1000 // len(real)))

    base = "\n\n".join(postings[:40])
    cases: dict[str, Callable[[int], str]] = {
        "long posting": lambda n: (base * (n // len(base) + 1))[:n],
        "no line breaks": lambda n: (base.replace("\n", " ") * (n // len(base) + 1))[:n],
        "commas in a list": lambda n: "Supervises: " + ", ".join(["Clerk"] * n) + "\n",
        "'reports to' repeated": lambda n: "The Clerk " + "reports to " * n + "the Mayor.",
        "labels on one line": lambda n: "Reports To: " * n,
    }
    sizes = {
        "long posting": (250_000, 500_000, 1_000_000),
        "no line breaks": (250_000, 500_000, 1_000_000),
        "commas in a list": (2_500, 5_000, 10_000),
        "'reports to' repeated": (2_500, 5_000, 10_000),
        "labels on one line": (20_000, 40_000, 80_000),
    }
    print(f"{'adversarial input':<24}{'size':>12}{'wall s':>9}{'CPU s':>8}{'ratio':>8}")
    for name, build in cases.items():
        previous: float | None = None
        for n in sizes[name]:
            text = build(n)
            wall, cpu = timed(lambda text=text: extract(text))  # type: ignore[misc]
            ratio = f"{cpu / previous:.1f}x" if previous else ""
            label = f"{len(text):,} ch" if name in {"long posting", "no line breaks"} else f"{n:,}"
            print(f"{name:<24}{label:>12}{wall:>9.3f}{cpu:>8.3f}{ratio:>8}")
            previous = cpu
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
