"""Reading the object of a frame: where each name ends, and how a list splits into names.

The phrase after a cue ("supervises ...", "reports to ...") is read token by
token, the way the grammar of a noun phrase decides it:

* a name ends at a clause boundary -- terminal punctuation, a relative
  pronoun ("staff *who* perform ..."), an auxiliary or finite verb, "as"
  ("as assigned"), a preposition that starts a modifier ("in the field") --
  and, once the phrase has a head noun, at a participle recognised by its
  *form* ("crews repairing roads", "staff assigned to the unit"), an adverb
  ("-ly") or a post-nominal adjective ("responsible for ...");
* "of" and "for" continue a name when a name follows ("Director of Public
  Works", "Vice President for Academic Affairs"); "to" only after an
  assistant-like head ("Assistant to the Dean");
* commas, "and", "or" and slashes separate items, except where they join
  modifiers of one head ("technical and clerical staff"), the parts of an
  "of" complement ("Office of Enrollment and School Choice"), a title and
  its qualifier ("Director, Port Department") or the two halves of a
  combined title ("Senior Vice President and General Counsel", for a
  superior);
* leading determiners, quantifiers, counts and wrapper words are dropped
  ("a team of 12 plant supervisors" -> "plant supervisors", "all members
  of the custodial staff" -> "custodial staff"), and recorded as features.

>>> def names(text, up=False):
...     return [text[i.start:i.end] for i in read_object(text, 0, len(text), up=up).items]
>>> names("a team of 12 plant supervisors who repair roads")
['plant supervisors']
>>> names("the Accounts Manager, Budget Analyst and an Intern.")
['Accounts Manager', 'Budget Analyst', 'Intern']
>>> names("technical and clerical staff assigned to the unit")
['technical and clerical staff']
>>> names("the Director of Parks, Open Space and Cultural Services, and works", up=True)
['Director of Parks, Open Space and Cultural Services']
>>> names("the Senior Vice President and General Counsel", up=True)
['Senior Vice President and General Counsel']
>>> names("the Mayor and City Council", up=True)
['Mayor', 'City Council']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from orgmodel.extract.names import is_person_name
from orgmodel.extract.vocab import (
    DETERMINERS,
    FINITE_VERBS,
    NONSTAFF,
    PEOPLE,
    POSTS,
    UNITS,
    VERBS,
    singular,
    words,
)

__all__ = ["Item", "Reading", "Tok", "read_object", "tokens"]

_TOKEN = re.compile(
    r"and/or|he/she|his/her|him/her|s/he|e\.g\.|i\.e\.|etc\.|"
    r"[^\W_](?:[\w'&.\-]*[\w'&])?|[(),;:!?/\"&]|[.]|-+"
)
_MAX_TOKENS = 60
_UP_TO = {"up": "to", "more": "than", "over": "the", "at": "least"}
_POST_ACRONYM = re.compile(r"C[A-Z]{1,3}OS?|[SEA]?VPS?|GM|RNS?|LPNS?|CNAS?")
_COUNT = re.compile(r"\d+[+]?|\d+-\d+")
_COUNT_PAREN = re.compile(r"[\d ,x]+|[a-z ]+\d*")
_SEAM = re.compile(r"[a-z]{4}[A-Z][a-z]{2}")


class Tok(NamedTuple):
    """A token: its span, its text and its lower-case form (a tuple: made by the thousand)."""

    start: int
    end: int
    text: str
    low: str


def tokens(view: str, start: int, end: int) -> list[Tok]:
    """Word and punctuation tokens of ``view[start:end]`` (at most 60, enough for any name)."""
    out: list[Tok] = []
    for match in _TOKEN.finditer(view, start, end):
        text = match.group(0)
        seam = _SEAM.search(text) if len(text) > 6 else None
        if seam is not None:
            # a lost line break glued two words: "employeesAppraise", "DistrictAdvises"
            cut = match.start() + seam.start() + 4
            out.append(
                Tok(
                    match.start(), cut, view[match.start() : cut], view[match.start() : cut].lower()
                )
            )
            out.append(
                Tok(cut, match.end(), view[cut : match.end()], view[cut : match.end()].lower())
            )
            continue
        out.append(Tok(match.start(), match.end(), text, text.lower()))
        if len(out) >= _MAX_TOKENS:
            break
    return out


QUANTIFIERS = words(
    """all each every various several certain some any both many most numerous majority
    multiple additional assorted approximately about up over more than one two three four five
    six seven eight nine ten eleven twelve fifteen twenty dozen dozens hundreds a an the nearly
    roughly around almost"""
)
"""Leading words a name drops ("all", "several", "two"): the labelling conventions."""
_WRAPPERS = words(
    """team teams staff group groups crew crews number pool cadre complement body corps unit
    units workforce members member force department's work activities efforts performance
    duties supervision oversight management direction"""
)
"""Nouns that wrap the real name when followed by "of": "a team of", "the work of"."""
_COUNT_WORD = re.compile(
    r"\d+(?:[-+]\d*)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|dozen|dozens|hundreds|\+|-|more|over|about|approximately"
)
_REL = words("who whom whose which that where whereby while when whenever")
_PREP_END = words(
    """in at on with within without during throughout by from into onto via across regarding
    concerning including except excluding per upon among amongst between against toward towards
    about beyond after before until like than because since although though whereas unless
    whether if under over so such e.g. i.e. etc etc. plus according depending"""
)
_AUX = words(
    "is are was were be been being will shall may must can could should would has have had do"
    " does did might"
)
_POSTNOMINAL = words(
    """responsible available necessary involved eligible needed required present capable able
    accountable assigned appropriate interested concerned located based tasked charged"""
)
_LY_NOT_ADVERB = words(
    """only family supply assembly hourly nightly daily weekly biweekly monthly bimonthly
    quarterly yearly early elderly friendly
    italy july ally bully rally reply apply"""
)
_JOINERS = words("of for to and or & in at on with from by as than")
_FREQUENCY = words("hourly nightly daily weekly biweekly monthly bimonthly quarterly yearly")
ING_NOUNS = words(
    """nursing training engineering accounting housing building buildings planning programming
    marketing purchasing budgeting landscaping printing publishing banking lending consulting
    auditing contracting testing tutoring licensing permitting parking cleaning catering billing
    coding screening advertising fundraising networking computing mentoring funding processing
    scheduling staffing coaching counseling counselling teaching learning recruiting manufacturing
    engineering plumbing mapping modeling modelling imaging lighting heating cooling dining
    ticketing sourcing hosting routing dispatching receiving shipping warehousing operating
    nursing boarding wellbeing being lodging roofing paving trucking farming mining"""
)
_ED_ADJ = words(
    """certified licensed registered qualified skilled unskilled advanced related retired sworn
    non-sworn classified certificated salaried unclassified exempt non-exempt represented
    unrepresented detailed dedicated specialized specialised integrated combined designated
    assigned appointed elected authorized authorised credentialed unlicensed experienced
    trained allied contracted"""
)
_ASSISTANT_HEADS = words(
    "assistant assistants advisor adviser aide secretary liaison counsel counselor attache"
)
_CONJ = words("and or and/or & nor")
_ABBREVIATIONS = words(
    "sr jr dr mr ms mrs st inc co corp ltd no vs dept asst assoc mgr u.s dir supt exec admin"
)
_DESIGNEE = re.compile(
    r"^(?:his|her|their|his/her|a|an|the|(?:the\s+)?[\w.-]+(?:\s+[\w.-]+){0,4}(?:'s|\u2019s|s'))?"
    r"\s*(?:designee|designated\s+representative|authorized\s+designee|delegate|nominee|"
    r"nominated\s+officer)s?$",
    re.IGNORECASE,
)
"""A stand-in for a post named beside it ("or designee", "or the Superintendent's designee"):
no item of its own."""
_MARKER = re.compile(
    r"^\(\s*(primary|secondary|dotted[- ]?line|solid[- ]?line|direct|indirect|matrix)\s*\)$",
    re.IGNORECASE,
)
_AGENT = re.compile(r"(?:er|or|ist|ian|ant|ent|ee|eer|ive|man|men|woman|women)s?$")
_EVALUATIVE = words(
    """large small sizable sizeable varied diverse dedicated talented growing high-performing
    great strong motivated passionate committed dynamic busy"""
)
"""Size and praise adjectives a group's name drops, like its quantifiers."""
_NUMERAL_ADJECTIVE = re.compile(
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-[a-z]+"
)
_HEAD_NOUNS = (
    POSTS
    | UNITS
    | PEOPLE
    | NONSTAFF
    | words("force leadership management position positions report reports")
)


