"""Candidate relations: every name a field, a section or a frame offers, with its features.

The rules here are generous on purpose: they propose every superior,
supervised post or unit the layout and the grammar allow, and describe each
proposal by features (which cue family, field or prose, which section,
what the head noun is, whether the clause is about this post, negated, a
requirement, how far the name is from its cue ...). Deciding which
proposals are facts is the scorer's job (:mod:`orgmodel.extract.scorer`),
so a phrasing the rules half-recognise costs a feature, not a rule fitted
to one document.

>>> from orgmodel.extract.layout import Layout
>>> text = "Reports To: City Clerk\\nThe Deputy Clerk supervises two clerks and an intern."
>>> cands = find_candidates(Layout(text), title="Deputy Clerk")
>>> [(c.relation, c.name, c.source) for c in cands]
[('up', 'City Clerk', 'field'), ('down', 'clerks', 'prose'), ('down', 'intern', 'prose')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from orgmodel.extract.clause import SELF_WORDS, Clause, is_self_name, read_clause
from orgmodel.extract.fields import Field
from orgmodel.extract.frames import Frame, find_frames
from orgmodel.extract.layout import Layout
from orgmodel.extract.names import clean_name, is_person_name
from orgmodel.extract.phrases import Item, Reading, read_object, tokens
from orgmodel.extract.scoring import normalize
from orgmodel.extract.vocab import (
    FINITE_VERBS,
    POSTS,
    VERBS,
    classify,
    head_word,
    is_plural_head,
    singular,
    words,
)

__all__ = ["Candidate", "find_candidates"]

_NONE_VALUE = re.compile(
    r"^(?:none|n/?a|na|not applicable|no one|nobody|no supervis\w*(?: \w+){0,4}|"
    r"no direct reports|no formal supervis\w*(?: \w+){0,3}|-+|tbd|nil|not stated|0|zero)\.?$",
    re.IGNORECASE,
)
_ACTIVITY = words(
    """operation operations program programs programme activity activities function functions
    service services budget budgets project projects administration work care maintenance
    process processes procedure procedures system systems policy policies plan plans schedule
    schedules effort efforts initiative initiatives task tasks duty duties assignment
    assignments performance event events contract contracts facility facilities equipment
    building buildings grounds fleet inventory record records file files data report reports
    development planning implementation delivery evaluation affairs"""
)
"""Head nouns of activities and programs of work: never posts or units (the conventions)."""
_COMMON_HEADS = words(
    """staff personnel employee team supervisor manager director board council commission
    committee department division office unit crew worker officer coordinator leader
    specialist assistant technician member administrator superintendent principal chief head
    president program service function area group professional"""
)
"""Head words common enough across postings to carry a weight of their own."""
_NAMED_UNITS = words("service services operation operations administration")
"""Activity words that head a unit's proper name ("Food Services", "Field Operations")."""
_GENERIC_FIRST = words(
    """assigned designated appropriate respective relevant immediate higher-level higher next
    next-level applicable supervising administrative"""
)
_VERB_SKIP = re.compile(r"(?:[ ]*(?:,|and/or|and|or|&)?[ ]*)")
_FOLLOWING = re.compile(r"[ ]*(?:the[ ]+)?following(?:[ ]+[\w-]+){0,3}[ ]*:", re.IGNORECASE)
_COLON = re.compile(r"[ ]*:[ ]*")
_NO_OBJECT = re.compile(r"[ ]*(?:no|none|neither|nobody|no one)\b", re.IGNORECASE)
_VERB_S = re.compile(r"[A-Z][a-z]+s\b")
_NONE_WORD = re.compile(r"none\b", re.IGNORECASE)
_CHAIN_GAP = re.compile(r"[\s,]*(?:and/or|and|or|&)?[\s,]*(?:is|are|to)?[\s,]*")
"""What may stand between two cues that share one object ("appointed by, reports to")."""
_MAIN_CLAUSE = re.compile(
    r",[ ]+(?:the|this|our|a|an|you|he|she|they|we|it|each|all)[ ]", re.IGNORECASE
)
_BULLET_LINE = re.compile(r"[ ]*(?:[*\-+>o]|\d{1,2}[.)]|[a-z][.)])[ ]+(?P<item>[^\n]+)")
_SECTION_KIND = {"received": "up", "exercised": "down"}
_PAREN_LIST = re.compile(r"[ ]*\((?P<list>[^()]{3,250}?,[^()]{2,250}?)\)")
"""A parenthesis listing names (at least two, comma-separated) right after a cue."""
_POSTPOSED = re.compile(
    r"(?:[ ]+to[ ]+(?:the[ ]+)?[A-Z][\w&' ]{0,60}?)?(?:[ ]*:[ ]*|,?[ ]+(?:are|is|include|includes|"
    r"consist[ ]+of|comprise|comprises)[ ]+(?:the[ ]+following(?:[ ]+[a-z]+)?[ ]*:[ ]*)?)"
)
"""After the object of an inverse statement, the verb of a subject that follows it."""
_MIRROR = {"down": "supervise", "up": "report-to"}
"""The cue family an inverse statement is weighed as, by the relation it states."""


