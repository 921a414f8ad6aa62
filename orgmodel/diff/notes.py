"""What a diff could not compare, said in sentences: the limits of the data, not of the diff.

Real exports are not clean, and a diff that silently picks one reading of
them misleads. Each note names a side and a fact:

* ids given to several rows (two returns in one snapshot): each post is
  compared as its first row, and the note says how many rows were left out;
* posts listed only as *Eliminated*: abolished before BEFORE or listed by
  AFTER without BEFORE having them -- neither removed nor added;
* superiors that are only names (``Mayor`` when no row is the Mayor), or that
  match several posts: compared by the name as written; and moves to a name
  that was the old superior's own (the office was abolished or renamed, the
  reference was not updated);
* posts with a namesake on the other side (same organization and title)
  that could not be paired with certainty, so they are listed as removed
  and added.

>>> from orgmodel.graph import OrgGraph
>>> from orgmodel.diff.changes import compare
>>> from orgmodel.records import OrgData, PostRecord as P, Prov
>>> before = OrgGraph(OrgData(posts=[P("1", "Clerk")]))
>>> after = OrgGraph(OrgData(posts=[P("1", "Clerk", prov=Prov("b.csv", 2)),
...                                 P("1", "Clerk II", prov=Prov("b.csv", 3))]))
>>> compare(before, after).notes
["AFTER: 1 id is given to more than one row ('1' at b.csv:2, again at b.csv:3): each post is compared as its first row; 1 later row is not compared"]
"""  # noqa: E501

from __future__ import annotations

from collections import Counter
from itertools import compress
from typing import TYPE_CHECKING, Any

from orgmodel.diff.match import eliminated
from orgmodel.diff.superiors import SuperiorRefs
from orgmodel.graph import OrgGraph
from orgmodel.names.rules import name_key
from orgmodel.records import PostRecord

if TYPE_CHECKING:
    from orgmodel.diff.changes import Diff

__all__ = ["unmatched_notes"]


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def _examples(names: Counter[str], limit: int = 3) -> str:
    shown = [f"'{name}'" + (f" ×{n}" if n > 1 else "") for name, n in names.most_common(limit)]
    more = len(names) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _duplicates(side: str, graph: OrgGraph) -> list[str]:
    pairs = [
        (first, dup)
        for first, dup in graph.duplicates
        if isinstance(first, PostRecord) and isinstance(dup, PostRecord)
    ]
    if not pairs:
        return []
    ids = {first.id for first, _ in pairs}
    first, dup = pairs[0]
    return [
        f"{side}: {_plural(len(ids), 'id')} {'is' if len(ids) == 1 else 'are'} given to more "
        f"than one row ('{first.id}' at {first.prov.where()}, again at {dup.prov.where()}): "
        f"each post is compared as its first row; {_plural(len(pairs), 'later row')} "
        f"{'is' if len(pairs) == 1 else 'are'} not compared"
    ]


def _eliminated(diff: Diff, b_dead: set[int], a_dead: set[int]) -> list[str]:
    m = diff.match
    out = []
    gone = [i for i in b_dead if m.b2a[i] < 0 or m.b2a[i] in a_dead]
    if gone:
        out.append(
            f"BEFORE lists {_plural(len(gone), 'post')} as Eliminated (abolished already): "
            "not counted as removed"
        )
    listed = [j for j in a_dead if m.a2b[j] < 0]
    if listed:
        out.append(
            f"AFTER lists {_plural(len(listed), 'post')} as Eliminated that BEFORE does not "
            "have: not counted as added"
        )
    return out


def _names(side: str, refs: SuperiorRefs) -> list[str]:
    names = Counter(refs.name_of.values())
    names.update(r for others in refs.others.values() for r in others if isinstance(r, str))
    if not names:
        return []
    total = sum(names.values())
    return [
        f"{side}: {_plural(total, 'superior')} named in the data match no post, or several "
        f"({_examples(names)}): compared by the name as written"
    ]


class _Field:
    """One field of the posts, read post by post (only unmatched posts are looked at)."""

    def __init__(self, graph: OrgGraph, name: str) -> None:
        self._value = graph.posts.value
        self._name = name

    def __getitem__(self, node: int) -> Any:
        return self._value(self._name, node)


