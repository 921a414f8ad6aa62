"""Where a stated object ends and how it splits into names, the way a reader would.

"Supervises the Accounts Manager, Budget Analyst and an Intern" is three
posts; "reports to the Executive Vice President and Corporate Secretary" is one; "the
Town Administrator and Finance Committee" is a post and a body; "Office of
Admissions and Student Aid" and "Food & Child Nutrition Services Department"
are one unit each. The rules, in order:

* ``;`` and enumerators ``(1) (2)`` separate groups; commas separate segments
  (never inside parentheses);
* in prose a segment ends where a modifier starts (a preposition, a relative
  clause, a participle such as "performing ...") and the whole object ends at
  a new predicate ("... and provides support");
* ``and``/``or`` splits two *headed* phrases, except a combined title (two
  singular posts with different heads, outside a comma list), a shared head
  ("technical or administrative supervisor"), or a conjunction inside an
  "of"-complement ("Office of Admissions and Student Aid");
* a trailing capitalised qualifier stays with its name (", Asian Art");
  a personal name is dropped (", Jordan Avery").

>>> view = "the Accounts Manager, Budget Analyst and an Intern."
>>> [view[p.start:p.end] for p in split_items(view, 0, len(view) - 1, prose=True)]
['the Accounts Manager', 'Budget Analyst', 'an Intern']
>>> view = "the Executive Vice President and Corporate Secretary"
>>> [view[p.start:p.end] for p in split_items(view, 0, len(view), prose=True)]
['the Executive Vice President and Corporate Secretary']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from orgmodel.extract.names import is_person_name
from orgmodel.extract.vocab import (
    DETERMINERS,
    FINITE_VERBS,
    VERBS,
    classify,
    head_word,
    is_plural_head,
    words,
)

__all__ = ["ENUM", "Piece", "split_items"]


@dataclass(frozen=True, slots=True)
class Piece:
    """One item of a list: a span in the text, plus what the list said about it."""

    start: int
    end: int
    indirect: bool = False
    marker: str | None = None
    through: bool = False


_SEPARATORS = re.compile(r"[(),;]")
_CONJ = re.compile(r"\s(and/or|and|or|nor|&)\s", re.IGNORECASE)
_LEAD_CONJ = re.compile(r"(?:and/or|and|or|nor|&)\s+", re.IGNORECASE)
ENUM = re.compile(r"\s*(?:\(\d{1,2}\)|\(?[a-h]\)|\d{1,2}[.)])\s+")
_MARKER = re.compile(r"\(\s*(primary|secondary|dotted[- ]line|solid[- ]line)\s*\)", re.IGNORECASE)
_TRAILING_CONJ = re.compile(r"\s+(?:and/or|and|or|nor|&)\s*$", re.IGNORECASE)
_THROUGH = re.compile(r"(?:^|\s)through\s", re.IGNORECASE)
_TOKEN = re.compile(r"[\w'./&-]+|[()]")
_REL = words("who whom whose which that where while when whereby")
_PREP = words(
    """in at on with within without during throughout by from into via across regarding
    concerning including except per upon among between against toward towards about beyond
    after before until like as such if because since although though whereas unless than etc
    under over e.g. i.e. so"""
)
_AMBIGUOUS = words(
    """support supports work works plan plans lead leads design process record records report
    reports review reviews training planning schedule issue issues service services budget
    program research staff operating programming processing accounting marketing engineering
    building housing teaching learning purchasing scheduling staffing coaching counseling
    nursing guide guides help set track update updates act acts draft present interview monitor
    monitors contract"""
)
_ING_NOUNS = _AMBIGUOUS | words(
    """recruiting landscaping printing publishing banking lending consulting auditing
    contracting testing tutoring licensing permitting parking cleaning catering billing coding
    screening advertising fundraising networking computing mentoring funding"""
)
_PARTICIPLES = words(
    """engaged assigned located based employed involved responsible listed described identified
    named required needed performing providing serving working handling assisting supporting
    representing reporting engaged"""
)
_QUANT = re.compile(
    r"(?:all|each|both|any|most|some|many|several|various|other|certain|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|\d+)(?:\s+of)?(?:\s+(?:the|these|its|their))?\s+",
    re.IGNORECASE,
)
_ENDS_ANY = _REL | _PREP | {"through", "to", "for", "and", "or", "and/or"}
"""Words that can end a name whatever their case (the other endings are lower-case words)."""
_HEADED = frozenset({"post", "unit", "people", "nonstaff"})
_MAX_TOKENS = 40  # no name is longer; keeps a runaway object linear


def _depth_ok(view: str, start: int, pos: int) -> bool:
    if view.find("(", start, pos) < 0:
        return True  # no parenthesis opened before pos
    depth = 0
    for ch in view[start:pos]:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
    return depth == 0


def _top_split(view: str, start: int, end: int, sep: str) -> list[tuple[int, int]]:
    if view.find(sep, start, end) < 0:
        return [(start, end)]
    parts: list[tuple[int, int]] = []
    depth = 0
    cur = start
    for match in _SEPARATORS.finditer(view, start, end):
        ch = match.group(0)
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == sep and depth == 0:
            parts.append((cur, match.start()))
            cur = match.end()
    parts.append((cur, end))
    return parts


def _strip(view: str, start: int, end: int) -> tuple[int, int]:
    while start < end and view[start] in " \n*-:,/\"'":
        start += 1
    while end > start and view[end - 1] in " \n.,;:/\"'*-":
        end -= 1
    return start, end


def _klass(text: str) -> str:
    stripped = _QUANT.sub("", text, count=1) if _QUANT.match(text) else text
    return classify(stripped)


@dataclass(slots=True)
class _Seg:
    pieces: list[Piece]
    conj: bool
    start: int
    stop: bool
    through: bool = False


def _cut(view: str, start: int, end: int) -> tuple[int, str, int]:
    """End of the name in a prose segment, why it ended, and where a relative clause starts."""
    found = list(islice(_TOKEN.finditer(view, start, end), _MAX_TOKENS + 2))
    if len(found) > _MAX_TOKENS:
        end = found[_MAX_TOKENS].start()
        found = found[:_MAX_TOKENS]
    tokens = [m.group(0) for m in found]
    depth = 0
    for index, tok in enumerate(tokens):
        if tok == "(":
            depth += 1
            continue
        if tok == ")":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        low = tok.lower()
        if low not in _ENDS_ANY and not tok[0].islower():
            continue  # a capitalised word that is no relative, preposition or conjunction
        tstart = found[index].start()
        nxt = tokens[index + 1] if index + 1 < len(tokens) else ""
        if low in _REL:
            return tstart, "rel", tstart
        if low == "through":
            return tstart, "through", tstart
        if low in _PREP:
            return tstart, "mod", -1
        if low == "to" and nxt and nxt.lower() not in DETERMINERS and not nxt[0].isupper():
            return tstart, "mod", -1
        if low == "for" and (not nxt or nxt.lower() in DETERMINERS or nxt[0].islower()):
            return tstart, "mod", -1
        if low in {"and", "or"} and nxt.endswith("ly") and nxt[0].islower() and nxt != "only":
            return tstart, "pred", -1
        if low in {"and", "or", "and/or"} and nxt:
            after = tokens[index + 2].lower() if index + 2 < len(tokens) else ""
            verbish = nxt.lower() in VERBS and nxt[0].islower()
            if verbish and (nxt.lower() not in _AMBIGUOUS or after in DETERMINERS):
                return tstart, "pred", -1
            if nxt[0].islower() and nxt.endswith("s") and after in DETERMINERS:
                return tstart, "pred", -1
        if not tok[0].islower():
            continue  # what follows only ends a name at a lower-case word
        if index > 0 and low in FINITE_VERBS:
            return tstart, "clause", -1
        # "assigned police officers" is a name; "managing the organization" is a clause
        adjectival = low.endswith("ed") or (low.endswith("ing") and nxt.lower() not in DETERMINERS)
        starts_clause = low in VERBS and not adjectival and low not in _AMBIGUOUS
        if index == 0 and starts_clause:
            return tstart, "clause", -1
        if (
            index > 0
            and (low in _PARTICIPLES or (low.endswith("ing") and low in VERBS))
            and low not in _ING_NOUNS
            and _klass(view[start:tstart]) in _HEADED
        ):
            return tstart, "mod", -1
    return end, "", -1


def _field_cut(view: str, start: int, end: int) -> int:
    """A field item ends before a participle or relative clause ("Custodians assigned to ...")."""
    for match in _TOKEN.finditer(view, start, end):
        word = match.group(0)
        if match.start() == start or not word.islower():
            continue
        if (word in _PARTICIPLES or word in _REL) and _klass(
            view[start : match.start()]
        ) in _HEADED:
            return match.start()
    return end


def _conj_split(
    view: str, start: int, end: int, *, prose: bool, list_final: bool
) -> list[tuple[int, int]]:
    conjs = [m for m in _CONJ.finditer(view, start, end) if _depth_ok(view, start, m.start())]
    if not conjs:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    cur = start
    for index, match in enumerate(conjs):
        right_end = conjs[index + 1].start() if index + 1 < len(conjs) else end
        left = view[cur : match.start()].strip()
        right = view[match.end() : right_end].strip()
        if right.lower().startswith("of "):
            out.append((cur, match.start()))
            cur = match.end() + 3
            continue
        lk, rk = _klass(left), _klass(right)
        tokens = [w for w in left.split() if w.lower() not in DETERMINERS]
        first = right.split()[0].lower() if right.split() else ""
        if lk not in _HEADED:
            continue
        # "department or division manager", "professional and paraprofessional staff"
        shared = len(tokens) == 1 and tokens[0].islower() and not is_plural_head(tokens[0])
        if shared and len(right.split()) >= 2:
            continue
        comp = re.search(r"\s(?:of|for)\s", left)
        inside = comp and (match.group(1) == "&" or _klass(left[comp.end() :]) not in _HEADED)
        if inside and first not in DETERMINERS:
            continue
        if rk not in _HEADED:
            rest = view[match.end() : end]
            if (first in DETERMINERS or right[:1].isupper()) and _klass(rest.strip()) in _HEADED:
                # "... Manager and the Energy and Sustainability Coordinator": the name
                # after the conjunction has its own "and"; split the rest on its own
                out.append((cur, match.start()))
                out.extend(_conj_split(view, match.end(), end, prose=prose, list_final=list_final))
                return out
            if right[:1].islower() and (prose or first in DETERMINERS):
                out.append((cur, match.start()))
                return out
            continue
        if (
            lk == "post"
            and rk == "post"
            and not list_final
            and not is_plural_head(left)
            and not is_plural_head(right)
            and head_word(left) != head_word(right)
            and first not in DETERMINERS
        ):
            continue
        out.append((cur, match.start()))
        cur = match.end()
    out.append((cur, end))
    return out


def _segment(
    view: str, start: int, end: int, *, prose: bool, list_final: bool, first: bool
) -> _Seg:
    start, end = _strip(view, start, end)
    conj = False
    lead = _LEAD_CONJ.match(view, start, end)
    if lead:
        start, conj = lead.end(), True
    if start >= end:
        return _Seg([], conj, start, False)
    marker = _MARKER.search(view, start, end) if view.find("(", start, end) >= 0 else None
    if marker:
        name_start, name_end = _strip(view, start, marker.start())
        kind = marker.group(1).lower().replace(" ", "-")
        rest = _strip(view, marker.end(), end)
        marked = [Piece(name_start, name_end, marker=kind)] if name_end > name_start else []
        if rest[1] > rest[0]:
            tail = _segment(view, rest[0], rest[1], prose=prose, list_final=False, first=False)
            marked.extend(tail.pieces)
        return _Seg(marked, conj, start, False)
    stop = False
    pieces: list[Piece] = []
    if conj and prose:
        word = re.match(r"[a-z]+", view[start:end])
        if word and word.group(0) in VERBS:
            return _Seg([], conj, start, True)
    if not prose:
        end = _field_cut(view, start, end)
    if prose:
        through = (
            _THROUGH.search(view, start - 1, end) if "through" in view[start:end].lower() else None
        )
        if through and _depth_ok(view, start, through.start()):
            left_end, _, _ = _cut(view, start, max(start, through.start()))
            left = _strip(view, start, left_end)
            for ps, pe in _conj_split(view, *left, prose=True, list_final=False):
                ps, pe = _strip(view, ps, pe)
                if pe > ps:
                    pieces.append(Piece(ps, pe, indirect=True))
            after = _segment(view, through.end(), end, prose=True, list_final=False, first=True)
            pieces.extend(Piece(p.start, p.end, p.indirect, p.marker, True) for p in after.pieces)
            return _Seg(pieces, conj, start, after.stop, through=left[1] <= left[0])
        cut, reason, rel = _cut(view, start, end)
        if cut == start and reason:
            return _Seg([], conj, start, True)
        if reason == "clause" and not first:
            return _Seg([], conj, start, True)
        stop = reason in {"pred", "rel", "clause"}
        relative = _relative(view, rel, end) if reason == "rel" else []
        end = cut
        trailing = _TRAILING_CONJ.search(view, start, end)
        if trailing:
            end = trailing.start()
    else:
        relative = []
    for piece_start, piece_end in _conj_split(view, start, end, prose=prose, list_final=list_final):
        ps, pe = _strip(view, piece_start, piece_end)
        if pe > ps:
            pieces.extend(Piece(a, b) for a, b in _alternatives(view, ps, pe))
    return _Seg(pieces + relative, conj, start, stop)


_CHOSEN = words("assigned designated appropriate respective relevant applicable")


def _alternatives(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """'Assigned Teacher/Principal' is two superiors: a slash after a generic qualifier.

    A slash usually joins the titles of one post ("City Clerk/Director of
    General Services"), but a post picked case by case ("assigned",
    "designated") is no particular post, so it cannot hold a combined title:
    there the slash offers alternatives.
    """
    slash = view.find("/", start, end)
    if slash < 0 or view.find("/", slash + 1, end) >= 0:
        return [(start, end)]
    left, right = view[start:slash].split(), view[slash + 1 : end].split()
    if (
        len(left) < 2
        or left[0].lower() not in _CHOSEN
        or not 1 <= len(right) <= 4
        or not right[0][:1].isupper()
        or _klass(" ".join(left)) != "post"
        or _klass(" ".join(right)) != "post"
    ):
        return [(start, end)]
    return [(start, slash), (slash + 1, end)]


_REL_VERB = re.compile(
    r"(?:who|that|which)\s+(?:in\s+turn\s+|also\s+)?(?:oversee|supervise|manage|direct|lead|head)s?\s+",
    re.IGNORECASE,
)


def _relative(view: str, start: int, end: int) -> list[Piece]:
    """Items a supervised group itself supervises ("directors who oversee 27 areas")."""
    match = _REL_VERB.match(view, start, end)
    if not match:
        return []
    ps, pe = _strip(view, match.end(), end)
    return [Piece(ps, pe, indirect=True)] if pe > ps else []


def _group(view: str, start: int, end: int, *, prose: bool) -> tuple[list[Piece], bool]:
    enum = ENUM.match(view, start, end)
    if enum:
        start = enum.end()
    spans = _top_split(view, start, end, ",")
    has_conj = any(_LEAD_CONJ.match(view, *_strip(view, s, e)) for s, e in spans[1:])
    segs: list[_Seg] = []
    for index, (s, e) in enumerate(spans):
        final = index == len(spans) - 1 and len(spans) > 1 and not has_conj
        seg = _segment(view, s, e, prose=prose, list_final=final, first=index == 0)
        if seg.through:
            _mark_indirect(segs)
        segs.append(seg)
        if seg.stop:
            break
    stopped = bool(segs) and segs[-1].stop
    _merge_qualifier(view, segs)
    _merge_shared_head(view, segs)
    pieces = [p for seg in segs for p in seg.pieces]
    return [p for p in pieces if not is_person_name(view[p.start : p.end])], stopped


def _mark_indirect(segs: list[_Seg]) -> None:
    """'several units, through subordinate supervisors': the units are reached indirectly."""
    for seg in reversed(segs):
        if seg.pieces:
            last = seg.pieces[-1]
            seg.pieces[-1] = Piece(last.start, last.end, True, last.marker)
            return


def _merge_qualifier(view: str, segs: list[_Seg]) -> None:
    """Glue capitalised, headless segments back to the name they qualify.

    ", Asian Art" after the only other segment, or a segment continuing an
    "of" complement ("Director of Parks, Recreation and Cultural Affairs").
    """
    for index in range(1, len(segs)):
        seg, prev = segs[index], segs[index - 1]
        if seg.conj or len(seg.pieces) != 1 or not prev.pieces:
            continue
        piece = seg.pieces[0]
        text = view[piece.start : piece.end]
        if _klass(text) in _HEADED or not text[:1].isupper() or is_person_name(text):
            continue
        last = prev.pieces[-1]
        complement = re.search(r"\s(?:of|for)\s", view[last.start : last.end]) is not None
        if len(segs) != 2 and not complement:
            continue
        seg.pieces.clear()
        prev.pieces[-1] = Piece(last.start, piece.end, last.indirect, last.marker)
        seg.pieces, prev.pieces = prev.pieces, []


def _merge_shared_head(view: str, all_segs: list[_Seg]) -> None:
    segs = [seg for seg in all_segs if seg.pieces]
    if len(segs) < 2:
        return
    tail = segs[-1].pieces[0]
    tail_text = view[tail.start : tail.end]
    tail_klass = _klass(tail_text)
    if tail_klass != "people" and not (tail_klass == "post" and is_plural_head(tail_text)):
        return
    first = len(segs) - 1
    while first > 0:
        seg = segs[first - 1]
        if len(seg.pieces) != 1:
            break
        text = view[seg.pieces[0].start : seg.pieces[0].end]
        tokens = text.split()
        bare_noun = len(tokens) == 1 and not is_plural_head(text)
        if (_klass(text) in _HEADED and not bare_noun) or not text[:1].islower() or len(tokens) > 4:
            break
        first -= 1
    if first == len(segs) - 1:
        return
    merged = Piece(segs[first].pieces[0].start, tail.end, tail.indirect, tail.marker)
    for seg in segs[first:-1]:
        seg.pieces.clear()
    segs[-1].pieces[0] = merged


def split_items(view: str, start: int, end: int, *, prose: bool) -> list[Piece]:
    """Split ``view[start:end]`` into list items (see the module docstring)."""
    pieces: list[Piece] = []
    for group_start, group_end in _top_split(view, start, end, ";"):
        found, stopped = _group(view, group_start, group_end, prose=prose)
        pieces.extend(found)
        if stopped and prose:
            break
    return pieces
