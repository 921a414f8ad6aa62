"""Reading one prose cue: checks, the object, and what the sentence means.

A cue ("reports to", "under the general supervision of", "supervises") is
read only when the sentence states a fact about this post: not in a
requirement ("experience supervising staff"), not negated ("does not
supervise"), not in a relative clause about other people ("those who report
directly to the Council"), not when another class is the subject. The object
ends where the name ends (see :mod:`orgmodel.extract.lists`); "supervises
the following positions:" takes the bulleted list below it; and when the
superior named is the post itself ("All custodial staff shall be under the
supervision of the superintendent") the sentence is read the other way round.

>>> from orgmodel.extract.cues import find_cues
>>> from orgmodel.extract.facts import Ctx
>>> text = "Staff reports to the Board. The Clerk reports to the Mayor."
>>> ctx = Ctx(text, text, "clerk", frozenset({"clerk"}), "clerk")
>>> for cue in find_cues(text):
...     read_cue(ctx, cue, 0 if cue.start < 27 else 28, len(text), 1)
>>> [raw.name for raw in ctx.raws]
['Mayor']
"""

from __future__ import annotations

import re

from orgmodel.extract.cues import NEGATION, Cue, qualifying
from orgmodel.extract.facts import Ctx, add_fact, is_self, other_subject
from orgmodel.extract.lists import ENUM, Piece, split_items
from orgmodel.extract.vocab import DETERMINERS, VERBS, classify, head_word

__all__ = ["leading_verb", "object_end", "read_cue", "skip_verb_chain"]

_RELATIVE = re.compile(r"\b(?:who|that|which|whom)\s+(?:\w+\s+)?$", re.IGNORECASE)
_AUX_TAIL = re.compile(
    r"\s*(?:shall|will|must|may|should|would|can|are|is)?\s*(?:be|are|is|remain|remains)?\s*$",
    re.IGNORECASE,
)
_NOUN_REPORTS = re.compile(
    r"\b(?:staff|monthly|annual|weekly|daily|quarterly|written|financial|progress|status|budget|"
    r"statistical|the|any|all|such|these|those|various|special|periodic|required|regular|detailed|"
    r"technical|audit|incident|performance|prepares|submits|its|their)\s+$",
    re.IGNORECASE,
)
_FOLLOWING = re.compile(r"\s*(?:the\s+)?following(?:\s+[\w-]+){0,3}\s*|\s*", re.IGNORECASE)
_BULLET_LINE = re.compile(r"\s*(?:[*\-+]|\d{1,2}[.)])[ ]+(?P<item>[^\n]+)")
_UNDER_BEFORE = re.compile(r"\bunder\s+(?:the\s+)?(?:[\w/-]+\s+){0,3}$", re.IGNORECASE)
_PARTICIPIAL = re.compile(r"\s*(?:working|operating|serving|functioning)?\s*", re.IGNORECASE)


_MAX_OBJECT = 400
_CONTEXT = 300  # characters of a sentence read before a cue (keeps long texts linear)


def leading_verb(ctx: Ctx, start: int, end: int, cue: str, priority: int) -> int:
    """A supervision statement without a cue: "Leads other clerical employees as assigned."."""
    match = re.match(r"\s*([A-Za-z]+)", ctx.view[start:end])
    if not match:
        return 0
    word = match.group(1).lower()
    if word in VERBS:
        start = skip_verb_chain(ctx.view, start + match.end(), end)
    elif len(ctx.view[start:end].split()) > 12:
        return 0
    obj_end = object_end(ctx.view, start, end)
    ctx.mention += 1
    before = len(ctx.raws)
    for piece in split_items(ctx.view, start, obj_end, prose=True):
        add_fact(ctx, "supervises", "direct", piece, cue, priority, prose=True)
    return len(ctx.raws) - before