@dataclass(slots=True)
class Item:
    """One name read from an object: its span and what the reading dropped or saw."""

    start: int
    end: int
    marker: str | None = None
    """"primary"/"secondary" (a "(Secondary)" marker, a dotted line) or "indirect"."""
    quantifier: bool = False
    wrapper: bool = False
    count: bool = False
    determiner: str | None = None
    combined: bool = False
    """Two titles kept as one post ("Senior Vice President and General Counsel")."""
    hopped: bool = False
    """Read after a modifier ended the name before it (see :func:`read_object`)."""
    including: bool = False
    """Read after "including"/"such as": a part of the name before it."""
    of_units: bool = False
    """Listed after a plural unit noun ("the divisions of Streets, Fleet and Parks"): a
    unit, whatever its own words say."""


@dataclass(slots=True)
class Reading:
    """The items of an object and why the reading stopped."""

    items: list[Item] = field(default_factory=list)
    end: int = 0
    stop: str = ""
    """What ended the object: "punct", "rel", "prep", "clause", "pred", "participle", ...;
    "" when it ran to the limit."""
    through: int | None = None
    """Where "through" ended a list ("several units, through subordinate supervisors"): what
    follows it is supervised directly, the list before it indirectly."""


def _cap(tok: Tok, caps: bool) -> bool:
    """A capitalised word (in an ALL CAPS stretch no word counts as capitalised)."""
    return not caps and tok.text[:1].isupper()


def _is_head(tok: Tok, caps: bool) -> bool:
    """Whether a token can be the head noun of a name (so what follows may end the name)."""
    low = tok.low
    if low in DETERMINERS or low in _CONJ or not tok.text[:1].isalnum():
        return False
    if _cap(tok, caps):
        return True
    bare = singular(low.rstrip("'s"))
    return (
        bare in _HEAD_NOUNS
        or low in _HEAD_NOUNS
        or (low.endswith("s") and len(low) > 3 and _AGENT.search(low) is not None)
        or (tok.text.isupper() and len(tok.text) <= 6 and tok.text.isalpha() and not caps)
    )


