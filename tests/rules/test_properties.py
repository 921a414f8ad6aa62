"""Properties over random org files: a valid tree has no error; one wrong line, one finding."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.graph import OrgGraph
from orgmodel.orgfile.read import parse_orgfile
from orgmodel.rules.report import Severity
from orgmodel.rules.validate import validate

TITLES = ["Director", "Manager", "Analyst", "Clerk", "Engineer", "Officer", "Coordinator"]


@st.composite
def trees(draw: st.DrawFn) -> dict[str, Any]:
    """An org file of one organization: a tree of posts, nested units, heads, dotted lines."""
    n = draw(st.integers(1, 40))
    parents = [None] + [draw(st.integers(0, i - 1)) for i in range(1, n)]
    n_units = draw(st.integers(0, 5))
    units = [
        {
            "id": f"u{j}",
            "name": f"Unit {j}",
            **({"part_of": f"u{draw(st.integers(0, j - 1))}"} if j else {}),
        }
        for j in range(n_units)
    ]
    posts = []
    for i, p in enumerate(parents):
        post: dict[str, Any] = {"id": f"p{i}", "title": f"{draw(st.sampled_from(TITLES))} {i}"}
        if p is None:
            post["root"] = True
        else:
            post["reports_to"] = f"p{p}"
        if draw(st.booleans()):
            post["holder"] = f"Person {i}"
        if bool(units) and draw(st.booleans()):
            post["unit"] = f"u{draw(st.integers(0, n_units - 1))}"
        if p is not None and i > 1 and draw(st.integers(0, 9)) == 0:
            other = draw(st.integers(0, i - 1))
            if other != p:
                post["secondary"] = f"p{other}"
        posts.append(post)
    for j in range(n_units):  # each unit headed by one post (or none)
        if draw(st.booleans()):
            posts[draw(st.integers(0, n - 1))].setdefault("heads", []).append(f"u{j}")
    return {"organizations": [{"name": "Example Agency", "units": units, "posts": posts}]}


def _graph(doc: dict[str, Any]) -> OrgGraph:
    return OrgGraph(parse_orgfile(yaml.safe_dump(doc, sort_keys=False), "org.yaml"))


@settings(max_examples=60, deadline=None)
@given(trees())
def test_a_valid_tree_has_no_error(doc: dict[str, Any]) -> None:
    report = validate(_graph(doc))
    assert report.valid, [f.to_text() for f in report.findings if f.severity is Severity.ERROR]
    assert not {f.code for f in report.findings} & {"R001", "R002", "R003", "L002", "L003", "U003"}


@settings(max_examples=60, deadline=None)
@given(trees(), st.data())
def test_a_line_up_into_the_subtree_makes_one_loop_finding(
    doc: dict[str, Any], data: st.DataObject
) -> None:
    posts = doc["organizations"][0]["posts"]
    # pick a post and point its line at itself or at one of the posts below it
    i = data.draw(st.integers(0, len(posts) - 1))
    below = [i]
    for k, post in enumerate(posts):
        if post.get("reports_to") in {f"p{b}" for b in below}:
            below.append(k)
    target = data.draw(st.sampled_from(below))
    posts[i].pop("root", None)
    posts[i]["reports_to"] = f"p{target}"
    loops = [f for f in validate(_graph(doc)).findings if f.code in {"C001", "C002"}]
    assert len(loops) == 1
    assert loops[0].code == ("C002" if target == i else "C001")
    assert f"p{i}" in loops[0].subjects and f"p{target}" in loops[0].subjects
