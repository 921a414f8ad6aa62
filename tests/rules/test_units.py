"""Units: heads missing, heads side by side, units nested in a loop."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from tests.rules.helpers import graph_of, run_rule

HPS = """
organizations:
  - name: Hartford Public Schools
    units:
      - {id: board, name: Board of Education, kind: board}
      - {id: ops, name: Operations Division}
      - {id: facilities, name: Facilities Department, part_of: ops}
      - {id: food, name: Food Services Department, part_of: ops}
    posts:
      - {id: supt, title: Superintendent of Schools, reports_to: board}
      - {id: deputy, title: Deputy Superintendent, reports_to: supt, heads: ops}
      - {id: coo, title: COO, reports_to: deputy, heads: [ops, facilities, food]}
      - {id: dir, title: Director of Facilities, reports_to: coo, heads: facilities}
      - {id: mgr, title: Facilities Manager, reports_to: dir, heads: facilities}
      - {id: food-dir, title: Director of Food Services, reports_to: coo, heads: food}
"""


def test_heads_in_one_chain_of_command_are_fine(tmp_path: Path) -> None:
    graph = graph_of(HPS, tmp_path)
    assert run_rule(graph, "U002") == []
    assert run_rule(graph, "U001") == []  # the board is a body, not a headed unit


def test_heads_side_by_side_are_reported(tmp_path: Path) -> None:
    graph = graph_of(HPS.replace("reports_to: dir, heads", "reports_to: coo, heads"), tmp_path)
    (finding,) = run_rule(graph, "U002")
    assert finding.subjects == ("facilities", "coo", "dir", "mgr")
    assert finding.message == (
        "Facilities Department has 3 heads, not in one chain of command: COO, "
        "Director of Facilities and Facilities Manager (Director of Facilities and "
        "Facilities Manager are neither the other's superior)"
    )


def test_the_sample_data_heads_its_units_in_chains(tmp_path: Path) -> None:
    graph = graph_of((ROOT / "data" / "hartford-public-schools.yaml").read_text(), tmp_path)
    assert run_rule(graph, "U002") == []
    assert len(graph.headed_by[graph.node("hps-facilities")]) == 2  # the COO and the director


def test_a_unit_without_head_where_others_have_one(tmp_path: Path) -> None:
    graph = graph_of(HPS.replace("heads: food}", "}").replace(", food]", "]"), tmp_path)
    (finding,) = run_rule(graph, "U001")
    assert finding.subjects == ("food",)
    assert finding.message == "Food Services Department has no head: no post heads it"


def test_units_of_an_export_with_no_heads_at_all_are_not_reported(tmp_path: Path) -> None:
    graph = graph_of(
        "# hr.csv\nid,title,manager,department\n1,Mayor,,Office\n2,Clerk,1,Clerk's Office\n",
        tmp_path,
    )
    assert len(graph.units) == 2 and run_rule(graph, "U001") == []


def test_units_nested_in_a_loop(tmp_path: Path) -> None:
    graph = graph_of(
        """
        organizations:
          - name: City of Hartford
            units:
              - {id: a, name: Public Works, part_of: c}
              - {id: b, name: Streets Division, part_of: a}
              - {id: c, name: Sanitation Section, part_of: b}
              - {id: d, name: Fleet Unit, part_of: d}
              - {id: e, name: Parks Division, part_of: a}
        """,
        tmp_path,
    )
    found = sorted((f.subjects, f.message) for f in run_rule(graph, "U003"))
    assert found == [
        (
            ("a", "c", "b"),
            "units nested in a loop: Public Works → Sanitation Section → Streets Division → "
            "Public Works (each is part of the next)",
        ),
        (("d",), "Fleet Unit is part of itself"),
    ]