def _verbish(tok: Tok, nxt: Tok | None = None) -> bool:
    """A word that opens a predicate after "and": "... staff and provides support"."""
    low = tok.low
    if not tok.text[:1].islower():
        return False
    if low.endswith("ed") and (nxt is None or nxt.low not in DETERMINERS | _PREP_END | {"to"}):
        return False  # "and assigned staff": a participle modifying the next name
    if low in _AUX or low in FINITE_VERBS:
        return True
    if (
        low.endswith("s")
        and not low.endswith("ss")
        and nxt is not None
        and (nxt.low in _PREP_END or nxt.low in DETERMINERS)
        and singular(low) not in _HEAD_NOUNS
        and low not in _HEAD_NOUNS
    ):
        return True  # by form: "... and sits on the cabinet", "and serves as liaison"
    if low.endswith("ly") and low not in _LY_NOT_ADVERB and len(low) > 4:
        return True
    return low in VERBS and low not in _HEAD_NOUNS and singular(low) not in _HEAD_NOUNS


def _boundary(toks: list[Tok], i: int, has_head: bool, head_low: str, caps: bool) -> str:
    """Why the name ends at token ``i`` ("" when it goes on)."""
    tok = toks[i]
    low = tok.low
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if has_head and low in {"the", "a", "an"} and tok.text[:1].isupper() and not caps:
        return "clause"  # "Evaluates Performance The principal ...": a lost sentence break
    if _cap(tok, caps) and low not in _REL:
        return ""
    if low in _REL:
        return "rel"
    if low == "through" or low == "thru":
        return "through"
    if low in _PREP_END:
        return "prep"
    if low == "of":
        if nxt is None or (nxt.low.endswith("ing") and nxt.low not in ING_NOUNS and not caps):
            return "prep"
        return ""
    if low == "for":
        if not (has_head and (_cap(toks[i - 1], caps) or caps)) if i else True:
            return "prep"  # "student workers for the Department"; not "Vice President for"
        if nxt is not None and (_cap(nxt, caps) or (caps and nxt.low not in _PREP_END)):
            return ""
        if nxt is not None and nxt.low in {"the", "a"} and i + 2 < len(toks):
            return "" if _cap(toks[i + 2], caps) else "prep"
        return "prep"
    if low == "to":
        after = nxt
        if after is not None and after.low in DETERMINERS and i + 2 < len(toks):
            after = toks[i + 2]
        if after is not None and _cap(after, caps) and head_low in _ASSISTANT_HEADS:
            return ""
        return "prep"
    if low == "as":
        return "as"
    if low in _AUX:
        return "clause"
    if (
        has_head
        and low in DETERMINERS
        and i
        and toks[i - 1].text[:1].isalnum()
        and toks[i - 1].low not in _JOINERS
    ):
        return "clause"  # "the department the district shares": a new clause begins
    frequency = has_head and low in _FREQUENCY  # "reports to the Director daily"
    if (
        low.endswith("ly")
        and len(low) > 4
        and low not in QUANTIFIERS  # "approximately 25 employees"
        and (low not in _LY_NOT_ADVERB or frequency)
        and (has_head or i == 0 or toks[i - 1].text in {",", ";"})
    ):
        return "adverb"  # "... staff, directly or indirectly"
    if not has_head:
        return ""
    if (
        low in {"consisting", "comprised", "composed", "made"}
        and nxt is not None
        and nxt.low
        in {
            "of",
            "up",
        }
    ):
        return ""  # "a workforce consisting of specialists": the wrapper goes on
    if low in _POSTNOMINAL:
        return "participle"
    if low.endswith("ing") and len(low) > 4 and low not in ING_NOUNS:
        return "participle"
    if low.endswith("ed") and len(low) > 4 and low not in _ED_ADJ:
        return "participle"
    if low in FINITE_VERBS and low not in _HEAD_NOUNS and singular(low) not in _HEAD_NOUNS:
        return "clause"
    return ""


@dataclass(slots=True)
class _Seg:
    toks: list[Tok]
    sep: str  # what came before: "", ",", "and", "or", "/", "/ " (spaced slash), ";"
    marker: str | None = None
    wrapper: bool = False
    core: str | None = None  # _core_class, computed once


def _unwrap(seg: _Seg) -> _Seg:
    """Drop a leading wrapper before the list is combined: "a large unit of second and
    third level positions" combines "second" with "third level positions"."""
    toks = seg.toks
    if len(toks) > 3 and toks[0].text == "(" and toks[2].text == ")" and toks[1].low.isalnum():
        toks = toks[3:]  # an enumerator: "(2) a large unit of ..."
    for k in range(min(5, len(toks) - 2)):
        wraps = toks[k].low in _WRAPPERS or _units_of(toks, k) or _collective(toks, k)
        if wraps and toks[k + 1].low == "of":
            if all(_COUNT_WORD.fullmatch(t.low) or t.text in ".;" for t in toks[k + 2 :]):
                break  # "a staff of 14": nothing after the wrapper names the group
            if all(t.text[:1].islower() or t.low in DETERMINERS for t in toks[:k]):
                return _Seg(toks[k + 2 :], seg.sep, seg.marker, True)
            break
        if toks[k].text[:1].isupper():
            break
    return seg


