"""A Griffe extension: the package's docstrings read as Markdown on the API page.

The docstrings are written for ``help()`` and doctest: examples as ``>>>``
lines, references as Sphinx roles (:class:`~orgmodel.org.Org`). Here each run
of example lines becomes a ``pycon`` code block, and each role a code span of
the name it refers to, so the API page shows them as a reader expects.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|mod|data|attr|exc|obj):`~?([\w.]+)`")


def _last(match: re.Match[str]) -> str:
    return f"`{match.group(1).rsplit('.', 1)[-1]}`"


def markdown(text: str) -> str:
    """Doctest runs fenced as ``pycon``; Sphinx roles as code spans; ``::`` blocks fenced."""
    out: list[str] = []
    example = False
    for line in _ROLE.sub(_last, text).split("\n"):
        starts = line.lstrip().startswith(">>> ")
        if starts and not example:
            out.append("```pycon")
            example = True
        elif example and not line.strip():
            out.append("```")
            example = False
        out.append(line.replace("``", "`"))
    if example:
        out.append("```")
    return "\n".join(out)


class DoctestBlocks(griffe.Extension):
    """Rewrite every docstring with :func:`markdown` when Griffe reads it."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown(obj.docstring.value)
