"""From candidates to facts: score, keep the stated ones, one fact per name.

:func:`extract_relations` asks :mod:`orgmodel.extract.candidates` for every
relation the layout and the grammar propose, lets the scorer
(:mod:`orgmodel.extract.scorer`) give each its probability, and keeps
those over the threshold. A name proposed several times becomes one fact
(the likeliest reading wins and records its cue and rule); a shorter
repeat of a longer name from another statement ("Director" beside
"Director, Port Department") is dropped; a name cannot be both above and
below the post. Informational links (advises, liaison, works with) are
kept as links when the clause is about this post and names a post or a
unit -- they are never reporting lines.

>>> from orgmodel.extract.layout import Layout
>>> text = "The Clerk reports to the Mayor and supervises the Records Office."
>>> rel = extract_relations(Layout(text), title="Clerk")
>>> [(f.name, f.kind) for f in rel.reports], [(f.name, f.target) for f in rel.supervises]
([('Mayor', 'primary')], [('Records Office', 'unit')])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from orgmodel.extract.candidates import Candidate, find_candidates
from orgmodel.extract.layout import Layout
from orgmodel.extract.result import Evidence, LinkFact, ReportingFact, SupervisionFact
from orgmodel.extract.scorer import Scorer, default_scorer
from orgmodel.extract.scoring import normalize

__all__ = ["Relations", "extract_relations", "select"]

_LINK_HEADS = frozenset({"head=post", "head=unit", "head=people"})


@dataclass(slots=True)
class Relations:
    """The facts found, in text order, and what the reader should know."""

    reports: list[ReportingFact] = field(default_factory=list)
    supervises: list[SupervisionFact] = field(default_factory=list)
    links: list[LinkFact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    near_misses: list[str] = field(default_factory=list)
    """Candidates a little under the threshold (``extract --explain`` shows them)."""


def _words(cand: Candidate) -> frozenset[str]:
    """The name's words, parenthetical ones included ("Manager of Operations (Civil
    Construction)" holds "Manager of Civil Operations")."""
    text = cand.name if cand.abbreviation is None else f"{cand.name} {cand.abbreviation}"
    return frozenset(normalize(text.replace("(", " ").replace(")", " ")).split())


def select(cands: list[Candidate], scorer: Scorer) -> list[Candidate]:
    """The accepted candidates: scored, one per name, no shorter repeats, no contradictions."""
    best: dict[tuple[str, str], Candidate] = {}
    for cand in cands:
        if cand.relation == "link":
            continue
        cand.score = scorer.probability(cand.features)
        key = (cand.relation, normalize(cand.name))
        kept = best.get(key)
        if kept is None or cand.score > kept.score:
            best[key] = cand
    for cand in cands:
        kept = best.get((cand.relation, normalize(cand.name)))
        if kept is not None and kept is not cand:
            cand.note = f"the same name is read more surely at {kept.start}"
    accepted = [c for c in best.values() if c.score >= scorer.threshold]
    accepted += _list_mates(list(best.values()), accepted, scorer.threshold)
    if len(accepted) <= 300:
        shadowed = {id(c): _shadowed(c, accepted) for c in accepted}
        for cand in accepted:
            longer = shadowed[id(cand)]
            if longer is not None:
                cand.note = f"a shorter repeat of {longer.name!r}"
        accepted = [c for c in accepted if shadowed[id(c)] is None]
    by_name: dict[str, Candidate] = {}
    for cand in accepted:
        norm = normalize(cand.name)
        other = by_name.get(norm)
        if other is None or cand.score > other.score:
            if other is not None:
                other.note = "read both above and below the post: the surer reading wins"
            by_name[norm] = cand
        else:
            cand.note = "read both above and below the post: the surer reading wins"
    return sorted(by_name.values(), key=lambda c: c.start)


def _head(cand: Candidate) -> str:
    return next((f for f in cand.features if f.startswith("head=") and "&" not in f), "")