@dataclass(slots=True)
class Candidate:
    """One proposed relation: this post has ``name`` above it (up), below it (down), or a
    link to it."""

    relation: str
    kind: str
    name: str
    start: int
    end: int
    cue: str
    family: str
    source: str
    abbreviation: str | None = None
    generic: bool = False
    target: str = "post"
    features: dict[str, float] = field(default_factory=dict)
    mention: int = 0
    score: float = 0.0
    note: str = ""
    """Why the selection dropped a candidate that cleared the threshold, if it did."""


@dataclass(slots=True)
class _Ctx:
    layout: Layout
    title: str | None
    organization: str | None = None
    department: str | None = None
    out: list[Candidate] = field(default_factory=list)
    mention: int = 0
    none_stated: set[str] = field(default_factory=set)
    blocked: list[tuple[int, int]] = field(default_factory=list)
    fuller: dict[str, str | None] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    chain_end: dict[int, int] = field(default_factory=dict)
    """For a frame's index, the last frame of the chain it starts (see :func:`_read_chained`)."""


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _klass(name: str) -> str:
    """post, unit, people, nonstaff, activity or other, by the name's head noun."""
    if normalize(name).endswith("direct reports"):
        return "people"  # "has (8) direct reports": the people, not documents
    head = head_word(name)
    last = name.split()[-1] if name.split() else ""
    if head in _ACTIVITY and not (last[:1].isupper() and head in _NAMED_UNITS):
        return "activity"  # but a capitalised "Information Services" is a unit
    klass = classify(name)
    area = _POST_AND_AREA.match(name) if klass == "other" else None
    if area is not None and singular(area.group("post").lower()) in POSTS:
        return "post"  # "Group Manager Community and Culture": the area a post covers
    return klass


_POST_AND_AREA = re.compile(
    r"(?:[A-Z][\w-]*[ ]+){0,3}(?P<post>[A-Z][a-z]+)(?:[ ]+[A-Z][\w-]*){1,2}[ ]+(?:and|&)[ ]+"
    r"[A-Z][\w-]*$"
)


def _generic(name: str, determiner: str | None) -> bool:
    parts = name.split()
    first = parts[0].lower() if parts else ""
    return (
        determiner in {"a", "an", "any", "each", "their", "his/her", "his", "her"}
        or " or " in name.lower()
        or (first in _GENERIC_FIRST and (parts[0].islower() or len(parts) <= 2))
        or (name == name.lower() and determiner is None and len(parts) <= 2)
    )


def _add(
    ctx: _Ctx,
    relation: str,
    kind: str,
    item: Item,
    *,
    cue: str,
    family: str,
    source: str,
    feats: dict[str, float],
    index: int,
) -> None:
    raw = ctx.layout.view[item.start : item.end]
    cleaned = clean_name(raw)
    if cleaned is None:
        return
    name = cleaned.name
    if relation != "link" and is_self_name(name, ctx.title) and not _plural_self_word(name):
        return
    fuller: str | None = None
    if relation != "link":
        if name not in ctx.fuller:
            ctx.fuller[name] = _fullest(name, ctx.layout.view, ctx.title)
        fuller = ctx.fuller[name]
    if fuller is not None:
        name = fuller
    determiner = item.determiner or cleaned.determiner
    if item.marker in {"secondary", "dotted-line", "matrix"} and relation == "up":
        kind = "secondary"
    elif item.marker in {"primary", "solid-line"} and relation == "up":
        kind = "primary"
    elif item.marker in {"indirect", "indirect-through"} and relation == "down":
        kind = "indirect"
    klass = "unit" if item.of_units else _klass(name)
    if klass == "nonstaff":
        # students, patients, customers, vendors: served, never supervised (the conventions)
        ctx.warnings.append(f"{cue} {name!r}: not staff, not an org-chart relation")
        return
    words_ = name.split()
    f = dict(feats)
    f["bias"] = 1.0
    f[f"rel={relation}"] = 1.0
    f[f"head={klass}"] = 1.0
    f[f"{relation}:head={klass}"] = 1.0
    f[f"{source}:head={klass}"] = 1.0
    f[f"len={_bucket(len(words_), (1, 2, 3, 5))}"] = 1.0
    if index:
        f["later_item"] = 1.0
    if name[:1].isupper():
        f["cap"] = 1.0
        f[f"{relation}:cap"] = 1.0
    if name.isupper():
        f["allcaps"] = 1.0
    if item.quantifier:
        f["quantifier"] = 1.0
    if item.wrapper:
        f["wrapper"] = 1.0
    if item.count:
        f["count"] = 1.0
    if item.combined:
        f["combined"] = 1.0
    if item.hopped:
        f["hopped"] = 1.0
        f[f"{relation}:hopped"] = 1.0
    if item.including:
        f["including"] = 1.0
    if determiner:
        f[f"det={determiner}"] = 1.0
    if is_person_name(name):
        f["person"] = 1.0
    if any(w.lower() in FINITE_VERBS or w.lower() in {"to", "is", "are"} for w in words_[1:]):
        f["verbs_inside"] = 1.0
    if len(words_) > 8:
        f["long"] = 1.0
    if relation == "up" and kind == "secondary":
        f["secondary"] = 1.0
    if item.marker:
        f[f"marker={item.marker}"] = 1.0  # "through subordinate supervisors", "(dotted line)"
    if fuller is not None:
        f["expanded"] = 1.0
    norm = normalize(name)
    dept = ctx.department
    if dept and norm and (norm == normalize(dept) or norm in normalize(dept)):
        f["names_dept"] = 1.0  # the post's own department
    generic = _generic(name, determiner)
    if generic:
        f["generic"] = 1.0
        f[f"{relation}:generic"] = 1.0
    head = head_word(name)
    if head in _COMMON_HEADS:
        f[f"hw={head}"] = 1.0
    _conjoin(f)
    target = "unit" if klass == "unit" else "post"
    ctx.out.append(
        Candidate(
            relation=relation,
            kind=kind,
            name=name,
            start=item.start,
            end=item.end,
            cue=cue,
            family=family,
            source=source,
            abbreviation=cleaned.abbreviation,
            generic=generic,
            target=target,
            features=f,
            mention=ctx.mention,
        )
    )