def _collective(toks: list[Tok], k: int) -> bool:
    """ "a squad of patrol officers", "a small cadre of analysts": a singular noun after "a"
    that gathers the people named after its "of" (by form, not a word list)."""
    if k < 1 or toks[0].low not in {"a", "an"} or k + 2 >= len(toks) or toks[k + 1].low != "of":
        return False
    word = toks[k].low
    if not toks[k].text.islower() or word in POSTS or singular(word) != word:
        return False
    if not all(t.text.islower() and t.low not in DETERMINERS for t in toks[1:k]):
        return False
    last = toks[-1].low
    return singular(last) != last and (singular(last) in POSTS or last in PEOPLE)


def _units_of(toks: list[Tok], k: int) -> bool:
    """ "the line departments of Central Services, Public Works, and ...": a plural unit noun
    before named units, each of them a unit ("divisions of the department" is one name)."""
    word = toks[k]
    return (
        k + 2 < len(toks)
        and toks[k + 1].low == "of"
        and word.text.islower()
        and word.low in _UNIT_PLURALS
        and toks[k + 2].text[:1].isupper()
    )


_UNIT_PLURALS = words(
    """departments divisions offices bureaus sections units branches agencies centers centres
    districts"""
)
"""Plural nouns of organizational units (not "areas", "functions", "programs": activities)."""


def _matching_paren(toks: list[Tok], i: int) -> int:
    depth = 0
    for j in range(i, len(toks)):
        if toks[j].text == "(":
            depth += 1
        elif toks[j].text == ")":
            depth -= 1
            if depth == 0:
                return j
    return -1


def _segments(
    view: str, toks: list[Tok], *, field_mode: bool, caps: bool
) -> tuple[list[_Seg], int, str]:
    """Split the tokens into list segments; returns them, the token index where the object
    ended, and why."""
    segs: list[_Seg] = []
    cur: list[Tok] = []
    sep = ""
    marker: str | None = None
    has_head = False
    head_low = ""
    i = 0
    stop = ""
    while i < len(toks):
        tok = toks[i]
        text, low = tok.text, tok.low
        if text == "(":
            close = _matching_paren(toks, i)
            if close < 0:
                stop = "paren"
                break
            inner = view[tok.start : toks[close].end]
            found = _MARKER.match(" ".join(inner.split()))
            if found:
                marker = found.group(1).lower().replace(" ", "-")
            else:
                cur.extend(toks[i : close + 1])
            i = close + 1
            continue
        if text == ")":
            stop = "paren"
            break
        if text in {".", "!", "?"}:
            prev = toks[i - 1].low if i else ""
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if text == "." and (
                prev in _ABBREVIATIONS
                or (len(prev) == 1 and prev.isalpha())
                or (nxt is not None and nxt.text[:1].islower() and nxt.low not in _CONJ)
            ):
                if cur:
                    cur.append(tok)
                i += 1
                continue
            stop = "punct"
            break
        if text == ":" or (text == ";" and not field_mode):
            stop = "punct"
            break
        if text == '"':
            i += 1
            continue
        if text in {",", ";"}:
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            after = toks[i + 2] if i + 2 < len(toks) else None
            if (
                text == ","
                and cur
                and _capitalised(_Seg(cur, sep), caps)
                and nxt is not None
                and nxt.low in {"the", "a", "an"}
                and after is not None
                and after.text[:1].islower()
            ):
                stop = "appositive"  # "Metro-Hartford Information Services, the technology
                break  # department ...": what follows describes the name
            if (
                nxt is not None
                and nxt.text[:1].islower()
                and nxt.low.endswith("s")
                and (nxt.low in FINITE_VERBS or nxt.low in VERBS)
                and singular(nxt.low) not in _HEAD_NOUNS
                and nxt.low not in _HEAD_NOUNS
            ):
                stop = "pred"  # "... custodial operations, supports trades supervisors"
                break
            if cur or marker:
                segs.append(_Seg(cur, sep, marker))
            cur, sep, marker, has_head, head_low = [], ",", None, False, ""
            i += 1
            continue
        if text.startswith("-") and tok.start > 0 and view[tok.start - 1] == " ":
            stop = "dash"
            break
        if text == "/":
            spaced = tok.start > 0 and view[tok.start - 1] == " "
            if cur or marker:
                segs.append(_Seg(cur, sep, marker))
            cur, marker, has_head, head_low = [], None, False, ""
            sep = "/ " if spaced else "/"
            i += 1
            continue
        if not cur and i + 2 < len(toks) and _UP_TO.get(low) == toks[i + 1].low:
            i += 2  # "up to 10 seasonal workers", "more than 20 volunteers": a count
            continue
        as_well = low == "as" and i + 2 < len(toks) and toks[i + 1].low == "well"
        if low in _CONJ or as_well:
            step = 3 if as_well else 1
            nxt = toks[i + step] if i + step < len(toks) else None
            after = toks[i + step + 1] if i + step + 1 < len(toks) else None
            if nxt is not None and _verbish(nxt, after) and nxt.low not in DETERMINERS:
                stop = "pred"
                break
            if cur or marker:
                segs.append(_Seg(cur, sep, marker))
            elif segs and sep == ",":
                pass  # ", and": the comma's segment already closed
            cur, marker, has_head, head_low = [], None, False, ""
            sep = "&" if low == "&" else "and" if low == "and" or as_well else "or"
            i += step
            continue
        why = _boundary(toks, i, has_head, head_low, caps)
        if why:
            stop = why
            break
        cur.append(tok)
        if _is_head(tok, caps):
            has_head = True
            head_low = low
        i += 1
    if cur or marker:
        segs.append(_Seg(cur, sep, marker))
    return segs, i, stop


