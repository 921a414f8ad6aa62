"""The combined chart: colours and ghosts by kind of change, escaping, --changed-only."""

from __future__ import annotations

import re

import pytest

from orgmodel.diff import chart
from orgmodel.diff.changes import compare
from orgmodel.errors import UsageError
from tests.diff.helpers import BASE, graph


def _source(after: str, changed_only: bool = False) -> str:
    source: str = chart.diff_chart(
        compare(graph(BASE), graph(after)), changed_only=changed_only
    ).source
    return source


def _node_line(source: str, title: str) -> str:
    return next(line for line in source.splitlines() if f"<B>{title}</B>" in line)


def test_each_kind_of_post_has_its_style_and_a_move_leaves_a_ghost() -> None:
    after = (
        BASE.replace("{id: plant-mgr, title: Plant Manager, reports_to: coo",
                     "{id: plant-mgr, title: Plant Manager, reports_to: gm")
        .replace("{id: analyst, title: Budget Analyst, reports_to: controller, unit: fin}",
                 "{id: clerk, title: Accounts Clerk, reports_to: controller}")
        .replace("title: Plant Operator", "title: Water Operator")
    )  # fmt: skip
    src = _source(after)
    assert chart.STYLE["added"]["color"] in _node_line(src, "Accounts Clerk")
    removed = _node_line(src, "Budget Analyst")
    assert "dashed" in removed and chart.STYLE["removed"]["color"] in removed
    assert chart.STYLE["moved"]["color"] in _node_line(src, "Plant Manager")
    assert "was: Plant Operator" in _node_line(src, "Water Operator")
    assert chart.STYLE["plain"]["color"] in _node_line(src, "Chief Financial Officer")
    ghosts = [line for line in src.splitlines() if "#bdbdbd" in line and "->" in line]
    assert len(ghosts) == 1 and "constraint=false" in ghosts[0]


def test_user_strings_are_escaped() -> None:
    src = _source(BASE.replace("title: Controller", "title: 'Controller <R&D> \"x\"'"))
    assert "Controller &lt;R&amp;D&gt; &quot;x&quot;" in src and "<R&D>" not in src


def test_changed_only_keeps_changed_posts_and_their_chains() -> None:
    after = BASE.replace("title: Budget Analyst", "title: Senior Budget Analyst")
    titles = set(re.findall(r"<B>([^<]+)</B>", _source(after, changed_only=True)))
    assert titles == {
        "Senior Budget Analyst", "Controller", "Chief Financial Officer", "General Manager",
        "Board of Directors",
    }  # fmt: skip


def test_too_many_boxes_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chart, "MAX_NODES", 3)
    with pytest.raises(UsageError, match="--changed-only"):
        _source(BASE)