def _plural_self_word(name: str) -> bool:
    """ "supervises 25 employees": a plural word that stands for this post only as a subject
    ("Employees in this class report to ...") names the supervised as an object."""
    return " " not in name and name.lower() in SELF_WORDS and is_plural_head(name)


_CAPWORD = r"[A-Z][\w&'.-]*"
_PREFIX_WORDS = re.compile(r"((?:[A-Z][\w&'.-]*[ ]+){1,3})$")
_OF_COMPLEMENT = re.compile(
    r"[ ]+of[ ]+(?:the[ ]+)?[A-Z][\w&'.-]*(?:[ ]+(?:and[ ]+|&[ ]+)?[A-Z][\w&'.-]*){0,3}"
)
_BODY_HEADS = words("council board commission committee department office bureau authority")
_NOT_PREFIX = words(
    """the a an our this that these those its their his her each every all any reports report
    supervises under to of and or with for by from in at on as directly also"""
)


def _fullest(name: str, view: str, title: str | None) -> str | None:
    """The fullest wording of a short name elsewhere in the posting, if there is one.

    The conventions label a superior named twice in different words once, in its fullest
    wording: "reports to the Mayor and Council" with "City Council" elsewhere is the City
    Council; "the Board" with "Board of Education" is the Board of Education. Only names of
    one or two capitalised words; a body may gain words before or after it, a post only an
    "of" complement (never a rank: "Director" is not "Executive Director").
    """
    parts = name.split()
    if not 1 <= len(parts) <= 2 or not all(p[:1].isupper() for p in parts) or len(view) > 20000:
        return None
    head = head_word(name)
    body = head in _BODY_HEADS
    post = not body and classify(name) == "post"
    if not body and not post:
        return None
    found: dict[str, int] = {}
    size = len(name)
    at = view.find(name)
    while at >= 0 and len(found) < 50:
        end = at + size
        whole = (at == 0 or not view[at - 1].isalnum()) and (
            end == len(view) or not view[end].isalnum()
        )
        if whole and body:
            before = _PREFIX_WORDS.search(view, max(0, at - 60), at)
            if before is not None:
                prefix: list[str] = []
                for word in reversed(before.group(1).split()):
                    if word.lower() in _NOT_PREFIX or word[-1] in ".,;:!?":
                        break
                    prefix.insert(0, word)
                if prefix:
                    longer = " ".join([*prefix, name])
                    found[longer] = found.get(longer, 0) + 1
        if whole:
            after = _OF_COMPLEMENT.match(view, end)
            if after is not None:
                longer = " ".join((name + after.group(0)).split())
                if not is_self_name(longer, title):
                    found[longer] = found.get(longer, 0) + 1
        at = view.find(name, at + 1)
    if not found:
        return None
    ranked = sorted(found.items(), key=lambda kv: (-kv[1], -len(kv[0])))
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


_PAIRS = (("head", "subj"),)


def _conjoin(f: dict[str, float]) -> None:
    """Pairs of the main categorical features ("fam=manage&head=people"): a linear model
    over them can weigh a cue by what it names and who says it."""
    values: dict[str, str] = {}
    for name in list(f):
        key, sep, _ = name.partition("=")
        if sep and ":" not in key:
            values[key] = name
    for a, b in _PAIRS:
        if a in values and b in values:
            f[f"{values[a]}&{values[b]}"] = 1.0


