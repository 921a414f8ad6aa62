"""validate(graph, config): inline suppression, config, the sample data's deliberate problem."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from orgmodel.config import Settings
from orgmodel.errors import SourceError
from orgmodel.rules.config import ValidateConfig
from orgmodel.rules.validate import validate
from orgmodel.sources.load import load_graph
from tests.conftest import ROOT
from tests.rules.helpers import graph_of

ORG = """
organizations:
  - name: City of Hartford
    units:
      - {id: works, name: Public Works, ignore: [several-heads]}
      - {id: parks, name: Parks Division}
    posts:
      - {id: mayor, title: Mayor, root: true, heads: [parks]}
      - {id: counsel, title: Corporation Counsel, reports_to: mayor, ignore: S002}
      - {id: deputy, title: Deputy Counsel, reports_to: counsel}
      - {id: dpw, title: Director of Public Works, reports_to: mayor, heads: works}
      - {id: eng, title: City Engineer, reports_to: mayor, heads: works}
      - {id: clerk, title: City Clerk}
"""


def test_inline_ignore_on_a_post_and_on_a_unit(tmp_path: Path) -> None:
    report = validate(graph_of(ORG, tmp_path))
    assert [(f.code, f.subjects[0]) for f in report.findings] == [("R002", "clerk")]
    assert report.suppressed == 2  # counsel's single report; Public Works' two heads
    everything = validate(
        graph_of(ORG.replace("ignore: S002", "").replace(", ignore: [several-heads]", ""), tmp_path)
    )
    assert sorted(f.code for f in everything.findings) == ["R002", "S002", "U002"]


def test_a_csv_column_can_carry_the_ignore_list(tmp_path: Path) -> None:
    csv = "# hr.csv\nid,title,manager,orgmodel.ignore\n"
    csv += "1,Mayor,,\n2,Clerk,1,single-report\n3,Deputy,2,\n"
    report = validate(graph_of(csv, tmp_path))
    assert [f.subjects for f in report.findings] == [
        ("1", "2")
    ]  # the Mayor's: the Clerk's is ignored
    assert report.suppressed == 1


def test_an_unknown_code_in_ignore_is_an_error_with_its_line(tmp_path: Path) -> None:
    graph = graph_of(ORG.replace("ignore: S002", "ignore: [S0002]"), tmp_path)
    with pytest.raises(SourceError, match=r"example-0.yaml:8: ignore: unknown rule 'S0002'"):
        validate(graph)


def test_config_select_limits_what_runs_and_gc_is_restored(tmp_path: Path) -> None:
    graph = graph_of(ORG, tmp_path)
    report = validate(graph, ValidateConfig.from_table({"select": ["roots"]}, "t.toml"))
    assert report.rules == ("R001", "R002", "R003", "R004", "R005", "R006")
    assert set(report.timings) == set(report.rules)
    assert gc.isenabled()


def test_the_sample_data_shows_its_deliberate_problem() -> None:
    graph = load_graph([ROOT / "data"], settings=Settings())
    report = validate(graph)
    errors = [f for f in report.findings if f.severity == "error"]
    assert [(f.code, f.subjects) for f in errors] == [
        ("X001", ("hps-director-transportation", "hps-coo", "hps-deputy-admin-finance"))
    ]
    assert errors[0].where() == f"{ROOT / 'data' / 'hartford-public-schools.yaml'}:246"
    assert 'hps-director-of-transportation.md:12 ("Reports To:")' in errors[0].message
    # and the New Haven posting's list of analysts, developers and technicians, read with
    # a confidence under 0.6: F010 asks for a look at it
    assert {f.code for f in report.findings} == {"X001", "S002", "F003", "F010"}
