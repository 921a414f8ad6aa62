"""Files in a source folder that hold no org data: skipped with a note there, refused named."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from orgmodel.errors import SourceError
from orgmodel.readers import load_sources, read_source
from orgmodel.readers.strays import SKIPPED
from tests.conftest import ROOT, Cli

Write = Callable[[str, str | bytes], Path]

ORG = """\
organizations:
  - name: City of Hartford
    posts: [{id: mayor, title: Mayor, root: true}]
"""
PACKAGE = json.dumps({"name": "x", "version": "1.0.0", "dependencies": {"d3": "^7"}})
NOTES = "Update the chart after the budget vote in June.\n"
POSTING = "Job Title: City Clerk\nReports To: Mayor\n"


def test_stray_files_in_a_folder_are_skipped_with_a_note(write: Write, tmp_path: Path) -> None:
    write("mixed/o2.yaml", ORG)
    write("mixed/package.json", PACKAGE)
    write("mixed/notes.txt", NOTES)
    write("mixed/clerk.md", POSTING)  # a posting: read
    data = load_sources([tmp_path / "mixed"])
    assert sorted(p.title for p in data.posts) == ["City Clerk", "Mayor"]
    notes = {Path(i.prov.source or "").name: i.message for i in data.issues if i.code == SKIPPED}
    assert notes == {
        "notes.txt": "skipped: states no title and no reporting line, so not read as a posting",
        "package.json": "skipped: not an org file nor an org tree: "
        "a JSON object with no 'children' list (nor an id and a name)",
    }


def test_named_directly_json_that_is_no_tree_is_refused(write: Write) -> None:
    with pytest.raises(SourceError, match=r"package.json: is neither an org file nor an org tree"):
        read_source(write("package.json", PACKAGE))
    with pytest.raises(SourceError, match="no recognisable id and manager column"):
        read_source(write("list.json", json.dumps([{"a": 1}])))  # records: says which columns


def test_named_directly_a_text_is_a_posting_even_untitled(write: Write) -> None:
    data = read_source(write("notes.txt", NOTES))
    assert [p.title for p in data.posts] == ["Post described in notes.txt"]
    assert data.issues[0].code == "untitled-posting"  # (F004 says so)


def test_a_folder_of_strays_only_holds_no_org_data(write: Write, tmp_path: Path) -> None:
    write("junk/package.json", PACKAGE)
    write("junk/notes.txt", NOTES)
    with pytest.raises(SourceError) as err:
        load_sources([tmp_path / "junk"])
    assert str(err.value).startswith(f"{tmp_path / 'junk'}: holds no file orgmodel reads as org")
    assert "notes.txt (skipped: states no title" in str(err.value)


@pytest.mark.parametrize("files", [[], ["a.docx", "README.md", ".hidden.csv"]])
def test_a_folder_with_no_readable_file_says_so(
    write: Write, tmp_path: Path, files: list[str]
) -> None:
    (tmp_path / "empty").mkdir()
    for name in files:
        write(f"empty/{name}", "x")
    with pytest.raises(SourceError) as err:
        load_sources([tmp_path / "empty"])
    text = str(err.value)
    assert text.startswith(f"{tmp_path / 'empty'}: holds no file orgmodel reads (.yaml .yml .json")
    message = text.split(": ", 1)[1]
    assert ".csv" in message and ".md" in message and "-s" not in message  # diff has no -s


def test_empty_files_in_a_folder_are_skipped_with_a_note(write: Write, tmp_path: Path) -> None:
    write("hr/org.csv", "id,title,manager\n1,City Clerk,\n2,Deputy City Clerk,1\n")
    write("hr/b.csv", "")
    write("hr/pkg.egg-info/dependency_links.txt", "\n")
    write("hr/node_modules/e.json", "")
    data = load_sources([tmp_path / "hr"])
    assert [p.id for p in data.posts] == ["1", "2"]
    notes = sorted((Path(str(i.prov.source)).name, i.code, i.message) for i in data.issues)
    assert notes == [
        (name, SKIPPED, "skipped: the file is empty")
        for name in ("b.csv", "dependency_links.txt", "e.json")
    ]


def test_an_empty_file_named_itself_is_an_error(write: Write, cli: Cli, tmp_path: Path) -> None:
    write("b.csv", "")
    with pytest.raises(SourceError, match=r"b\.csv:1: is empty"):
        load_sources([tmp_path / "b.csv"])
    result = cli("stats", "-s", "b.csv", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: b.csv") and "Traceback" not in result.stderr


# A diff's JSON output: 'organizations' is a key, but not at the top level (as
# tests/diff/golden/*.json, which made 'orgmodel stats -s .' abort at the repo root).
DIFF_JSON = json.dumps(
    {"before": "a.yaml", "after": "b.yaml", "summary": {"added": 1},
     "by_org": {"organizations": {"hps": {"added": 1}}}, "changes": []}, indent=2,
)  # fmt: skip
MKDOCS = "site_name: Org docs\nnav:\n  - index.md\n"
BROKEN_ORG = "organizations:\n  - name: City of Hartford\n    posts: [{id: mayor, titel: Mayor}]\n"


def test_json_and_yaml_that_are_no_org_files_are_skipped_in_a_folder(
    write: Write, tmp_path: Path
) -> None:
    write("repo/data/o2.yaml", ORG)
    write("repo/tests/golden/diff.json", DIFF_JSON)
    write("repo/tests/golden/diff2.json", DIFF_JSON.replace('"added": 1}', '"orgmodel": 1}', 1))
    write("repo/mkdocs.yml", MKDOCS)
    data = load_sources([tmp_path / "repo"])
    assert [p.title for p in data.posts] == ["Mayor"]
    notes = {Path(i.prov.source or "").name: i.message for i in data.issues}
    assert notes == {
        "diff.json": "skipped: not an org file nor an org tree: "
        "a JSON object with no 'children' list (nor an id and a name)",
        "diff2.json": "skipped: not an org file nor an org tree: "
        "a JSON object with no 'children' list (nor an id and a name)",
        "mkdocs.yml": "skipped: not an org file: no top-level 'organizations:' key",
    }


def test_named_directly_a_yaml_or_json_that_is_no_org_file_is_refused(write: Write) -> None:
    with pytest.raises(SourceError, match="does not fit the org file schema"):
        read_source(write("mkdocs.yml", MKDOCS))
    with pytest.raises(SourceError, match="is neither an org file nor an org tree"):
        read_source(write("diff.json", DIFF_JSON))


def test_an_org_file_with_a_mistake_in_a_folder_is_still_an_error(
    write: Write, tmp_path: Path
) -> None:
    write("data/o2.yaml", ORG)
    write("data/broken.yaml", BROKEN_ORG)
    write("data/broken.json", json.dumps({"orgmodel": 1, "organizations": [{"nme": "X"}]}))
    for name in ("broken.yaml", "broken.json"):
        with pytest.raises(SourceError, match="does not fit the org file schema"):
            load_sources([tmp_path / "data" / "o2.yaml", tmp_path / "data"])
        (tmp_path / "data" / name).unlink()


def test_the_repository_root_loads_with_its_strays_skipped() -> None:
    data = load_sources([ROOT])  # golden JSON, Markdown notes, egg-info: none is fatal
    assert data.post_count > 100
    skipped = {Path(i.prov.source or "").suffix for i in data.issues if i.code == SKIPPED}
    assert ".json" in skipped  # tests/*/golden/*.json: a diff's and the extractor's output