def _clause_features(clause: Clause, relation: str) -> dict[str, float]:
    f: dict[str, float] = {f"subj={clause.subject}": 1.0, f"{relation}:subj={clause.subject}": 1.0}
    for name in ("negated", "requirement", "modal", "relative", "sentence_start"):
        if getattr(clause, name):
            f[name] = 1.0
            f[f"{relation}:{name}"] = 1.0
    return f


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def _skip_verbs(view: str, pos: int, limit: int) -> int:
    """Skip coordinated verbs before the object: "supervises[, trains and evaluates] staff"."""
    ahead = tokens(view, pos, min(limit, pos + 80))
    for _ in range(8):
        toks = [t for t in ahead if t.start >= pos]
        k = 0
        while k < len(toks) and toks[k].low in {",", "and", "or", "and/or", "&", "/"}:
            k += 1
        if k >= len(toks):
            return pos
        tok = toks[k]
        nxt = toks[k + 1].low if k + 1 < len(toks) else ""
        finite = tok.low in FINITE_VERBS or (tok.low.endswith("ing") and tok.low in VERBS)
        base = tok.low in VERBS and nxt in {",", "and", "or", "and/or", "the", "a", "all"}
        # "Deans evaluate and counsel individual faculty members": a verb after "and"
        base = base or (k > 0 and toks[k - 1].low in {"and", "or"} and tok.low in VERBS)
        # by form: "supervises/coaches the Care Partners", "hires, trains and evaluates all"
        finite = finite or (
            k > 0 and tok.low.endswith("s") and nxt in {"the", "a", "an", "all", "our", "its"}
        )
        if tok.text[:1].islower() and (finite or base):
            pos = tok.end
            if tok.low.endswith("ing") and nxt in {"in", "with", "on"}:
                pos = toks[k + 1].end  # "overseeing and participating in the work of"
            continue
        return pos
    return pos


def _bullets_after(view: str, pos: int) -> list[tuple[int, int]]:
    """The lines of the bulleted list that starts right after ``pos``."""
    spans: list[tuple[int, int]] = []
    for match in _BULLET_LINE.finditer(view, pos, min(len(view), pos + 3000)):
        gap = view[pos : match.start()]
        if gap.strip():
            break
        spans.append((match.start("item"), match.end("item")))
        pos = match.end()
        if len(spans) >= 25:
            break
    return spans


_INFINITIVE = re.compile(r"[ ]+(?P<verb>[a-z]+)\b(?![ ]+(?:of|to)\b)")


