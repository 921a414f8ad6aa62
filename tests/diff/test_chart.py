"""The combined chart: colours and ghosts by kind of change, escaping, --changed-only."""

from __future__ import annotations

import re
import shutil

import pytest

from orgmodel.diff import chart
from orgmodel.diff.changes import compare
from orgmodel.errors import UsageError
from tests.conftest import ROOT, needs_realdata
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
    assert chart.PAINT["added"].color in _node_line(src, "Accounts Clerk")
    removed = _node_line(src, "Budget Analyst")
    assert 'STYLE="dashed"' in removed and chart.PAINT["removed"].color in removed
    assert chart.PAINT["moved"].color in _node_line(src, "Plant Manager")
    assert "was: Plant Operator" in _node_line(src, "Water Operator")
    plain = _node_line(src, "Chief Financial Officer")
    assert not any(p.color in plain for p in chart.PAINT.values())
    ghosts = [line for line in src.splitlines() if chart.GHOST in line and "->" in line]
    assert len(ghosts) == 1 and "constraint=false" in ghosts[0]


def test_user_strings_are_escaped() -> None:
    src = _source(BASE.replace("title: Controller", "title: 'Controller <R&D> \"x\"'"))
    assert "Controller &lt;R&amp;D&gt; &quot;x&quot;" in src and "<R&D>" not in src


def test_changed_only_keeps_changed_posts_and_their_chains() -> None:
    after = BASE.replace("title: Budget Analyst", "title: Senior Budget Analyst")
    titles = set(re.findall(r"<B>([^<]+)</B>", _source(after, changed_only=True))) - {"Changes"}
    assert titles == {
        "Senior Budget Analyst", "Controller", "Chief Financial Officer", "General Manager",
        "Board of Directors", "+1 more",  # the COO's branch, folded: unchanged
    }  # fmt: skip


def test_too_many_boxes_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chart, "MAX_NODES", 3)
    with pytest.raises(UsageError, match="--changed-only"):
        _source(BASE)


def _team_of_clerks(n: int) -> str:
    clerks = "".join(
        f"      - {{id: clerk{i}, title: Accounts Clerk {i}, reports_to: controller}}\n"
        for i in range(n)
    )
    return BASE + clerks


def test_a_team_of_added_leaves_is_stacked_as_render_stacks_it() -> None:
    """Twelve new clerks hang in columns off a spine, not in a row twelve boxes wide."""
    src = _source(_team_of_clerks(12))
    clerks = [line for line in src.splitlines() if "<B>Accounts Clerk" in line]
    assert len(clerks) == 12 and all(chart.PAINT["added"].color in c for c in clerks)
    assert "_s0_0" in src  # the renderer's stack spine under the controller
    ranks = [line for line in src.splitlines() if line.strip().startswith("{rank=same")]
    assert max(line.count(";") for line in ranks) <= 3  # at most two boxes beside a spine


def test_max_posts_folds_unchanged_posts_and_counts_changes_it_folds() -> None:
    after = BASE.replace("title: Budget Analyst", "title: Senior Budget Analyst")
    src = chart.diff_chart(compare(graph(BASE), graph(after)), max_posts=5).source
    titles = re.findall(r"<B>([^<]+)</B>", src)
    assert "Senior Budget Analyst" in titles  # the changes and their chains come first
    assert "Plant Manager" not in titles and any(t.startswith("+") for t in titles)
    small = chart.diff_chart(compare(graph(BASE), graph(_team_of_clerks(12))), max_posts=8)
    assert "changed" in small.source and "more" in small.source
    assert small.source.count("<B>Accounts Clerk") < 12  # the changes past the budget fold too


def test_max_posts_below_one_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="max-posts"):
        chart.diff_chart(compare(graph(BASE), graph(BASE)), max_posts=0)


def _svg_size(svg: bytes) -> tuple[float, float]:
    found = re.search(rb'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    assert found is not None
    return float(found[1]), float(found[2])


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")
def test_the_sample_proposal_chart_is_page_shaped() -> None:
    """Review 3: 7118x817 px, the board far to the left of its only report."""
    from orgmodel.planning.proposal import diff_sides
    from orgmodel.sources.load import load_data, load_graph

    base, plan = (
        ROOT / "data/hartford-public-schools.yaml",
        ROOT / "data/proposals/hps-operations-2026.yaml",
    )
    old, new, _ = diff_sides(
        str(base), str(plan), lambda p: load_data([p]), lambda p: load_graph([p])
    )
    width, height = _svg_size(chart.diff_chart(compare(old, new)).pipe(format="svg"))
    assert width / height < 3.5 and width < 4000


@needs_realdata
@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")
def test_a_real_department_diff_charts_on_a_page() -> None:
    """Review 3: DfT Mar-11 -> Sep-11, --changed-only, was 83,771 pt wide and 457 high."""
    from tests.diff.test_realdata import diff

    width, height = _svg_size(chart.diff_chart(diff(), changed_only=True).pipe(format="svg"))
    assert width / height < 2.5 and width < 3000
