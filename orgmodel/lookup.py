"""Find the post a user means: by id, title, abbreviation or holder, any case.

``"Hartford Public Schools: COO"`` narrows to one organization first. When
several posts fit, :class:`~orgmodel.errors.AmbiguousNameError` lists them;
when none does, :class:`~orgmodel.errors.NameNotFoundError` suggests the
closest titles. Matching goes in tiers -- exact name, then a title that
starts with the words given, then one that contains them -- and stops at
the first tier with any match, so "Superintendent" finds the
Superintendent of Schools and not every deputy.
"""

from __future__ import annotations

import difflib

from orgmodel.errors import AmbiguousNameError, NameNotFoundError
from orgmodel.graph import OrgGraph
from orgmodel.naming import acronym, norm_name

__all__ = ["find", "find_org"]


def find_org(graph: OrgGraph, text: str) -> str | None:
    """The id of the organization named (by id, name or abbreviation), if any."""
    key = norm_name(text)
    for org in graph.orgs.values():
        names = {org.id, org.name, org.abbreviation or "", acronym(org.name)}
        if key in {norm_name(n) for n in names if n}:
            return org.id
    return None


_SUGGEST_FROM = 50_000  # distinct titles compared for "did you mean" at most


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
        org = find_org(graph, head)
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
    hits = [n for n in graph.names.candidates(wanted) if allowed(n)]
    if not hits:
        key = norm_name(wanted)
        hits = [n for n in graph.names.tiers(key) if allowed(n)] if key else []
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise AmbiguousNameError(
            text, [f"{graph.label(n)} [id {graph.id_of(n)}]" for n in hits[:12]]
        )
    raise NameNotFoundError(text, _suggestions(graph, wanted, org))


def _suggestions(graph: OrgGraph, wanted: str, org: str | None) -> list[str]:
    """Up to five titles close to what was asked (within the organization named, if any)."""
    if org is None:
        by_norm = graph.names.titles()
    else:
        orgs, titles = graph.column("org"), graph.column("title")
        named = {t for t, o in zip(titles, orgs, strict=True) if o == org}
        named.update(u.name for u in graph.units if u.org == org)
        by_norm = {norm_name(t): t for t in named}
    key = norm_name(wanted)
    if len(by_norm) > _SUGGEST_FROM:  # very many titles: compare only those sharing a word
        words = set(key.split())
        by_norm = {k: t for k, t in by_norm.items() if words & set(k.split())}
    keys = sorted(by_norm)[:_SUGGEST_FROM]
    close = difflib.get_close_matches(key, keys, n=5, cutoff=0.5)
    return [by_norm[c] for c in close]