def _read_frame(ctx: _Ctx, frame: Frame, limit: int, sentence: tuple[int, int]) -> None:
    view = ctx.layout.view
    clause = read_clause(view, frame.start, title=ctx.title, sentence=sentence)
    relation = frame.relation
    cue = " ".join(ctx.layout.text[frame.start : frame.end].split())
    if clause.requirement and relation != "link":
        return  # "experience supervising staff", "must be able to report to ..."
    if frame.family == "under-none":
        ctx.warnings.append(f"{cue!r} names no superior")
        return
    if clause.negated and relation != "link":
        # the conventions: "does not supervise staff" states nothing (negation is rare in
        # the labelled corpus, so this is a rule, not a learned weight)
        said = " ".join(view[frame.start : min(limit, frame.end + 60)].split())
        ctx.warnings.append(f"negated, not read as a relation: {said!r}")
        return
    chained = clause.relative and relation == "down" and _after_own_item(ctx, frame.start)
    if clause.relative and relation != "link" and not chained:
        return  # "staff who report to the Board": a clause about other people
    section = ctx.layout.section_kind(frame.start)
    feats = _clause_features(clause, relation)
    feats[f"fam={frame.family}"] = 1.0
    feats[f"sec={section}"] = 1.0
    feats[f"{relation}:sec={section}"] = 1.0
    feats["src=prose"] = 1.0
    if ctx.layout.is_heading(frame.start):
        feats["in_heading"] = 1.0
    if relation in ctx.none_stated:
        feats["field_says_none"] = 1.0
    cue_word = view[frame.start : frame.end]
    if cue_word[:1].isupper() and not clause.sentence_start:
        feats["cue_capitalised"] = 1.0
    ctx.mention += 1
    if frame.possessor is not None:
        item = Item(*frame.possessor)
        listed = _PAREN_LIST.match(view, frame.end, min(len(view), frame.end + 300))
        if frame.family == "has-reports" and listed is not None:
            # "has 3 direct reports (Controller, Budget Manager, Payroll Manager)": the
            # parenthesis names them
            item = Item(listed.start("list"), listed.end("list"))
            feats["colon_list"] = 1.0
            reading = read_object(view, item.start, item.end, field_mode=True)
            _emit(ctx, frame, reading, cue, feats, item.end)
            return
        if (
            relation == "up"
            and clause.subject in {"other", "unknown"}
            and clause.subject_span is not None
            and is_self_name(view[item.start : item.end], ctx.title)
        ):
            # "The records clerks work under this position's direction"
            _add_inverse(ctx, frame, clause, feats, [clause.subject_span], cue)
            return
        reading = read_object(view, item.start, item.end, up=relation == "up")
        for index, found in enumerate(reading.items):
            _add(
                ctx,
                relation,
                frame.kind,
                found,
                cue=cue,
                family=frame.family,
                source="prose",
                feats=feats,
                index=index,
            )
        return
    start = frame.end
    infinitive = _INFINITIVE.match(view, start) if view[start - 2 : start] == "to" else None
    if relation == "up" and infinitive is not None and infinitive.group("verb") in VERBS:
        return  # "is responsible to support the leadership team": a duty, not a superior
    if relation == "down":
        start = _skip_verbs(view, start, limit)
    following = _FOLLOWING.match(view, start, min(len(view), limit + 2)) or _COLON.match(
        view, start, limit
    )
    if following and view[following.end() : limit].strip(" *") and following.re is _COLON:
        # "Positions in this class supervise: (1) several units ...; (2) a large unit of ..."
        feats["colon_list"] = 1.0
        reading = read_object(view, following.end(), limit, up=relation == "up", field_mode=True)
        _emit(ctx, frame, reading, cue, feats, limit)
        return
    if following:
        colon = view.find(":", start, min(len(view), limit + 2))
        spans = _bullets_after(view, colon + 1)
        if not spans and view[colon + 1 : limit].strip():
            # "Supervises the following: Accountants, Payroll Technicians" (on one line)
            line_end = view.find("\n", colon + 1)
            spans = [(colon + 1, line_end if 0 <= line_end < limit else limit)]
        feats["following_list"] = 1.0
        for index, (a, b) in enumerate(spans):
            reading = read_object(view, a, b, up=relation == "up", field_mode=True)
            for found in reading.items:
                _add(
                    ctx,
                    relation,
                    frame.kind,
                    found,
                    cue=cue,
                    family=frame.family,
                    source="prose",
                    feats=feats,
                    index=index,
                )
        return
    if clause.sentence_start and relation == "up":
        # "Reporting to the Provost, the Deans of the colleges are ...": the main clause
        # starts after the opener's object
        opener = _MAIN_CLAUSE.search(view, start, limit)
        if opener is not None:
            limit = opener.start()
    if _NO_OBJECT.match(view, start, limit):
        said = " ".join(view[frame.start : min(limit, frame.end + 60)].split())
        ctx.warnings.append(f"negated, not read as a relation: {said!r}")
        return  # "supervises no staff", "has no direct reports"
    reading = read_object(view, start, limit, up=relation == "up")
    feats[f"stop={reading.stop or 'end'}"] = 1.0
    items = reading.items
    inverse = (
        bool(items)
        and relation != "link"
        and is_self_name(view[items[0].start : items[0].end], ctx.title)
    )
    postposed = (
        _POSTPOSED.match(view, items[0].end, min(sentence[1], items[0].end + 80))
        if inverse and clause.subject != "self"
        else None
    )
    subject: list[tuple[int, int]] = []
    if postposed is not None:
        # "Reporting to the Director are the Controller and ...", "Units reporting to the
        # Director include Payroll, ...", "The following positions report to the Director:
        # ...": the subject is the list after the verb or the colon
        subject = [(postposed.end(), sentence[1])]
        if postposed.group(0).rstrip().endswith(":"):
            subject = _bullets_after(view, postposed.end()) or subject
    elif inverse and clause.subject in {"other", "unknown"} and clause.subject_span is not None:
        subject = [clause.subject_span]  # "the division heads report to the Director"
    if subject:
        _add_inverse(ctx, frame, clause, feats, subject, cue, field_mode=postposed is not None)
        return
    if clause.subject == "other" and ctx.title is not None and relation != "link":
        # "The Office Manager supervises the clerks", in a clerk's posting: a relation
        # between other posts, stated by the post's title being known and not the subject
        return
    if chained:
        # "supervises two plans examiners who oversee the permit technicians": the
        # supervised group's own team is supervised indirectly
        feats["relative_chain"] = 1.0
        frame = Frame(frame.family, frame.relation, "indirect", frame.start, frame.end)
    _emit(ctx, frame, reading, cue, feats, limit)


def _add_inverse(
    ctx: _Ctx,
    frame: Frame,
    clause: Clause,
    feats: dict[str, float],
    subject: list[tuple[int, int]],
    cue: str,
    *,
    field_mode: bool = False,
) -> None:
    """Candidates of an inverse statement: its cue's object is this post, so its subject
    (the spans in ``subject``) stands in the mirrored relation ("the division heads report
    to the Director": the Director supervises them), weighed as the cue it mirrors --
    inverse statements are too rare for weights of their own."""
    view = ctx.layout.view
    relation = frame.relation
    section = ctx.layout.section_kind(frame.start)
    flipped = "down" if relation == "up" else "up"
    kind = "direct" if flipped == "down" else "primary"
    inv = {
        k: v
        for k, v in feats.items()
        if not k.startswith(("subj=", "fam=", "stop=", f"{relation}:"))
    }
    inv.update(_clause_features(replace(clause, subject="implicit"), flipped))
    inv[f"fam={_MIRROR[flipped]}"] = 1.0  # "sec=" is kept from the cue's own features
    inv[f"{flipped}:sec={section}"] = 1.0
    inv["inverse"] = 1.0
    inv[f"{flipped}:inverse"] = 1.0
    found_items = [
        found
        for lo, hi in subject
        for found in read_object(view, lo, hi, up=flipped == "up", field_mode=field_mode).items
    ]
    for index, found in enumerate(found_items):
        _add(
            ctx, flipped, kind, found, cue=cue, family=frame.family, source="prose", feats=inv,
            index=index,
        )  # fmt: skip


