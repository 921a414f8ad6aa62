"""Random org models for the round-trip tests, and what each format is compared on.

A model is drawn as records (organizations, units that nest, posts in a
tree with dotted lines and headships, holders, grades, FTEs, attributes),
and :func:`project` reduces a graph to sets of facts keyed by ids and
names -- the form in which two graphs read from different formats can be
compared. :func:`project_rdf` reads the same facts back from ORG RDF with
rdflib, independently of orgmodel's readers.

:func:`sourced_models` draws what real exports hold besides: rows with their
file and line, rows that repeat an id, a unit named again by a second file,
holder markers, links and a reference to nobody; :func:`structure` is the
strict, id-keyed form a lossless writer must give back, and
:func:`round_trip` writes a model in one format, reads it and compares.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from orgmodel.config import Settings
from orgmodel.graph import OrgGraph
from orgmodel.holders import STATUS_KEY, HolderStatus
from orgmodel.records import (
    LineKind,
    LinkType,
    OrgData,
    OrgRecord,
    PostRecord,
    Prov,
    Relation,
    RelKind,
    UnitKind,
    UnitRecord,
)
from orgmodel.rules.validate import validate
from orgmodel.sources.load import load_data
from orgmodel.writers import render
from orgmodel.writers.common import FEATURES, primary_lines, secondary_lines

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


def structure(g: OrgGraph) -> dict[str, Any]:
    """Everything a graph says about posts, units, lines and holders, keyed by id, in order
    where order decides (a post's first primary superior): what a lossless writer keeps.

    Provenance is left out (GraphML and GoJS keep no source lines); ``duplicates`` (rows
    that repeat an id) and ``unresolved`` (references that match no post, several, or a
    unit that is no body) are there for the writers that keep them.
    """
    n_posts = g.post_count
    ident = g.id_of
    posts = g.posts

    def unit_id(n: int) -> str | None:
        u = g.unit_of(n)
        return ident(u) if u is not None else None

    members = {g.org_of(n) for n in range(g.size)}
    res = g.resolution
    unresolved: list[Relation] = [*res.dangling, *(r for r, _ in res.ambiguous)]
    unresolved += [r for r, _ in res.not_body]
    return {
        "posts": {
            ident(n): (
                posts.value("title", n), g.org_of(n), unit_id(n), posts.value("abbreviation", n),
                posts.value("holder", n), posts.value("grade", n), posts.value("fte", n),
                bool(posts.value("root", n)),
                tuple(sorted((posts.value("attributes", n) or {}).items())),
            )
            for n in range(n_posts)
        },
        "units": {
            u.id: (u.name, str(u.kind), u.org, unit_id(n_posts + k), u.abbreviation)
            for k, u in enumerate(g.units)
        },
        "orgs": {o.id: (o.name, o.abbreviation) for o in g.orgs.values() if o.id in members},
        "empty_orgs": sorted(o.id for o in g.orgs.values() if o.id not in members),
        "primary": {
            ident(n): [ident(g.parent[n]), *(ident(s) for s, _ in g.extra_primary.get(n, []))]
            for n in range(g.size) if g.parent[n] >= 0
        },
        "secondary": {ident(n): [ident(s) for s, _ in lines] for n, lines in g.secondary.items()},
        "heads": {ident(n): [ident(u) for u, _ in lines] for n, lines in g.heads.items()},
        "links": sorted((ident(a), ident(b), str(r.qualifier or "liaison")) for a, b, r in g.links),
        "duplicates": sorted(
            (dup.id, type(dup).__name__, getattr(dup, "title", None) or getattr(dup, "name", ""))
            for _, dup in g.duplicates
        ),
        "unresolved": sorted((r.subject, r.kind, str(r.qualifier), r.object) for r in unresolved),
    }  # fmt: skip


LOSSLESS = {"yaml": ".yaml", "json": ".json", "graphml": ".graphml", "gojs": ".gojs.json"}
"""The writers that claim to keep the structure, and the ending each is read back by."""
NOT_KEPT = {
    "graphml": {"duplicates", "unresolved", "empty_orgs"},
    "gojs": {"duplicates", "unresolved"},
}
"""What a writer drops, as its warnings say: the other rows of an id, references to nothing,
organizations nothing belongs to (GraphML names them only on their members)."""
SAID = {"duplicates": "duplicates", "unresolved": "dangling", "empty_orgs": "empty_orgs"}
"""The census item (:data:`~orgmodel.writers.common.FEATURES`) a warning names for each."""
NATIVE = {"yaml", "json"}


def _findings(graph: OrgGraph) -> Counter[tuple[str, tuple[str, ...]]]:
    """What validate finds in the structure (``F`` findings are about reading the source)."""
    found = validate(graph).findings  # the posts each is about, in any order (the org file
    return Counter(  # lists an organization's posts together, so their order may change)
        (f.code, tuple(sorted(f.subjects))) for f in found if f.code[0] != "F"
    )


def _differences(before: dict[str, Any], after: dict[str, Any], key: str) -> str:
    a, b = before[key], after[key]
    if isinstance(a, dict):
        changed = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
        return f"{key}: {len(changed)} differ, e.g. " + "; ".join(
            f"{k}: {a.get(k)!r} -> {b.get(k)!r}" for k in changed[:3]
        )
    return f"{key}: {sorted(set(a) ^ set(b))[:5]}"


def round_trip(data: OrgData, fmt: str, folder: Path) -> None:
    """Write ``data`` as ``fmt`` into ``folder``, read it back, and compare."""
    graph = OrgGraph(data)
    output = render(data, graph, fmt, folder=str(folder))
    path = folder / f"org{LOSSLESS[fmt]}"
    content = output.content
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    back = OrgGraph(load_data([path], settings=Settings()))
    before, after = structure(graph), structure(back)
    dropped = NOT_KEPT.get(fmt, set())
    for key in before.keys() - dropped:
        assert before[key] == after[key], f"{fmt} changed {_differences(before, after, key)}"
    for key in dropped & {k for k, v in before.items() if v}:
        said = FEATURES[SAID[key]]
        assert any(said in line for line in output.lost), f"{fmt} dropped {key} silently"
    if fmt in NATIVE:
        assert _findings(graph) == _findings(back)


@st.composite
def sourced_models(draw: st.DrawFn) -> OrgData:
    """A model as exports give it: every row with its file and line, some rows repeating
    an id (copies, or other posts), units named again by a junior file, holder markers
    (vacant, withheld, eliminated), links, and a dotted line to a name no row has."""
    model = draw(models())
    posts = [p._replace(prov=Prov("senior.csv", i + 2)) for i, p in enumerate(model.posts)]
    prov_of = {p.id: p.prov for p in posts}
    relations = [r._replace(prov=prov_of[r.subject]) for r in model.relations]
    statuses = [None, *(str(s) for s in HolderStatus if s is not HolderStatus.HELD)]
    for i, post in enumerate(posts):
        status = None if post.holder else draw(st.sampled_from(statuses))
        if status is not None:
            posts[i] = post._replace(attributes={**(post.attributes or {}), STATUS_KEY: status})
    if len(posts) > 1 and draw(st.booleans()):
        a, b = draw(st.sampled_from(posts)), draw(st.sampled_from(posts))
        kind = draw(st.sampled_from(list(LinkType)))
        if a.id != b.id:
            relations.append(Relation(RelKind.LINK, a.id, b.id, kind, False, a.prov))
    for k in range(draw(st.integers(0, 2))):  # rows that repeat an id, further down the file
        first = draw(st.sampled_from(posts))
        prov = Prov("senior.csv", len(model.posts) + k + 2)
        copy = draw(st.booleans())
        posts.append(first._replace(prov=prov) if copy else first._replace(
            title=draw(TEXT), holder=draw(st.none() | TEXT), prov=prov))  # fmt: skip
        boss = draw(st.sampled_from([p.id for p in posts]))
        if boss != first.id:
            relations.append(Relation(RelKind.REPORTS_TO, first.id, boss, LineKind.PRIMARY,
                                      False, prov))  # fmt: skip
    units = list(model.units)
    units += [u._replace(prov=Prov("junior.csv", 2)) for u in model.units if draw(st.booleans())]
    if draw(st.booleans()):
        relations.append(Relation(RelKind.REPORTS_TO, posts[0].id, "Nobody Here",
                                  LineKind.SECONDARY, False, posts[0].prov))  # fmt: skip
    return OrgData(model.organizations, units, posts, relations)
