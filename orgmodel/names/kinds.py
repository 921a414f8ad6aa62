"""What a name says about the kind of thing it names: a department, an office, a board.

Postings name superiors and units alike in prose ("reports to the Board of
Education", "supervises the Facilities Department"), and tables give units a
name but rarely a kind; the kind a name announces decides whether a name
makes a unit or a post and which unit kind a reader records.

>>> guess_unit_kind("Office of Enrollment and School Choice")
<UnitKind.OFFICE: 'office'>
>>> looks_like_unit("Facilities Department"), looks_like_unit("Office of Enrollment")
(True, True)
>>> looks_like_unit("Director of Facilities")
False
"""

from __future__ import annotations

from orgmodel.names.rules import norm_name
from orgmodel.records import UnitKind

__all__ = ["BODY_WORDS", "guess_unit_kind", "looks_like_unit"]

_KIND_WORDS: dict[str, UnitKind] = {
    "department": UnitKind.DEPARTMENT,
    "dept": UnitKind.DEPARTMENT,
    "office": UnitKind.OFFICE,
    "division": UnitKind.DIVISION,
    "bureau": UnitKind.BUREAU,
    "section": UnitKind.SECTION,
    "team": UnitKind.TEAM,
    "teams": UnitKind.TEAM,
    "board": UnitKind.BOARD,
    "council": UnitKind.COUNCIL,
    "committee": UnitKind.COMMITTEE,
    "commission": UnitKind.COMMITTEE,
}

_UNIT_WORDS = frozenset(
    {"department", "office", "division", "services", "board", "council", "bureau",
     "committee", "commission", "unit", "program", "programs", "section", "team", "teams"}
)  # fmt: skip
_HEAD_WORDS = frozenset({"office", "board", "department", "division"})

BODY_WORDS = frozenset({"board", "council", "committee"})
"""Words of a body's name: a post may report to a board, not to a department."""


def guess_unit_kind(name: str) -> UnitKind:
    """The kind a unit's name announces ("... Department", "Office of ...")."""
    words = norm_name(name).split()
    for word in (words[-1:] if words else []) + words[:1]:
        if word in _KIND_WORDS:
            return _KIND_WORDS[word]
    for word in words:
        if word in _KIND_WORDS:
            return _KIND_WORDS[word]
    return UnitKind.UNIT


def looks_like_unit(name: str) -> bool:
    """Department, Office, Division, Services, Board, Council ... name units, not posts."""
    words = norm_name(name).split()
    return bool(words) and (words[-1] in _UNIT_WORDS or words[0] in _HEAD_WORDS)
