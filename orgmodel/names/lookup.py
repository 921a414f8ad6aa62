"""Find the post a user means: by id, title, abbreviation or holder, any case.

``"Hartford Public Schools: COO"`` narrows to one organization first. When
several posts fit, :class:`~orgmodel.errors.AmbiguousNameError` lists them;
when none does, :class:`~orgmodel.errors.NameNotFoundError` suggests the
closest titles and holders (:mod:`orgmodel.names.suggest`). Names match by
the rules of :mod:`orgmodel.names.rules`, in every tier of
:data:`~orgmodel.names.rules.LOOKUP` -- the exact name, an abbreviation, a
holder, a title that starts with the words given, then one that contains
them -- stopping at the first tier with any match, so "Superintendent" finds
the Superintendent of Schools and not every deputy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from orgmodel.errors import AmbiguousNameError, NameNotFoundError, UsageError
from orgmodel.names.rules import LOOKUP, acronym, name_key
from orgmodel.records import OrgRecord, UnitRecord

if TYPE_CHECKING:
    from orgmodel.graph import OrgGraph

__all__ = ["find", "find_org", "find_org_among", "find_root", "org_named"]

_SHOWN = 12  # candidates an ambiguity error lists


def _several_orgs(orgs: Iterable[OrgRecord], text: str, ids: list[str]) -> AmbiguousNameError:
    names = {o.id: o.name for o in orgs}
    return AmbiguousNameError(
        text,
        [f"{names[o]} [id {o}]" for o in ids[:_SHOWN]],
        total=len(ids),
        what="organizations",
        hint="Name it by its id.",
    )


def find_org(graph: OrgGraph, text: str) -> str | None:
    """The id of the organization of ``graph`` named (by id, name or abbreviation), if any."""
    return find_org_among(list(graph.orgs.values()), text)


def find_org_among(orgs: Sequence[OrgRecord], text: str) -> str | None:
    """The id of the organization among ``orgs`` named (by id, name or abbreviation), if any.

    Tiers, the first with a match wins: the id, then a name or abbreviation
    given in the sources, then the acronym of a name. Two organizations that
    match in the same tier are an :class:`AmbiguousNameError` listing them,
    never a silent pick of the first.
    """
    key = name_key(text)
    if not key:
        return None
    for names in (
        lambda o: (o.id,),
        lambda o: (o.name, o.abbreviation),
        lambda o: (acronym(o.name),),
    ):
        hits = [o.id for o in orgs if key in {name_key(n) for n in names(o) if n}]
        if len(hits) > 1:
            raise _several_orgs(orgs, text, hits)
        if hits:
            return hits[0]
    return None


def org_named(graph: OrgGraph, text: str) -> str:
    """The organization a user names: by id, name or abbreviation, else by words of its name.

    Raises :class:`UsageError` listing the organizations when none matches, and
    :class:`AmbiguousNameError` when several do (``render --org``).
    """
    found = _org_by_words(graph, text)
    if found is not None:
        return found
    if not graph.orgs:
        raise UsageError(f"no organization matches {text!r}: the sources name no organization")
    known = "; ".join(o.name for o in graph.orgs.values())
    raise UsageError(f"no organization matches {text!r}; the sources have: {known}")


def _org_by_words(graph: OrgGraph, text: str) -> str | None:
    """:func:`find_org`, else the one organization whose name holds every word given.

    "Minneapolis" names "City of Minneapolis", "Hartford Schools" "Hartford
    Public Schools"; words that several names hold are an :class:`AmbiguousNameError`.
    """
    found = find_org(graph, text)
    if found is not None:
        return found
    words = set(name_key(text).split())
    if not words:
        return None
    hits = [o.id for o in graph.orgs.values() if words <= set(name_key(o.name).split())]
    if len(hits) > 1:
        raise _several_orgs(graph.orgs.values(), text, hits)
    return hits[0] if hits else None


def find_root(graph: OrgGraph, text: str) -> int:
    """The post (or board) a tree or chart starts from: ``show --root``, ``render --root``.

    A department or office is not in the reporting tree -- its posts report to
    posts -- so naming one is a :class:`UsageError` that says what to name instead.
    """
    node = find(graph, text)
    if graph.is_post(node) or graph.span(node) > 0:
        return node
    unit = graph.record(node)
    kind = unit.kind if isinstance(unit, UnitRecord) else "unit"
    heads = sorted((p for p, _ in graph.headed_by.get(node, [])), key=lambda p: -graph.depth[p])
    instead = f"name a post, such as its head {graph.title(heads[0])!r}" if heads else "name a post"
    raise UsageError(
        f"{text!r} is a {kind} no post reports to, so no tree starts from it; {instead}"
    )


def find(graph: OrgGraph, text: str, *, units: bool = True, posts: bool = True) -> int:
    """The node a user's name for a post (or unit) denotes."""
    wanted = text.strip()
    if wanted in graph.index:
        node = graph.index[wanted]
        if (posts and graph.is_post(node)) or (units and not graph.is_post(node)):
            return node
    org: str | None = None
    head, sep, rest = wanted.partition(":")
    if sep and rest.strip():
        org = _org_by_words(graph, head)
        if org is not None:
            wanted = rest.strip()

    def allowed(node: int) -> bool:
        if graph.is_post(node) and not posts:
            return False
        if not graph.is_post(node) and not units:
            return False
        return org is None or graph.org_of(node) == org

    if wanted in graph.index and allowed(graph.index[wanted]):
        return graph.index[wanted]
    hits = graph.names.find(wanted, LOOKUP, allowed)
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise AmbiguousNameError(
            text,
            [f"{graph.label(n)} [id {graph.id_of(n)}]" for n in hits[:_SHOWN]],
            total=len(hits),
            what=_kinds(graph, hits),
            **({"hint": "Use the full title or the id."} if org is not None else {}),
        )
    if sep and rest.strip() and org is None and graph.orgs:
        known = "; ".join(o.name for o in graph.orgs.values())
        raise UsageError(
            f"no post or unit matches {text!r}, and {head.strip()!r} names no organization "
            f"(before the colon, name one of: {known})"
        )
    from orgmodel.names.suggest import (
        suggestions,  # pyarrow and rapidfuzz, only when nothing matched
    )

    raise NameNotFoundError(text, suggestions(graph, wanted, org))


def _kinds(graph: OrgGraph, nodes: list[int]) -> str:
    posts = sum(1 for n in nodes if graph.is_post(n))
    return "posts" if posts == len(nodes) else "units" if not posts else "posts and units"
