"""Assistant posts: which they are, and how the Graphviz chart hangs them beside the trunk."""

from __future__ import annotations

import re

import pytest

from orgmodel.errors import UsageError
from orgmodel.graph import OrgGraph
from orgmodel.records import LineKind, OrgData, PostRecord, Relation, RelKind
from orgmodel.render import ChartOptions, draw
from orgmodel.render.assistants import recogniser
from orgmodel.render.connectors import plan
from orgmodel.render.selection import select
from orgmodel.sources.load import load_graph
from tests.conftest import ROOT
from tests.render.conftest import SVG, groups, needs_dot, parse_svg

ASSISTANTS = [
    "Executive Assistant to the Chief Operating Officer",
    "Personal Assistant",
    "Administrative Assistant to the Director",
    "Secretary to the Board",
    "PA to the Chief Executive",
    "Special Assistant to the Mayor",
    "Confidential Secretary",
]
IN_THE_LINE = [
    "Assistant Director of Finance",
    "Assistant Corporation Counsel",
    "Chief Assistant City Clerk",
    "Assistant Superintendent",
    "Secretary of State",
    "Teaching Assistant",
    "Paralegal",
]


@pytest.mark.parametrize("title", ASSISTANTS)
def test_assistant_titles(title: str) -> None:
    assert recogniser()(title, None)


@pytest.mark.parametrize("title", IN_THE_LINE)
def test_posts_in_the_line_are_not_assistants(title: str) -> None:
    assert not recogniser()(title, None)


def test_the_attribute_decides_whatever_the_title() -> None:
    recognise = recogniser()
    assert recognise("Scheduler", {"assistant": "Yes"})
    assert not recognise("Executive Assistant", {"assistant": "false"})
    assert recognise("Executive Assistant", {"assistant": "unsure"})  # not a yes or no: the title


def test_a_pattern_of_ones_own() -> None:
    recognise = recogniser(r"\bscheduler\b")
    assert recognise("Chief Scheduler", None) and not recognise("Executive Assistant", None)
    with pytest.raises(UsageError, match="not a regular expression"):
        recogniser("(")


def _org(*titles: str, attrs: dict[str, str] | None = None) -> OrgGraph:
    posts = [PostRecord("boss", "Director", root=True)]
    posts += [PostRecord(f"p{i}", t, attributes=attrs) for i, t in enumerate(titles)]
    rels = [
        Relation(RelKind.REPORTS_TO, f"p{i}", "boss", LineKind.PRIMARY) for i in range(len(titles))
    ]
    return OrgGraph(OrgData(posts=posts, relations=rels))


def test_only_assistants_without_reports_go_beside() -> None:
    graph = _org("Executive Assistant to the Director", "Analyst", "Clerk")
    chart = select(graph, ChartOptions(assistants=True))
    teams = plan(chart, assistants=True)
    boss = chart.roots[0]
    assert [chart.boxes[k].title for k in teams[boss].assistants] == [
        "Executive Assistant to the Director"]  # fmt: skip
    assert plan(chart)[boss].assistants == []  # off unless asked
    posts = [PostRecord("boss", "Director", root=True), PostRecord("ea", "Executive Assistant"),
             PostRecord("x", "Analyst")]  # fmt: skip
    rels = [Relation(RelKind.REPORTS_TO, "ea", "boss", LineKind.PRIMARY),
            Relation(RelKind.REPORTS_TO, "x", "ea", LineKind.PRIMARY)]  # fmt: skip
    chart = select(OrgGraph(OrgData(posts=posts, relations=rels)), ChartOptions(assistants=True))
    assert all(not t.assistants for t in plan(chart, assistants=True).values())  # it has a team


def test_the_dot_hangs_assistants_off_the_trunk_on_the_next_row() -> None:
    graph = load_graph([ROOT / "data/minneapolis-city-clerk.csv"])
    options = ChartOptions(assistants=True, max_posts=100)
    text = draw(graph, options, "dot").content.decode()
    chart = select(graph, options)
    clerk = chart.roots[0]
    assistant = next(k for k, b in chart.boxes.items() if b.title.startswith("Executive Assistant"))
    assert re.search(rf"{{rank=same; {clerk}_a0; {assistant}}}", text)
    assert f"\t{clerk} -> {clerk}_a0 " in text  # the trunk runs through the assistant's row
    assert f"\t{clerk}_a0 -> {clerk}_j " in text or f"\t{clerk}_a0 -> {clerk}_k" in text
    plain = draw(graph, ChartOptions(max_posts=100), "dot").content.decode()
    assert f"{clerk}_a0" not in plain


@needs_dot
def test_two_assistants_sit_either_side_and_every_box_is_drawn() -> None:
    graph = _org("Executive Assistant", "Personal Assistant", "Analyst", "Engineer")
    drawing = draw(graph, ChartOptions(assistants=True), "svg")
    svg = parse_svg(drawing.content)
    boxes = {g.get("id"): g for g in groups(svg, "post")}
    assert len(boxes) == 5

    def centre_x(key: str) -> float:
        points = next(boxes[key].iter(f"{SVG}polygon"))
        xs = [float(p.split(",")[0]) for p in (points.get("points") or "").split()]
        return (min(xs) + max(xs)) / 2

    boss = centre_x("p0")
    assert centre_x("p2") < boss < centre_x("p1")  # the first assistant right, the second left