def _words(seg: _Seg) -> list[str]:
    return [t.low for t in seg.toks if t.text[:1].isalnum() and t.low not in DETERMINERS]


_LEVEL = re.compile(r"\d+[a-z]?|[ivx]{1,4}|[a-d]")


def _content(seg: _Seg) -> list[Tok]:
    """The segment's words outside parentheses, without level suffixes ("II", "3")."""
    out: list[Tok] = []
    depth = 0
    for tok in seg.toks:
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth = max(0, depth - 1)
        elif not depth and tok.text[:1].isalnum() and not _LEVEL.fullmatch(tok.low):
            out.append(tok)
    return out


def _head_class(seg: _Seg, caps: bool) -> str:
    """post / unit / people / nonstaff for the last head noun of a segment; "" without one.

    A post word followed by one more word is still the head ("Director General").
    """
    content = _content(seg)
    if len(content) >= 2 and content[-1].low not in {"of", "for", "to"}:
        bare = singular(content[-2].low)
        if (
            (bare in POSTS or content[-2].low in POSTS)
            and singular(content[-1].low) not in (UNITS | PEOPLE | POSTS)
            and content[-1].text[:1].isupper()
        ):
            return "post"
    for tok in reversed(content):
        low = tok.low
        if low in {"of", "for", "to"}:
            return ""  # the head is before the complement: looked at by the caller
        bare = singular(low)
        if bare in POSTS or low in POSTS:
            return "post"
        if bare in UNITS or low in UNITS:
            return "unit"
        if bare in PEOPLE or low in PEOPLE or low in {"force", "position", "positions"}:
            return "people"
        if bare in NONSTAFF or low in NONSTAFF:
            return "nonstaff"
        if _POST_ACRONYM.fullmatch(tok.text):
            return "post"
        if low.endswith("s") and _AGENT.search(low) and not caps:
            return "people"
        return ""
    return ""


def _core_class(seg: _Seg, caps: bool) -> str:
    """The head class of the segment's core (before an "of"/"for"/"to" complement)."""
    if seg.core is not None:
        return seg.core
    toks = seg.toks
    found = ""
    for index, tok in enumerate(toks):
        if tok.low in {"of", "for", "to"} and index:
            found = _head_class(_Seg(toks[:index], seg.sep), caps)
            break
    else:
        found = _head_class(seg, caps)
    seg.core = found
    return found


def _has_complement(seg: _Seg) -> bool:
    return any(t.low in {"of", "for"} for t in seg.toks[1:])


def _plural(seg: _Seg) -> bool:
    """Whether the head noun (the core's last word, before "of"/"for") is plural."""
    core: list[Tok] = []
    for tok in _content(seg):
        if tok.low in {"of", "for", "to"} and core:
            break
        core.append(tok)
    last = core[-1].low if core else ""
    return last in {"staff", "personnel", "faculty", "crew", "people", "workforce"} or (
        last.endswith("s") and singular(last) != last
    )


def _capitalised(seg: _Seg, caps: bool) -> bool:
    content = [t for t in seg.toks if t.text[:1].isalnum() and t.low not in DETERMINERS]
    return bool(content) and all(
        _cap(t, caps) or t.low in {"of", "and", "the", "for", "&"} or caps for t in content
    )


_ADJECTIVE = re.compile(r"(?:al|ic|ive|ous|ed|ary|ory|ent|ant|ful|less|able|ible|ian|-time)$")
_ADJECTIVE_NOUNS = words("professional professionals support management administrative clerical")


def _modifier_only(seg: _Seg, caps: bool) -> bool:
    """Words that modify a head still to come: "technical", "sworn", "Production" in
    "technical and clerical staff", "Production, Engineering, and Janitorial staff"."""
    content = [t for t in _content(seg) if t.low not in DETERMINERS and t.low not in QUANTIFIERS]
    if not content or len(content) > 2:
        return False
    lower = all(t.text[:1].islower() for t in content)
    if len(content) == 1:
        if lower:
            return not _plural(seg) or content[0].low in _ADJECTIVE_NOUNS
        return _head_class(seg, caps) == ""
    last = content[-1].low
    if all(t.text[:1].isupper() for t in content) and not caps:
        return _head_class(seg, caps) == ""  # "Accounts Payable and Payroll units"
    return (
        lower
        and not _plural(seg)
        and (
            last in _ADJECTIVE_NOUNS
            or (_head_class(seg, caps) == "" and _ADJECTIVE.search(last) is not None)
        )
    )  # "non-sworn", "building maintenance" are modifiers; "nursing leadership" a noun


def _merge(a: _Seg, b: _Seg) -> _Seg:
    return _Seg(a.toks + b.toks, a.sep, a.marker or b.marker, a.wrapper or b.wrapper)


_CHOSEN = words("assigned designated appropriate respective relevant applicable")


