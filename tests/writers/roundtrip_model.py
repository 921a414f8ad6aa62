"""Random org models for the round-trip tests, and what each format is compared on.

A model is drawn as records (organizations, units that nest, posts in a
tree with dotted lines and headships, holders, grades, FTEs, attributes),
and :func:`project` reduces a graph to sets of facts keyed by ids and
names -- the form in which two graphs read from different formats can be
compared. :func:`project_rdf` reads the same facts back from ORG RDF with
rdflib, independently of orgmodel's readers.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from orgmodel.graph import OrgGraph
from orgmodel.records import (
    LineKind,
    OrgData,
    OrgRecord,
    PostRecord,
    Relation,
    RelKind,
    UnitKind,
    UnitRecord,
)
from orgmodel.writers.common import primary_lines, secondary_lines

Facts = dict[str, set[Any]]

ORG_NAMES = ("City of Hartford", "Hartford Public Schools", "Minneapolis City Clerk")
UNIT_NAMES = (
    "Facilities Department", "Transportation Office", "Operations Division",
    "Budget Bureau", "Payroll Section", "Board of Education", "Records Team",
)  # fmt: skip
ATTRIBUTE_KEYS = ("cost centre", "location", "phone extension")

_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "Pd", "Po", "Sm")),
    min_size=1,
    max_size=24,
).map(lambda s: " ".join(s.split()))
TEXT = _TEXT.filter(lambda s: bool(s) and "," not in s and ";" not in s and s.lower() != "vacant")


@st.composite
def models(draw: st.DrawFn) -> OrgData:
    """A valid model: primary superiors from earlier posts (so no cycles), sometimes two."""
    orgs = [OrgRecord(f"o{i}", name) for i, name in enumerate(draw(st.lists(
        st.sampled_from(ORG_NAMES), max_size=2, unique=True)))]  # fmt: skip
    org_ids = [o.id for o in orgs]
    unit_names = draw(st.lists(st.sampled_from(UNIT_NAMES), max_size=4, unique=True))
    units: list[UnitRecord] = []
    for i, name in enumerate(unit_names):
        org = draw(st.sampled_from([None, *org_ids]))
        parents = [u.id for u in units if u.org == org]
        part_of = draw(st.sampled_from([None, *parents])) if parents else None
        units.append(UnitRecord(f"u{i}", name, draw(st.sampled_from(list(UnitKind))), org, part_of))
    n_posts = draw(st.integers(1, 9))
    posts: list[PostRecord] = []
    relations: list[Relation] = []
    for i in range(n_posts):
        pid = f"p{i}"
        unit = draw(st.sampled_from([None, *units])) if units else None
        org = unit.org if unit else draw(st.sampled_from([None, *org_ids]))
        boss = draw(st.sampled_from([None] + [f"p{j}" for j in range(i)])) if i else None
        fte = draw(st.sampled_from([None, 1.0, 0.5, 2.25]))
        attrs = draw(st.dictionaries(st.sampled_from(ATTRIBUTE_KEYS), TEXT, max_size=2))
        posts.append(
            PostRecord(
                pid, draw(TEXT), org, unit.id if unit else None,
                draw(st.sampled_from([None, "COO", "CFO"])), draw(st.none() | TEXT),
                draw(st.sampled_from([None, "SCS1", "G7"])), fte, boss is None, attrs or None,
            )
        )  # fmt: skip
        if boss:
            relations.append(Relation(RelKind.REPORTS_TO, pid, boss, LineKind.PRIMARY))
            dotted = [f"p{j}" for j in range(i) if f"p{j}" != boss]
            if bool(dotted) and draw(st.booleans()):  # a second primary superior
                second = draw(st.sampled_from(dotted))
                relations.append(Relation(RelKind.REPORTS_TO, pid, second, LineKind.PRIMARY))
                dotted.remove(second)
            if bool(dotted) and draw(st.booleans()):
                relations.append(
                    Relation(
                        RelKind.REPORTS_TO, pid, draw(st.sampled_from(dotted)), LineKind.SECONDARY
                    )
                )
        if bool(units) and draw(st.booleans()):
            relations.append(Relation(RelKind.HEADS, pid, draw(st.sampled_from(units)).id))
    return OrgData(orgs, units, posts, relations)


def project(g: OrgGraph) -> Facts:
    """The facts of a graph, keyed by post ids and unit/organization names."""
    posts = range(g.post_count)
    units = range(g.post_count, g.size)
    ident, title = g.id_of, g.title
    unit_of = {n: g.unit_of(n) for n in posts}
    column = {name: g.column(name) for name in ("holder", "grade", "fte", "abbreviation", "root")}
    return {
        "titles": {(ident(n), title(n)) for n in posts},
        "holders": {(ident(n), column["holder"][n]) for n in posts if column["holder"][n]},
        "primary": {(ident(a), ident(b)) for a, b in primary_lines(g)},
        "first_primary": {(ident(n), ident(sup)) for n in posts if (sup := g.parent[n]) >= 0},
        "secondary": {(ident(a), ident(b)) for a, b in secondary_lines(g)},
        "units": {(ident(n), title(u)) for n, u in unit_of.items() if u is not None},
        "unit_nesting": {(title(u), title(p)) for u in units if (p := g.unit_of(u)) is not None},
        "unit_kinds": {(title(u), str(g.units[u - g.post_count].kind)) for u in units},
        "orgs": {(ident(n), g.org_name(n)) for n in posts if g.org_of(n)},
        "heads": {(ident(p), title(u)) for p, hs in g.heads.items() for u, _ in hs},
        "grades": {(ident(n), column["grade"][n]) for n in posts if column["grade"][n]},
        "ftes": {(ident(n), column["fte"][n]) for n in posts if column["fte"][n] is not None},
        "abbreviations": {
            (ident(n), column["abbreviation"][n]) for n in posts if column["abbreviation"][n]
        },
        "attributes": {
            (ident(n), k, v)
            for n, a in enumerate(g.column("attributes"))
            for k, v in (a or {}).items()
        },
        "roots": {ident(n) for n in posts if column["root"][n]},
    }


LOSS_FEATURE: dict[str, tuple[str, ...]] = {
    "holders": ("holders",), "primary": ("extra_primary",), "secondary": ("secondary",),
    "units": ("units",), "unit_nesting": ("unit_nesting", "unplaced_units"),
    "unit_kinds": ("unit_kinds", "unplaced_units"), "orgs": ("orgs",), "heads": ("heads",),
    "grades": ("grades",), "ftes": ("ftes",), "abbreviations": ("abbreviations",),
    "attributes": ("attributes",),
}  # fmt: skip
"""Which census item a warning must name when a fact did not come back."""


def project_rdf(text: str, fmt: str) -> Facts:
    """The same facts, read from ORG Turtle or JSON-LD with rdflib (not orgmodel)."""
    from rdflib import RDF, SKOS, Graph, Namespace
    from rdflib.namespace import FOAF, ORG

    om = Namespace("urn:orgmodel:vocab#")
    rdf = Graph().parse(data=text, format=fmt)

    def one(s: Any, p: Any) -> Any:
        return next(iter(rdf.objects(s, p)), None)

    def ident(s: Any) -> str:
        return str(one(s, ORG.identifier))

    def label(s: Any) -> str:
        return str(one(s, SKOS.prefLabel))

    posts = list(rdf.subjects(RDF.type, ORG.Post))
    units = list(rdf.subjects(RDF.type, ORG.OrganizationalUnit))
    facts: Facts = {key: set() for key in (*LOSS_FEATURE, "titles", "roots")}
    for u in units:
        facts["unit_kinds"].add((label(u), str(one(u, om.unitKind))))
        for parent in rdf.objects(u, ORG.subOrganizationOf):
            facts["unit_nesting"].add((label(u), label(parent)))
    for p in posts:
        pid = ident(p)
        facts["titles"].add((pid, label(p)))
        for key, pred in (("primary", ORG.reportsTo), ("secondary", om.dottedLineTo)):
            facts[key] |= {(pid, ident(s)) for s in rdf.objects(p, pred)}
        facts["heads"] |= {(pid, label(u)) for u in rdf.objects(p, ORG.headOf)}
        home = one(p, ORG.postIn)
        org = home
        if home is not None and (home, RDF.type, ORG.OrganizationalUnit) in rdf:
            facts["units"].add((pid, label(home)))
            org = one(home, ORG.unitOf)
        if org is not None:
            facts["orgs"].add((pid, label(org)))
        person = one(p, ORG.heldBy)
        if person is not None:
            facts["holders"].add((pid, str(one(person, FOAF.name))))
            assert (person, ORG.holds, p) in rdf
        for key, pred in (("grades", om.grade), ("abbreviations", SKOS.altLabel)):
            if (value := one(p, pred)) is not None:
                facts[key].add((pid, str(value)))
        if (fte := one(p, om.fte)) is not None:
            facts["ftes"].add((pid, float(fte)))
        if one(p, om.root) is not None and one(p, om.root).toPython() is True:
            facts["roots"].add(pid)
    return facts
