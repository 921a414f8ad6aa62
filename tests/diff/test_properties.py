"""Properties over random orgs: a structure has no changes from itself, and the scenario a
diff writes turns BEFORE into a structure with no changes from AFTER.

The orgs have posts, units, dotted lines, units headed (none, one or two per
post, a unit possibly headed by several) and typed links, so every kind of
change a diff reports has to be replayed by the scenario it writes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgmodel.diff.changes import Diff, compare
from orgmodel.diff.invert import scenario_yaml
from orgmodel.diff.report import change_dict
from orgmodel.graph import OrgGraph
from orgmodel.planning.apply import apply
from orgmodel.planning.scenario import parse_scenario
from orgmodel.records import (
    LineKind,
    LinkType,
    OrgData,
    OrgRecord,
    PostRecord,
    Relation,
    RelKind,
    UnitKind,
    UnitRecord,
)

TITLES = ["Director", "Manager", "Analyst", "Clerk", "Engineer"]
HOLDERS = [None, None, "Ana Ortiz", "Li Wei", "Sam Lee"]


@st.composite
def orgs(draw: st.DrawFn, ids: list[str], units: list[str]) -> OrgData:
    """An acyclic org over a random subset of ``ids`` (superiors come earlier in a shuffle)."""
    posts = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=len(ids), unique=True))
    kept_units = draw(st.lists(st.sampled_from(units), max_size=len(units), unique=True))
    data = OrgData(organizations=[OrgRecord("o", "Org")])
    for k, u in enumerate(kept_units):
        parent = draw(st.sampled_from([None, *kept_units[:k]]))
        name = draw(st.sampled_from(["Finance", "Operations", "IT", "Legal"]))
        data.units.append(UnitRecord(u, f"{name} {u}", UnitKind.UNIT, "o", parent))
    for k, p in enumerate(posts):
        data.posts.append(
            PostRecord(
                p,
                draw(st.sampled_from(TITLES)),
                "o",
                draw(st.sampled_from([None, *kept_units])),
                holder=draw(st.sampled_from(HOLDERS)),
                grade=draw(st.sampled_from([None, "G6", "G7"])),
                fte=draw(st.sampled_from([None, 1.0, 0.5])),
            )
        )
        boss = draw(st.sampled_from([None, *posts[:k]]))
        if boss is not None:
            data.relations.append(Relation(RelKind.REPORTS_TO, p, boss, LineKind.PRIMARY))
        if k and draw(st.integers(0, 4)) == 0:
            dotted = draw(st.sampled_from(posts[:k]))
            data.relations.append(Relation(RelKind.REPORTS_TO, p, dotted, LineKind.SECONDARY))
        headed = st.lists(st.sampled_from(kept_units), max_size=2, unique=True)
        for unit in draw(headed) if kept_units else []:
            data.relations.append(Relation(RelKind.HEADS, p, unit))
        if k and draw(st.integers(0, 3)) == 0:
            other = draw(st.sampled_from(posts[:k]))
            kind = draw(st.sampled_from(list(LinkType)))
            data.relations.append(Relation(RelKind.LINK, p, other, kind))
    return data


A_IDS = [f"p{i}" for i in range(10)]
B_IDS = [*A_IDS[:7], *[f"n{i}" for i in range(5)]]  # some ids survive, some are new
UNITS = ["u0", "u1", "u2", "u3"]
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(orgs(A_IDS, UNITS))
def test_a_structure_has_no_changes_from_itself(a: OrgData) -> None:
    assert compare(OrgGraph(a), OrgGraph(a)).changes == []


@FAST
@given(orgs(A_IDS, UNITS), orgs(B_IDS, ["u1", "u2", "u4", "u5"]))
def test_applying_the_diff_as_a_scenario_gives_after(a: OrgData, b: OrgData) -> None:
    before, after = OrgGraph(a), OrgGraph(b)
    d = compare(before, after)
    text = scenario_yaml(d)
    result = OrgGraph(apply(a, parse_scenario(text, "diff.yaml")))
    again = compare(result, after)
    assert again.changes == [], (text, [change_dict(again, c) for c in again.changes])
    assert _beside_the_tree(again) == [], text  # checked apart from the diff's own kinds
    same_ids = {after.id_of(j) for i, j in d.match.pairs() if d.match.rule_of(i) == "id"}
    assert same_ids <= set(result.index)  # posts matched by id kept their ids


def _beside_the_tree(d: Diff) -> list[tuple[str, ...]]:
    """Units headed and links, read from both graphs through the matching alone: what differs."""
    m, r, a = d.match, d.before, d.after
    out: list[tuple[str, ...]] = []
    for j in range(a.post_count):
        i = m.a2b[j]
        heads = {m.b2a[u] for u, _ in r.heads.get(i, [])} if i >= 0 else set()
        if heads != {u for u, _ in a.heads.get(j, [])}:
            out.append(("heads", a.id_of(j)))
    links = {(m.b2a[s], m.b2a[o], str(rel.qualifier)) for s, o, rel in r.links}
    if links != {(s, o, str(rel.qualifier)) for s, o, rel in a.links}:
        out.append(("links",))
    return out
