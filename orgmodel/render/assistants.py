"""Which posts are assistants: drawn beside their principal rather than in the team.

d3-org-chart, OrgChartJS and GoJS draw an executive assistant on a short
line off the trunk between a post and its reports: the assistant serves the
post, and a box in the row of department heads would misread as one of
them. A post is an assistant when its org file (or any table, through an
``assistant`` column kept as an attribute) says so, else when its title reads
like one:

* the ``assistant`` attribute -- ``yes``/``true``/``1`` or ``no``/``false``/``0``
  -- decides, whatever the title;
* otherwise :data:`ASSISTANT_TITLES` (or the pattern given with
  ``--assistant-pattern``) is searched in the title, ignoring case.

The default pattern is narrow on purpose: "Executive Assistant to the COO",
"Personal Assistant", "Secretary to the Board" and "PA to the Director" are
assistants; "Assistant Director", "Assistant Corporation Counsel" and "Chief
Assistant City Clerk" are posts in the line, and stay in their teams.

>>> recognise = recogniser()
>>> [recognise(t, None) for t in ("Executive Assistant to the COO", "Assistant Director")]
[True, False]
>>> recognise("Chief Assistant City Clerk", None), recognise("Clerk", {"assistant": "yes"})
(False, True)
>>> recognise("Executive Assistant", {"assistant": "no"})
False
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from orgmodel.errors import UsageError

__all__ = ["ASSISTANT_ATTRIBUTE", "ASSISTANT_TITLES", "Recogniser", "recogniser"]

ASSISTANT_ATTRIBUTE = "assistant"
"""The post attribute (an org file's ``attributes:``, a table's column) that marks an assistant."""

ASSISTANT_TITLES = (
    r"\b(executive|personal|private|administrative|confidential|special)\s+"
    r"(assistant|secretary)\b"
    r"|\b(assistant|secretary)\s+to\b"
    r"|^(pa|ea)\b"
)
"""Titles of assistant posts: "Executive Assistant", "Secretary to the Board", "PA to ..."."""

_YES = {"yes", "true", "1", "y"}
_NO = {"no", "false", "0", "n"}

Recogniser = Callable[[str, Mapping[str, str] | None], bool]
"""Whether a post (its title, its attributes) is an assistant."""


def recogniser(pattern: str | None = None) -> Recogniser:
    """The test for assistant posts with ``pattern`` (a regular expression) for titles.

    >>> recogniser("[")
    Traceback (most recent call last):
    ...
    orgmodel.errors.UsageError: --assistant-pattern '[' is not a regular expression: \
unterminated character set at position 0
    """
    try:
        titles = re.compile(pattern or ASSISTANT_TITLES, re.IGNORECASE)
    except re.error as exc:
        raise UsageError(
            f"--assistant-pattern {pattern!r} is not a regular expression: {exc}"
        ) from None

    def recognise(title: str, attributes: Mapping[str, str] | None) -> bool:
        said = (attributes or {}).get(ASSISTANT_ATTRIBUTE)
        if said is not None:
            word = str(said).strip().lower()
            if word in _YES:
                return True
            if word in _NO:
                return False
        return titles.search(title) is not None

    return recognise
