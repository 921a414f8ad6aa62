"""Files a source folder holds that are not org data, and the note that says one was skipped.

A folder of org data often holds more than org data: a ``package.json``, a
``notes.txt``. Named directly, such a file is refused with an error that
says why; met in a folder, it is skipped, and the skip is noted (a
:class:`~orgmodel.records.LoadIssue` with code :data:`SKIPPED`) so that
nothing is left out in silence. Each reader decides what is a stray in its
own format (:func:`orgmodel.readers.jsontree.tree_problem`,
:func:`orgmodel.readers.postings.says_nothing`).

>>> data = skipped("data/package.json", "a JSON object with no 'children' list")
>>> is_skipped(data), data.issues[0].message
(True, "skipped: a JSON object with no 'children' list")
"""

from __future__ import annotations

from orgmodel.records import LoadIssue, OrgData, Prov

__all__ = ["SKIPPED", "is_skipped", "skipped"]

SKIPPED = "skipped-file"
"""The code of the note a skipped file leaves."""


def skipped(path: str, why: str) -> OrgData:
    """What a stray file contributes: no records, one note saying why it was not read."""
    return OrgData(issues=[LoadIssue(SKIPPED, f"skipped: {why}", Prov(path))])


def is_skipped(data: OrgData) -> bool:
    """True for what :func:`skipped` returns (a file that gave nothing but the note)."""
    return not data.post_count and not data.units and [i.code for i in data.issues] == [SKIPPED]
