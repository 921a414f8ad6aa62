"""The native org file: parsing, clear errors with lines, lossless round trips."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from orgmodel.errors import SourceError, UsageError
from orgmodel.graph import OrgGraph
from orgmodel.orgfile.read import parse_orgfile, read_orgfile
from orgmodel.orgfile.schema import json_schema
from orgmodel.orgfile.write import dump_orgfile, write_orgfile
from orgmodel.records import (
    LineKind,
    LinkType,
    OrgData,
    OrgRecord,
    PostRecord,
    Prov,
    Relation,
    RelKind,
    UnitKind,
    UnitRecord,
)

HAND_WRITTEN = """\
# written by hand, no ids
organizations:
  - name: Hartford Public Schools
    abbreviation: HPS
    units:
      - {name: Board of Education, kind: board}
      - {name: Facilities Department, kind: department}
    posts:
      - title: Superintendent of Schools
        reports_to: Board of Education
      - title: Chief Operating Officer
        abbreviation: COO
        reports_to: Superintendent of Schools
        heads: Facilities Department
        links: [{to: Board of Education, type: advises}]
"""


def test_hand_written_file_derives_ids_and_lines() -> None:
    data = parse_orgfile(HAND_WRITTEN, "hps.yaml")
    assert [o.id for o in data.organizations] == ["hartford-public-schools"]
    assert [p.id for p in data.posts] == [
        "hartford-public-schools/superintendent-of-schools",
        "hartford-public-schools/chief-operating-officer",
    ]
    assert [p.prov.line for p in data.posts] == [9, 11]
    kinds = [(r.kind, r.object, r.qualifier) for r in data.relations]
    assert kinds == [
        (RelKind.REPORTS_TO, "Board of Education", LineKind.PRIMARY),
        (RelKind.REPORTS_TO, "Superintendent of Schools", LineKind.PRIMARY),
        (RelKind.HEADS, "Facilities Department", None),
        (RelKind.LINK, "Board of Education", LinkType.ADVISES),
    ]
    assert data.units[0].kind is UnitKind.BOARD


def test_json_file_reads_the_same(write: Callable[[str, str], Path]) -> None:
    path = write("org.json", '{"organizations": [{"name": "X", "posts": [{"title": "Mayor"}]}]}')
    assert [p.title for p in read_orgfile(path).posts] == ["Mayor"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("organizations:\n  - name: X\n    posts: [\n", "hps.yaml:4:1: invalid YAML"),
        ("- just\n- a list\n", "expected a mapping with 'organizations:'"),
        ("", "is empty"),
        (
            "organizations:\n  - name: X\n    posts:\n      - {id: a}\n",
            "line 4, organizations[0].posts[0].title: Field required",
        ),
        (
            "organizations:\n  - name: X\n    posts:\n      - {title: A, fte: lots}\n",
            "posts[0].fte: Input should be a valid number",
        ),
        (
            "organizations:\n  - name: X\n    posts:\n      - {title: A, colour: red}\n",
            "colour: Extra inputs are not permitted",
        ),
        (
            "organizations:\n  - name: X\n    posts:\n      - {id: a, title: A}\n"
            "      - {id: a, title: B}\n",
            "duplicate id 'a': post on line 5 reuses the id first given on line 4",
        ),
    ],
)
def test_bad_files_say_where_and_what(text: str, expected: str) -> None:
    with pytest.raises(SourceError) as info:
        parse_orgfile(text, "hps.yaml")
    assert expected in str(info.value)


def test_invalid_json_gives_line_and_column() -> None:
    with pytest.raises(SourceError, match=r"org.json:2:\d+: invalid JSON"):
        parse_orgfile('{"organizations": [\n  {"name": }]}', "org.json")


# Characters JSON allows and YAML refuses: a C1 control (a cp1252 dash decoded as
# Latin-1 is U+0096) and U+FFFF. An org file saved as JSON with them did not load back.
C1_TITLE, NONCHAR_TITLE = "Director \x96 Finance", "Clerk \uffff"


def _awkward() -> OrgData:
    prov = Prov("in.yaml", line=1)
    return OrgData(
        [OrgRecord("o", "Städtische Werke \x85 Köln", None, prov)],
        [],
        [
            PostRecord("d", C1_TITLE, "o", root=True, prov=prov),
            PostRecord("c", NONCHAR_TITLE, "o", prov=prov),
        ],
        [Relation(RelKind.REPORTS_TO, "c", "d", LineKind.PRIMARY, prov=prov)],
    )


def test_json_with_characters_yaml_refuses_loads_back_with_its_lines() -> None:
    text = dump_orgfile(_awkward(), "json")
    again = parse_orgfile(text, "out.json")
    assert [p.title for p in again.posts] == [C1_TITLE, NONCHAR_TITLE]
    assert again.organizations[0].name == "Städtische Werke \x85 Köln"
    lines = text.split("\n")  # not splitlines(): it also breaks at U+0085
    for post in again.posts:  # the line of each post is the line its object opens on
        assert post.prov.line is not None and lines[post.prov.line - 1].strip() == "{"
        assert f'"id": "{post.id}"' in lines[post.prov.line]


def test_tab_indented_json_loads_with_lines() -> None:
    text = '{\n\t"organizations": [\n\t\t{"name": "X", "posts": [\n\t\t\t{"title": "Mayor"}]}]}'
    data = parse_orgfile(text, "tabs.json")
    assert [(p.title, p.prov.line) for p in data.posts] == [("Mayor", 4)]


def test_json_that_yaml_cannot_read_at_all_still_loads_without_lines() -> None:
    # PyYAML refuses a key longer than 1,024 characters; JSON does not care
    attrs = {"k" * 1100: "v"}
    doc = {"organizations": [{"name": "X", "posts": [{"title": "Mayor", "attributes": attrs}]}]}
    data = parse_orgfile(json.dumps(doc, indent=2), "long.json")
    assert [(p.title, p.prov.line) for p in data.posts] == [("Mayor", None)]
    assert data.posts[0].attributes == attrs


def test_json_values_come_from_json_not_yaml() -> None:
    # an emoji escaped as JSON writes it by default (a surrogate pair): YAML read two halves
    doc = {"organizations": [{"name": "X", "posts": [{"title": "😀 Team", "fte": 1e0}]}]}
    text = json.dumps(doc)  # ensure_ascii: "\ud83d\ude00 Team"
    post = parse_orgfile(text, "n.json").posts[0]
    assert post.title == "😀 Team" and post.fte == 1.0


@pytest.mark.parametrize("name", ["org.txt", "org.csv", "org"])
def test_an_org_file_is_not_written_under_another_ending(tmp_path: Path, name: str) -> None:
    with pytest.raises(UsageError, match=r"an org file is written as \.yaml, \.yml or \.json"):
        write_orgfile(_awkward(), tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_schema_is_json_schema_of_the_file() -> None:
    schema = json_schema()
    assert schema["title"] == "orgmodel org file"
    assert {"organizations", "posts", "units"} <= set(schema["properties"])
    assert "PostSpec" in schema["$defs"]


# ---------------------------------------------------------------- round trips

ident = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20
).filter(lambda s: s.strip() == s and s != "")
native = st.builds(lambda line: Prov("in.yaml", line=line), st.integers(1, 999))
foreign = st.builds(
    Prov,
    source=st.sampled_from(["postings/coo.md", "hr.csv"]),
    line=st.none() | st.integers(1, 99),
    start=st.none() | st.integers(0, 99),
    end=st.none() | st.integers(0, 99),
    cue=st.none() | text,
    inferred=st.booleans(),
    confidence=st.none() | st.floats(0, 1),
)


@st.composite
def org_data(draw: st.DrawFn) -> OrgData:
    org_ids = draw(st.lists(ident, min_size=1, max_size=3, unique=True))
    orgs = [
        OrgRecord(o, draw(text), draw(st.none() | text), draw(native | foreign)) for o in org_ids
    ]
    ids = draw(st.lists(ident, min_size=1, max_size=12, unique=True))
    unit_ids = [f"u-{i}" for i in ids[: len(ids) // 2]]
    units = [
        UnitRecord(
            u,
            draw(text),
            draw(st.sampled_from(list(UnitKind))),
            draw(st.sampled_from(org_ids)),
            draw(st.none() | st.sampled_from(unit_ids)),
            draw(st.none() | text),
            draw(native | foreign),
        )
        for u in unit_ids
    ]
    posts = []
    rels = []
    for pid in ids:
        prov = draw(native | foreign)
        posts.append(
            PostRecord(
                pid,
                draw(text),
                draw(st.sampled_from(org_ids)),
                draw(st.none() | st.sampled_from(unit_ids)) if unit_ids else None,
                draw(st.none() | text),
                draw(st.none() | text),
                draw(st.none() | text),
                draw(st.none() | st.floats(0, 100, allow_nan=False)),
                draw(st.booleans()),
                draw(st.none() | st.dictionaries(ident, text, min_size=1, max_size=2)),
                prov,
            )
        )
        for _ in range(draw(st.integers(0, 3))):
            kind = draw(st.sampled_from(list(RelKind)))
            qualifier = (
                draw(st.sampled_from(list(LineKind)))
                if kind is RelKind.REPORTS_TO
                else draw(st.sampled_from(list(LinkType)))
                if kind is RelKind.LINK
                else None
            )
            target = draw(st.sampled_from(ids + unit_ids))
            generic = kind is RelKind.REPORTS_TO and draw(st.booleans())
            rels.append(
                Relation(kind, pid, target, qualifier, generic, draw(st.just(prov) | foreign))
            )
    return OrgData(orgs, units, posts, rels)


def _comparable(data: OrgData) -> tuple[object, ...]:
    """Records with 'this org file, line N' provenance blanked: a new file has new lines."""

    def p(prov: Prov) -> Prov:
        return (
            Prov()
            if prov == Prov(prov.source, line=prov.line) and prov.source == "in.yaml"
            else prov
        )

    posts = sorted(x._replace(prov=p(x.prov)) for x in data.posts)
    rels = sorted(
        (r._replace(prov=p(r.prov)) for r in data.relations), key=lambda r: (r.subject, repr(r))
    )
    units = sorted(u._replace(prov=p(u.prov)) for u in data.units)
    orgs = sorted(o._replace(prov=p(o.prov)) for o in data.organizations)
    return orgs, units, posts, rels


def _reload(data: OrgData, fmt: str) -> OrgData:
    out = parse_orgfile(dump_orgfile(data, fmt), f"out.{fmt}")

    def fix(prov: Prov) -> Prov:
        # provenance of the new file is (out.fmt, line); blank it as for the input
        return Prov("in.yaml", line=1) if prov.source == f"out.{fmt}" else prov

    out.posts = [x._replace(prov=fix(x.prov)) for x in out.posts]
    out.units = [x._replace(prov=fix(x.prov)) for x in out.units]
    out.organizations = [x._replace(prov=fix(x.prov)) for x in out.organizations]
    out.relations = [x._replace(prov=fix(x.prov)) for x in out.relations]
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(org_data(), st.sampled_from(["yaml", "json"]))
@example(_awkward(), "json")
@example(_awkward(), "yaml")
def test_save_then_load_loses_nothing(data: OrgData, fmt: str) -> None:
    assert _comparable(_reload(data, fmt)) == _comparable(data)


def test_write_is_atomic_and_readable(tmp_path: Path) -> None:
    data = parse_orgfile(HAND_WRITTEN, "hps.yaml")
    target = tmp_path / "out.yaml"
    write_orgfile(data, target)
    again = read_orgfile(target)
    assert [p.title for p in again.posts] == [p.title for p in data.posts]
    assert list(tmp_path.iterdir()) == [target]


# ---------------------------------------------------------------- ignore: (validation)

IGNORING = """\
organizations:
  - name: City of Hartford
    units:
      - {id: works, name: Public Works, ignore: [several-heads, U001]}
    posts:
      - {id: mayor, title: Mayor, root: true, ignore: S002}
      - {id: clerk, title: City Clerk, attributes: {orgmodel.ignore: R002}, ignore: [O001]}