def _after_own_item(ctx: _Ctx, start: int) -> bool:
    """Whether the relative clause at ``start`` follows a name this post supervises."""
    for cand in reversed(ctx.out[-6:]):
        if cand.relation == "down" and 0 <= start - cand.end <= 20:
            return ctx.layout.view[cand.end : start].strip(" ,").lower() in {
                "who",
                "that",
                "which",
                "who in turn",
                "who also",
            }
    return False


def _emit(
    ctx: _Ctx, frame: Frame, reading: Reading, cue: str, feats: dict[str, float], limit: int
) -> None:
    """Candidates for the items of a frame's object (and what follows its "through")."""
    view = ctx.layout.view
    for index, found in enumerate(reading.items):
        dist = view.count(" ", frame.end, found.start)
        f = dict(feats)
        f[f"dist={_bucket(dist, (0, 2, 5))}"] = 1.0
        _add(
            ctx,
            frame.relation,
            frame.kind,
            found,
            cue=cue,
            family=frame.family,
            source="prose",
            feats=f,
            index=index,
        )
    if reading.through is not None and frame.relation == "down":
        after = view.lower().find("through", reading.through, limit)
        if after >= 0:
            more = read_object(view, after + len("through"), limit)
            f = dict(feats)
            f["after_through"] = 1.0
            for index, found in enumerate(more.items[:3]):
                _add(
                    ctx,
                    frame.relation,
                    "direct",
                    found,
                    cue=cue,
                    family=frame.family,
                    source="prose",
                    feats=f,
                    index=index,
                )


def _prose_value(view: str, vstart: int, vend: int, frame: Frame) -> bool:
    """A field whose value is a sentence ("SUPERVISES: This position has direct supervision
    over ..."), read with its cues, rather than a list of names ("Lead Operations Supervisor")."""
    value = view[vstart:vend]
    if len(value.split()) < 4 or frame.start - vstart > 60:
        return False
    cue = view[frame.start : frame.end]
    return cue[:1].islower() or (frame.start == vstart and bool(_VERB_S.match(cue)))


def _stacked_label(ctx: _Ctx, fields: list[Field], index: int, stacked: dict[int, int]) -> None:
    """Two labels stacked before their values: "Reports to: Supervises: Superintendent
    Business Manager, Grants Officer" -- the first name is the superior, the rest the list.

    The first name ends at the first post head noun followed by a capitalised word.
    """
    fld = fields[index]
    nxt = fields[index + 1] if index + 1 < len(fields) else None
    if nxt is None or nxt.role not in {"reports", "supervises"} or not nxt.values:
        return
    if nxt.role == fld.role or nxt.label_start - fld.label_end > 3:
        return
    view = ctx.layout.view
    start, end = nxt.values[0]
    comma = view.find(",", start, end)
    words_ = list(re.finditer(r"\S+", view[start : comma if comma >= 0 else end]))
    for k in range(1, len(words_)):
        prefix = view[start : start + words_[k - 1].end()]
        if classify(prefix) == "post" and words_[k].group(0)[:1].isupper():
            relation = "up" if fld.role == "reports" else "down"
            item = Item(start, start + words_[k - 1].end())
            kind = fld.kind or ("primary" if relation == "up" else "direct")
            feats = {"src=field": 1.0, f"fam=field-{fld.role}": 1.0, "stacked": 1.0}
            ctx.mention += 1
            _add(
                ctx,
                relation,
                kind,
                item,
                cue=fld.cue,
                family=f"field-{fld.role}",
                source="field",
                feats=feats,
                index=0,
            )
            stacked[index + 1] = start + words_[k].start()
            return


def _sibling_targets(cands: list[Candidate]) -> None:
    """A headless item of a field's list ("Grants Compliance") is what most of its
    siblings are: units among units, posts among posts."""
    known = [c.target for c in cands if c.features.get("head=post") or c.features.get("head=unit")]
    if not known:
        return
    majority = max(("unit", "post"), key=known.count)
    for cand in cands:
        if cand.features.get("head=other"):
            cand.target = majority


