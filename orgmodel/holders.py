"""Who holds a post, and the markers tables write in the name column instead of a name.

A holder cell does not always hold a name. The UK government organogram
guidance asks for ``Vacant`` when nobody holds a post, ``N/D`` (not
disclosed) when the name is withheld, and ``Eliminated`` for a post that was
abolished but is still listed; real files also quote them (``'Vacant'``,
``Eliminated'``: a spreadsheet's text prefix that went into the CSV) and
write them in capitals. Every reader folds a marker the same way
(:func:`marker`): the post gets no holder and the attribute ``status`` says
which marker it was, so that a withheld name is not counted or drawn as a
vacancy, an eliminated post feeds the diff's eliminations and rule R005, and
a marker is never taken for a person's name. Brackets go too: GoJS's org
chart editor writes ``(Vacant)``.

>>> marker("'Vacant'"), marker("N/D"), marker("Eliminated'"), marker("Dominic O'Neill")
(<HolderStatus.VACANT: 'vacant'>, <HolderStatus.WITHHELD: 'undisclosed'>, \
<HolderStatus.ELIMINATED: 'eliminated'>, None)
>>> holder_status(None, {"status": "undisclosed"}).label
'name withheld'
>>> holder_status("Ana Ruiz", None), holder_status(None, None)
(<HolderStatus.HELD: 'held'>, <HolderStatus.VACANT: 'vacant'>)
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

__all__ = [
    "MARKERS",
    "MARKER_QUOTES",
    "MARKER_TRIM",
    "STATUS_KEY",
    "HolderStatus",
    "holder_status",
    "marker",
    "marker_key",
]

STATUS_KEY = "status"
"""The post attribute a marker is kept in (its value: a :class:`HolderStatus` other than held)."""


class HolderStatus(StrEnum):
    """What a post's holder cell said: a name, or one of the markers."""

    HELD = "held"
    VACANT = "vacant"
    WITHHELD = "undisclosed"
    ELIMINATED = "eliminated"

    @property
    def label(self) -> str:
        """How a chart or a listing shows a post in this state (a held post shows the name)."""
        return _LABELS[self]


_LABELS = {
    HolderStatus.HELD: "held",
    HolderStatus.VACANT: "Vacant",
    HolderStatus.WITHHELD: "name withheld",
    HolderStatus.ELIMINATED: "Eliminated",
}

MARKERS: dict[str, HolderStatus] = {
    **dict.fromkeys(("vacant", "vacancy", "position vacant", "vacant post"), HolderStatus.VACANT),
    **dict.fromkeys(
        ("n/d", "n.d.", "not disclosed", "name not disclosed", "withheld", "name withheld"),
        HolderStatus.WITHHELD,
    ),
    **dict.fromkeys(("eliminated", "post eliminated"), HolderStatus.ELIMINATED),
}
"""Holder cells that are markers, after :func:`marker_key` (case, spacing and quotes folded)."""

MARKER_QUOTES = "'\"`\u2018\u2019\u201c\u201d"
"""Quote marks stripped from either end of a cell before it is looked up (``'Vacant'``)."""
MARKER_TRIM = MARKER_QUOTES + "()[] \t\r\n\xa0"
"""What is trimmed from either end of a cell: quote marks, brackets (GoJS's org chart writes
``(Vacant)`` for a vacated post) and white space, in any order."""


def marker_key(cell: str) -> str:
    """The form a cell is looked up in :data:`MARKERS`: trimmed of spaces and quotes,
    spacing folded, lower case.

    >>> marker_key(" 'Position  VACANT' ")
    'position vacant'
    """
    return " ".join(cell.strip(MARKER_TRIM).split()).lower()


def marker(cell: str | None) -> HolderStatus | None:
    """The marker a holder cell is (None: a name, or empty)."""
    if not cell:
        return None
    return MARKERS.get(marker_key(cell))


def holder_status(holder: str | None, attributes: Mapping[str, str] | None) -> HolderStatus:
    """A post's state: held when it has a holder, else the marker its ``status`` records,
    else vacant (a post without a holder and without a marker is vacant, as before)."""
    if holder:
        return HolderStatus.HELD
    status = (attributes or {}).get(STATUS_KEY)
    if status == HolderStatus.WITHHELD:
        return HolderStatus.WITHHELD
    if status == HolderStatus.ELIMINATED:
        return HolderStatus.ELIMINATED
    return HolderStatus.VACANT