def read_cue(ctx: Ctx, cue: Cue, sent_start: int, sent_end: int, priority: int) -> None:
    """Read one cue in the sentence ``[sent_start, sent_end)``; facts go to ``ctx.raws``."""
    view = ctx.view
    cue_text = " ".join(ctx.text[cue.start : cue.end].split())
    sent_start = max(sent_start, cue.start - _CONTEXT)
    prefix = view[sent_start : cue.start]
    if qualifying(prefix):
        return
    if NEGATION.search(view[max(sent_start, cue.start - 25) : cue.end]):
        ctx.warnings.append(f"negated, not read as a relation: {view[sent_start:sent_end][:120]!r}")
        return
    if _RELATIVE.search(prefix[-25:]):
        return
    if cue.family == "and-to" and "report" not in prefix.lower():
        return
    if cue.family == "report" and _NOUN_REPORTS.search(prefix[-30:]):
        return
    if cue.family == "report" and re.search(r"\b(?:for|of|in|about|with)\s+$", prefix[-8:]):
        return
    if cue.family == "under-none":
        ctx.warnings.append(f"{cue_text!r} names no superior")
        return
    relation, kind = cue.relation, cue.kind
    if cue.family == "noun" and _UNDER_BEFORE.search(prefix[-40:]):
        relation, kind = "reports", "primary"
    if relation != "links" and other_subject(ctx, sent_start, cue.start):
        return
    pos = cue.end
    while pos < sent_end and view[pos] in " ,:\n":
        pos += 1
    if cue.verb:
        pos = skip_verb_chain(view, pos, sent_end)
    limit = min(sent_end, pos + _MAX_OBJECT)
    parenthetical = prefix.rstrip().endswith(",") and not cue.verb
    participial = relation == "reports" and _PARTICIPIAL.fullmatch(prefix) is not None
    end = object_end(view, pos, limit, stop_at_comma=parenthetical, participial=participial)
    if end < len(view) and view[end] == ":" and _FOLLOWING.fullmatch(view[pos:end]):
        pieces = _bullets_after(view, end + 1)
    else:
        pieces = split_items(view, pos, end, prose=True)
    if cue.family == "operations-of":
        pieces = [p for p in pieces if _runs_staff(view[p.start : p.end])]
    ctx.mention += 1
    inverted = relation == "reports" and pieces and cue.family in {"under", "passive"}
    if inverted and is_self(ctx, ctx.view[pieces[0].start : pieces[0].end]):
        _invert(ctx, sent_start, cue.start, cue_text, priority)
        return
    before = len(ctx.raws)
    for piece in pieces:
        if relation == "reports" and is_self(ctx, ctx.view[piece.start : piece.end]):
            continue
        add_fact(
            ctx, relation, kind, piece, cue_text, priority, prose=True, weak=cue.family == "manage"
        )
    added = ctx.raws[before:]
    if len(added) > 1 and added[0].generic and re.search(r"\sor\s", view[pos:end]):
        for raw in added:
            raw.generic = True


_NOT_RUN = frozenset({"function", "area", "program", "programme", "service", "services"})


def _runs_staff(name: str) -> bool:
    """'responsible for the operations of X': X is a team or a unit, not a function or a service.

    >>> _runs_staff("cross-functional teams"), _runs_staff("the administrative functions")
    (True, False)
    """
    return classify(name) in {"unit", "people"} and head_word(name) not in _NOT_RUN


def _bullets_after(view: str, pos: int) -> list[Piece]:
    """Items of the bulleted list that follows 'supervises the following positions:'."""
    pieces: list[Piece] = []
    for match in _BULLET_LINE.finditer(view, pos, min(len(view), pos + 3000)):
        if match.start() != pos and view[pos : match.start()].strip():
            break
        pieces.extend(split_items(view, match.start("item"), match.end("item"), prose=False))
        pos = match.end()
    return pieces


def _invert(ctx: Ctx, sent_start: int, cue_start: int, cue_text: str, priority: int) -> None:
    """'All custodial staff shall be under the supervision of the Facilities Manager'."""
    prefix = ctx.view[sent_start:cue_start]
    tail = _AUX_TAIL.search(prefix)
    end = sent_start + (tail.start() if tail else len(prefix))
    for piece in split_items(ctx.view, sent_start, end, prose=True):
        add_fact(ctx, "supervises", "direct", piece, cue_text, priority, prose=True)


def skip_verb_chain(view: str, pos: int, end: int) -> int:
    """Skip coordinated verbs after a verb cue: "Supervises[ and trains] support staff"."""
    chain = re.compile(r"\s*(?:,\s*(?:and/or\s+|and\s+|or\s+)?|(?:and/or|and|or)\s+)([A-Za-z]+)")
    for _ in range(8):
        match = chain.match(view, pos, end)
        if not match or match.group(1).lower() not in VERBS:
            break
        pos = match.end()
    return pos


def object_end(
    view: str, start: int, limit: int, *, stop_at_comma: bool = False, participial: bool = False
) -> int:
    """Where the object of a prose cue ends (never beyond ``limit``)."""
    enumerated = bool(ENUM.match(view, start, limit))
    depth = 0
    for match in re.finditer(r"[;:.!?(),]", view[start:limit]):
        pos = start + match.start()
        ch = match.group(0)
        if ch == "(":
            depth += 1
            continue
        if ch == ")":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        if ch == ";" and not enumerated:
            return pos
        if ch in ":!?":
            return pos
        if ch == "." and (pos + 1 >= limit or view[pos + 1] in " \n"):
            return pos
        if ch == ",":
            if stop_at_comma:
                return pos
            if participial:
                nxt = re.match(r"\s*([\w/]+)", view[pos + 1 : limit])
                word = nxt.group(1) if nxt else ""
                if not word or word.lower() in DETERMINERS or word.lower() in {"you", "he", "she"}:
                    return pos
                if word[0].islower() and word.lower() not in {"and", "or", "and/or"}:
                    return pos
    return limit