def _field_candidates(ctx: _Ctx) -> None:
    view = ctx.layout.view
    fields: list[Field] = ctx.layout.fields
    stacked: dict[int, int] = {}
    for index, fld in enumerate(fields):
        ctx.blocked.append((fld.label_start, fld.label_end))
        if fld.role not in {"reports", "supervises"}:
            continue
        relation = "up" if fld.role == "reports" else "down"
        if not fld.values:
            _stacked_label(ctx, fields, index, stacked)
            continue
        for vstart, vend in fld.values:
            ctx.blocked.append((vstart, vend))
            if index in stacked and vstart == fld.values[0][0]:
                vstart = stacked[index]
            value = view[vstart:vend].strip()
            if _NONE_VALUE.match(value):
                ctx.none_stated.add(relation)
                ctx.warnings.append(f"{fld.cue} {value!r}: the posting states none")
                continue
            long = vend - vstart > 25 and view.count(" ", vstart, vend) >= 3
            frames = (
                [f for f in find_frames(view, vstart, vend) if f.relation != "link"] if long else []
            )
            inner = [
                f
                for f in frames
                if view.count("(", vstart, f.start) > view.count(")", vstart, f.start)
            ]
            if inner:
                # "Reports to: Executive Director (dotted line to Finance Director)"
                close = view.find(")", inner[0].end, vend)
                before = len(ctx.out)
                _read_frame(ctx, inner[0], close if close > 0 else vend, (vstart, vend))
                for cand in ctx.out[before:]:
                    cand.source = "field"  # a field's value states it, in parentheses
                    cand.features.pop("src=prose", None)
                    cand.features["src=field"] = 1.0
                vend = view.rfind("(", vstart, inner[0].start)
                frames = []
            if frames and _prose_value(view, vstart, vend, frames[0]):
                sentence = (vstart, vend)
                cut = max(
                    view.rfind(";", vstart, frames[0].start),
                    view.rfind(",", vstart, frames[0].start),
                )
                if cut > vstart and view[vstart:cut].strip():
                    # "Reports to: Director of Finance; dotted line to the City Treasurer": the
                    # names before the separator are the field's, the clause after it prose
                    _field_value(ctx, fld, relation, vstart, cut)
                    sentence = (cut + 1, vend)
                for k, frame in enumerate(frames):
                    limit = frames[k + 1].start if k + 1 < len(frames) else vend
                    _read_frame(ctx, frame, limit, sentence)
                continue
            _field_value(ctx, fld, relation, vstart, vend)


def _field_value(ctx: _Ctx, fld: Field, relation: str, vstart: int, vend: int) -> None:
    """Candidates for the names a field's value lists."""
    ctx.mention += 1
    feats = {
        "src=field": 1.0,
        f"fam=field-{fld.role}": 1.0,
        f"field:{fld.key.replace(' ', '_')}": 1.0,
        "subj=implicit": 1.0,
    }
    reading = read_object(ctx.layout.view, vstart, vend, up=relation == "up", field_mode=True)
    first = len(ctx.out)
    for index, item in enumerate(reading.items):
        _add(
            ctx,
            relation,
            fld.kind or ("primary" if relation == "up" else "direct"),
            item,
            cue=fld.cue,
            family=f"field-{fld.role}",
            source="field",
            feats=feats,
            index=index,
        )
    _sibling_targets(ctx.out[first:])


def _section_candidates(ctx: _Ctx, with_frames: set[tuple[int, int]]) -> None:
    """Lines of a "SUPERVISION EXERCISED"/"RECEIVED" section that state names without a cue."""
    layout = ctx.layout
    view = layout.view
    for section in layout.sections:
        relation = _SECTION_KIND.get(section.kind)
        if relation is None:
            continue
        seen = 0
        _, heading_end = layout.line_at(section.start)
        for start, end in layout.sentences.following(heading_end):
            if start >= section.end or seen >= 3:
                break
            if len(view[start:end].split()) > 6:
                seen += 1  # prose; names one per line ("- Budget Manager") are a list
            if (start, end) in with_frames or _inside(ctx.blocked, start):
                continue
            text = view[start:end].strip()
            if _NONE_VALUE.match(text) or _NONE_WORD.match(text):
                ctx.none_stated.add(relation)
                continue
            if len(text.split()) > 25:
                continue
            ctx.mention += 1
            pos = _skip_verbs(view, start, end)
            feats = {"src=section": 1.0, f"fam=section-{section.kind}": 1.0, "subj=implicit": 1.0}
            reading = read_object(view, pos, end, up=relation == "up")
            for index, item in enumerate(reading.items):
                _add(
                    ctx,
                    relation,
                    "primary" if relation == "up" else "direct",
                    item,
                    cue=section.heading,
                    family=f"section-{section.kind}",
                    source="section",
                    feats=feats,
                    index=index,
                )


_ADJECTIVAL = re.compile(r"(?i)(?:supervis|manag|lead|direct|overse)ing$")
_REPORTS_NOUN = words(
    """monthly weekly daily quarterly annual yearly periodic regular written oral verbal
    financial progress status budget statistical technical audit incident performance staff
    special detailed required the any all such these those various its their his her our
    prepares prepare prepared preparing submits submit submitting presents present presenting
    makes make making writes write produces produce files sends send delivers deliver
    compiles compile generates generate provides provide issues issue"""
)
"""Words before "reports" that make it a noun: "prepares monthly reports to the Board"."""


def _not_a_statement(layout: Layout, frame: Frame, title: str | None) -> bool:
    """A cue word inside a name, not a statement: "Working Supervisor for Custodians" (a
    heading), "reports to the supervising nurse" (a participial adjective)."""
    view = layout.view
    if layout.is_heading(frame.start):
        return True
    if title and len(title) > 8:
        near = view[max(0, frame.start - len(title)) : frame.end + len(title)]
        if title.lower() in near.lower():
            at = near.lower().find(title.lower()) + max(0, frame.start - len(title))
            if at <= frame.start and frame.end <= at + len(title):
                return True  # the cue is a word of the post's own title
    if frame.family == "report-to" and view[frame.start : frame.start + 7].lower() == "reports":
        before = view[max(0, frame.start - 20) : frame.start].split()
        if before and before[-1].lower().strip(",") in _REPORTS_NOUN:
            return True
    if _ADJECTIVAL.search(view[frame.start : frame.end]):
        before = view[max(0, frame.start - 12) : frame.start].split()
        after = view[frame.end : frame.end + 30].split()
        if before and after and before[-1].lower() in {"the", "a", "an", "to", "our", "your"}:
            nxt = after[0].strip(",.;:").lower()
            return nxt in POSTS  # "the supervising nurse", "a managing editor"
    return False


