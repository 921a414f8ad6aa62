"""The UK organogram format, on a small written sample and on the real DfT files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from orgmodel.graph import OrgGraph, queries
from orgmodel.readers import detect_format, load_sources
from orgmodel.readers.organogram import read_organogram
from tests.conftest import REALDATA, needs_realdata

SENIOR = (
    '"Post Unique Reference","Name","Grade (or equivalent)","Job Title","Job/Team Function",'
    '"Parent Department","Organisation","Unit","Reports to Senior Post","FTE",""\n'
    '"1","A Person","SCS4","Permanent Secretary","Leads","Dept X","Dept X","Office","XX","1",""\n'
    '"2","Vacant","SCS2","Director Finance","Money","Dept X","Dept X","Finance","1","1",""\n'
    '"3","N/D","SCS1","Deputy Director Audit","Audit","Dept X","Dept X","Finance","2","1",""\n'
    '"4","B Person","SCS1","Deputy Director Self","Loops","Dept X","Dept X","Finance","4","1",""\n'
)
JUNIOR = (
    '"Parent Department","Organisation","Unit","Reporting Senior Post","Grade",'
    '"Generic Job Title","Number of Posts in FTE"\n'
    '"Dept X","Dept X","Finance","3","EO","Auditor","4.5"\n'
    '"Dept X","Dept X","Finance","3","EO","Auditor","1"\n'
    '"Dept X","Dept X","Finance","2","HEO","Accountant","2"\n'
)


def test_senior_and_junior(write: Callable[[str, str], Path], tmp_path: Path) -> None:
    write("x-senior.csv", SENIOR)
    write("x-junior.csv", JUNIOR)
    assert detect_format(tmp_path / "x-senior.csv") == "organogram"
    graph = OrgGraph(load_sources([tmp_path]))
    assert graph.post_count == 7
    top = graph.node("1")
    assert graph.posts[top].root and graph.roots[0] == top
    assert graph.posts[graph.node("2")].attributes == {
        "status": "vacant",
        "function": "Money",
        "parent_department": "Dept X",
    }
    attributes = graph.posts[graph.node("3")].attributes
    assert attributes is not None and attributes["status"] == "undisclosed"
    juniors = [n for n, _ in queries.reports(graph, graph.node("3"))]
    assert [graph.posts[n].fte for n in juniors] == [4.5, 1.0]
    assert len({graph.id_of(n) for n in juniors}) == 2  # same grade and title: distinct ids
    self_loop = graph.node("4")
    assert graph.parent[self_loop] == self_loop
    assert queries.stats(graph).fte == 11.5


@needs_realdata
def test_dft_2011_03_senior_and_junior() -> None:
    folder = REALDATA / "uk-organograms"
    graph = OrgGraph(
        load_sources(
            [
                folder / "department_for_transport-2011-03-31-senior.csv",
                folder / "department_for_transport-2011-03-31-junior.csv",
            ]
        )
    )
    stats = queries.stats(graph)
    # SOURCE.md: 117 senior rows, 1 root, depth 3; 502 junior rows, 1880.9 FTE, all resolve
    assert stats.posts == 117 + 502
    assert [graph.id_of(r) for r in graph.roots] == ["1"]
    assert not graph.resolution.dangling and not graph.duplicates
    senior_depth = max(graph.depth[i] for i in range(graph.post_count) if graph.is_post(i)
                       and not (graph.posts[i].attributes or {}).get("aggregate"))  # fmt: skip
    assert senior_depth == 3
    junior_fte = sum(p.fte or 0 for p in graph.posts if (p.attributes or {}).get("aggregate"))
    assert round(junior_fte, 1) == 1880.9
    general_counsel = graph.node("26")
    assert graph.title(general_counsel)
    assert queries.chain(graph, general_counsel)[-1] == graph.node("1")


@needs_realdata
def test_dfid_2013_self_reports_kept() -> None:
    path = (
        REALDATA / "uk-organograms/department_for_international_development-2013-09-30-senior.csv"
    )
    graph = OrgGraph(read_organogram(path))
    loops = sorted(graph.id_of(i) for i in range(graph.post_count) if graph.parent[i] == i)
    assert loops == ["B130", "B41", "B52"]


COMBINED = (
    "Back to Index,Seniority,Post Unique Reference,Name,Grade (or equivalent),Job Title,"
    "Organisation,Unit,Reports to Senior Post,FTE,Professional/Occupational Group\n"
    "Mar-11,Senior,1,A Person,SCS4,Permanent Secretary,Dept X,Office,xx,1,Policy\n"
    "Mar-11,Senior,3,Eliminated,SCS2,Director Rail,Dept X,Rail,xx,1,\n"
    "Mar-11,Junior,,,EO,Auditor,Dept X,Finance,1,4.5,Finance\n"
    "Mar-11,Junior,,,EO,Auditor,Dept X,Finance,1,1,Finance\n"
    "Mar-11,Junior,,,HEO,,Dept X,Finance,1,two,\n"
)


def test_senior_and_junior_rows_in_one_schema(write: Callable[[str, str], Path]) -> None:
    """The IfG compilation: a Seniority column, junior rows in the senior columns."""
    path = write("dft.csv", COMBINED)
    data = read_organogram(path)
    juniors = [p for p in data.posts if (p.attributes or {}).get("aggregate")]
    assert [(p.id, p.title, p.grade, p.fte) for p in juniors] == [
        ("1/eo/auditor", "Auditor", "EO", 4.5),
        ("1/eo/auditor-2", "Auditor", "EO", 1.0),
        ("1/heo/junior-staff", "Junior staff", "HEO", None),  # the ids a junior file gives
    ]
    assert juniors[0].attributes == {"aggregate": "junior", "profession": "Finance"}
    assert [i.code for i in data.issues] == ["bad-value"]  # 'two' is no FTE
    assert not [i for i in data.issues if i.code == "row-skipped"]  # no junior row is lost
    eliminated = [p for p in data.posts if p.id == "3"]
    assert eliminated[0].root and eliminated[0].attributes == {"status": "eliminated"}


MARKED_HEADER = (
    "Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,"
    "Parent Department,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,"
    "Salary Cost of Reports (£),FTE,Actual Pay Floor (£),Actual Pay Ceiling (£),,"
    "Professional/Occupational Group,Notes,Valid?\n"
)


def _marked_row(ref: str, name: str, title: str, boss: str) -> str:
    return (
        f"{ref},{name},SCS2,{title},Runs things,Department of Examples,Department of Examples,"
        f"Central Unit,0300 000 0000,N/A,{boss},0,1,90000,94999,,Policy,,1\n"
    )


MARKED_MARCH = MARKED_HEADER + "".join(
    _marked_row(*r)
    for r in (
        ("HO1", "Morwenna Tait", "Permanent Secretary", "XX"),
        ("HO2", "Siobhan O'Hare", "Director General Borders", "HO1"),
        ("HO3", "Idris Penhaligon", "Director Legacy Systems", "HO2"),
        ("HO4", "N/D", "Deputy Director Casework", "HO2"),
        ("HO5", "Tomasz Adeyemi", "Deputy Director Estates", "HO2"),
        ("HO6", "Priya Lund", "Director Old Programmes", "XX"),
    )
)
MARKED_SEPTEMBER = MARKED_HEADER + "".join(
    _marked_row(*r)
    for r in (
        ("HO1", "Morwenna Tait", "Permanent Secretary", "XX"),
        ("HO2", "Siobhan O'Hare", "Director General Borders", "HO1"),
        ("HO3", "'Eliminated'", "Director Legacy Systems", "HO2"),
        ("HO4", "'N/D'", "Deputy Director Casework", "HO2"),
        ("HO5", "'Vacant'", "Deputy Director Estates", "HO2"),
        ("HO6", "Eliminated'", "Director Old Programmes", "XX"),
        ("HO7", "VACANT", "Deputy Director Intake", "HO2"),
    )
)


def test_holder_markers_quoted_or_not(write: Callable[[str, str], Path]) -> None:
    from orgmodel.cli.present import node_line
    from orgmodel.diff.changes import ChangeKind, compare
    from orgmodel.render.options import ChartOptions
    from orgmodel.render.selection import select
    from orgmodel.rules.validate import validate

    before = OrgGraph(read_organogram(write("examples-2011-03-31-senior.csv", MARKED_MARCH)))
    after = OrgGraph(read_organogram(write("examples-2011-09-30-senior.csv", MARKED_SEPTEMBER)))
    marked = [(p.id, p.holder, (p.attributes or {}).get("status")) for p in after.posts]
    status = {ident: (holder, s) for ident, holder, s in marked if s}
    assert status == {
        "HO3": (None, "eliminated"), "HO4": (None, "undisclosed"), "HO5": (None, "vacant"),
        "HO6": (None, "eliminated"), "HO7": (None, "vacant"),
    }  # fmt: skip
    assert after.posts[after.node("HO2")].holder == "Siobhan O'Hare"  # an apostrophe in a name
    stats = queries.stats(after)
    assert (stats.vacant, stats.withheld, stats.eliminated) == (2, 1, 2)
    assert "name withheld" in node_line(after, after.node("HO4"))
    boxes = select(after, ChartOptions(max_posts=50)).boxes.values()
    shown = {b.title: b.holder for b in boxes}
    assert shown["Deputy Director Casework"] == "name withheld"
    assert shown["Director Legacy Systems"] == "Eliminated"
    assert shown["Deputy Director Estates"] is None  # drawn as Vacant
    changes = {(c.kind, after.id_of(c.after)) for c in compare(before, after).changes
               if c.after is not None and c.after < after.post_count}  # fmt: skip
    assert (ChangeKind.ELIMINATED, "HO3") in changes and (ChangeKind.ELIMINATED, "HO6") in changes
    assert (ChangeKind.VACATED, "HO5") in changes
    assert not {k for k, p in changes if p == "HO4"}  # a name withheld is no change of holder
    r005 = [f.subjects for f in validate(after).findings if f.code == "R005"]
    assert r005 == [("HO6",)]
