"""``make demo`` builds the sample organizations from the postings alone, as the issue shows."""

from __future__ import annotations

import shutil
from pathlib import Path

from orgmodel.demo import POSTINGS_STEPS, STEPS
from tests.conftest import ROOT, Cli

UNITS = (
    "Office of Enrollment and School Choice",
    "Facilities Department",
    "Food & Child Nutrition Services Department",
    "Transportation Office",
    "Educational Technology",
)


def test_the_postings_steps_show_the_hartford_structure(cli: Cli, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "orgmodel.toml", tmp_path / "orgmodel.toml")
    assert STEPS[: len(POSTINGS_STEPS)] == POSTINGS_STEPS
    ingest, show, chain = (cli(*step, cwd=tmp_path) for step in POSTINGS_STEPS)
    for result in (ingest, show, chain):
        assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "postings.yaml").is_file()
    lines = show.stdout.splitlines()
    # Superintendent -> Deputy Superintendent -> COO, one level further in each time
    supt = next(i for i, x in enumerate(lines) if x.startswith("Superintendent of Schools"))
    deputy = next(i for i, x in enumerate(lines) if "── Deputy Superintendent for Admin" in x)
    coo = next(i for i, x in enumerate(lines) if "── Chief Operating Officer" in x)
    assert supt < deputy < coo
    assert lines[coo].index("Chief") > lines[deputy].index("Deputy")
    assert lines[coo].rstrip().endswith("⇢ Superintendent of Schools")  # the dotted line
    headed = [x for x in lines[coo + 1 : coo + 6] if "▣ heads" in x]
    assert [unit for unit in UNITS if any(unit in x for x in headed)] == list(UNITS)
    assert "(dotted) Superintendent of Schools" in chain.stdout
    assert "Deputy Superintendent for Administration and Finance" in chain.stdout
