"""Extraction speed: throughput on synthetic postings and time on adversarial inputs.

Usage::

    python benchmarks/extract_speed.py [--count 2000] [--seed 7]

Prints postings per second for ``--count`` synthetic ~2 KB postings on one
core (target >= 1,000/s), then the time :func:`orgmodel.extract.extract`
takes on inputs built to catch super-linear behaviour, each at three sizes
so growth can be read off: a long posting (0.25 / 0.5 / 1 MB), the same
with no line breaks, a list of 2,500 / 5,000 / 10,000 commas, and "reports
to" repeated 2,500 / 5,000 / 10,000 times, and 20,000-80,000 field labels on
one line. Every time should stay well under a second and roughly double with
the size (ratio column).

The synthetic postings are generated here from word lists; no real posting
text is used.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from orgmodel.extract import extract

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


def timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2000, help="synthetic postings (>= 1000)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    postings = [synthetic_posting(rng) for _ in range(max(args.count, 1000))]
    size = sum(len(p) for p in postings) / len(postings)
    extract(postings[0])  # warm the caches of compiled patterns
    elapsed = timed(lambda: [extract(p) for p in postings])
    print(f"throughput: {len(postings)} postings of ~{size:,.0f} chars in {elapsed:.2f} s")
    print(
        f"            {len(postings) / elapsed:,.0f} postings/s on one core (target >= 1,000/s)\n"
    )

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
    print(f"{'adversarial input':<24}{'size':>12}{'seconds':>10}{'ratio':>8}")
    for name, build in cases.items():
        previous: float | None = None
        for n in sizes[name]:
            text = build(n)
            seconds = timed(lambda text=text: extract(text))  # type: ignore[misc]
            ratio = f"{seconds / previous:.1f}x" if previous else ""
            label = f"{len(text):,} ch" if name in {"long posting", "no line breaks"} else f"{n:,}"
            print(f"{name:<24}{label:>12}{seconds:>10.3f}{ratio:>8}")
            previous = seconds
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
