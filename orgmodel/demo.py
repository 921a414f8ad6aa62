"""``make demo``: run the main job on the bundled sample data, as a user would.

Each step is a real ``orgmodel`` command on ``data/`` (found through the
repository's ``orgmodel.toml``), printed with the command line first so the
output can be repeated by hand. The first steps read only the postings in
``data/postings`` (``orgmodel ingest`` writes ``out/postings.yaml``); the rest
read everything in ``data/``. Charts go to ``out/`` (ignored by git); ``make
diagrams`` redraws the ones committed in ``diagrams/``.
"""

from __future__ import annotations

import shlex
import subprocess
import sys

__all__ = ["NOTES", "POSTINGS_STEPS", "STEPS", "main"]

HPS = "data/hartford-public-schools.yaml"
PROPOSAL = "data/proposals/hps-operations-2026.yaml"

POSTINGS_STEPS: list[list[str]] = [
    # the postings alone: one org file, then the Hartford Public Schools structure they give
    ["ingest", "data/postings", "-o", "out/postings.yaml"],
    ["show", "-s", "data/postings", "--root", "Hartford Public Schools: Superintendent",
     "--depth", "2", "--units", "-q"],
    ["chain", "-s", "out/postings.yaml", "Hartford Public Schools: COO", "--all"],
]  # fmt: skip
"""Steps that build the sample organizations from the postings in ``data/postings``."""

STEPS: list[list[str]] = [
    *POSTINGS_STEPS,
    ["stats"],
    ["show", "--root", "Hartford Public Schools: Superintendent", "--depth", "3"],
    ["chain", "Hartford Public Schools: COO", "--all"],
    ["reports", "Hartford Public Schools: COO"],
    ["oversees", "Hartford Public Schools: COO"],
    ["common", "Director of Facilities", "Chief Financial Officer"],
    ["path", "Director of Transportation", "General Counsel"],
    ["chain", "City of Minneapolis: Director of Administration"],
    ["validate"],
    # Comparing structures: the sample proposal for HPS operations, its report and chart
    ["diff", HPS, PROPOSAL, "-q", "--changed-only", "-o", "diagrams/hps-operations-2026.svg"],
    ["apply", HPS, PROPOSAL, "-o", "diagrams/hps-operations-2026.proposed.yaml", "-q"],
    ["convert", "-s", "data/minneapolis-city-clerk.csv", "-o", "build/clerk.graphml", "-q"],
    ["render", "--root", "Hartford Public Schools: COO", "-o", "out/hps-operations.svg"],
    [
        "render",
        "--org",
        "HPS",
        "--highlight",
        "HPS: Director of Transportation",
        "-o",
        "out/hps.svg",
    ],
    ["render", "-o", "out/sample.svg"],
    ["render", "--org", "City of Minneapolis", "-o", "out/minneapolis.mmd"],
    ["render", "--assistants", "-o", "out/org.html"],
]

NOTES: dict[str, str] = {
    "apply": (
        "# apply validates the proposal with the rules of 'validate' and shows what it\n"
        "# brings: the COO's posting still says the COO supervises Educational Technology,\n"
        "# whose director now reports to the new CIO (U002, a warning: exit 0, file written)."
    ),
    "validate": (
        "# The sample data has one deliberate problem: the Director of Transportation's\n"
        "# posting names a different superior than the org file. validate reports it\n"
        "# (X001, an error, so it exits 1) with the file and line of each claim."
    ),
}
"""A comment printed before a step, keyed by its command."""


def main() -> int:
    """Run every step; stop at the first that fails and return its exit code.

    Exit code 1 is an answer, not a failure: "no common superior", or
    validation findings (the sample data has a deliberate one).
    """
    for step in STEPS:
        if step[0] in NOTES:
            print(f"\n{NOTES[step[0]]}", flush=True)
        print(f"\n$ orgmodel {shlex.join(step)}", flush=True)
        code = subprocess.call([sys.executable, "-m", "orgmodel", *step])
        if code not in (0, 1):
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main())
