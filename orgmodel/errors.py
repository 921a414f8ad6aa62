"""The one small hierarchy of exceptions orgmodel raises.

Exceptions are for work that cannot go on (a file that cannot be read, a
record that breaks the schema, a name that matches no post). Problems in the
*data* that still let us build a graph -- a dangling manager reference, a
duplicated CSV row -- are kept as :class:`~orgmodel.records.LoadIssue` data
instead, for the validator and the CLI to report.

Every error renders as one paragraph that says which file, which line or
record, and what was expected:

>>> str(SourceError("org.yaml", "expected a mapping", line=3, column=5))
'org.yaml:3:5: expected a mapping'
"""

from __future__ import annotations

__all__ = [
    "AmbiguousNameError",
    "NameNotFoundError",
    "OrgModelError",
    "OutputClosedError",
    "RenderError",
    "SourceError",
    "UsageError",
]


class OrgModelError(Exception):
    """Base class: anything orgmodel reports to a user as a clean error."""


class SourceError(OrgModelError):
    """A source file that cannot be read or does not fit its format."""

    def __init__(
        self,
        path: str,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.path = path
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint
        super().__init__(str(self))

    def naming(self, path: str) -> SourceError:
        """The same error about ``path``: what a reader said of a stand-in file (one snapshot's
        rows, standard input spooled to disk), told of the source the user named."""
        return SourceError(path, self.message, line=self.line, column=self.column, hint=self.hint)

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class UsageError(OrgModelError):
    """The user asked for something that cannot be done as asked."""


class OutputClosedError(OrgModelError):
    """Whoever read the output stopped reading (``orgmodel show | head -1``).

    Not a mistake of the user's or ours: the command stops quietly, with the
    exit status a Unix tool killed by the closed pipe would have (141).
    """


class RenderError(OrgModelError):
    """A chart could not be drawn: the layout program is missing or failed."""


class NameNotFoundError(OrgModelError):
    """A post or unit name matched nothing; carries the closest titles and holders."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name = name
        self.suggestions = suggestions
        text = f"no post or unit matches {name!r}"
        if suggestions:
            text += "; did you mean: " + "; ".join(suggestions) + "?"
        super().__init__(text)


class AmbiguousNameError(OrgModelError):
    """A name matched several posts (or organizations); carries the candidates shown.

    ``total`` is how many matched, when more than the candidates listed:

    >>> str(AmbiguousNameError("Analyst", ["a [id 1]", "b [id 2]"], total=20))  # doctest: +ELLIPSIS
    "'Analyst' matches 20 posts: a [id 1]; b [id 2]; and 18 more. Qualify it with the ..."
    """

    def __init__(
        self,
        name: str,
        candidates: list[str],
        *,
        total: int | None = None,
        what: str = "posts",
        hint: str = "Qualify it with the organization ('Org: title') or use the id.",
    ) -> None:
        self.name = name
        self.candidates = candidates
        self.total = max(total or 0, len(candidates))
        more = self.total - len(candidates)
        text = (
            f"{name!r} matches {self.total} {what}: "
            + "; ".join(candidates)
            + (f"; and {more} more" if more else "")
            + f". {hint}"
        )
        super().__init__(text)
