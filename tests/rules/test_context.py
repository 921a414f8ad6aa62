"""What a rule sees: names, ids and sources of many posts read at once, as one by one."""

from __future__ import annotations

from pathlib import Path

from orgmodel.config import Settings
from orgmodel.rules.context import Check, Facts
from orgmodel.rules.registry import get
from orgmodel.sources.load import load_graph


def test_many_posts_are_named_as_each_is(tmp_path: Path) -> None:
    rows = ["id,title,organization,manager"]
    for i in range(300):  # repeated titles (named with their id), two organizations
        org = "City of Hartford" if i % 3 else "Hartford Public Schools"
        rows.append(
            f"P{i},{'Analyst' if i % 4 else f'Director {i}'},{org},{f'P{i // 2}' if i else ''}"
        )
    (tmp_path / "org.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    graph = load_graph([tmp_path / "org.csv"], settings=Settings())
    check = Check(graph, get("S002"), Facts(graph))
    nodes = [*range(0, graph.size, 3), *range(graph.post_count, graph.size)]  # units too
    assert check.names_of(nodes) == [check.name(n) for n in nodes]
    assert check.ids_of(nodes) == [graph.id_of(n) for n in nodes]
    assert check.provs_of(nodes) == [check.prov(n) for n in nodes]
    posts = list(range(0, graph.post_count, 2))
    assert check.ids_of(posts) == [graph.id_of(n) for n in posts]
    assert check.provs_of(posts) == [check.prov(n) for n in posts]
    assert any("[P" in name for name in check.names_of(posts))  # an id where titles repeat
