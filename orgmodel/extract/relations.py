"""From fields, sections and cues to reporting, supervision and link facts.

Three sources, in decreasing authority: labelled fields ("REPORTS TO:"),
sections that state supervision ("SUPERVISION RECEIVED"), and cue phrases in
prose. A field or section that states a kind of relation (primary line,
direct supervision, ...) wins over prose restating or guessing it; prose
that disagrees is dropped with a warning, so nothing is silently lost.

Fields are read as lists (with "(Primary)/(Secondary)" markers, "Directly:
/ Indirectly:" sub-labels, "(dotted line to X)" and two labels stacked
before their values); prose cues are read by :mod:`orgmodel.extract.prose`,
except inside qualification sections. Finally facts are deduplicated (a name
said twice is one fact), a shorter repeat of a name from another statement
is dropped, and the post itself is never its own superior.

>>> from orgmodel.extract.sections import work_view
>>> text = "The Clerk reports to the Mayor and supervises the Records Office."
>>> rel = extract_relations(text, work_view(text), title="Clerk")
>>> [(f.name, f.kind) for f in rel.reports], [(f.name, f.target) for f in rel.supervises]
([('Mayor', 'primary')], [('Records Office', 'unit')])
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from orgmodel.extract.cues import find_cues
from orgmodel.extract.facts import Ctx, Raw, add_fact, is_self
from orgmodel.extract.fields import Field, find_fields
from orgmodel.extract.lists import Piece, split_items
from orgmodel.extract.prose import leading_verb, read_cue
from orgmodel.extract.result import Evidence, LinkFact, ReportingFact, SupervisionFact
from orgmodel.extract.scoring import normalize
from orgmodel.extract.sections import (
    Section,
    SentenceIndex,
    find_sections,
    line_spans,
    section_at,
)
from orgmodel.extract.vocab import PEOPLE, POSTS, UNITS, VERBS, classify, head_word

__all__ = ["Relations", "extract_relations"]

_NONE_VALUE = re.compile(
    r"^(?:none|n/?a|na|not applicable|no one|nobody|no supervisory\b.*|no direct reports|"
    r"no supervision\b.*|-+|tbd|not stated|nil)\.?$",
    re.IGNORECASE,
)
_SUBLABEL = re.compile(r"\b(directly|indirectly)\s*:\s*", re.IGNORECASE)
_DOTTED_PAREN = re.compile(
    r"\s*\((?:with\s+(?:an?\s+)?)?(?:dotted[- ]line|secondary|indirect|matrix)(?:\s+reporting)?"
    r"(?:\s+(?:line|relationship))?\s+(?:to\s+)?(?:the\s+)?(?P<name>[^()]{2,80})\)",
    re.IGNORECASE,
)
_HEADS = POSTS | UNITS | PEOPLE
_SHADOW_LIMIT = 300
_MAX_CUES_PER_SENTENCE = 25
_MAX_FIELDS = 500


@dataclass(slots=True)
class Relations:
    """The facts found, in text order, and what the reader should know."""

    reports: list[ReportingFact] = field(default_factory=list)
    supervises: list[SupervisionFact] = field(default_factory=list)
    links: list[LinkFact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _field_facts(ctx: Ctx, fields: list[Field]) -> list[tuple[int, int]]:
    """Facts from relation fields; returns spans prose cues must not read again."""
    blocked: list[tuple[int, int]] = []
    stacked: dict[int, Piece] = {}
    read = 0
    for index, fld in enumerate(fields):
        blocked.append((fld.label_start, fld.label_end))
        if fld.role not in {"reports", "supervises"}:
            continue
        read += 1
        if read > _MAX_FIELDS:
            if read == _MAX_FIELDS + 1:
                ctx.warnings.append(f"more than {_MAX_FIELDS} reporting fields; the rest not read")
            continue
        ctx.mention += 1
        values = list(fld.values)
        if not values:
            nxt = fields[index + 1] if index + 1 < len(fields) else None
            stacks = nxt is not None and nxt.role in {"reports", "supervises"} and bool(nxt.values)
            if nxt is not None and stacks and nxt.label_start - fld.label_end <= 3:
                head = _split_stacked(ctx, nxt.values[0])
                if head is not None:
                    stacked[index + 1] = head[1]
                    add_fact(ctx, fld.role, fld.kind, head[0], fld.cue, 3, prose=False)
                    ctx.strong.add((fld.role, fld.kind))
            continue
        for vstart, vend in values:
            if index in stacked and vstart == fld.values[0][0]:
                vstart = stacked[index].start
            blocked.append((vstart, vend))
            _field_value(ctx, fld, vstart, vend)
    return blocked


def _split_stacked(ctx: Ctx, span: tuple[int, int]) -> tuple[Piece, Piece] | None:
    """'Reports to: Supervises: Superintendent Business Manager, ...': the first name is the
    superior, the rest the supervised list."""
    start, end = span
    comma = ctx.view.find(",", start, end)
    first_end = comma if comma >= 0 else end
    words = list(re.finditer(r"\S+", ctx.view[start:first_end]))
    for k in range(1, len(words)):
        prefix = ctx.view[start : start + words[k - 1].end()]
        if head_word(prefix) in _HEADS and words[k].group(0)[:1].isupper():
            return Piece(start, start + words[k - 1].end()), Piece(start + words[k].start(), end)
    return None


def _field_value(ctx: Ctx, fld: Field, vstart: int, vend: int) -> None:
    value = ctx.view[vstart:vend].strip()
    if _NONE_VALUE.match(value):
        ctx.strong.add((fld.role, fld.kind))
        ctx.warnings.append(f"{fld.cue} {value!r}: the posting states none")
        return
    subs = list(_SUBLABEL.finditer(ctx.view, vstart, vend))
    if fld.role == "supervises" and subs:
        bounds = [*(m.start() for m in subs), vend]
        if subs[0].start() > vstart:
            _field_value_part(ctx, fld, fld.kind, vstart, subs[0].start())
        for k, match in enumerate(subs):
            kind = "indirect" if match.group(1).lower() == "indirectly" else "direct"
            _field_value_part(ctx, fld, kind, match.end(), bounds[k + 1])
        return
    _field_value_part(ctx, fld, fld.kind, vstart, vend)


def _field_value_part(ctx: Ctx, fld: Field, kind: str, vstart: int, vend: int) -> None:
    has_paren = ctx.view.find("(", vstart, vend) >= 0
    dotted = (
        _DOTTED_PAREN.search(ctx.view, vstart, vend)
        if has_paren and fld.role == "reports"
        else None
    )
    if dotted:
        piece = Piece(dotted.start("name"), dotted.end("name"))
        add_fact(ctx, "reports", "secondary", piece, fld.cue, 3, prose=False)
        ctx.strong.add(("reports", "secondary"))
        _field_value_part(ctx, fld, kind, vstart, dotted.start())
        return
    words = ctx.view[vstart:vend].split()
    if not words:
        return
    first = words[0].lower()
    if first in VERBS and not first.endswith(("ing", "ed")) and first not in {"support", "lead"}:
        before = len(ctx.raws)
        for cue in find_cues(ctx.view, vstart, vend):
            read_cue(ctx, cue, vstart, vend, 3)
        if len(ctx.raws) == before and fld.role == "supervises":
            leading_verb(ctx, vstart, vend, fld.cue, 3)
        ctx.strong.add((fld.role, kind))
        return
    pieces = split_items(ctx.view, vstart, vend, prose=False)
    klasses = [classify(ctx.view[p.start : p.end]) for p in pieces]
    sibling = (
        "post" if klasses.count("unit") < sum(k in {"post", "people"} for k in klasses) else "unit"
    )
    for piece in pieces:
        add_fact(ctx, fld.role, kind, piece, fld.cue, 3, prose=False, sibling_target=sibling)
    ctx.strong.add((fld.role, kind))


def _assemble(ctx: Ctx) -> Relations:
    out = Relations(warnings=ctx.warnings)
    strong = ctx.strong | {(r.relation, r.kind) for r in ctx.raws if r.priority >= 2}
    kept: list[Raw] = []
    seen: set[tuple[str, str]] = set()
    seen_words: set[tuple[str, frozenset[str]]] = set()
    for raw in sorted(ctx.raws, key=lambda r: (-r.priority, r.start)):
        if (raw.relation, raw.norm) in seen or (raw.relation, raw.wordset) in seen_words:
            continue
        seen.add((raw.relation, raw.norm))
        seen_words.add((raw.relation, raw.wordset))
        if raw.priority == 1 and raw.relation != "links" and (raw.relation, raw.kind) in strong:
            out.warnings.append(
                f"prose {raw.relation.replace('reports', 'reporting line')} {raw.name!r} "
                f"({raw.cue}) ignored: a field or section states the {raw.kind} ones"
            )
            continue
        if raw.relation != "links" and ctx.title_norm is not None and is_self(ctx, raw.name):
            continue
        kept.append(raw)
    if len(kept) <= _SHADOW_LIMIT:
        kept = [r for r in kept if not _shadowed(r, kept)]
    superiors = {r.norm for r in kept if r.relation == "reports"}
    for raw in sorted(kept, key=lambda r: r.start):
        evidence = Evidence(raw.start, raw.end, ctx.text[raw.start : raw.end], raw.cue)
        if raw.relation == "reports":
            out.reports.append(
                ReportingFact(
                    raw.name,
                    _kind(raw.kind, ("primary", "secondary")),
                    raw.generic,
                    evidence,
                    raw.abbreviation,
                )
            )
        elif raw.relation == "supervises":
            if raw.norm in superiors:
                continue
            out.supervises.append(
                SupervisionFact(
                    raw.name,
                    _kind(raw.kind, ("direct", "indirect")),
                    "unit" if raw.target == "unit" else "post",
                    evidence,
                    raw.abbreviation,
                )
            )
        else:
            out.links.append(
                LinkFact(
                    raw.name,
                    _kind(raw.kind, ("liaison", "advises", "works_with")),
                    evidence,
                    raw.abbreviation,
                )
            )
    return out


def _kind(kind: str, allowed: tuple[str, ...]) -> Any:
    """``kind`` if it is one of ``allowed`` (the Literal types of the result), else the first."""
    return kind if kind in allowed else allowed[0]


def _shadowed(raw: Raw, kept: list[Raw]) -> bool:
    """A shorter repeat of a name already found in another statement ("Benefits Supervisors")."""
    if len(raw.wordset) < 2:
        return False
    return any(
        other is not raw
        and other.relation == raw.relation
        and other.mention != raw.mention
        and raw.wordset < other.wordset
        for other in kept
    )


def extract_relations(
    text: str,
    view: str,
    *,
    title: str | None = None,
    fields: list[Field] | None = None,
    sections: list[Section] | None = None,
    sentence_index: SentenceIndex | None = None,
) -> Relations:
    """Reporting lines, supervision and links stated in ``text`` (``view`` is its work view)."""
    norm = normalize(title) if title else None
    words = frozenset(norm.split()) if norm else frozenset()
    ctx = Ctx(text, view, norm or None, words, head_word(title) if title else "")
    lines = line_spans(view) if sections is None or sentence_index is None else []
    fields = find_fields(view) if fields is None else fields
    sections = find_sections(view, lines) if sections is None else sections
    index = SentenceIndex(view, lines) if sentence_index is None else sentence_index
    blocked = sorted(_field_facts(ctx, fields))
    with_cue: set[tuple[int, int]] = set()
    per_sentence: dict[tuple[int, int], int] = {}
    for cue in find_cues(view):
        if _inside(blocked, cue.start):
            continue
        section = section_at(sections, cue.start)
        if section.kind == "qualification":
            continue
        sentence = index.at(cue.start)
        if sentence is None or sentence[1] < cue.end:
            continue
        with_cue.add(sentence)
        per_sentence[sentence] = per_sentence.get(sentence, 0) + 1
        if per_sentence[sentence] > _MAX_CUES_PER_SENTENCE:
            if per_sentence[sentence] == _MAX_CUES_PER_SENTENCE + 1:
                ctx.warnings.append(
                    f"more than {_MAX_CUES_PER_SENTENCE} cues in one sentence at offset "
                    f"{sentence[0]}; the rest of that sentence was not read"
                )
            continue
        priority = 2 if section.kind in {"received", "exercised", "both"} else 1
        read_cue(ctx, cue, sentence[0], sentence[1], priority)
    _exercised_sections(ctx, sections, index, with_cue, blocked)
    return _assemble(ctx)


def _inside(blocked: list[tuple[int, int]], pos: int) -> bool:
    index = bisect.bisect_right(blocked, (pos, len(blocked) + 1 << 40)) - 1
    return any(s <= pos < e for s, e in blocked[max(0, index - 3) : index + 1])


def _exercised_sections(
    ctx: Ctx,
    sections: list[Section],
    index: SentenceIndex,
    with_cue: set[tuple[int, int]],
    blocked: list[tuple[int, int]],
) -> None:
    for section in sections:
        if section.kind not in {"exercised", "both"}:
            continue
        seen = 0
        for start, end in index.following(section.start):
            if start >= section.end or seen >= 3:
                break
            text = ctx.view[start:end]
            if not any(ch.islower() for ch in text) and not _NONE_VALUE.match(text.strip()):
                continue
            seen += 1
            if (start, end) in with_cue or _inside(blocked, start):
                continue
            if _NONE_VALUE.match(text.strip()):
                ctx.strong.add(("supervises", "direct"))
                ctx.warnings.append(f"{section.heading}: {text.strip()!r}: the posting states none")
                continue
            if leading_verb(ctx, start, end, section.heading, 2):
                ctx.strong.add(("supervises", "direct"))
