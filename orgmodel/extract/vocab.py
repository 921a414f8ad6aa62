"""Word lists and the head-noun test that tells a post from a unit.

Postings name posts ("Police Chief"), units ("Facilities Department"), groups
of people ("support staff") and things that are not part of an org chart at
all ("students", "the annual budget"). The extractor decides which by the
*head noun* of a phrase: the last word before any "of/for/to" complement,
ignoring level suffixes (II, 3) and parentheticals. The lists are plain
English job-description vocabulary -- no organization names.

>>> head_word("Director of Parks & Recreation")
'director'
>>> head_word("Benefits Specialist Supervisors I")
'supervisor'
>>> classify("Food & Child Nutrition Services Department")
'unit'
>>> classify("township department heads"), classify("support staff"), classify("students")
('post', 'people', 'nonstaff')
>>> classify("the annual budget")
'other'

:func:`head_word` and :func:`classify` are memoised with ``functools.lru_cache``:
they are pure functions of one string, so the cache can only save time, never
change a result (``extract`` stays a pure function of its inputs).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

__all__ = [
    "DETERMINERS",
    "DOMAIN_WORDS",
    "FINITE_VERBS",
    "NONSTAFF",
    "PEOPLE",
    "POSTS",
    "UNITS",
    "VERBS",
    "Klass",
    "classify",
    "head_word",
    "is_plural_head",
    "singular",
    "words",
]

Klass = Literal["post", "unit", "people", "nonstaff", "other"]


def words(text: str) -> frozenset[str]:
    """A word list written as one string: ``words("a b")`` -> ``frozenset({'a', 'b'})``."""
    return frozenset(text.split())


POSTS = words(
    """
accountant actuary adjuster administrator administratrix adviser advisor agent aide alderman
ambassador analyst appraiser apprentice architect archivist artist assessor assistant associate
attendant attorney audiologist auditor avp bailiff banker barista biller biologist bookkeeper
broker bursar buyer cao captain carpenter caseworker cashier cdo ceo cfo chair chairman
chairperson chairwoman chancellor chaplain chef chemist chief chiropractor chro cio ciso clerk
clinician cmo cna cno coach coder collector commander commissioner comptroller concierge
conservator consultant controller coo cook coordinator corporal councillor councilmember counsel
counsellor counselor courier cpa cpo cto curator custodian dean deckhand defender dentist deputy
designee designer detective developer dietitian director dispatcher docent doctor drafter driver
ecologist economist editor educator electrician employee emt engineer estimator evp examiner
executive facilitator fellow firefighter foreman forester forewoman founder generalist geologist
gm governor groundskeeper guard handler head housekeeper hygienist inspector installer
instructor intern interpreter interventionist investigator janitor journalist judge keeper
laborer lawyer lead leader lecturer legislator liaison librarian lieutenant lifeguard lineman
lineworker loader lpn machinist magistrate maintainer manager marshal mason mayor mechanic
member midwife navigator nurse nutritionist officer official ombudsman ombudsperson operator
optometrist owner packer page painter paraeducator paralegal paramedic paraprofessional partner
pastor pharmacist phlebotomist photographer physician physicist picker pilot planner plumber
porter postdoc practitioner president principal proctor producer professor programmer prosecutor
provider provost psychiatrist psychologist publisher radiologist ranger receptionist recorder
recruiter registrar rep repairer representative researcher rn roofer scheduler scientist
secretary sergeant server sheriff specialist staffer statistician steward stocker strategist
subordinate superintendent superior supervisor surgeon surveyor svp teacher tech technician
technologist teller tester therapist trader trainee trainer transcriptionist translator
treasurer trooper trustee tutor typist underwriter veterinarian volunteer vp warden webmaster
welder worker writer
"""
)
"""Head nouns of posts (singular, lower case)."""

PEOPLE = words(
    """