def _alternatives(left: _Seg, right: _Seg, caps: bool) -> bool:
    """Whether a slash offers two posts rather than joining the titles of one.

    "City Clerk/Director of Elections" is one person's two titles; "Country Director/Area
    Director" (the same kind of post twice) and "Assigned Teacher/Principal" (a post picked
    case by case cannot hold a combined title) are alternatives.
    """
    lw, rw = _words(left), _words(right)
    if len(lw) < 1 or len(rw) < 1:
        return False
    if lw[0] in _CHOSEN and _core_class(right, caps) == "post":
        return True
    same_head = _content(left)[-1].low == _core_head(right)
    return len(lw) >= 2 and len(rw) >= 2 and same_head and _core_class(left, caps) == "post"


def _core_head(seg: _Seg) -> str:
    core: list[Tok] = []
    for tok in _content(seg):
        if tok.low in {"of", "for", "to"} and core:
            break
        core.append(tok)
    return core[-1].low if core else ""


def _continue_title(segs: list[_Seg], seg: _Seg, index: int, caps: bool) -> tuple[_Seg, int]:
    """A title's qualifier or its "of" complement continued over commas and "and".

    "Director, Port Department", "Director of Parks, Open Space and Cultural Services",
    "Office of Enrollment and School Choice": once a comma continues the title, the rest
    of that list continues it too, as long as no other post is named.
    """
    continued = False
    start = index
    core = _core_class(seg, caps)
    while index + 1 < len(segs):
        nxt = segs[index + 1]
        if not nxt.toks or nxt.toks[0].low in DETERMINERS:
            break
        if index + 2 == len(segs) and is_person_name(" ".join(t.text for t in nxt.toks)):
            break  # "the CEO, Jordan Avery": a person's name ends a list, it does not go on
        nxt_class = _core_class(nxt, caps)
        capitalised = _capitalised(nxt, caps) and nxt_class != "post"
        qualifier = (
            nxt.sep == ","
            and core == "post"
            and not _plural(seg)
            and capitalised
            and (segs[start].sep != "," or continued)
        )  # never inside a list of items: "Payroll Office, Police Chief, Accounting Team"
        complement = _has_complement(seg) and (
            (
                nxt.sep in {"and", "or"}
                and capitalised
                and (
                    nxt_class == ""
                    or continued
                    or (nxt_class == "unit" and core == "post" and len(_words(nxt)) == 1)
                )
            )  # "Director of Finance and Administration": one area word, the same post
            or (
                nxt.sep == "," and capitalised and core == "post" and (nxt_class == "" or continued)
            )
            or (nxt.sep == "or" and len(_words(nxt)) == 1)
        )
        ampersand = nxt.sep == "&" and capitalised  # "Director of Libraries & Museums"
        if not (
            qualifier
            or complement
            or ampersand
            or (continued and capitalised and nxt.sep in {"and", "&", ","})
        ):
            break
        continued = continued or nxt.sep == ","
        seg = _merge(seg, nxt)
        index += 1
    return seg, index


def _combine(segs: list[_Seg], *, up: bool, caps: bool) -> list[tuple[_Seg, bool]]:
    """Apply the merge rules of the module docstring; returns (segment, combined) pairs."""
    out: list[tuple[_Seg, bool]] = []
    index = 0
    while index < len(segs):
        seg = segs[index]
        combined = False
        seg, index = _continue_title(segs, seg, index, caps)
        # shared head: "technical, clerical and administrative staff"
        if _modifier_only(seg, caps):
            j = index
            while j + 1 < len(segs) and _modifier_only(segs[j + 1], caps):
                j += 1
            if j + 1 < len(segs) and segs[j + 1].sep in {"and", "&", "or"}:
                last = segs[j + 1]
                capital = any(t.text[:1].isupper() for s in segs[index : j + 1] for t in s.toks)
                opens = last.toks[0].low if last.toks else ""
                if (
                    opens not in DETERMINERS
                    and (_plural(last) or not capital or _capitalised(last, caps))
                    and _head_class(last, caps) in {"people", "post", "unit"}
                ) and (
                    _plural(last)
                    or seg.sep != ","
                    or _head_class(last, caps) != "post"
                    or (bool(seg.toks) and seg.toks[0].low in DETERMINERS)
                ):
                    merged = seg
                    for k in range(index + 1, j + 2):
                        merged = _merge(merged, segs[k])
                    seg, index = merged, j + 1
        seg, index = _continue_title(segs, seg, index, caps)
        # a combined title, for a superior: "Senior Vice President and General Counsel"
        if up and index + 1 < len(segs) and segs[index + 1].sep in {"and", "&"} and seg.sep == "":
            second, upto = _continue_title(segs, segs[index + 1], index + 1, caps)
            ends = upto == len(segs) - 1 or bool(
                segs[upto + 1].toks and segs[upto + 1].toks[0].low in DETERMINERS
            )
            if (
                ends
                and _core_class(seg, caps) == "post"
                and _core_class(segs[index + 1], caps) == "post"
                and not _plural(seg)
                and not _plural(segs[index + 1])
                and segs[index + 1].toks
                and segs[index + 1].toks[0].low not in DETERMINERS
            ):
                seg = _merge(seg, second)
                index = upto
                combined = True
        # a superior's title that names its area with "and": "the Group Manager Community
        # and Culture" (what follows "and" names no post, unit or people)
        if (
            up
            and index + 1 < len(segs)
            and segs[index + 1].sep in {"and", "&"}
            and _core_class(seg, caps) == "post"
            and _area_words(segs[index + 1], caps)
        ):
            seg = _merge(seg, segs[index + 1])
            index += 1
        # "Teacher/Principal", "Chief Executive Officer/President": one post unless both
        # sides are headed titles of two words or more, or the slash is spaced
        while index + 1 < len(segs) and segs[index + 1].sep == "/":
            nxt = segs[index + 1]
            if seg.marker or nxt.marker or _alternatives(seg, nxt, caps):
                break  # "Deputy Chief (Primary)/Chief (Secondary)": two posts
            seg = _merge(seg, nxt)
            index += 1
        out.append((seg, combined))
        index += 1
    return out


