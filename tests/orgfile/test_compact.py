"""Big org files, one post per line: YAML and JSON any tool reads, loaded in bulk with lines."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgmodel.errors import SourceError
from orgmodel.orgfile import lines as orgfile_lines
from orgmodel.orgfile import read as orgfile_read
from orgmodel.orgfile.compact import dump_compact, split_runs
from orgmodel.orgfile.document import org_document
from orgmodel.orgfile.lines import load_with_lines
from orgmodel.orgfile.read import _Builder, _validate, parse_orgfile
from orgmodel.orgfile.write import dump_orgfile
from orgmodel.records import LineKind, OrgData, PostRecord, Prov, Relation, RelKind
from tests.orgfile.test_read_write import _comparable, org_data

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(autouse=True)
def _always_look_for_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(orgfile_lines, "_RUNS_FROM", 0)  # small files take the bulk path too


def _blank(data: OrgData, path: str) -> OrgData:
    """Provenance 'this file, line N' made comparable with the input's ``in.yaml`` lines."""

    def fix(prov: Prov) -> Prov:
        return Prov("in.yaml", line=1) if prov.source == path else prov

    data.posts = [p._replace(prov=fix(p.prov)) for p in data.posts]
    data.units = [u._replace(prov=fix(u.prov)) for u in data.units]
    data.organizations = [o._replace(prov=fix(o.prov)) for o in data.organizations]
    data.relations = [r._replace(prov=fix(r.prov)) for r in data.relations]
    return data


@SETTINGS
@given(org_data(), st.sampled_from(["yaml", "json"]))
def test_the_compact_layout_means_the_same_and_loads_back_whole(data: OrgData, fmt: str) -> None:
    doc = org_document(data)
    text = dump_compact(doc, fmt)
    assert (yaml.safe_load(text) if fmt == "yaml" else json.loads(text)) == doc
    path = f"out.{fmt}"
    back = parse_orgfile(text, path)
    assert _comparable(_blank(back, path)) == _comparable(data)


@SETTINGS
@given(org_data(), st.sampled_from(["yaml", "json"]))
def test_each_post_keeps_the_line_it_is_written_on(data: OrgData, fmt: str) -> None:
    text = dump_compact(org_document(data), fmt)
    skeleton, _ = split_runs(text, fmt)
    assert skeleton.count("\n") == text.count("\n")
    lines = text.splitlines()
    for post in parse_orgfile(text, f"out.{fmt}").posts:
        if post.prov.source == f"out.{fmt}" and post.prov.line is not None:
            line = lines[post.prov.line - 1]  # the line the post starts on, one-line or not
            assert post.id in line or json.dumps(post.id)[1:-1] in line
            assert line.lstrip().startswith(("- {", "{", "- id:", "id:"))


def test_a_big_file_is_written_one_post_per_line() -> None:
    data = OrgData(posts=[PostRecord(f"p{i}", f"Post {i}") for i in range(10_000)])
    text = dump_orgfile(data, "yaml")
    assert text.splitlines()[:3] == [
        "orgmodel: 1",
        "posts:",
        '- {"id": "p0", "title": "Post 0"}',
    ]
    assert len(text.splitlines()) == 10_002


@pytest.mark.parametrize(
    "line",
    [
        '  - {"id": "a", "title": "T", "fte": 1e-05}',  # YAML 1.1 reads 1e-05 as a string
        '  - {"id": "a", "title": "\\ud83d\\ude00"}',  # a surrogate pair YAML reads as two
    ],
)
def test_lines_yaml_would_read_otherwise_stay_yaml(line: str) -> None:
    text = f"posts:\n{line}\n{line.replace('a', 'b', 1)}\n"
    skeleton, runs = split_runs(text, "yaml")
    assert runs == [] and skeleton == text
    try:
        meant = yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:  # libyaml refuses the escape: so does orgmodel, with its line
        with pytest.raises(SourceError, match=r"x\.yaml:2:\d+: invalid YAML"):
            load_with_lines(text, "x.yaml")
        return
    raw, _ = load_with_lines(text, "x.yaml")
    assert raw == meant