staff personnel workforce crew professional faculty people person individual team-member employees
"""
)
"""Head nouns of groups of people (\"support staff\", \"all the personnel\")."""

UNITS = words(
    """
department dept office division service services board council commission committee bureau unit
program programme team section branch agency center centre institute school college directorate
administration ministry cabinet panel taskforce workgroup group organization organisation
district authority court clinic hospital laboratory lab library museum region station precinct
squad desk shop plant warehouse campus area function hr
"""
)
"""Head nouns of units and bodies (\"Facilities Department\", \"Board of Education\")."""

NONSTAFF = words(
    """
student pupil patient client customer visitor child children resident public citizen family
families parent guest learner applicant candidate vendor contractor donor youth kid kids
"""
)
"""People a post serves rather than supervises (never an org-chart relation)."""

DOMAIN_WORDS = words(
    """
arts art sciences science affairs operations engineering education finance resources technology
development relations programs policy planning health safety communications marketing sales
research facilities collections curriculum instruction academics athletics nursing compliance
security transportation maintenance recreation parks works utilities grants budget accounting
payroll purchasing procurement legal design architecture product trust quality risk data
analytics strategy innovation outreach advancement admissions enrollment records support systems
infrastructure administration management human general public special european american
international national regional local clinical medical academic student business information
digital customer community economic environmental water nutrition food services and
"""
)
"""Field-of-work words: a capitalised phrase made of these is a qualifier, not a person."""

DETERMINERS = words("the a an our its his her their this that these those your my each every any")

_VERB_STEMS = words(
    """
accept act administer advise analyze approve arrange assess assign assist attend audit build
carry chair check collaborate collect command communicate complete conduct confer consult
contribute control coordinate counsel create decide define delegate deliver demonstrate design
determine develop direct discipline distribute draft drive enforce engage ensure establish
evaluate execute explain facilitate follow foster gather guide handle help hire hold identify
implement improve inform initiate inspect interpret interview investigate issue keep lead locate
maintain make manage mentor monitor motivate negotiate notify obtain operate organize oversee
participate perform plan play prepare present prioritize process promote propose provide
purchase receive recommend reconcile recruit report represent research resolve respond review run
schedule select serve set share solve submit supervise support teach track train troubleshoot
update utilize verify work write
"""
)

_NOUN_LIKE = words(
    "works plans leads reports reviews issues records supports services processes interviews heads"
)


def _forms(stem: str) -> set[str]:
    out = {stem}
    if stem.endswith(("s", "sh", "ch", "x", "z")):
        out.add(stem + "es")
    elif stem.endswith("y") and stem[-2:-1] not in "aeiou":
        out.add(stem[:-1] + "ies")
    else:
        out.add(stem + "s")
    base = stem[:-1] if stem.endswith("e") and not stem.endswith("ee") else stem
    out.add(base + "ing")
    out.add(base + ("d" if stem.endswith("e") else "ed"))
    return out


VERBS = frozenset(w for s in _VERB_STEMS for w in _forms(s)) | words(
    "is are was were be been being will shall may must can should would could has have had"
    " does do did oversaw led"
)
"""Verb forms common in job descriptions (used to find where a name ends)."""

FINITE_VERBS = words(
    "is are was were will shall may must can should would could has have had does include "
    "includes comprise comprises consist consists"
) | {
    w for s in _VERB_STEMS for w in _forms(s) if w.endswith("s") and w != s and w not in _NOUN_LIKE
}
"""Verb forms that unambiguously start a predicate after a noun phrase."""

_PAREN = re.compile(r"\([^()]*\)")
_LEVELS = frozenset([*"abcd", "sr", "jr", *(str(n) for n in range(100))])
_ROMAN = frozenset("ivx")
_COMPLEMENT = re.compile(r"\s(?:of|for|to|at|in|with|on)\s", re.IGNORECASE)
_PUNCT = "'-.,;:\"&*!?[]"
_ACRONYM_POST = re.compile(r"^(?:C[A-Z]{1,3}O|[SEA]?VP|GM|RN|LPN|CNA|CPA|MD|NP|PA)S?$")


def singular(word: str) -> str:
    """A crude singular for head nouns: ``'supervisors'`` -> ``'supervisor'``.

    >>> singular("heads"), singular("facilities"), singular("staff"), singular("classes")
    ('head', 'facility', 'staff', 'class')
    """
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


_SHARED_HEAD = re.compile(r",(?:[^,]*[ ])?(?:and|or|and/or|&)[ ]+[^,]+$")
"""A list that shares its head: "Production, Engineering, and Janitorial staff", "the
Streets, Fleet and Parks divisions"."""


def _core(name: str) -> str:
    text = _PAREN.sub(" ", name) if "(" in name else name
    cut = text.find(",")
    before = text[:cut].split() if cut > 0 else []
    if cut >= 0 and not (
        before and _SHARED_HEAD.search(text, cut) and singular(before[-1].lower()) not in POSTS
    ):
        text = text[:cut]  # "Director, Port Department": the post before its qualifier
    cut = text.find(" - ")
    if cut >= 0:
        text = text[:cut]
    match = _COMPLEMENT.search(text) if " " in text else None
    if match:
        text = text[: match.start()]
    return text


def _is_level(word: str) -> bool:
    return word in _LEVELS or (len(word) <= 4 and not set(word) - _ROMAN)


def _last_word(name: str) -> str:
    """The last word of the name's core that is not a level suffix (II, 3) nor a
    post-positive "General", "Senior" or "Junior" after a post (Director General, Attorneys
    General, Examiner Senior), as written."""
    tokens = _core(name).replace("/", " ").split()
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i].strip(_PUNCT)
        if not word or _is_level(word.lower()):
            continue
        if (
            word.lower() in {"general", "senior", "junior"}
            and i
            and singular(tokens[i - 1].strip(_PUNCT).lower()) in POSTS
        ):
            continue
        return word
    return ""