def _area_words(seg: _Seg, caps: bool) -> bool:
    """One to three capitalised words that name no post, unit or people ("Culture")."""
    toks = seg.toks
    return (
        1 <= len(toks) <= 3
        and all(t.text[:1].isupper() for t in toks)
        and toks[0].low not in DETERMINERS
        and _head_class(seg, caps) == ""
    )


def _org_path(segs: list[_Seg], caps: bool) -> list[_Seg]:
    """A superior named by its place in the organization: "the Technical Operations,
    Technical Services Organization, Operations Engineering Support Group Manager" is one
    post (capitalised units before a comma, one post at the end, no "and"/"or")."""
    if len(segs) < 3 or any(s.sep not in {"", ","} for s in segs):
        return segs
    *path, last = segs
    if _core_class(last, caps) != "post" or not all(
        _capitalised(s, caps) and _core_class(s, caps) != "post" for s in path
    ):
        return segs
    merged = path[0]
    for seg in [*path[1:], last]:
        merged = _merge(merged, seg)
    return [merged]


def _strip_item(seg: _Seg, view: str, caps: bool) -> Item | None:
    """Drop leading determiners, quantifiers, counts and wrappers; None when nothing is left."""
    toks = [t for t in seg.toks]
    item = Item(0, 0, marker=seg.marker)
    changed = True
    while toks and changed:
        changed = False
        low = toks[0].low
        if low in DETERMINERS or low in {"our", "his/her", "its"}:
            item.determiner = item.determiner or low
            toks.pop(0)
            changed = True
        elif low.endswith(("'s", "s'")) and len(toks) > 1 and toks[0].text[:1].islower():
            item.determiner = item.determiner or "the"
            toks.pop(0)  # "the office's staff", "the department's employees": a possessive
            changed = True
        elif (
            low in QUANTIFIERS
            and len(toks) > 1
            and (
                toks[1].text[:1].isalnum() or toks[1].text == "("  # "one (1) Assistant"
            )
        ):
            if low in {"more", "up", "over", "about", "approximately"} and len(toks) > 2:
                toks.pop(0)  # "more than", "up to": the next word goes too
            item.quantifier = True
            toks.pop(0)
            changed = True
        elif (low.isdigit() or _COUNT.fullmatch(low)) and len(toks) > 1:
            item.count = True
            toks.pop(0)
            changed = True
        elif low == "(" and len(toks) > 2 and toks[1].low.isdigit() and toks[2].text == ")":
            item.count = True
            del toks[:3]
            changed = True
        elif low in _EVALUATIVE and len(toks) > 1 and toks[1].text[:1].isalnum():
            toks.pop(0)  # "a large and varied clerical staff" -> "clerical staff"
            if (
                toks
                and toks[0].low in {"and", "&"}
                and len(toks) > 2
                and toks[1].low in _EVALUATIVE
            ):
                del toks[:2]
            changed = True
        elif _NUMERAL_ADJECTIVE.fullmatch(low) and len(toks) > 1:
            item.count = True
            toks.pop(0)  # "the three-member Board", "a five-person team"
            changed = True
        elif low == "of" and (item.quantifier or item.count):
            toks.pop(0)  # "two of the"
            changed = True
        else:
            # "a small staff of", "the work of", "members of the": a wrapper and its "of"
            for k in range(min(4, len(toks) - 2)):
                if (
                    toks[k].low in _WRAPPERS
                    and toks[k + 1].low in {"consisting", "made", "comprised", "composed"}
                    and k + 3 < len(toks)
                    and toks[k + 2].low in {"of", "up"}
                ):
                    del toks[k + 1 : k + (4 if toks[k + 2].low == "up" else 3)]
                    toks.insert(k + 1, Tok(toks[k].end, toks[k].end, "of", "of"))
                if toks[k].low in _WRAPPERS and toks[k + 1].low == "of":
                    before = toks[:k]
                    if all(t.text[:1].islower() or t.low in DETERMINERS for t in before):
                        rest = toks[k + 2 :]
                        if rest and all(_COUNT_WORD.fullmatch(t.low) for t in rest):
                            # "a staff of 14", "a team of twelve": the wrapper is the name
                            toks = toks[k : k + 1]
                            item.count = True
                        elif rest:
                            toks = rest
                            item.wrapper = True
                            changed = True
                    break
    # trailing count "(1)" or level-less parenthesis holding a number only
    while toks and toks[-1].text == ")":
        open_at = max((k for k, t in enumerate(toks) if t.text == "("), default=-1)
        inner = " ".join(t.text for t in toks[open_at + 1 : -1]) if open_at >= 0 else ""
        if open_at > 0 and _COUNT_PAREN.fullmatch(inner or "x") and not inner.isupper():
            toks = toks[:open_at]
            item.count = item.count or any(ch.isdigit() for ch in inner)
            continue
        break
    while toks and not toks[-1].text[:1].isalnum() and toks[-1].text != ")":
        toks.pop()
    while toks and toks[0].text in {"-", "/", '"', ")"}:
        toks.pop(0)
    if not toks:
        return None
    text = view[toks[0].start : toks[-1].end]
    if _DESIGNEE.match(" ".join(text.split())):
        return None
    item.start, item.end = toks[0].start, toks[-1].end
    return item


