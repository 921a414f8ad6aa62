"""Ingest: many postings -> one org file that loads back as the same structure."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from orgmodel.config import Settings
from orgmodel.errors import UsageError
from orgmodel.graph import OrgGraph, queries
from orgmodel.orgfile.write import write_orgfile
from orgmodel.sources.ingest import extract_path, ingest, posting_files
from orgmodel.sources.load import load_graph
from tests.conftest import ROOT, Cli

POSTINGS = ROOT / "data" / "postings"

GOOD = """Job Title: Payroll Specialist
Organization: City of Lakeview
Reports To: Payroll Manager

The Payroll Specialist works closely with the Benefits Coordinator.
"""
# Windows-1252: an e-acute and an en dash, as Word saves them
CP1252 = "Job Title: Caf\xe9 Manager \u2013 Food Services\nOrganization: City of Lakeview\n"
CP1252 += "Reports To: Director of Food Services\n"


def graph_of(paths: list[Path]) -> OrgGraph:
    return load_graph(paths, settings=Settings())


def structure(g: OrgGraph) -> dict[str, Any]:
    """Everything that makes the structure, by label (ids and node order may differ)."""

    def label(n: int) -> str:
        return f"{g.org_name(n)}: {g.title(n)}"

    stats = queries.stats(g).to_dict(g)
    stats["widest"] = sorted(w["span"] for w in stats["widest"])
    return {
        "stats": stats,
        "primary": sorted(
            (label(n), label(g.parent[n]) if g.parent[n] >= 0 else "") for n in range(g.post_count)
        ),
        "secondary": sorted((label(n), label(s)) for n, ups in g.secondary.items() for s, _ in ups),
        "heads": sorted((label(p), label(u)) for p, units in g.heads.items() for u, _ in units),
        "inferred": sorted(label(n) for n in range(g.post_count) if g.record(n).prov.inferred),
        "dangling": len(g.resolution.dangling),
    }


def test_the_org_file_loads_back_as_the_structure_of_the_folder(tmp_path: Path) -> None:
    result = ingest([POSTINGS])
    assert result.read == result.files == len(list(POSTINGS.glob("*.md")))
    out = tmp_path / "postings.yaml"
    write_orgfile(result.data, out)
    direct, reloaded = structure(graph_of([POSTINGS])), structure(graph_of([out]))
    assert reloaded == direct
    assert direct["dangling"] == 0
    # the example: the HPS COO posting alone gives its superiors and the five units
    coo = "Hartford Public Schools: Chief Operating Officer"
    deputy = "Hartford Public Schools: Deputy Superintendent for Administration and Finance"
    supt = "Hartford Public Schools: Superintendent of Schools"
    assert (coo, deputy) in direct["primary"]
    assert (coo, supt) in direct["secondary"]
    assert len([u for p, u in direct["heads"] if p == coo]) == 5


def test_each_fact_keeps_its_evidence_in_the_org_file(tmp_path: Path) -> None:
    out = tmp_path / "org.yaml"
    write_orgfile(ingest([POSTINGS / "hps-chief-operating-officer.md"]).data, out)
    doc = yaml.safe_load(out.read_text(encoding="utf-8"))
    posts = {p["title"]: p for o in doc["organizations"] for p in o.get("posts", [])}
    coo = posts["Chief Operating Officer"]
    assert coo["attributes"]["posting"].endswith("hps-chief-operating-officer.md")
    line = coo["reports_to"][0]
    text = (POSTINGS / "hps-chief-operating-officer.md").read_text(encoding="utf-8")
    body = text[text.index("---", 3) + 4 :]  # evidence offsets are into the body
    source = line["source"]
    assert (
        body[source["start"] : source["end"]]
        == "Deputy Superintendent for Administration and Finance"
    )
    assert source["cue"] == "REPORTS TO:"
    assert posts["Superintendent of Schools"]["source"]["inferred"] is True


def test_progress_hears_of_every_file_in_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "README.md").write_text("notes, not a posting", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    seen: list[tuple[str, str | None]] = []

    class Recorder:
        def start(self, total: int) -> None:
            seen.append(("total", str(total)))

        def done(self, path: str, reason: str | None) -> None:
            seen.append((Path(path).name, reason))

    result = ingest([tmp_path, tmp_path / "missing.txt"], progress=Recorder())
    assert seen == [
        ("total", "3"),
        ("missing.txt", "file or folder not found"),
        ("a.txt", "the file is empty"),
        ("b.txt", None),
    ]
    assert (result.files, result.read, len(result.skipped)) == (3, 1, 2)


def test_nothing_to_read_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=f"no postings found in {tmp_path}: "):
        ingest([tmp_path])
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    with pytest.raises(UsageError, match="none of the 1 posting file"):
        ingest([tmp_path])


def test_extract_path_is_a_pure_function_of_the_path(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text(GOOD, encoding="utf-8")
    first, second = extract_path(str(path)), extract_path(str(path))
    assert first == second and first[1] is not None and first[2] is None
    files, missing = posting_files([tmp_path])
    assert files == [path] and missing == []


def test_cli_jobs_2_writes_the_same_file_as_jobs_1(cli: Cli, tmp_path: Path) -> None:
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    first = cli("ingest", str(POSTINGS), "-o", str(one), "--jobs", "1")
    second = cli("ingest", str(POSTINGS), "-o", str(two), "--jobs", "2", "-q")
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert one.read_bytes() == two.read_bytes()
    count = len(list(POSTINGS.glob("*.md")))
    assert f"read {count} of {count} posting files" in first.stdout
    assert "warning:" in first.stderr and "warning:" not in second.stderr
    stats = cli("stats", "-s", str(one), "--format", "json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["posts"] == structure(graph_of([POSTINGS]))["stats"]["posts"]


def test_cli_skips_and_reports_failing_files_and_exits_2(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"%PDF-1.4\x00\x00\x01binary")
    (folder / "empty.md").write_bytes(b"")
    (folder / "cafe.txt").write_bytes(CP1252.encode("cp1252"))
    (folder / "garbled.txt").write_bytes(b"Job Title: Clerk \x81\x8d\n")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    out = tmp_path / "out" / "org.json"
    result = cli("ingest", str(folder), "-o", str(out), "-j", "2", "--format", "json")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    for name, reason in (
        ("scan.txt", "binary"),
        ("empty.md", "empty"),
        ("garbled.txt", "neither UTF-8 nor Windows-1252"),
        ("gone.txt", "cannot read"),
    ):
        line = next(x for x in result.stderr.splitlines() if name in x)
        assert reason in line and "skipped" in line and str(folder) in line
    summary = json.loads(result.stdout)
    assert (summary["files"], summary["read"], len(summary["skipped"])) == (6, 2, 4)
    doc = json.loads(out.read_text(encoding="utf-8"))
    titles = {p["title"] for o in doc["organizations"] for p in o["posts"]}
    assert "Caf\xe9 Manager - Food Services" in titles  # the cp1252 file was read
    others = {"Payroll Specialist", "Payroll Manager", "Director of Food Services"}
    assert others <= titles and "Benefits Coordinator" not in titles  # a link makes no post
    assert summary["posts"] == len(titles) == 4
    assert summary["reporting_lines"] == 2 and summary["links"] == 0
    assert "link (works_with) to 'Benefits Coordinator'" in result.stderr


def test_cli_writes_nothing_when_nothing_can_be_read(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "org.yaml"
    out.write_text("organizations: []\n", encoding="utf-8")
    result = cli("ingest", str(tmp_path), "-o", str(out))
    assert result.returncode == 2
    assert "empty.txt: the file is empty" in result.stderr
    assert "nothing was written" in result.stderr
    assert out.read_text(encoding="utf-8") == "organizations: []\n"


def test_a_skipped_file_says_its_line_once(tmp_path: Path) -> None:
    path = tmp_path / "fm.md"
    path.write_text("---\ntitle: [unclosed\n---\nReports to: Chief Executive\n")
    _, extraction, reason = extract_path(str(path))
    assert extraction is None and reason is not None
    assert reason.startswith("line 2: front matter is not valid YAML: expected ',' or ']'")
    assert str(path) not in reason and "\n" not in reason


def test_an_untitled_posting_is_warned_about_once(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "clerk.txt").write_text(
        "Under general supervision, performs clerical work.\nReports To: Office Manager\n"
    )
    result = cli("ingest", str(tmp_path), "-o", str(tmp_path / "org.yaml"))
    assert result.returncode == 0, result.stderr
    untitled = [x for x in result.stderr.splitlines() if "no title" in x]
    assert untitled == [f"warning: {tmp_path / 'clerk.txt'}: the posting states no title"]
    checked = cli("validate", "-s", str(tmp_path / "clerk.txt"), "-f", "json")
    codes = [f["code"] for f in json.loads(checked.stdout)["findings"]]
    assert codes.count("F004") == 1 and "F009" not in codes  # validate says it once too