"""


def test_ignore_lists_are_kept_in_the_records() -> None:
    data = parse_orgfile(IGNORING, "in.yaml")
    assert [(p.attributes or {}).get("orgmodel.ignore") for p in data.posts] == [
        "S002",
        "R002,O001",
    ]
    assert data.unit_ignores == {"works": "several-heads,U001"}
    assert "ignore:" in dump_orgfile(data)


codes = st.lists(st.sampled_from(["S002", "single-report", "U001", "R", "shape"]), max_size=3)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(org_data(), st.data(), st.sampled_from(["yaml", "json"]))
def test_ignore_lists_survive_save_then_load(data: OrgData, draw: st.DataObject, fmt: str) -> None:
    for i, post in enumerate(data.posts):
        picked = draw.draw(codes)
        if picked:
            attrs = {**(post.attributes or {}), "orgmodel.ignore": ",".join(dict.fromkeys(picked))}
            data.posts[i] = post._replace(attributes=attrs)
    for unit in data.units:
        picked = draw.draw(codes)
        if picked:
            data.unit_ignores[unit.id] = ",".join(dict.fromkeys(picked))
    again = _reload(data, fmt)
    assert _comparable(again) == _comparable(data)
    assert again.unit_ignores == data.unit_ignores


def test_a_recursive_alias_is_refused_with_its_place(write: Callable[[str, str], Path]) -> None:
    with pytest.raises(SourceError, match=r"i\.yaml:1: the YAML alias \(\*name\) at a\[0\]"):
        read_orgfile(write("i.yaml", "a: &a [*a]\n"))
    text = (
        "organizations:\n  - name: City\n    posts:\n"
        "      - &p {id: a, title: Mayor, root: true, note: [*p]}\n"
    )
    with pytest.raises(SourceError, match=r"j\.yaml:4: .*posts\[0\]\.note\[0\]"):
        read_orgfile(write("j.yaml", text))


def test_nested_aliases_are_refused_quickly(write: Callable[[str, str], Path]) -> None:
    lines = ["organizations: []", 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = write("lol.yaml", "\n".join(lines) + "\n")  # under 1 KB, ~2.7 billion values
    with pytest.raises(SourceError, match=r"lol\.yaml:3: its aliases \(\*name\) expand to more"):
        read_orgfile(path)


def test_small_anchors_still_expand(write: Callable[[str, str], Path]) -> None:
    text = (
        "organizations:\n  - name: City\n    posts:\n"
        "      - {id: mayor, title: Mayor, root: true}\n"
        "      - {id: clerk, title: City Clerk, reports_to: mayor, grade: &g M2}\n"
        "      - {id: deputy, title: Deputy Clerk, reports_to: clerk, grade: *g}\n"
    )
    data = read_orgfile(write("anchors.yaml", text))
    assert [(p.id, p.grade, p.prov.line) for p in data.posts] == [
        ("mayor", None, 4), ("clerk", "M2", 5), ("deputy", "M2", 6),
    ]  # fmt: skip


_SOURCED = """\
posts:
  - {id: supt, title: Superintendent, root: true}
  - id: coo
    title: COO
    reports_to: [{to: supt, source: {file: postings/coo.md, line: 1}}]
  - id: cfo
    title: CFO
    reports_to: [{to: supt, source: {file: cfo.md, line: 1}}]
  - id: cto
    title: CTO
    reports_to: [{to: supt, source: {file: https://example.org/cto, line: 1}}]
  - id: cio
    title: CIO
    reports_to: [{to: supt, source: {file: gone/cio.md, line: 1}}]
"""


@pytest.fixture
def in_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with data/postings/coo.md and cfo.md in it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data/postings").mkdir(parents=True)
    (tmp_path / "data/postings/coo.md").write_text("REPORTS TO: Superintendent\n")
    (tmp_path / "cfo.md").write_text("REPORTS TO: Superintendent\n")
    return tmp_path


def test_a_source_file_is_relative_to_the_org_file_else_to_the_working_folder(
    in_project: Path,
) -> None:
    data = parse_orgfile(_SOURCED, "data/org.yaml")
    assert {r.subject: r.prov.source for r in data.relations} == {
        "coo": "data/postings/coo.md",  # beside the org file: a path to open from here
        "cfo": "cfo.md",  # only in the working folder: as written (older ingest output)
        "cto": "https://example.org/cto",
        "cio": "gone/cio.md",  # found nowhere: as written
    }


def test_a_saved_org_file_names_its_sources_relative_to_itself(in_project: Path) -> None:
    """Saved in out/, read from anywhere: its source paths still open."""
    write_orgfile(parse_orgfile(_SOURCED, "data/org.yaml"), "out/saved.yaml")
    saved = (in_project / "out/saved.yaml").read_text()
    assert "file: ../data/postings/coo.md" in saved and "file: ../cfo.md" in saved
    assert "file: https://example.org/cto" in saved and "file: gone/cio.md" in saved
    again = parse_orgfile(saved, "out/saved.yaml")
    assert {r.subject: r.prov.source for r in again.relations} == {
        "coo": "data/postings/coo.md",
        "cfo": "cfo.md",
        "cto": "https://example.org/cto",
        "cio": "gone/cio.md",
    }


def test_an_id_repeated_by_another_files_rows_is_kept_for_i001() -> None:
    """Rows of a CSV that repeat an id, saved as an org file, read back as two rows (and a
    unit named again the same way, once); written by hand, a repeated id is refused."""
    text = (
        "organizations:\n  - name: X\n    posts:\n"
        "      - {id: a, title: Clerk, source: {file: hr.csv, line: 2}}\n"
        "      - {id: a, title: Deputy Clerk, reports_to: b, source: {file: hr.csv, line: 3}}\n"
        "      - {id: b, title: Mayor, root: true}\n"
    )
    data = parse_orgfile(text, "org.yaml")
    assert [(p.id, p.title, p.prov.where()) for p in data.posts] == [
        ("a", "Clerk", "hr.csv:2"), ("a", "Deputy Clerk", "hr.csv:3"), ("b", "Mayor", "org.yaml:6")
    ]  # fmt: skip
    graph = OrgGraph(data)
    assert [(k.prov.where(), d.prov.where()) for k, d in graph.duplicates] == [
        ("hr.csv:2", "hr.csv:3")
    ]
    assert graph.parent[graph.node("a")] == -1  # the second row's line is set aside
    with pytest.raises(SourceError, match="duplicate id 'b'"):
        parse_orgfile(text + "      - {id: b, title: Mayor}\n", "org.yaml")