_HOP = re.compile(r"[;,][ ]*(?:and/or|and|or)[ ]+|;[ ]*|\bincluding[ ]+|\bsuch[ ]as[ ]+")
_HOP_WINDOW = 300
"""Characters a modifier may run before the list goes on: a hop is looked for no further
(a modifier is a phrase, and a long sentence is not scanned again for each of its cues)."""
_THROUGH = re.compile(r"\bthrough\b", re.IGNORECASE)
_HOP_STOPS = frozenset({"participle", "rel", "prep", "adverb", "through", "as", "paren"})
"""Why a name ended where the list may go on after the modifier ("a clerical staff
performing varied work, or several units"; "(1) ... with ...; (2) ...")."""


_FIRST_WINDOW = 160
"""Characters tokenised first: most objects end well inside it (read further only when not)."""


def _read_once(
    view: str, start: int, limit: int, *, up: bool, field_mode: bool
) -> tuple[list[Item], int, str, str]:
    window = min(limit, start + _FIRST_WINDOW)
    while True:
        toks = tokens(view, start, window)
        letters = [ch for t in toks[:12] for ch in t.text if ch.isalpha()]
        caps = len(letters) > 8 and all(ch.isupper() for ch in letters)
        segs, stop_at, stop = _segments(view, toks, field_mode=field_mode, caps=caps)
        if stop or window >= limit or len(toks) >= _MAX_TOKENS:
            break
        window = limit  # the object runs past the first window: read it whole
    end = toks[stop_at].start if stop_at < len(toks) else (toks[-1].end if toks else start)
    word = toks[stop_at].low if stop_at < len(toks) else ""
    segs = [s for s in segs if s.toks or s.marker]
    units_of = bool(segs) and any(
        _units_of(segs[0].toks, k) for k in range(min(5, len(segs[0].toks) - 2))
    )
    segs = [_unwrap(s) for s in segs]
    if up:
        segs = _org_path(segs, caps)
    items: list[Item] = []
    for seg, combined in _combine(segs, up=up, caps=caps):
        if not seg.toks:
            if seg.marker and items:
                items[-1].marker = seg.marker
            continue
        item = _strip_item(seg, view, caps)
        if item is None:
            continue
        item.combined = combined
        item.wrapper = item.wrapper or seg.wrapper
        item.of_units = units_of
        items.append(item)
    if stop == "through":
        for item in items:
            item.marker = item.marker or "indirect-through"
    if (
        len(items) > 1
        and items[0].determiner in {"a", "an", "any"}
        and any(s.sep == "or" for s in segs)
    ):
        # "reports to a Director, Manager, or Supervisor": each one is any such post
        for item in items:
            item.determiner = item.determiner or items[0].determiner
    return items, end, stop, word


def _depth(view: str, start: int, end: int) -> int:
    return view.count("(", start, end) - view.count(")", start, end)


def read_object(
    view: str, start: int, limit: int, *, up: bool = False, field_mode: bool = False
) -> Reading:
    """The names stated in ``view[start:limit]``, the object of a frame or a field's value.

    ``up`` says the object names superiors (a combined title stays one post);
    ``field_mode`` reads a labelled value (a semicolon separates items there). When a
    name ends at a modifier the list may go on after it ("supervise a clerical staff
    performing varied work, or several units"; "... including faculty and staff"): the
    reading hops over the modifier to the next ", and"/", or"/";"/"including" and reads
    on, marking those items ``hopped``.
    """
    reading = Reading()
    pos = start
    hopped = including = False
    for _ in range(6):
        items, end, stop, _word = _read_once(view, pos, limit, up=up, field_mode=field_mode)
        for item in items:
            item.hopped, item.including = hopped, including
        reading.items.extend(items)
        reading.stop = reading.stop or stop
        reading.end = end
        if stop == "through":
            reading.through = end
        if stop not in _HOP_STOPS:
            break
        window = min(limit, end + _HOP_WINDOW)
        nxt = next(
            (m for m in _HOP.finditer(view, end, window) if _depth(view, end, m.start()) == 0),
            None,
        )
        gap_end = nxt.start() if nxt is not None else window
        through = _THROUGH.search(view, end, gap_end) if stop != "through" else None
        if through is not None:
            # "several units with different functions through subordinate supervisors"
            reading.through = through.start()
            for item in items:
                item.marker = item.marker or "indirect-through"
        if nxt is None:
            break
        after = tokens(view, nxt.end(), min(limit, nxt.end() + 40))
        if not after or (
            _verbish(after[0], after[1] if len(after) > 1 else None)
            and after[0].low not in DETERMINERS
        ):
            break
        hopped = True
        including = including or "including" in nxt.group(0) or "such" in nxt.group(0)
        pos = nxt.end()
    if len(reading.items) > 1:
        # "the CPO, Jordan Avery" / "Jordan Avery, CPO": the person is not a post
        people = [i for i in reading.items if is_person_name(view[i.start : i.end])]
        if people and len(people) < len(reading.items):
            reading.items = [i for i in reading.items if i not in people]
    return reading
