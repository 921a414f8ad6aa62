"""What a rule is: a stable code, a kebab-case name, a default severity, options, a check.

Rules are plain functions decorated with :func:`rule`; the function's
docstring is the rule's user documentation (``orgmodel rules CODE`` prints
it), and must hold a failing and a passing example, each an org file (or,
for problems only other formats can have, a CSV or a posting) introduced by
``Fails::`` and ``Passes::``. The tests run every example.

>>> from orgmodel.rules.report import Severity
>>> @rule("Z999", "demo-rule", Severity.INFO, limit=3)
... def demo(check):
...     '''A one-line summary.
...
...     Fails::
...
...         posts: [{title: A}]
...
...     Passes::
...
...         posts: []
...     '''
...     return iter(())
>>> demo.code, demo.name, demo.summary, demo.options
('Z999', 'demo-rule', 'A one-line summary.', {'limit': 3})
>>> demo.examples()["fails"]
'posts: [{title: A}]\\n'
"""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from orgmodel.rules.report import Finding, Severity

if TYPE_CHECKING:
    from orgmodel.rules.context import Check

__all__ = ["EXAMPLE_PATTERN", "CheckFn", "Rule", "rule"]

CheckFn = Callable[["Check"], Iterable[Finding]]

_CODE = re.compile(r"[A-Z][0-9]{3}")
_NAME = re.compile(r"[a-z]+(?:-[a-z]+)*")
EXAMPLE_PATTERN = re.compile(
    r"^(Fails|Passes)(?: \(([^)]*)\))?::\n\n((?:[ \t]+\S.*\n|[ \t]*\n)+)", re.M
)


@dataclass(frozen=True)
class Rule:
    """A registered rule; call :meth:`run` through :func:`orgmodel.rules.validate.validate`."""

    code: str
    name: str
    severity: Severity
    check: CheckFn
    options: Mapping[str, Any] = field(default_factory=dict)
    family: str = ""

    @property
    def doc(self) -> str:
        """The whole user documentation (the check function's docstring, dedented)."""
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        """The first line of the documentation: what the rule finds."""
        return self.doc.splitlines()[0] if self.doc else ""

    def examples(self) -> dict[str, str]:
        """The ``Fails::`` and ``Passes::`` examples of the docstring, dedented.

        An example may hold several files: a line ``---`` followed by a line
        ``# name.ext`` starts the next; a first line ``# name.ext`` names a file
        (``.yaml`` when none does).
        """
        found: dict[str, str] = {}
        for match in EXAMPLE_PATTERN.finditer(self.doc + "\n"):
            found[match.group(1).lower()] = textwrap.dedent(match.group(3)).strip("\n") + "\n"
        return found


def rule(code: str, name: str, severity: Severity, **options: Any) -> Callable[[CheckFn], Rule]:
    """Declare a rule: ``@rule("S001", "span-too-wide", Severity.WARNING, limit=15)``.

    Option defaults fix each option's type: a config file may change the
    value, not the type.
    """
    if not _CODE.fullmatch(code):
        raise ValueError(f"rule code {code!r} must be a capital letter and three digits")
    if not _NAME.fullmatch(name):
        raise ValueError(f"rule name {name!r} must be kebab-case")

    def wrap(check: CheckFn) -> Rule:
        family = check.__module__.rsplit(".", 1)[-1]
        return Rule(code, name, severity, check, dict(options), family)

    return wrap
