"""Snapshots of a time-series table: FILE#LABEL, FILE#COLUMN=LABEL, FILE#LABEL@N, the listing."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from orgmodel.config import Settings
from orgmodel.diff.changes import compare
from orgmodel.errors import SourceError
from orgmodel.readers.snapshots import list_snapshots, parse_spec, series_order
from orgmodel.sources.load import load_data, load_graph
from tests.conftest import REALDATA, needs_realdata

Write = Callable[[str, str | bytes], Path]

HR = """As Of,id,title,manager,department
2024-06-30,1,City Manager,,Executive
2024-06-30,2,City Clerk,1,"Clerk's
Office"
2025-06-30,1,City Manager,,Executive
2025-06-30,3,Budget Director,1,Finance
2024-06-30,4,Deputy Clerk,2,Clerk's Office
"""


def test_a_snapshot_keeps_the_lines_of_the_real_file(write: Write) -> None:
    path = write("hr.csv", HR)
    data = load_data([f"{path}#2024-06-30"], settings=Settings())
    lines = {p.id: p.prov.where() for p in data.posts}
    assert lines == {"1": f"{path}:2", "2": f"{path}:3", "4": f"{path}:7"}  # 3-4: one record
    assert data.sources == [f"{path}#2024-06-30"]
    graph = load_graph([f"{path}#2025-06-30"], settings=Settings())
    assert sorted(graph.column("id")) == ["1", "3"]
    assert graph.id_of(graph.parent[graph.node("3")]) == "1"


def test_the_column_can_be_named_and_labels_match_without_case(write: Write) -> None:
    path = write("hr.csv", HR.replace("As Of", "Period"))
    with pytest.raises(SourceError, match="no snapshot column"):
        load_data([f"{path}#2025-06-30"], settings=Settings())
    data = load_data([f"{path}#period=2025-06-30"], settings=Settings())
    assert [p.id for p in data.posts] == ["1", "3"]
    labels = write("labels.csv", "snapshot,id,title,manager\nDraft A,1,Mayor,\nFinal,1,Mayor,\n")
    assert [p.title for p in load_data([f"{labels}#draft a"], settings=Settings()).posts] == [
        "Mayor"
    ]


def test_listing_a_file_without_snapshots_hints_at_the_options_not_at_hash(
    write: Write, tmp_path: Path
) -> None:
    path = write("hr.csv", HR.replace("As Of", "Period"))
    with pytest.raises(SourceError) as caught:
        list_snapshots(path)
    message = str(caught.value)
    assert "--column NAME" in message and "--snapshot-column NAME" in message
    assert "#" not in message
    org = write("org.yaml", "organizations: []\n")
    for where, what in ((tmp_path, "is a folder"), (org, "is a .yaml file")):
        with pytest.raises(SourceError) as caught:
            list_snapshots(where)
        assert what in str(caught.value) and "#" not in str(caught.value)
    with pytest.raises(SourceError, match=r"is a \.yaml file: .* \(drop the #\.\.\."):
        load_data([f"{org}#2024"], settings=Settings())


def test_an_unknown_label_lists_the_snapshots(write: Write) -> None:
    path = write("hr.csv", HR)
    with pytest.raises(SourceError) as caught:
        load_data([f"{path}#2023-06-30"], settings=Settings())
    message = str(caught.value)
    assert "has no snapshot '2023-06-30' in column 'As Of'" in message
    assert "2024-06-30 (3 rows), 2025-06-30 (2 rows)" in message


def test_a_file_read_whole_says_it_holds_several_snapshots(write: Write) -> None:
    path = write("hr.csv", HR)
    graph = load_graph([path], settings=Settings())
    (issue,) = [i for i in graph.issues if i.code == "several-snapshots"]
    assert "holds 2 snapshots in column 'As Of'" in issue.message
    assert "read one with hr.csv#2025-06-30" in issue.message


def test_runs_of_one_label_are_flagged_and_can_be_read_alone(write: Write) -> None:
    path = write("hr.csv", HR)
    table = list_snapshots(path)
    first = table.snapshots[0]
    assert (first.label, first.rows, first.runs) == ("2024-06-30", 3, ((2, 3), (7, 7)))
    data = load_data([f"{path}#2024-06-30"], settings=Settings())
    (issue,) = [i for i in data.issues if i.code == "snapshot-runs"]
    assert "comes in 2 separate runs of rows (lines 2-3, 7)" in issue.message
    second = load_data([f"{path}#2024-06-30@2"], settings=Settings())
    assert [p.id for p in second.posts] == ["4"] and not second.issues
    with pytest.raises(SourceError, match="there is no run 3"):
        load_data([f"{path}#2024-06-30@3"], settings=Settings())


def test_series_order_is_by_date_when_every_label_is_one() -> None:
    assert series_order(["Sep-12", "Mar-11", "Mar-12"]) == (["Mar-11", "Mar-12", "Sep-12"], True)
    assert series_order(["31/03/2012", "30/09/2011"]) == (["30/09/2011", "31/03/2012"], True)
    assert series_order(["v2", "v1", "2024"]) == (["v2", "v1", "2024"], False)


def test_specs_are_paths_first(write: Write, tmp_path: Path) -> None:
    odd = write("odd#name.csv", "id,title,manager\n1,Mayor,\n")
    assert parse_spec(odd).label is None  # the file exists: the '#' is part of its name
    assert parse_spec(f"{odd}#2024") == parse_spec(f"{odd}#2024")
    assert parse_spec(f"{odd}#2024").label == "2024"
    yaml = write("org.yaml", "organizations: []\n")
    with pytest.raises(SourceError, match="only be selected in CSV files"):
        load_data([f"{yaml}#2024"], settings=Settings())
    with pytest.raises(SourceError, match="not found"):
        load_data([f"{tmp_path / 'missing.csv'}#2024"], settings=Settings())


IFG = REALDATA / "uk-organograms-ifg-dft-timeseries" / "dft.csv"
UK = REALDATA / "uk-organograms"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@needs_realdata
def test_the_ifg_file_lists_nine_snapshots_in_date_order() -> None:
    table = list_snapshots(IFG)
    assert table.column == "Back to Index" and table.by_date
    assert table.labels() == [
        "Mar-11", "Sep-11", "Mar-12", "Sep-12", "Mar-14", "Mar-15", "Sep-15", "Mar-16", "Sep-16",
    ]  # fmt: skip
    counts = Counter(r["Back to Index"] for r in _rows(IFG))
    assert {s.label: s.rows for s in table.snapshots} == counts
    assert [len(s.runs) for s in table.snapshots] == [1, 1, 1, 2, 1, 1, 1, 1, 1]


@needs_realdata
@pytest.mark.parametrize(("label", "date"), [("Mar-11", "2011-03-31"), ("Sep-11", "2011-09-30")])
def test_ifg_snapshots_agree_with_the_department_files(label: str, date: str) -> None:
    """SOURCE.md: the IfG's Mar-11 and Sep-11 are the same returns as the data.gov.uk files."""
    files = [UK / f"department_for_transport-{date}-{kind}.csv" for kind in ("senior", "junior")]
    ifg = load_graph([f"{IFG}#{label}"], settings=Settings())
    dgu = load_graph(files, settings=Settings())
    assert not compare(dgu, ifg).changes
    # and independently, from the CSV text: the same senior posts, lines and holders ...
    rows = [r for r in _rows(IFG) if r["Back to Index"] == label]
    fields = (
        "Post Unique Reference",
        "Job Title",
        "Reports to Senior Post",
        "Grade (or equivalent)",
    )
    senior = {tuple(r[f].strip() for f in fields) for r in rows if r["Seniority"] == "Senior"}
    assert senior == {tuple(r[f].strip() for f in fields) for r in _rows(files[0])}
    # ... and the same junior rows (senior post, grade, title, FTE)
    junior = Counter(
        (r["Reports to Senior Post"], r["Grade (or equivalent)"], r["Job Title"], float(r["FTE"]))
        for r in rows
        if r["Seniority"] == "Junior"
    )
    dgu_junior = Counter(
        (
            r["Reporting Senior Post"],
            r["Grade"],
            r["Generic Job Title"],
            float(r["Number of Posts in FTE"]),
        )
        for r in _rows(files[1])
    )
    assert junior == dgu_junior and sum(junior.values()) == ifg.post_count - len(senior)