def _list_mates(
    cands: list[Candidate], accepted: list[Candidate], threshold: float
) -> list[Candidate]:
    """Names listed with an accepted one, of the same kind, nearly as likely: one list is
    one statement ("assign the work of analysts, developers and technicians")."""
    kept = {(c.mention, c.relation, _head(c)) for c in accepted}
    chosen = {id(c) for c in accepted}
    return [
        c
        for c in cands
        if id(c) not in chosen
        and c.score >= threshold * LIST_MATE
        and (c.mention, c.relation, _head(c)) in kept
        and _head(c) in {"head=post", "head=people", "head=unit"}
    ]


LIST_MATE = 0.6
"""A listed name is kept beside an accepted one of its kind above this share of the threshold."""


def _shadowed(cand: Candidate, accepted: list[Candidate]) -> Candidate | None:
    """The longer name from another statement that this one repeats in part, if any."""
    words = _words(cand)
    if cand.source == "field":
        return None  # a field states its name outright: "Principal" beside "Assistant ..."
    return next(
        (
            other
            for other in accepted
            if other is not cand
            and other.relation == cand.relation
            and other.mention != cand.mention
            and words < _words(other)
            and other.score >= cand.score - 0.25
        ),
        None,
    )


def _links(cands: list[Candidate]) -> list[Candidate]:
    out: dict[str, Candidate] = {}
    for cand in cands:
        f = cand.features
        if cand.relation != "link" or not any(head in f for head in _LINK_HEADS):
            continue
        if f.get("negated") or f.get("requirement") or f.get("relative") or f.get("subj=other"):
            continue
        norm = normalize(cand.name)
        if norm not in out:
            out[norm] = cand
    return list(out.values())


def _rule(cand: Candidate) -> str:
    return f"{cand.source}:{cand.family}"


def extract_relations(
    layout: Layout,
    *,
    title: str | None,
    organization: str | None = None,
    department: str | None = None,
    scorer: Scorer | None = None,
) -> Relations:
    """Reporting lines, supervision and links stated in the posting."""
    scorer = scorer or default_scorer()
    out = Relations()
    cands = find_candidates(
        layout,
        title=title,
        organization=organization,
        department=department,
        warnings=out.warnings,
    )
    out.candidates = cands
    kept = select(cands, scorer)
    taken = {normalize(c.name) for c in kept}
    text = layout.text
    for cand in kept:
        evidence = Evidence(cand.start, cand.end, text[cand.start : cand.end], cand.cue)
        if cand.relation == "up":
            out.reports.append(
                ReportingFact(
                    cand.name,
                    _kind(cand.kind, ("primary", "secondary")),
                    cand.generic,
                    evidence,
                    cand.abbreviation,
                    round(cand.score, 4),
                    _rule(cand),
                )
            )
        else:
            out.supervises.append(
                SupervisionFact(
                    cand.name,
                    _kind(cand.kind, ("direct", "indirect")),
                    "unit" if cand.target == "unit" else "post",
                    evidence,
                    cand.abbreviation,
                    round(cand.score, 4),
                    _rule(cand),
                )
            )
    for cand in _links(cands):
        evidence = Evidence(cand.start, cand.end, text[cand.start : cand.end], cand.cue)
        link_type = _kind(cand.kind, ("liaison", "advises", "works_with"))
        out.links.append(LinkFact(cand.name, link_type, evidence, cand.abbreviation, _rule(cand)))
    seen: set[tuple[str, str]] = set()
    for cand in cands:
        key = (cand.relation, normalize(cand.name))
        if cand.relation == "link" or key[1] in taken or key in seen:
            continue
        if 0.2 <= cand.score < scorer.threshold:
            seen.add(key)
            what = "superior" if cand.relation == "up" else "supervised"
            out.near_misses.append(
                f"{what} {cand.name!r} ({cand.cue}) not read as a line: "
                f"confidence {cand.score:.2f} is under {scorer.threshold:.2f}"
            )
    return out


def _kind(kind: str, allowed: tuple[str, ...]) -> Any:
    """``kind`` if it is one of ``allowed`` (the Literal types of the result), else the first."""
    return kind if kind in allowed else allowed[0]