def test_a_run_inside_a_block_scalar_is_text_not_posts() -> None:
    text = (
        "organizations:\n- name: X\n  abbreviation: |\n    posts:\n"
        '    - {"title": "A"}\n    - {"title": "B"}\n'
    )
    raw, _ = load_with_lines(text, "x.yaml")
    assert raw == yaml.safe_load(text)


PLAIN = st.fixed_dictionaries(
    {"title": st.sampled_from(["Mayor", "City Clerk"])},
    optional={
        "id": st.sampled_from(["a", "", None, 3]),
        "holder": st.sampled_from(["Ana", "", 5, None]),
        "fte": st.sampled_from([1, 0.5, "0.5", -1, True, None, float("inf")]),
        "root": st.sampled_from([True, False, "yes", 1]),
        "reports_to": st.sampled_from(["a", ["a", "b"], [], None, [{"to": "a"}], 7]),
        "secondary": st.sampled_from(["b", ["b"], {"to": "b", "kind": "primary"}]),
        "attributes": st.sampled_from([{"x": "y"}, {}, {"x": 1}, None]),
        "source": st.sampled_from(
            [{"file": "hr.csv", "line": 3}, {"line": 0}, {"start": 0, "end": 4}, {"cue": 3}, {}]
        ),
        "heads": st.sampled_from(["u", []]),
        "ignore": st.sampled_from(["S002", []]),
    },
)


@SETTINGS
@given(st.lists(PLAIN, min_size=1, max_size=4))
def test_plain_posts_are_read_as_the_schema_reads_them(posts: list[dict[str, Any]]) -> None:
    raw = {"organizations": [{"id": "o", "name": "O", "posts": posts}], "units": [{"name": "u"}]}
    lines: dict[tuple[str | int, ...], int] = {
        ("organizations", 0, "posts", k): k + 10 for k in range(len(posts))
    }
    try:
        expected = _Builder("in.yaml", lines).build(_validate(raw, "in.yaml", lines))
    except SourceError:  # the schema refuses it: the bulk path hands it back for the message
        with contextlib.suppress(SourceError):  # or refuses it itself (a repeated id)
            assert _Builder("in.yaml", lines).build_raw(raw) is None
        return
    fast = _Builder("in.yaml", lines).build_raw(raw)
    assert fast is not None
    assert (fast.posts, fast.relations, fast.units) == (
        expected.posts,
        expected.relations,
        expected.units,
    )


@SETTINGS
@given(org_data(), st.sampled_from(["yaml", "json"]))
def test_posts_read_column_wise_are_the_posts_read_one_by_one(data: OrgData, fmt: str) -> None:
    text = dump_compact(org_document(data), fmt)
    one_by_one = parse_orgfile(text, f"out.{fmt}")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(orgfile_read, "_BLOCK_FROM", 1)  # every list of posts that can be, a block
        column_wise = parse_orgfile(text, f"out.{fmt}")
    assert column_wise == one_by_one


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@pytest.mark.parametrize("size", [1_500, 10_500])  # the block layout, and one post a line
def test_a_converted_table_is_read_back_as_one_block(fmt: str, size: int) -> None:
    posts = [
        PostRecord(f"E{i}", f"Clerk {i}", holder=f"Person {i}", fte=1, root=i == 0,
                   prov=Prov("hr.csv", i + 2))
        for i in range(size)
    ]  # fmt: skip
    lines = [
        Relation(RelKind.REPORTS_TO, f"E{i}", f"E{i // 5}", LineKind.PRIMARY, prov=posts[i].prov)
        for i in range(1, size)
    ]
    dotted = [Relation(RelKind.REPORTS_TO, "E7", "E3", LineKind.SECONDARY, prov=posts[7].prov)]
    data = OrgData(posts=posts, relations=[*lines, *dotted])
    text = dump_orgfile(data, fmt)
    assert (text.count("\n") < size * 3) is (size >= 10_000)  # one line a post, or a block each
    back = parse_orgfile(text, f"out.{fmt}")
    assert repr(back).endswith("1 blocks)")  # no record per post
    assert (back.posts, back.relations) == (data.posts, data.relations)  # each with its line