@lru_cache(maxsize=16384)
def head_word(name: str) -> str:
    """The head noun of a name (lower case, singular); ``''`` when there is none."""
    last = _last_word(name)
    if last.lower().endswith("'s"):
        last = last[:-2]
    if last.isupper() and _ACRONYM_POST.match(last):
        return last.lower().rstrip("s")
    if (
        len(last) >= 3
        and last[-1] == "s"
        and last[:-1].isupper()
        and _ACRONYM_POST.match(last[:-1])
    ):
        return last[:-1].lower()  # "RNs", "CNAs"
    low = last.lower()
    return _ABBREVIATED.get(low) or singular(low)


_ABBREVIATED = {
    "dir": "director", "supt": "superintendent", "mgr": "manager", "admin": "administrator",
    "coord": "coordinator", "spec": "specialist", "tech": "technician", "supv": "supervisor",
    "supvr": "supervisor", "asst": "assistant", "secy": "secretary",
}  # fmt: skip
"""Post words written short ("Dir. of Finance", "Supt. of Schools"), read as the word."""


def is_plural_head(name: str) -> bool:
    """True when the head noun is written in the plural ("Benefits Specialists").

    >>> is_plural_head("Benefits Specialists"), is_plural_head("Corporate Secretary")
    (True, False)
    """
    last = _last_word(name).lower()
    if not last:
        return False
    return last in {"staff", "personnel", "faculty", "workforce", "crew", "people"} or (
        last.endswith("s") and singular(last) != last
    )


@lru_cache(maxsize=16384)
def classify(name: str) -> Klass:
    """Post, unit, group of people, non-staff people, or something else."""
    parts = [p for p in name.split("/") if p.strip()] or [name]
    kinds: list[Klass] = []
    for part in parts:
        head = head_word(part)
        if not head:
            continue
        if head in NONSTAFF or head + "s" in NONSTAFF:
            kinds.append("nonstaff")
        elif head in POSTS:
            kinds.append("post")
        elif head in PEOPLE or head + "s" in PEOPLE:
            kinds.append("people")
        elif head in UNITS or head + "s" in UNITS:
            kinds.append("unit")
        else:
            kinds.append("other")
    order: tuple[Klass, ...] = ("post", "unit", "people", "nonstaff")
    return next((wanted for wanted in order if wanted in kinds), "other")
