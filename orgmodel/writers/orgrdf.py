"""The W3C Organization Ontology (ORG) as Turtle and JSON-LD, for linked-data publishing.

The mapping (terms checked against https://www.w3.org/TR/vocab-org/):

* organization -> ``org:Organization`` (``skos:prefLabel``, ``skos:altLabel``
  for the abbreviation, ``org:identifier``);
* unit -> ``org:OrganizationalUnit``, ``org:unitOf`` its organization,
  ``org:subOrganizationOf`` the unit it is part of;
* post -> ``org:Post``, ``org:postIn`` its unit (else its organization),
  ``org:reportsTo`` each primary superior (a post, or a board as an
  organization); the holder is a ``foaf:Person`` with ``foaf:name`` that
  ``org:holds`` the post, which is ``org:heldBy`` them;
* a post heading a unit -> ``org:headOf`` (ORG states it of the person;
  orgmodel's posts exist without holders, so it is stated of the post).

ORG has no terms for dotted lines, informational links, grades, FTEs, unit
kinds or "top by design"; they are written with orgmodel's own terms in
the ``om:`` namespace (``om:dottedLineTo``, ``om:liaison`` / ``om:advises``
/ ``om:worksWith``, ``om:grade``, ``om:fte``, ``om:unitKind``, ``om:root``)
so nothing is lost that RDF can say; free-form attributes and provenance
are listed as losses.

IRIs are ``BASE + kind/ + id`` (``urn:orgmodel:post/hps-coo`` by default;
``orgmodel convert --base https://data.example.org/org/`` publishes under
your own domain).

>>> from orgmodel.records import OrgData, PostRecord, Relation, RelKind, LineKind
>>> from orgmodel.graph import OrgGraph
>>> data = OrgData(posts=[PostRecord("1", "Mayor", root=True), PostRecord("2", "Clerk")],
...                relations=[Relation(RelKind.REPORTS_TO, "2", "1", LineKind.PRIMARY)])
>>> print(render_turtle(data, OrgGraph(data)).content.split("\\n\\n")[-1].strip())
<urn:orgmodel:post/2> a org:Post ;
    skos:prefLabel "Clerk" ;
    org:identifier "2" ;
    org:reportsTo <urn:orgmodel:post/1> .
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from orgmodel.graph import OrgGraph
from orgmodel.records import OrgData, PostRecord
from orgmodel.writers.common import Output, losses, primary_lines, secondary_lines

__all__ = [
    "DEFAULT_BASE",
    "LOSES",
    "OM",
    "PREFIXES",
    "Triple",
    "render_jsonld",
    "render_turtle",
    "triples",
]

DEFAULT_BASE = "urn:orgmodel:"
OM = "urn:orgmodel:vocab#"
PREFIXES = {
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "om": OM,
}
_ESCAPES = (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"))
LINK_TERMS = {"liaison": "om:liaison", "advises": "om:advises", "works_with": "om:worksWith"}

LOSES = {
    "attributes": "dropped, ORG has no place for free-form attributes",
    "provenance": "dropped, no source lines are written",
    "dangling": "dropped, a line needs a resource at both ends",
    "duplicates": "dropped, each id is one resource (the first row's post)",
}


@dataclass(frozen=True)
class Triple:
    """One statement: subject IRI, predicate (prefixed name), object IRI or literal."""

    subject: str
    predicate: str
    obj: str
    literal: bool = False
    datatype: str | None = None


class _Iris:
    def __init__(self, graph: OrgGraph, base: str) -> None:
        self.graph = graph
        self.base = base

    def of(self, kind: str, ident: str) -> str:
        return f"{self.base}{kind}/{quote(ident, safe='')}"

    def node(self, n: int) -> str:
        return self.of("post" if self.graph.is_post(n) else "unit", self.graph.id_of(n))


def triples(graph: OrgGraph, base: str = DEFAULT_BASE) -> list[Triple]:
    """The graph as ORG statements, grouped by subject in a stable order."""
    iri = _Iris(graph, base)
    out: list[Triple] = []

    def lit(s: str, p: str, value: str, datatype: str | None = None) -> None:
        out.append(Triple(s, p, value, True, datatype))

    def names(s: str, cls: str, label: str, abbreviation: str | None, ident: str) -> None:
        out.append(Triple(s, "a", cls))
        lit(s, "skos:prefLabel", label)
        if abbreviation:
            lit(s, "skos:altLabel", abbreviation)
        lit(s, "org:identifier", ident)

    for org in graph.orgs.values():
        s = iri.of("org", org.id)
        names(s, "org:Organization", org.name, org.abbreviation, org.id)
    for n in range(graph.post_count, graph.size):
        unit = graph.units[n - graph.post_count]
        s = iri.node(n)
        names(s, "org:OrganizationalUnit", unit.name, unit.abbreviation, unit.id)
        lit(s, "om:unitKind", str(unit.kind))
        if unit.org:
            out.append(Triple(s, "org:unitOf", iri.of("org", unit.org)))
        parent = graph.unit_of(n)
        if parent is not None:
            out.append(Triple(s, "org:subOrganizationOf", iri.node(parent)))
    superiors: dict[int, list[tuple[str, int]]] = {}
    for sub, sup in primary_lines(graph):
        superiors.setdefault(sub, []).append(("org:reportsTo", sup))
    for sub, sup in secondary_lines(graph):
        superiors.setdefault(sub, []).append(("om:dottedLineTo", sup))
    for a, b, rel in graph.links:
        superiors.setdefault(a, []).append((LINK_TERMS.get(str(rel.qualifier), "om:liaison"), b))
    for n in range(graph.size):
        if not graph.is_post(n):
            for predicate, sup in superiors.get(n, []):
                out.append(Triple(iri.node(n), predicate, iri.node(sup)))
            continue
        rec = graph.record(n)
        assert isinstance(rec, PostRecord)
        s = iri.node(n)
        names(s, "org:Post", rec.title, rec.abbreviation, rec.id)
        home = graph.unit_of(n)
        if home is not None:
            out.append(Triple(s, "org:postIn", iri.node(home)))
        elif rec.org:
            out.append(Triple(s, "org:postIn", iri.of("org", rec.org)))
        for predicate, sup in superiors.get(n, []):
            out.append(Triple(s, predicate, iri.node(sup)))
        for head, _ in graph.heads.get(n, []):
            out.append(Triple(s, "org:headOf", iri.node(head)))
        if rec.grade:
            lit(s, "om:grade", rec.grade)
        if rec.fte is not None:
            lit(s, "om:fte", repr(float(rec.fte)), "xsd:double")
        if rec.root:
            lit(s, "om:root", "true", "xsd:boolean")
        if rec.holder:
            person = iri.of("person", rec.id)
            out.append(Triple(s, "org:heldBy", person))
            out.append(Triple(person, "a", "foaf:Person"))
            lit(person, "foaf:name", rec.holder)
            out.append(Triple(person, "org:holds", s))
    return out


def _turtle_literal(text: str) -> str:
    for raw, escaped in _ESCAPES:
        text = text.replace(raw, escaped)
    return f'"{text}"'


def _turtle_term(t: Triple) -> str:
    if t.literal:
        text = _turtle_literal(t.obj)
        return f"{text}^^{t.datatype}" if t.datatype else text
    if t.predicate == "a":
        return t.obj
    return f"<{t.obj}>"


def _grouped(items: list[Triple]) -> dict[str, list[Triple]]:
    groups: dict[str, list[Triple]] = {}
    for t in items:
        groups.setdefault(t.subject, []).append(t)
    return groups


def render_turtle(data: OrgData, graph: OrgGraph, base: str = DEFAULT_BASE) -> Output:
    """Turtle text: one block per resource."""
    lines = [f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES.items()]
    for subject, ts in _grouped(triples(graph, base)).items():
        body = " ;\n    ".join(f"{t.predicate} {_turtle_term(t)}" for t in ts)
        lines.append(f"\n<{subject}> {body} .")
    return Output("\n".join(lines) + "\n", losses(graph, LOSES))


def render_jsonld(data: OrgData, graph: OrgGraph, base: str = DEFAULT_BASE) -> Output:
    """JSON-LD: a ``@context`` with the prefixes and one ``@graph`` node per resource."""
    nodes: list[dict[str, Any]] = []
    for subject, ts in _grouped(triples(graph, base)).items():
        node: dict[str, Any] = {"@id": subject}
        for t in ts:
            if t.predicate == "a":
                node.setdefault("@type", []).append(t.obj)
                continue
            value: Any
            if not t.literal:
                value = {"@id": t.obj}
            elif t.datatype:
                value = {"@value": t.obj, "@type": t.datatype}
            else:
                value = t.obj
            node.setdefault(t.predicate, []).append(value)
        nodes.append(
            {k: v[0] if isinstance(v, list) and len(v) == 1 else v for k, v in node.items()}
        )
    doc = {"@context": dict(PREFIXES), "@graph": nodes}
    return Output(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", losses(graph, LOSES))
