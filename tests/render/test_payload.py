"""The JSON the HTML chart carries: the chart's tree, fields, lines and opening state."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from orgmodel.names.lookup import find
from orgmodel.render import ChartOptions
from orgmodel.render.chart import BoxKind
from orgmodel.render.payload import FLAGS, KINDS, payload, script_json
from orgmodel.render.selection import select
from orgmodel.sources.load import load_graph
from tests.conftest import ROOT


def _sample(**options: Any) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    graph = load_graph([ROOT / "data"])
    chosen = ChartOptions(max_posts=50_000, **options)
    data = payload(select(graph, chosen), chosen)
    return data, data["nodes"]


def test_every_box_once_superiors_first() -> None:
    graph = load_graph([ROOT / "data"])
    chart = select(graph, ChartOptions(max_posts=50_000))
    data = payload(chart, ChartOptions(max_posts=50_000))
    nodes = data["nodes"]
    assert len(nodes["id"]) == len(chart.boxes) == 121  # 120 posts and the board
    assert all(sup < i for i, sup in enumerate(nodes["parent"]))
    coo, supt = nodes["id"].index("hps-coo"), nodes["id"].index("hps-superintendent")
    dsaf = nodes["id"].index("hps-deputy-admin-finance")
    assert nodes["parent"][coo] == dsaf and nodes["parent"][dsaf] == supt
    assert [k for k in nodes["kind"] if k != KINDS[BoxKind.POST]] == [KINDS[BoxKind.BODY]]
    assert len(set(nodes["id"])) == len(nodes["id"])


def test_fields_say_what_the_static_charts_say() -> None:
    _, nodes = _sample()
    at = {ident: i for i, ident in enumerate(nodes["id"])}
    coo = at["hps-coo"]
    assert nodes["title"][coo] == "Chief Operating Officer"
    assert nodes["header"][coo] == "Operations Division"  # the unit it heads, as a band
    assert nodes["flags"][coo] & FLAGS["vacant"]
    assert nodes["src"][coo] == "hartford-public-schools.yaml:141"
    clerk = at["100418"]
    assert nodes["holder"][clerk] == "Margaret Lindqvist" and not nodes["flags"][clerk] & 2
    board = nodes["kind"].index(KINDS[BoxKind.BODY])
    assert nodes["header"][board] == "BOARD" and nodes["holder"][board] is None
    assistants = {nodes["title"][i] for i, f in enumerate(nodes["flags"]) if f & FLAGS["assistant"]}
    assert "Executive Assistant to the City Clerk" in assistants
    assert "Chief Assistant City Clerk" not in assistants
    inferred = {nodes["id"][i] for i, f in enumerate(nodes["flags"]) if f & FLAGS["inferred"]}
    assert "city-of-new-haven/analysts" in inferred  # named only by a posting
    faint = {nodes["id"][i] for i, f in enumerate(nodes["flags"]) if f & FLAGS["line_inferred"]}
    assert "nyc-first-deputy-mayor" in faint and not faint & inferred


def test_dotted_and_second_lines() -> None:
    data, nodes = _sample()
    at = {ident: i for i, ident in enumerate(nodes["id"])}
    lines = data["side"]
    assert isinstance(lines, list)
    side = {(nodes["id"][a], nodes["id"][b]): (sec, inf) for a, b, sec, inf in lines}
    assert side[("hps-superintendent", "hps-coo")] == (1, 0)  # the COO's dotted line
    second = [sup for (sup, sub), (sec, _) in side.items() if sub == "hps-director-transportation"]
    assert second and all(side[(s, "hps-director-transportation")][0] == 0 for s in second)
    assert all(nodes["parent"][at[sub]] != at[sup] for sup, sub in side)  # not the tree's line


def test_the_page_opens_a_screenful_and_the_highlighted_chain() -> None:
    data, nodes = _sample()
    opened = set(data["open"])
    shown = [i for i, sup in enumerate(nodes["parent"]) if sup < 0 or sup in opened]
    assert 30 <= len(shown) <= 60
    graph = load_graph([ROOT / "data"])
    post = find(graph, "Hartford Public Schools: Director of Transportation", units=False)
    data, nodes = _sample(highlight=post)
    mark = data["highlight"]
    assert isinstance(mark, int) and nodes["id"][mark] == "hps-director-transportation"
    node = nodes["parent"][mark]
    while isinstance(node, int) and node >= 0:  # its chain is open, so it is on the chart
        assert node in data["open"]
        node = nodes["parent"][node]


@given(st.text())
def test_script_json_round_trips_and_cannot_close_the_script(text: str) -> None:
    out = script_json({"t": text})
    assert json.loads(out) == {"t": text}
    assert "<" not in out and ">" not in out and "&" not in out
