"""The registry: every rule, listed explicitly, found by code, name, prefix or family.

Adding a rule means adding it to its family module's ``RULES`` (and a new
family to :data:`FAMILIES`); nothing is discovered by magic. :func:`get`
fails loudly on a code nobody registered, as yamllint's does, so a typo in
a config file or on the command line is an error, not a silently skipped
check.

>>> get("C002").name
'self-report'
>>> get("span-too-wide").code
'S001'
>>> [r.code for r in expand("cycles")]
['C001', 'C002']
>>> get("E501")
Traceback (most recent call last):
...
orgmodel.errors.UsageError: unknown rule 'E501'; run 'orgmodel rules' for the list
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from orgmodel.errors import UsageError
from orgmodel.rules import (
    cycles,
    identity,
    inputs,
    lines,
    organizations,
    roots,
    shape,
    sources,
    units,
)
from orgmodel.rules.rule import Rule

__all__ = ["FAMILIES", "RULES", "expand", "get", "select"]

FAMILIES: Mapping[str, tuple[Rule, ...]] = MappingProxyType(
    {
        "cycles": cycles.RULES,
        "lines": lines.RULES,
        "roots": roots.RULES,
        "identity": identity.RULES,
        "units": units.RULES,
        "shape": shape.RULES,
        "sources": sources.RULES,
        "organizations": organizations.RULES,
        "inputs": inputs.RULES,
    }
)
"""Rule families in the order their rules run and are listed (read-only)."""


def _index() -> tuple[dict[str, Rule], dict[str, Rule]]:
    """Every rule by code and by name; a code or name registered twice is a bug, found at import."""
    by_code: dict[str, Rule] = {}
    by_name: dict[str, Rule] = {}
    for family in FAMILIES.values():
        for rule in family:
            if rule.code in by_code or rule.name in by_name:
                raise RuntimeError(f"rule {rule.code} {rule.name} is registered twice")
            by_code[rule.code] = rule
            by_name[rule.name] = rule
    return by_code, by_name


_CODES, _NAMES = _index()
RULES: Mapping[str, Rule] = MappingProxyType(_CODES)
"""Every rule by code, in registry order (read-only: rules are added in their family's module)."""
_BY_NAME: Mapping[str, Rule] = MappingProxyType(_NAMES)

_PREFIX = re.compile(r"[A-Z][0-9]{0,2}")


def get(code: str) -> Rule:
    """The rule with this code (``S001``) or name (``span-too-wide``); UsageError if none."""
    found = RULES.get(code.strip().upper()) or _BY_NAME.get(code.strip().lower())
    if found is None:
        raise UsageError(f"unknown rule {code!r}; run 'orgmodel rules' for the list")
    return found


def expand(selector: str) -> list[Rule]:
    """The rules a selector means: a code, a name, a family, a code prefix (``S``), or ``ALL``."""
    text = selector.strip()
    if text.upper() == "ALL":
        return list(RULES.values())
    if text.lower() in FAMILIES:
        return list(FAMILIES[text.lower()])
    if _PREFIX.fullmatch(text.upper()):
        hits = [r for c, r in RULES.items() if c.startswith(text.upper())]
        if hits:
            return hits
    return [get(text)]


def select(chosen: Iterable[str] | None = None, ignored: Iterable[str] = ()) -> list[Rule]:
    """The rules to run, in registry order: all (or those ``chosen``) minus those ``ignored``."""
    picked = {r.code for s in chosen for r in expand(s)} if chosen is not None else set(RULES)
    dropped = {r.code for s in ignored for r in expand(s)}
    return [r for c, r in RULES.items() if c in picked and c not in dropped]
