"""GoJS models as written: what GoJS's Model.fromJson needs of them, and what they keep."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from orgmodel.graph import OrgGraph
from orgmodel.readers import read_source
from orgmodel.records import OrgData
from orgmodel.sources.load import load_data
from orgmodel.writers import render
from orgmodel.writers.common import FEATURES
from tests.conftest import ROOT
from tests.readers.test_gojs import TREE

LOOP = "id,title,manager\n1,City Manager,2\n2,Deputy City Manager,1\n3,Analyst,2\n4,Mayor,\n"


@pytest.fixture(scope="module")
def sample() -> tuple[OrgData, OrgGraph]:
    data = load_data([ROOT / "data"])
    return data, OrgGraph(data)


def _model(data: OrgData, graph: OrgGraph, fmt: str) -> tuple[dict[str, Any], list[str]]:
    output = render(data, graph, fmt)
    return json.loads(output.content_text()), output.lost


def test_graph_links_model_refers_only_to_its_own_keys(sample: tuple[OrgData, OrgGraph]) -> None:
    model, lost = _model(*sample, "gojs")
    graph = sample[1]
    assert model["class"] == "GraphLinksModel"
    nodes = model["nodeDataArray"]
    keys = [n["key"] for n in nodes]
    assert len(keys) == len(set(keys)) == graph.size
    groups = {n["key"] for n in nodes if n.get("isGroup")}
    assert len(groups) == len(graph.units)
    assert all(n["group"] in groups for n in nodes if "group" in n)  # members name groups
    assert all(set(n["headOf"]) <= groups for n in nodes if "headOf" in n)
    assert all(link["from"] in keys and link["to"] in keys for link in model["linkDataArray"])
    assert {o["id"] for o in model["modelData"]["organizations"]} == set(graph.orgs)
    coo = next(n for n in nodes if n["key"] == "hps-coo")
    assert (coo["title"], coo["abbreviation"], coo["root"]) == ("Chief Operating Officer", "COO",
                                                               False)  # fmt: skip
    assert [line.split(":")[0] for line in lost] == [f"120 {FEATURES['provenance']}"]


def test_tree_model_is_a_tree(tmp_path: Path) -> None:
    (tmp_path / "loop.csv").write_text(LOOP, encoding="utf-8")
    data = read_source(tmp_path / "loop.csv")
    model, lost = _model(data, OrgGraph(data), "gojs-tree")
    assert model["class"] == "TreeModel"
    parent = {n["key"]: n.get("parent") for n in model["nodeDataArray"]}
    assert set(parent.values()) - {None} <= set(parent)
    for key in parent:  # every walk up ends: the cycle is cut at one post
        seen = set()
        while key is not None and key not in seen:
            seen.add(key)
            key = parent[key]
        assert key is None
    assert any(FEATURES["cycles"] in line for line in lost)


def test_a_gojs_file_read_and_written_keeps_its_heads(tmp_path: Path) -> None:
    """The issue's case: a GoJS TreeModel with headOf, converted, keeps who heads what."""
    (tmp_path / "city.json").write_text(TREE, encoding="utf-8")
    data = read_source(tmp_path / "city.json")
    for fmt, ending in (("gojs", ".gojs.json"), ("gojs-tree", ".gojs-tree.json")):
        out = tmp_path / f"city{ending}"
        out.write_text(render(data, OrgGraph(data), fmt).content_text(), encoding="utf-8")
        g = OrgGraph(read_source(out))
        heads = {g.id_of(p): sorted(g.title(u) for u, _ in hs) for p, hs in g.heads.items()}
        assert heads == {"2": ["Public Works"], "5": ["Finance Department", "Purchasing"]}
        assert g.posts[g.node("3")].attributes == {"status": "vacant"}
