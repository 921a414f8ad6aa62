"""Applying scenarios: each edit on real-shaped org files, refusals with lines, nothing written."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from pathlib import Path

import pytest

from orgmodel.config import find_settings
from orgmodel.errors import SourceError
from orgmodel.graph import OrgGraph
from orgmodel.graph.queries import chain
from orgmodel.orgfile.read import parse_orgfile, read_orgfile
from orgmodel.planning.apply import apply, organizations, posts, units
from orgmodel.planning.review import review
from orgmodel.planning.scenario import EDITS, parse_scenario, read_scenario
from orgmodel.records import OrgData
from orgmodel.rules.config import ValidateConfig
from tests.conftest import ROOT, Cli
from tests.diff.helpers import BASE

HPS = ROOT / "data/hartford-public-schools.yaml"
PLAN = ROOT / "data/proposals/hps-operations-2026.yaml"


def run(edits: str, base: str = BASE) -> OrgGraph:
    data = parse_orgfile(base, "acme.yaml")
    return OrgGraph(apply(data, parse_scenario("edits:\n" + edits, "plan.yaml")))


def ids(g: OrgGraph, nodes: Iterable[int]) -> list[str]:
    return [g.id_of(n) for n in nodes]


def test_the_sample_proposal() -> None:
    g = OrgGraph(apply(read_orgfile(HPS), read_scenario(PLAN)))
    assert ids(g, chain(g, g.node("hps-director-edtech")))[:2] == [
        "hps-cio",
        "hps-deputy-admin-finance",
    ]
    assert "hps-director-enrollment" not in g.index and "hps-enrollment" not in g.index
    assert g.id_of(g.parent[g.node("hps-student-assignment-manager")]) == (
        "hps-director-transportation"
    )
    services = g.node("hps-student-services")
    members = {g.id_of(n) for n in range(g.post_count) if g.unit_of(n) == services}
    assert members == {
        "hps-student-assignment-manager", "hps-welcome-center-coordinator",
        "hps-transportation-operations-manager", "hps-routing-coordinator",
        "hps-special-transportation-coordinator", "hps-bus-contract-supervisor",
    }  # fmt: skip
    heads = {g.id_of(p) for p, _ in g.headed_by[services]}
    assert heads == {"hps-coo", "hps-director-transportation"}  # merged heads, stated once
    assert g.title(g.node("hps-director-transportation")) == "Director of Student Services"
    assert g.posts[g.node("hps-coo")].holder == "Angela Whitfield"
    assert g.posts[g.node("hps-chief-of-staff")].holder is None
    assert [g.id_of(s) for s, _ in g.secondary[g.node("hps-cio")]] == ["hps-coo"]
    assert g.node("hps-coo") not in g.secondary
    cio = g.record(g.node("hps-cio"))
    assert (cio.org, cio.prov.where()) == ("hps", f"{PLAN}:30")
    assert g.unit_of(g.node("hps-edtech")) == g.node("hps-information-technology")
    config = ValidateConfig.from_settings(find_settings(ROOT / "orgmodel.toml"))
    checked = review(read_orgfile(HPS), apply(read_orgfile(HPS), read_scenario(PLAN)), config)
    assert [f.code for f in checked.known] == ["R003"]  # the liaison to the City's CIO
    # the COO's posting still says the COO supervises Educational Technology, whose
    # director now reports to the new CIO: two heads, neither above the other
    assert [(f.code, f.subjects) for f in checked.new] == [
        ("U002", ("hps-edtech", "hps-coo", "hps-director-edtech"))
    ]


def test_references_by_name_in_a_hand_written_base_still_move() -> None:
    base = "organizations:\n  - name: Acme\n    posts:\n" \
           "      - {title: General Manager, root: true}\n" \
           "      - {title: Finance Director, reports_to: General Manager}\n" \
           "      - {title: Controller, reports_to: Finance Director}\n"  # fmt: skip
    g = run("  - remove: Finance Director\n", base)
    assert ids(g, chain(g, g.node("acme/controller"))) == ["acme/general-manager"]


def test_remove_sends_reports_and_units_to_a_named_post() -> None:
    g = run("  - remove: cfo\n    reports_go_to: coo\n")
    assert g.id_of(g.parent[g.node("controller")]) == "coo"
    assert "cfo" not in g.index


def test_remove_drops_dotted_lines_to_the_removed_post() -> None:
    g = run("  - remove: coo\n")
    assert g.node("controller") not in g.secondary
    assert g.id_of(g.parent[g.node("plant-mgr")]) == "gm"


def test_units_merge_split_move_rename_remove() -> None:
    g = run(
        "  - merge_units: [plant, ops]\n    into: plant\n"
        "  - split_unit: fin\n    into:\n"
        "      - {id: budget, name: Budget Office, posts: [analyst]}\n"
        "  - rename_unit: plant\n    name: Water Operations\n"
        "  - move_unit: budget\n    to: plant\n"
    )
    assert "ops" not in g.index
    assert g.title(g.node("plant")) == "Water Operations"
    assert g.unit_of(g.node("coo")) == g.node("plant")
    assert g.unit_of(g.node("analyst")) == g.node("budget")
    assert g.unit_of(g.node("budget")) == g.node("plant")
    assert g.unit_of(g.node("plant")) is None
    g = run("  - remove_unit: fin\n    posts_go_to: ops\n")
    assert g.unit_of(g.node("cfo")) == g.node("ops")


def test_set_changes_and_clears_fields() -> None:
    g = run("  - set: operator\n    fte: 8\n    grade: T1\n  - set: plant-mgr\n    grade: ~\n")
    op, mgr = g.posts[g.node("operator")], g.posts[g.node("plant-mgr")]
    assert (op.fte, op.grade, mgr.grade) == (8.0, "T1", None)


def test_set_heads_replaces_the_units_a_post_heads() -> None:
    g = run(
        "  - set: plant-mgr\n    heads: Treatment Plant\n"
        "  - set: cfo\n    heads: [fin, ops]\n"
        "  - set: coo\n    heads: []\n"
    )
    headed = {g.id_of(p): sorted(g.id_of(u) for u, _ in us) for p, us in g.heads.items()}
    assert headed == {"plant-mgr": ["plant"], "cfo": ["fin", "ops"]}
    kept = next(rel for u, rel in g.heads[g.node("cfo")] if g.id_of(u) == "fin")
    assert kept.prov.where() == "acme.yaml:12"  # a headship it keeps keeps its source
    assert g.heads[g.node("plant-mgr")][0][1].prov.where() == "plan.yaml:2"


def test_links_are_added_retyped_and_removed() -> None:
    g = run(
        "  - add_link: operator\n    to: Budget Analyst\n    type: works_with\n"
        "  - remove_link: cfo\n    from: plant-mgr\n"
        "  - add_link: cfo\n    to: plant-mgr\n    type: advises\n"
        "  - add_link: analyst\n    to: Board of Directors\n"
    )
    links = sorted((g.id_of(s), g.id_of(o), str(r.qualifier)) for s, o, r in g.links)
    assert links == [
        ("analyst", "board", "liaison"),
        ("cfo", "plant-mgr", "advises"),
        ("operator", "analyst", "works_with"),
    ]


def test_remove_names_a_unit_and_points_to_remove_unit() -> None:
    with pytest.raises(SourceError) as info:
        run("  - remove: board\n")
    assert str(info.value) == (
        "plan.yaml:2: remove: 'board' is a unit (Board of Directors, a board), not a post; "
        "use 'remove_unit: board' for a unit"
    )


def test_removing_a_board_sends_its_reports_where_the_edit_says() -> None:
    with pytest.raises(SourceError) as info:  # nowhere to send the General Manager: refused
        run("  - add_dotted: coo\n    to: board\n  - remove_unit: Board of Directors\n")
    assert str(info.value) == (
        "plan.yaml:4: remove_unit: General Manager reports to Board of Directors; say where "
        "those lines go with 'reports_go_to: POST' (or 'reports_go_to: ~' to make them top posts)"
    )
    g = run("  - add_dotted: coo\n    to: board\n  - remove_unit: board\n    reports_go_to: ~\n")
    gm = g.node("gm")
    assert "board" not in g.index and g.parent[gm] == -1 and g.posts[gm].root
    assert g.node("coo") not in g.secondary  # the dotted line to the board went with it
    assert g.resolution.dangling == []
    g = run(
        "  - add: {id: mayor, title: Mayor, root: true}\n"
        "  - remove_unit: board\n    reports_go_to: Mayor\n"
    )
    assert ids(g, chain(g, g.node("gm"))) == ["mayor"]
    g = run(  # a board part of a council: its reports go to the council
        "  - add_unit: {id: council, name: Water Council, kind: council}\n"
        "  - move_unit: board\n    to: council\n"
        "  - remove_unit: board\n"
    )
    assert ids(g, chain(g, g.node("gm"))) == ["council"]
    g = run(
        "  - add_unit: {id: council, name: Water Council, kind: council}\n"
        "  - merge_units: [board]\n    into: council\n"
    )
    assert ids(g, chain(g, g.node("gm"))) == ["council"]


@pytest.mark.parametrize(
    ("edits", "line", "message"),
    [
        ("  - vacate: gm\n  - move: Chief Janitor\n    to: gm\n", 3, "no post or unit matches"),
        ("  - move: gm\n    to: analyst\n", 2,
         "General Manager cannot go under Budget Analyst: Budget Analyst reports (through "
         "Controller, Chief Financial Officer) to General Manager, which would make a cycle"),
        ("  - move: coo\n    to: coo\n", 2, "cannot report to itself"),
        ("  - remove: controller\n  - fill: controller\n    holder: X\n", 3,
         "'controller' was removed by the edit on line 2"),
        ("  - remove: cfo\n    reports_go_to: analyst\n", 2, "which would make a cycle"),
        ("  - add: {id: coo, title: Deputy}\n", 2, "id 'coo' is already taken"),
        ("  - remove_dotted: analyst\n    from: coo\n", 2, "has no dotted line to"),
        ("  - add_dotted: controller\n    to: coo\n", 2, "already has a dotted line"),
        ("  - move: coo\n    to: Operations Division\n", 2, "not a post or a body"),
        ("  - move_unit: ops\n    to: plant\n", 2, "which would make a cycle"),
        ("  - split_unit: fin\n    into:\n      - {name: X, posts: [coo]}\n", 2,
         "Chief Operating Officer is not in Finance Department"),
        ("  - set: coo\n    heads: [ops, Nowhere]\n", 2, "no unit matches 'Nowhere'"),
        ("  - add_link: cfo\n    to: plant-mgr\n", 2,
         "Chief Financial Officer already has a liaison link to Plant Manager"),
        ("  - remove_link: cfo\n    from: plant-mgr\n    type: advises\n", 2,
         "Chief Financial Officer has no advises link to Plant Manager"),
        ("  - add_link: cfo\n    to: cfo\n", 2, "cannot have a link to itself"),
        ("  - remove_unit: board\n    reports_go_to: gm\n", 2,
         "General Manager cannot report to itself"),
        ("  - remove_unit: board\n    reports_go_to: analyst\n", 2, "which would make a cycle"),
        ("  - merge_units: [board]\n    into: fin\n", 2, "General Manager reports to Board of "
         "Directors; merge it into a body (board, council) or move those posts first"),
        ("  - add: {id: mayor, title: Mayor}\n    organization: Hartford\n", 2,
         "no organization matches 'Hartford'; add it first with 'add_organization: NAME'"),
        ("  - add_organization: X\n  - add_organization: x\n", 3,
         "organization id 'x' is already taken by 'X'"),
        ("  - add_organization: Acme Water Authority\n    id: awa\n", 2,
         "organization 'Acme Water Authority' is already there"),
    ],
)  # fmt: skip
def test_refused_edits_name_the_line_and_leave_the_base_alone(
    edits: str, line: int, message: str
) -> None:
    base = parse_orgfile(BASE, "acme.yaml")
    before = copy.deepcopy(base)
    with pytest.raises(SourceError) as info:
        apply(base, parse_scenario("edits:\n" + edits, "plan.yaml"))
    assert info.value.line == line and info.value.path == "plan.yaml"
    assert message in str(info.value)
    assert base == before


def test_a_post_can_report_to_a_board_and_be_added_under_a_new_post() -> None:
    g = run(
        "  - add: {id: ia, title: Internal Auditor, reports_to: Board of Directors}\n"
        "  - add: {title: Audit Analyst, reports_to: Internal Auditor, holder: Kim}\n"
    )
    assert ids(g, chain(g, g.node("acme/audit-analyst"))) == ["ia", "board"]


def test_apply_cli_writes_nothing_when_an_edit_is_refused(cli: Cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("edits:\n  - move: hps-superintendent\n    to: hps-field-technician\n")
    target = tmp_path / "proposed.yaml"
    result = cli("apply", str(HPS), str(plan), "-o", str(target))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{plan}:2: move: Superintendent of Schools cannot go under" in result.stderr
    assert not target.exists() and list(tmp_path.iterdir()) == [plan]
    target.write_text("keep me")
    assert cli("apply", str(HPS), str(plan), "-o", str(target)).returncode == 2
    assert target.read_text() == "keep me"


def test_apply_cli_writes_the_proposal_which_loads_back(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "proposed.yaml"
    result = cli("apply", str(HPS), str(PLAN), "-o", str(target), "-q")
    assert result.returncode == 0, result.stderr
    assert "applied 12 edit(s)" in result.stdout and "51 posts, 15 units" in result.stdout
    again = read_orgfile(target)
    assert isinstance(again, OrgData) and len(again.posts) == 51
    d = cli("diff", str(target), str(HPS), "-q", "--format", "json", "--exit-code")
    assert d.returncode == 1  # the proposal differs from the base ...
    same = cli("diff", str(target), str(target), "-q", "--exit-code")
    assert same.returncode == 0 and "no changes" in same.stdout  # ... and not from itself


def test_apply_cli_reports_what_the_proposal_brings(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "proposed.yaml"
    result = cli("apply", str(HPS), str(PLAN), "-o", str(target))
    assert result.returncode == 0 and target.exists()  # a new warning: written, exit 0
    assert "U002 [warning] Educational Technology has 2 heads" in result.stderr
    assert "R003" not in result.stderr  # the base's own problem is counted, not shown
    assert "0 new errors, 1 new warning, 0 new info; 1 finding already in the base" in (
        result.stderr
    )
    target.unlink()
    strict = cli("apply", str(HPS), str(PLAN), "-o", str(target), "--strict")
    assert strict.returncode == 1 and not target.exists()
    assert "refused: the proposal brings problems (--strict); nothing written" in strict.stderr


def test_apply_cli_exits_1_on_a_new_error_and_still_writes(cli: Cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "edits:\n  - add: {id: hps-data-analyst, title: Data Analyst,\n"
        "           reports_to: [Chief Operating Officer, Chief Financial Officer]}\n"
    )
    target = tmp_path / "proposed.yaml"
    result = cli("apply", str(HPS), str(plan), "-o", str(target), "--format", "json")
    assert result.returncode == 1 and target.exists()
    got = json.loads(result.stdout)
    assert got["written"] is True and got["validation"]["exit_code"] == 1
    assert [f["code"] for f in got["validation"]["new"]] == ["L001"]
    assert got["validation"]["new"][0]["where"] == f"{plan}:2"


def test_every_kind_of_edit_has_one_handler() -> None:
    tables = [organizations.HANDLERS.keys(), posts.HANDLERS.keys(), units.HANDLERS.keys()]
    assert sum(len(t) for t in tables) == len(set().union(*tables))  # no edit handled twice
    assert set().union(*tables) == set(EDITS.values())


def test_an_added_organization_is_named_by_later_edits_by_name_or_abbreviation() -> None:
    g = run(
        "  - add_organization: City of Hartford\n    id: hfd\n    abbreviation: HFD\n"
        "  - add: {id: mayor, title: Mayor, root: true}\n    organization: HFD\n"
        "  - add: {id: cio, title: CIO, reports_to: mayor}\n    organization: City of Hartford\n"
    )
    assert [g.org_of(g.node(p)) for p in ("mayor", "cio")] == ["hfd", "hfd"]
    assert g.orgs["hfd"].name == "City of Hartford"
