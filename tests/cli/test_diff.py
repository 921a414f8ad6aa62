"""``orgmodel diff`` and ``orgmodel apply`` as a user runs them on the sample proposal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Cli

HPS = "data/hartford-public-schools.yaml"
PLAN = "data/proposals/hps-operations-2026.yaml"


def test_diff_of_the_sample_proposal_as_text(cli: Cli) -> None:
    result = cli("diff", HPS, PLAN, "-q")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert (
        "27 change(s): 1 added, 2 removed, 2 moved, 1 retitled, 6 unit-changed, "
        "1 secondary-added, 1 secondary-removed, 3 heads-added, 3 heads-removed"
    ) in out
    assert "Chief Information Officer [hps-cio]: now heads Office of Information Technology" in out
    assert (
        "Director of Educational Technology [hps-director-edtech]: Chief Operating Officer "
        "[hps-coo] → Chief Information Officer [hps-cio]"
    ) in out
    assert "Chief Operating Officer [hps-coo]: 7 → 4 (−3)" in out
    assert "50 by the same id (id, confidence 1)" in out


def test_exit_code_is_1_only_with_changes_and_the_option(cli: Cli) -> None:
    assert cli("diff", HPS, PLAN, "-q", "--exit-code").returncode == 1
    same = cli("diff", HPS, HPS, "-q", "--exit-code")
    assert same.returncode == 0 and "no changes" in same.stdout


HEADED = """\
organizations:
  - name: X
    units: [{id: u, name: Finance}]
    posts:
      - {id: a, title: CEO, root: true}
      - {id: b, title: CFO, reports_to: a, heads: u}
"""


def test_a_change_of_the_units_a_post_heads_is_a_change(cli: Cli, tmp_path: Path) -> None:
    before, after = tmp_path / "h1.yaml", tmp_path / "h2.yaml"
    before.write_text(HEADED)
    after.write_text(HEADED.replace(", heads: u", ""))
    result = cli("diff", str(before), str(after), "-q", "--exit-code")
    assert result.returncode == 1, result.stdout
    assert "1 change(s): 1 heads-removed" in result.stdout
    assert "CFO [b]: no longer heads Finance [u]" in result.stdout
    scenario = cli("diff", str(before), str(after), "-q", "-f", "scenario")
    assert "- set: b\n  heads: []\n" in scenario.stdout


def test_the_scenario_format_replays_the_diff(cli: Cli, tmp_path: Path) -> None:
    proposed, replay, again = tmp_path / "p.yaml", tmp_path / "replay.yaml", tmp_path / "r.yaml"
    assert cli("apply", HPS, PLAN, "-o", str(proposed), "-q").returncode == 0
    written = cli("diff", HPS, str(proposed), "-q", "--format", "scenario")
    assert written.returncode == 0, written.stderr
    replay.write_text(written.stdout)
    assert cli("apply", HPS, str(replay), "-o", str(again), "-q").returncode == 0
    assert cli("diff", str(again), str(proposed), "-q", "--exit-code").returncode == 0


@pytest.mark.parametrize("suffix", ["svg", "dot", "png"])
def test_the_chart_is_written_by_extension(cli: Cli, tmp_path: Path, suffix: str) -> None:
    chart = tmp_path / f"changes.{suffix}"
    result = cli("diff", HPS, PLAN, "-q", "--changed-only", "-o", str(chart), "-f", "json")
    assert result.returncode == 0, result.stderr
    json.loads(result.stdout)
    data = chart.read_bytes()
    assert {"svg": b"<svg", "dot": b"digraph diff", "png": b"\x89PNG"}[suffix] in data[:400]


def test_bad_uses_are_clean_errors(cli: Cli, tmp_path: Path) -> None:
    bad = cli("diff", HPS, PLAN, "-o", str(tmp_path / "chart.jpeg"))
    assert bad.returncode == 2 and "cannot tell the chart format" in bad.stderr
    assert not (tmp_path / "chart.jpeg").exists()
    swapped = cli("diff", PLAN, HPS)
    assert swapped.returncode == 2 and "is a scenario file: give it as AFTER" in swapped.stderr
    named = cli("stats", "-s", PLAN)
    assert named.returncode == 2 and "is a scenario (a list of edits)" in named.stderr
    assert "Traceback" not in bad.stderr + swapped.stderr + named.stderr


def test_proposals_in_the_data_folder_are_not_read_as_sources(cli: Cli) -> None:
    stats = json.loads(cli("stats", "-f", "json", "-q").stdout)
    assert (stats["posts"], stats["units"], stats["organizations"]) == (120, 35, 5)


def test_mapping_option(cli: Cli, tmp_path: Path) -> None:
    mapping = tmp_path / "map.yaml"
    mapping.write_text("# renumbered\nhps-director-of-enrollment: hps-cio\n")
    result = cli("diff", HPS, PLAN, "-q", "--mapping", str(mapping), "-f", "json")
    assert result.returncode == 2
    assert f"{mapping}:2: 'hps-director-of-enrollment' is not an id in BEFORE" in result.stderr
    mapping.write_text("hps-operations-project-manager: hps-cio\n")
    got = json.loads(cli("diff", HPS, PLAN, "-q", "--mapping", str(mapping), "-f", "json").stdout)
    assert got["matching"]["by_rule"] == {"mapping": 1, "id": 50}
    assert got["summary"]["added"] == 0 and got["summary"]["removed"] == 1


def test_apply_prints_the_proposal_without_output(cli: Cli) -> None:
    result = cli("apply", HPS, PLAN, "-q")
    assert result.returncode == 0 and "id: hps-cio" in result.stdout