def _aggregate(attrs: dict[str, str] | None) -> bool:
    return bool(attrs and attrs.get("aggregate"))


def _namesakes(diff: Diff, b_dead: set[int], a_dead: set[int]) -> list[str]:
    """Removed and added posts that share organization and title with one on the other side.

    Aggregate rows (UK junior staff: a grade and title with an FTE) get a
    note of their own: they have no id, so a new grade or senior post makes
    a row another row.
    """
    b, a, m = diff.before, diff.after, diff.match
    b_org, b_title, b_attr = (_Field(b, name) for name in ("org", "title", "attributes"))
    a_org, a_title, a_attr = (_Field(a, name) for name in ("org", "title", "attributes"))
    unmatched_b = compress(range(b.post_count), map((-1).__eq__, m.b2a))  # at C speed
    removed = [i for i in unmatched_b if i not in b_dead]
    unmatched_a = compress(range(a.post_count), map((-1).__eq__, m.a2b))
    added = [j for j in unmatched_a if j not in a_dead]
    out = []
    rows = (
        sum(1 for i in removed if _aggregate(b_attr[i])),
        sum(1 for j in added if _aggregate(a_attr[j])),
    )
    if any(rows):
        out.append(
            f"{_plural(rows[0], 'junior-staff row')} removed and {rows[1]:,} added: such rows "
            "(a grade and title with an FTE) have no id, so they are paired by senior post, "
            "grade and title, or by title under the same senior post when one of a kind; a "
            "row whose senior post, or grade and title, changed is listed as removed and added"
        )
    removed = [i for i in removed if not _aggregate(b_attr[i])]
    added = [j for j in added if not _aggregate(a_attr[j])]
    names: dict[str, str] = {}  # each title normalised once (titles repeat)

    def key(org: str | None, title: str) -> tuple[str | None, str]:
        found = names.get(title)
        if found is None:
            found = names[title] = name_key(title)
        return org, found

    old_keys = {i: key(b_org[i], b_title[i]) for i in removed}
    old = Counter(old_keys.values())
    new = Counter(key(a_org[j], a_title[j]) for j in added)
    shared = old.keys() & new.keys()
    if not shared:
        return out
    titles = Counter(b_title[i] for i in removed if old_keys[i] in shared)
    out.append(
        f"{_plural(sum(old[k] for k in shared), 'removed post')} and "
        f"{_plural(sum(new[k] for k in shared), 'added post')} share their organization and "
        f"title with a post on the other side ({_examples(titles)}) but could not be paired "
        "with certainty (no shared id, and not one of a kind under one superior or in the "
        "organization): listed as removed and added; a --mapping file can pair them"
    )
    return out


def _stale_names(diff: Diff) -> list[str]:
    """Moves to a name that was the old superior's name: the office went or was renamed."""
    b = diff.before
    stale = Counter(
        str(c.new_value)
        for c in diff.changes
        if c.kind == "moved"  # (a ChangeKind: a str enum; changes.py imports this module)
        and c.old_node is not None
        and isinstance(c.new_value, str)
        and name_key(c.new_value) == name_key(b.title(c.old_node))
    )
    if not stale:
        return []
    total = sum(stale.values())
    return [
        f"AFTER: {_plural(total, 'post')} still {'names' if total == 1 else 'name'} "
        f"{'its' if total == 1 else 'their'} BEFORE superior ({_examples(stale)}), which no "
        "AFTER post is called any more (removed, or renamed): listed as moves to the name"
    ]


def unmatched_notes(diff: Diff, b_refs: SuperiorRefs, a_refs: SuperiorRefs) -> list[str]:
    """Every note for this diff, BEFORE's before AFTER's."""
    b_dead = eliminated(diff.before.column("attributes"))
    a_dead = eliminated(diff.after.column("attributes"))
    return [
        *_duplicates("BEFORE", diff.before),
        *_duplicates("AFTER", diff.after),
        *_eliminated(diff, b_dead, a_dead),
        *_names("BEFORE", b_refs),
        *_names("AFTER", a_refs),
        *_stale_names(diff),
        *_namesakes(diff, b_dead, a_dead),
    ]
