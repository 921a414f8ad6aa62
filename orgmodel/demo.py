"""``make demo``: run the main job on the bundled sample data, as a user would.

Each step is a real ``orgmodel`` command on ``data/`` (found through the
repository's ``orgmodel.toml``), printed with the command line first so the
output can be repeated by hand. The first steps read only the postings in
``data/postings`` (``orgmodel ingest`` writes ``out/postings.yaml``, which is
git-ignored); the rest read everything in ``data/``.
"""

from __future__ import annotations

import shlex
import subprocess
import sys

__all__ = ["POSTINGS_STEPS", "STEPS", "main"]

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
]


def main() -> int:
    """Run every step; stop at the first that fails and return its exit code."""
    for step in STEPS:
        print(f"\n$ orgmodel {shlex.join(step)}", flush=True)
        code = subprocess.call([sys.executable, "-m", "orgmodel", *step])
        if code not in (0, 1):
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main())
