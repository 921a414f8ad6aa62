"""Each writer's output opens in its target: networkx (GraphML), rdflib (ORG), the CSV reader."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import ORG

from orgmodel.graph import OrgGraph
from orgmodel.readers import read_source
from orgmodel.readers.table import read_table
from orgmodel.records import OrgData
from orgmodel.sources.load import load_data
from orgmodel.writers import render, write
from orgmodel.writers.common import primary_lines
from orgmodel.writers.graphml import GRAPHML_NS
from tests.conftest import REALDATA, ROOT, needs_realdata

ORG_NS = str(ORG)
ORG_TERMS = set(ORG.__annotations__)  # rdflib's copy of the ORG vocabulary's terms


@pytest.fixture(scope="module")
def sample() -> tuple[OrgData, OrgGraph]:
    data = load_data([ROOT / "data"])
    return data, OrgGraph(data)


def test_graphml_opens_in_networkx_with_labels(
    sample: tuple[OrgData, OrgGraph], tmp_path: Path
) -> None:
    data, graph = sample
    write(data, graph, tmp_path / "org.graphml")
    g = nx.read_graphml(tmp_path / "org.graphml", force_multigraph=True)
    assert g.number_of_nodes() == graph.size
    assert all(attrs.get("label") for _, attrs in g.nodes(data=True))
    coo = g.nodes["hps-coo"]
    assert (coo["kind"], coo["label"], coo["abbreviation"]) == (
        "post",
        "Chief Operating Officer",
        "COO",
    )
    assert g.nodes["hps-exec-assistant-coo"]["unit_name"] == "Operations Division"
    assert g.nodes["hps-operations"]["kind"] == "unit"
    primary = sum(1 for _, _, k in g.edges(data="kind") if k == "primary")
    assert primary == sum(1 for _ in primary_lines(graph))
    text = (tmp_path / "org.graphml").read_text(encoding="utf-8")
    assert 'yfiles.type="nodegraphics"' in text and text.count("<y:NodeLabel>") == graph.size
    assert len({key for _, _, key in g.edges(keys=True)}) == g.number_of_edges()  # unique ids


def test_graphml_edges_come_in_the_models_order(
    sample: tuple[OrgData, OrgGraph], tmp_path: Path
) -> None:
    data, graph = sample
    write(data, graph, tmp_path / "org.graphml")
    edges = list(ET.parse(tmp_path / "org.graphml").getroot().iter(f"{{{GRAPHML_NS}}}edge"))
    assert [e.get("id") for e in edges] == [f"e{i}" for i in range(len(edges))]
    # two primary superiors: the first, which the tree hangs the post from, comes first
    director = graph.node("hps-director-transportation")
    assert graph.id_of(graph.parent[director]) == "hps-coo" and graph.extra_primary[director]
    to_director = [
        e.get("source") for e in edges if e.get("target") == "hps-director-transportation"
    ]
    assert to_director[0] == "hps-coo"
    back = OrgGraph(read_source(tmp_path / "org.graphml"))
    assert back.id_of(back.parent[back.node("hps-director-transportation")]) == "hps-coo"


def _org_terms(rdf: Graph) -> set[str]:
    used = {str(p) for p in rdf.predicates()} | {str(o) for o in rdf.objects(None, RDF.type)}
    return {t[len(ORG_NS) :] for t in used if t.startswith(ORG_NS)}


@pytest.mark.parametrize(("fmt", "parser"), [("turtle", "turtle"), ("jsonld", "json-ld")])
def test_org_ontology_parses_in_rdflib_with_org_terms_only(
    sample: tuple[OrgData, OrgGraph], fmt: str, parser: str
) -> None:
    data, graph = sample
    rdf = Graph().parse(data=render(data, graph, fmt).content, format=parser)
    terms = _org_terms(rdf)
    assert terms <= ORG_TERMS, terms - ORG_TERMS
    assert {"Post", "OrganizationalUnit", "Organization", "reportsTo", "headOf", "postIn",
            "subOrganizationOf", "unitOf", "heldBy", "holds"} <= terms  # fmt: skip
    assert len(set(rdf.subjects(RDF.type, ORG.Post))) == graph.post_count
    assert len(set(rdf.subject_objects(ORG.reportsTo))) == sum(1 for _ in primary_lines(graph))
    coo = URIRef("urn:orgmodel:post/hps-coo")
    assert (coo, ORG.reportsTo, URIRef("urn:orgmodel:post/hps-deputy-admin-finance")) in rdf


def test_turtle_base_iri(sample: tuple[OrgData, OrgGraph]) -> None:
    data, graph = sample
    text = render(data, graph, "turtle", base="https://data.example.org/org/").content
    assert "<https://data.example.org/org/post/hps-coo>" in str(text)


def test_csv_reads_back_through_the_csv_reader(
    sample: tuple[OrgData, OrgGraph], tmp_path: Path
) -> None:
    data, graph = sample
    write(data, graph, tmp_path / "org.csv")
    back = OrgGraph(read_table(tmp_path / "org.csv"))
    bodies = {s for _, s in primary_lines(graph) if s >= graph.post_count}
    assert back.post_count == graph.post_count + len(bodies)
    assert {(back.id_of(c), back.id_of(p)) for c, p in enumerate(back.parent) if p >= 0} == {
        (graph.id_of(c), graph.id_of(p)) for c, p in enumerate(graph.parent) if p >= 0
    }
    assert not back.resolution.dangling


def test_popolo_is_consistent(sample: tuple[OrgData, OrgGraph]) -> None:
    data, graph = sample
    output = render(data, graph, "popolo")
    doc = json.loads(output.content)
    org_ids = {o["id"] for o in doc["organizations"]}
    post_ids = {p["id"] for p in doc["posts"]}
    assert len(doc["posts"]) == graph.post_count
    assert all(p["label"] for p in doc["posts"])
    assert all(p.get("organization_id", next(iter(org_ids))) in org_ids for p in doc["posts"])
    assert all(o.get("parent_id", o["id"]) in org_ids for o in doc["organizations"])
    assert all(m["post_id"] in post_ids for m in doc["memberships"])
    assert output.lost[0].endswith("dropped, Popolo has no lines between posts")


@needs_realdata
def test_real_nyc_release_as_turtle_and_d3() -> None:
    path = REALDATA / "nyc-governance-orgs" / "NYCGovernanceOrganizations_v1.8.43_2026-06-12.csv"
    data = load_data([path])
    graph = OrgGraph(data)
    rdf = Graph().parse(data=render(data, graph, "turtle").content, format="turtle")
    assert len(set(rdf.subjects(RDF.type, ORG.Post))) == graph.post_count == 307
    nodes = json.loads(render(data, graph, "d3").content)
    tops = [n for n in nodes if n["parentId"] is None]
    assert len(tops) == 1 and tops[0].get("_orgmodel_synthetic")  # d3-org-chart needs one root
    assert len(nodes) == graph.post_count + 1
