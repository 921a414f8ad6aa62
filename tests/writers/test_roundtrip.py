"""Round trips: native -> every writer -> back, nothing lost that the format can hold.

(And :func:`test_lossless_writers_give_back_the_structure`: models with what
real exports hold, through the writers that claim to lose nothing.)

A random model is saved as the native org file and read back (which must
give the same facts), then written in each format and read back through
orgmodel's readers (CSV, GraphML, d3-org-chart JSON) or rdflib (Turtle,
JSON-LD). Every fact that did not come back must be named in the writer's
warning; every other fact must be equal.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from orgmodel.graph import OrgGraph
from orgmodel.readers import read_source
from orgmodel.records import OrgData
from orgmodel.writers import WRITERS, render
from orgmodel.writers.common import FEATURES
from tests.writers.roundtrip_model import (
    LOSS_FEATURE,
    LOSSLESS,
    Facts,
    models,
    project,
    project_rdf,
    round_trip,
    sourced_models,
)

ROUND_TRIPS = {"csv": ".csv", "graphml": ".graphml", "d3": ".d3.json", "yaml": ".yaml",
               "json": ".json", "turtle": ".ttl", "jsonld": ".jsonld", "gojs": ".gojs.json",
               "gojs-tree": ".gojs-tree.json"}  # fmt: skip
RDF = {"turtle": "turtle", "jsonld": "json-ld"}


def _back(fmt: str, text: str | bytes, folder: Path) -> Facts:
    if fmt in RDF:
        return project_rdf(str(text), RDF[fmt])
    path = folder / f"model{ROUND_TRIPS[fmt]}"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return project(OrgGraph(read_source(path)))


ORDER_FACTS = {"first_primary"}
"""Facts that rest on the order of lines: RDF triples have none, so rdflib is not asked."""


def _check(fmt: str, before: Facts, after: Facts, lost: list[str]) -> None:
    for key, facts in before.items():
        if fmt in RDF and key in ORDER_FACTS:
            continue
        if after[key] == facts:
            continue
        features = LOSS_FEATURE.get(key)
        assert features is not None, f"{fmt} changed {key}: {facts ^ after[key]}"
        assert any(FEATURES[f] in line for f in features for line in lost), (
            f"{fmt} lost {key} ({facts - after[key]}) without saying so: {lost}"
        )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(model=models())
def test_native_then_every_writer_and_back(model: OrgData) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        native = folder / "org.yaml"
        native.write_text(render(model, OrgGraph(model), "yaml").content_text(), encoding="utf-8")
        data = read_source(native)
        graph = OrgGraph(data)
        before = project(graph)
        assert before == project(OrgGraph(model))  # the org file keeps everything
        for fmt in ROUND_TRIPS:
            output = render(data, graph, fmt)
            _check(fmt, before, _back(fmt, output.content, folder), output.lost)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(model=sourced_models())
def test_lossless_writers_give_back_the_structure(model: OrgData) -> None:
    """Rows with sources, repeated ids, markers, links, references to nobody: the org file
    gives back all of it (and every finding), GraphML and GoJS all but what they declare."""
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in LOSSLESS:
            folder = Path(tmp) / fmt
            folder.mkdir()
            round_trip(model, fmt, folder)


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_every_writer_is_round_tripped_or_checked_elsewhere(fmt: str) -> None:
    assert fmt in ROUND_TRIPS or fmt == "popolo"  # Popolo has no reporting lines: test_targets
