"""``make demo``: run the main job on the bundled sample data, as a user would.

Each step is a real ``orgmodel`` command on ``data/`` (found through the
repository's ``orgmodel.toml``), printed with the command line first so the
output can be repeated by hand. The charts go to ``out/`` (ignored by git);
``make diagrams`` redraws the ones committed in ``diagrams/``.
"""

from __future__ import annotations

import shlex
import subprocess
import sys

__all__ = ["STEPS", "main"]

STEPS: list[list[str]] = [
    ["stats"],
    ["show", "--root", "Hartford Public Schools: Superintendent", "--depth", "3"],
    ["chain", "Hartford Public Schools: COO", "--all"],
    ["reports", "Hartford Public Schools: COO"],
    ["oversees", "Hartford Public Schools: COO"],
    ["common", "Director of Facilities", "Chief Financial Officer"],
    ["path", "Director of Transportation", "General Counsel"],
    ["chain", "City of Minneapolis: Director of Administration"],
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