def find_candidates(
    layout: Layout,
    *,
    title: str | None,
    organization: str | None = None,
    department: str | None = None,
    warnings: list[str] | None = None,
) -> list[Candidate]:
    """Every candidate relation of the posting, in text order, with its features.

    What the reader should know (a negated cue, a field that says "None") is added to
    ``warnings`` when a list is given.
    """
    ctx = _Ctx(layout, title, organization, department)
    _field_candidates(ctx)
    view = layout.view
    with_frames: set[tuple[int, int]] = set()
    frames = [
        f
        for f in find_frames(view)[:2000]
        if not _inside(ctx.blocked, f.start) and not _not_a_statement(layout, f, title)
    ]
    for index, frame in enumerate(frames):
        kind = layout.section_kind(frame.start)
        if kind == "qualification" and frame.relation != "up":
            continue  # requirements state no supervision and no links
        if kind == "about" and frame.relation == "link":
            continue
        sentence = layout.sentences.at(frame.start)
        if sentence is None or sentence[1] < frame.end:
            sentence = (frame.start, min(len(view), frame.end + 300))
        with_frames.add(sentence)
        limit = sentence[1]
        nxt = frames[index + 1] if index + 1 < len(frames) else None
        if nxt is not None and nxt.start < limit:
            gap = view[frame.end : nxt.start]
            if _CHAIN_GAP.fullmatch(gap):
                # chained cues share one object: "is appointed by, reports to, and serves
                # at the direction of the Board"; "supervises and evaluates staff"
                limit = sentence[1]
                _read_chained(ctx, frame, frames, index, sentence)
                continue
            limit = nxt.start
        _read_frame(ctx, frame, limit, sentence)
    _section_candidates(ctx, with_frames)
    _mark_repeats(ctx.out)
    _mark_lists(ctx.out)
    _mark_stated(ctx.out)
    if warnings is not None:
        warnings.extend(ctx.warnings)
    return ctx.out


def _mark_lists(cands: list[Candidate]) -> None:
    """How many names one statement lists: items of one list share the feature, so a
    list of three is read or rejected as a whole, not item by item."""
    sizes: dict[tuple[int, str], int] = {}
    for cand in cands:
        key = (cand.mention, cand.relation)
        sizes[key] = sizes.get(key, 0) + 1
    for cand in cands:
        size = sizes[(cand.mention, cand.relation)]
        cand.features[f"list={min(size, 3)}"] = 1.0


def _mark_stated(cands: list[Candidate]) -> None:
    """A relation a field already states: prose proposing more of it is likely restating or
    guessing (a feature; the field's own candidates are unaffected)."""
    stated = {(c.relation, c.source) for c in cands if c.source in {"field", "section"}}
    for cand in cands:
        if cand.source == "prose":
            if (cand.relation, "field") in stated:
                cand.features["field_states_relation"] = 1.0
            if (cand.relation, "section") in stated:
                cand.features["section_states_relation"] = 1.0


def _read_chained(
    ctx: _Ctx, frame: Frame, frames: list[Frame], index: int, sentence: tuple[int, int]
) -> None:
    """A cue whose object is the next cue's: read the next cue's object for this one too."""
    j = index + 1
    walked = []
    while j + 1 < len(frames) and frames[j + 1].start < sentence[1]:
        if j in ctx.chain_end:  # a chain already walked from a later cue: linear, not quadratic
            j = ctx.chain_end[j]
            break
        gap = ctx.layout.view[frames[j].end : frames[j + 1].start]
        if not _CHAIN_GAP.fullmatch(gap):
            break
        walked.append(j)
        j += 1
    for k in walked:
        ctx.chain_end[k] = j
    last = frames[j]
    limit = (
        frames[j + 1].start
        if j + 1 < len(frames) and frames[j + 1].start < sentence[1]
        else sentence[1]
    )
    if last.relation != frame.relation:
        return
    shifted = Frame(frame.family, frame.relation, frame.kind, frame.start, last.end, None)
    _read_frame(ctx, shifted, limit, sentence)


def _mark_repeats(cands: list[Candidate]) -> None:
    """A name proposed by two statements is more likely a fact: a feature for each."""
    seen: dict[tuple[str, str], set[int]] = {}
    for cand in cands:  # by where the name is written: two cues sharing one object are one
        seen.setdefault((cand.relation, normalize(cand.name)), set()).add(cand.start)
    for cand in cands:
        if len(seen[(cand.relation, normalize(cand.name))]) > 1:
            cand.features["repeated"] = 1.0
