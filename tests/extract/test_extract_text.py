"""Posting files: front matter, HTML, and files that cannot be postings."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgmodel.errors import SourceError
from orgmodel.extract import extract_file, read_posting
from orgmodel.extract.text import html_to_text, split_front_matter


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_front_matter_goes_to_meta_and_offsets_stay_true(tmp_path: Path) -> None:
    text = "---\ntitle: Clerk II\nid: 17\ndate: 2024-03-01\n---\nReports to: Mayor\n"
    posting = read_posting(write(tmp_path, "p.md", text))
    assert posting.meta == {"title": "Clerk II", "id": "17", "date": "2024-03-01"}
    assert posting.text == "Reports to: Mayor\n"
    assert text[posting.body_offset :] == posting.text
    assert posting.source.endswith("p.md")


def test_without_front_matter_the_whole_file_is_the_body(tmp_path: Path) -> None:
    posting = read_posting(write(tmp_path, "p.txt", "---- Reports to: Mayor\n"))
    assert posting.meta == {} and posting.body_offset == 0


def test_front_matter_wins_over_extraction(tmp_path: Path) -> None:
    text = "---\ntitle: Senior Clerk\norganization: Town of Elm\n---\nJob Title: Clerk\n"
    ex = extract_file(write(tmp_path, "p.md", text))
    assert (ex.title, ex.organization) == ("Senior Clerk", "Town of Elm")


def test_bad_yaml_is_a_source_error_with_a_line(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as err:
        read_posting(write(tmp_path, "p.md", "---\ntitle: [unclosed\n---\nbody\n"))
    assert err.value.line is not None and "YAML" in err.value.message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: Clerk\nbody without end\n", "never closed"),
        ("---\n- a\n- b\n---\nbody\n", "mapping"),
    ],
)
def test_front_matter_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        split_front_matter(text, "p.md")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", "", "empty"),
        ("blank.txt", "  \n\n", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("undecodable.txt", b"Caf\x81 Manager \x8d", "neither UTF-8 nor Windows-1252"),
    ],
)
def test_files_that_are_not_postings(
    tmp_path: Path, name: str, data: str | bytes, message: str
) -> None:
    with pytest.raises(SourceError, match=message) as err:
        read_posting(write(tmp_path, name, data))
    assert str(err.value).startswith(str(tmp_path / name))


def test_windows_1252_text_is_read(tmp_path: Path) -> None:
    data = "Job Title: Caf\xe9 Manager \u2013 Food Services\n".encode("cp1252")
    posting = read_posting(write(tmp_path, "cafe.txt", data))
    assert posting.text.startswith("Job Title: Caf\xe9 Manager \u2013 Food")


def test_missing_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read"):
        read_posting(tmp_path / "nope.txt")


def test_utf8_bom_and_utf16_are_read(tmp_path: Path) -> None:
    assert read_posting(write(tmp_path, "a.txt", "\ufeffReports to: Mayor".encode())).text == (
        "Reports to: Mayor"
    )
    assert read_posting(write(tmp_path, "b.txt", "Reports to: Mayor".encode("utf-16"))).text == (
        "Reports to: Mayor"
    )


def test_html_drops_scripts_styles_and_head() -> None:
    html = (
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<script>var reportsTo = 'x';</script><h1>Clerk</h1><p>Reports&nbsp;to the "
        "<b>City&nbsp;Manager</b> &amp; Council.</p></body></html>"
    )
    text = html_to_text(html)
    assert "var" not in text and "p{}" not in text and "T\n" not in text
    assert text.splitlines()[0] == "Clerk"
    assert "Reports to the City Manager & Council." in text


def test_html_tables_become_label_value_lines_and_lists_become_bullets() -> None:
    html = (
        "<table><tr><td>Reports To</td><td>Chief Nurse</td></tr>"
        "<tr><th>A</th><td>B</td><td>C</td></tr></table><ul><li>One</li><li>Two</li></ul>"
    )
    lines = html_to_text(html).splitlines()
    assert "Reports To: Chief Nurse" in lines
    assert "A | B | C" in lines
    assert [line for line in lines if line.startswith("- ")] == ["- One", "- Two"]


def test_html_file_with_declared_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 Manager</p></body></html>'
    )
    path = write(tmp_path, "p.html", page.encode("cp1252"))
    assert read_posting(path).text == "Café Manager"


def test_html_without_text_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no readable text"):
        read_posting(write(tmp_path, "p.htm", "<html><script>x()</script></html>"))


def test_front_matter_that_is_no_yaml_is_one_line_at_its_line() -> None:
    text = "---\nrole: Clerk\ntitle: [unclosed\n---\nReports to: Mayor\n"
    with pytest.raises(SourceError) as caught:
        split_front_matter(text, "fm.md")
    message = str(caught.value)
    assert message.startswith("fm.md:3: front matter is not valid YAML: ")
    assert "\n" not in message and "<unicode string>" not in message
