"""The Python API: load, ask by names, get records back; never a node number."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import orgmodel
from orgmodel import Org, Post, Unit
from tests.conftest import ROOT

CSV = "id,title,name,manager\n1,Mayor,Ana Diaz,\n2,City Manager,Bo Li,1\n3,Clerk,,2\n4,Auditor,,1\n"


@pytest.fixture(scope="module")
def org() -> Org:
    return orgmodel.load(ROOT / "data")


@pytest.fixture
def small(tmp_path: Path) -> Org:
    (tmp_path / "city.csv").write_text(CSV, encoding="utf-8")
    return orgmodel.load(tmp_path / "city.csv")


def test_the_top_names_are_the_api() -> None:
    assert orgmodel.load is orgmodel.org.load
    assert set(orgmodel.__all__) <= set(dir(orgmodel))
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = orgmodel.nothing


def test_answers_are_records_named_by_ids(small: Org) -> None:
    clerk = small.find("clerk")
    assert isinstance(clerk, Post)
    assert (clerk.id, clerk.title, clerk.vacant) == ("3", "Clerk", True)
    assert clerk.source is not None and clerk.source.endswith("city.csv:4")
    assert [p.id for p in small.chain("Clerk")] == ["2", "1"]
    assert [p.title for p in small.reports("Mayor")] == ["City Manager", "Auditor"]
    assert [p.title for p in small.reports("Mayor", all=True)] == [
        "City Manager", "Auditor", "Clerk"
    ]  # fmt: skip
    assert [p.title for p in small.reports("Mayor", depth=1)] == ["City Manager", "Auditor"]
    common = small.common("Clerk", "Auditor")
    assert common is not None
    assert (common.superior.id, common.distance_a, common.distance_b) == ("1", 2, 1)
    path = small.path("Clerk", "Auditor")
    assert path is not None and [p.id for p in path] == ["3", "2", "1", "4"]
    assert small.span("Ana Diaz") == 2  # a holder's name finds the post they hold
    assert len(small) == 4 and "Clerk" in small and "Treasurer" not in small


def test_posts_with_no_common_superior_answer_none(tmp_path: Path) -> None:
    (tmp_path / "two.csv").write_text("id,title,manager\n1,Mayor,\n2,Governor,\n")
    two = orgmodel.load(tmp_path / "two.csv")
    assert two.common("Mayor", "Governor") is None
    assert two.path("Mayor", "Governor") is None


def test_dotted_lines_units_and_heads(org: Org) -> None:
    steps = org.steps("Hartford Public Schools: COO")
    assert [(s.superior.id, s.via, s.below.id) for s in steps[:2]] == [
        ("hps-deputy-admin-finance", "primary", "hps-coo"),
        ("hps-superintendent", "secondary", "hps-coo"),
    ]
    assert [s.id for s in org.chain("HPS: COO", dotted=True)] == [s.superior.id for s in steps]
    assert [p.id for p in org.dotted_reports("hps-superintendent")] == ["hps-coo"]
    board = org.chain("HPS: COO")[-1]
    assert isinstance(board, Unit) and (board.kind, board.title) == ("board", "Board of Education")
    assert [p.id for p in org.heads("Facilities Department")] == [
        "hps-coo", "hps-director-facilities"
    ]  # fmt: skip
    assert all(isinstance(u, Unit) for u in org.oversees("HPS: COO"))
    assert "Hartford Public Schools" in org.organizations
    assert len(org.units) == 35 and sum(1 for _ in org.posts) == 120


def test_names_that_fit_none_or_several_are_clear_errors(org: Org) -> None:
    with pytest.raises(orgmodel.AmbiguousNameError, match="matches 2 posts"):
        org.chain("COO")
    with pytest.raises(orgmodel.NameNotFoundError, match="did you mean"):
        org.reports("Superintendant")


def test_bad_sources_raise_a_source_error_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("organizations:\n  - name: X\n    posts:\n      - id: a\n")
    with pytest.raises(orgmodel.SourceError, match=r"broken\.yaml:4"):
        orgmodel.load(bad)


def test_mapping_as_text_or_dict(tmp_path: Path) -> None:
    (tmp_path / "hr.csv").write_text("EmpID,Position,Boss\n7,Director,\n8,Analyst,7\n")
    for mapping in ("id=EmpID,title=Position,manager=Boss",
                    {"id": "EmpID", "title": "Position", "manager": "Boss"}):  # fmt: skip
        hr = orgmodel.load(tmp_path / "hr.csv", mapping=mapping)
        assert [p.title for p in hr.chain("Analyst")] == ["Director"]


def test_validate_render_save_and_networkx(small: Org, tmp_path: Path) -> None:
    report = small.validate()
    assert report.valid
    assert [f.code for f in small.validate(select=["R"]).findings] == []
    svg = small.render(tmp_path / "city.svg", root="City Manager")
    assert svg.startswith(b"<?xml") and (tmp_path / "city.svg").read_bytes() == svg
    mermaid = small.render(format="mermaid", highlight="Clerk").decode()
    assert "Clerk" in mermaid and "flowchart" in mermaid
    assert small.save(tmp_path / "city.yaml") == []
    again = orgmodel.load(tmp_path / "city.yaml")
    assert [p.id for p in again.chain("Clerk")] == ["2", "1"]
    g = small.to_networkx()
    assert set(g.nodes) == {"1", "2", "3", "4"}
    assert nx.ancestors(g, "3") == {"1", "2"}


def test_diff_with_another_org_or_a_file(small: Org, tmp_path: Path) -> None:
    (tmp_path / "after.csv").write_text(CSV.replace("3,Clerk,,2", "3,Clerk,,1"))
    by_path = small.diff(tmp_path / "after.csv")
    by_org = small.diff(orgmodel.load(tmp_path / "after.csv"))
    for found in (by_path, by_org):
        assert found and found.summary == {"moved": 1}
        change = found.changes[0]
        assert (change["kind"], change["post"]["id"]) == ("moved", "3")
        assert change["from"]["id"] == "2" and change["to"]["id"] == "1"
    assert "moved" in by_path.to_text() and by_path.to_json()["changed"] is True
    assert not small.diff(small)
