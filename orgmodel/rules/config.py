"""The ``[validate]`` settings: which rules run, at what severity, with which limits.

Read from the project's ``orgmodel.toml`` (or ``[tool.orgmodel.validate]`` in
pyproject.toml, or the file given with ``--config``)::

    [validate]
    select = ["ALL"]                 # codes, names, families or code prefixes
    ignore = ["single-report", "O"]  # the same, taken out
    strict = false                   # true: warnings also fail (exit 1)

    [validate.rules.span-too-wide]   # a rule by code or name
    limit = 20                       # its options ...
    severity = "error"               # ... and its severity

Anything unknown -- a key, a rule, an option, a severity, a value of the
wrong type -- is an error naming the file, not silently ignored.

>>> cfg = ValidateConfig.from_table(
...     {"ignore": ["S002"], "rules": {"span-too-wide": {"limit": 20}}}, "orgmodel.toml")
>>> cfg.options["S001"], [r.code for r in cfg.rules()][:3]
({'limit': 20}, ['C001', 'C002', 'L001'])
>>> "S002" in {r.code for r in cfg.rules()}
False
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from orgmodel.config import Settings
from orgmodel.errors import OrgModelError, SourceError
from orgmodel.rules.registry import get, select
from orgmodel.rules.report import Severity
from orgmodel.rules.rule import Rule

__all__ = ["ValidateConfig"]

_KEYS = ("select", "ignore", "strict", "rules")


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SourceError(where, f"[validate] {key} must be a list of rule codes or names")
    return tuple(value)


def _check_option(rule: Rule, key: str, value: Any, where: str) -> Any:
    if key not in rule.options:
        known = ", ".join(rule.options) or "none"
        raise SourceError(
            where, f"rule {rule.code} {rule.name} has no option {key!r} (options: {known})"
        )
    default = rule.options[key]
    ok = (
        isinstance(value, bool)
        if isinstance(default, bool)
        else isinstance(value, int | float) and not isinstance(value, bool)
        if isinstance(default, float)
        else isinstance(value, int) and not isinstance(value, bool)
        if isinstance(default, int)
        else isinstance(value, type(default))
    )
    if not ok:
        raise SourceError(
            where,
            f"option {key!r} of rule {rule.code} {rule.name} must be "
            f"{_KINDS.get(type(default), type(default).__name__)}, got {value!r}",
        )
    if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
        # every numeric option is a count or a limit: -1 would flag every post
        raise SourceError(
            where, f"option {key!r} of rule {rule.code} {rule.name} must be 0 or more, got {value}"
        )
    return value


_KINDS = {bool: "true or false", int: "a whole number", float: "a number", str: "text"}


@dataclass(frozen=True)
class ValidateConfig:
    """Which rules run, and each rule's severity and options (defaults: all, as declared)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    strict: bool = False
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_table(cls, table: Mapping[str, Any], where: str) -> ValidateConfig:
        """Parse a ``[validate]`` table; ``where`` names its file in errors."""
        unknown = [k for k in table if k not in _KEYS]
        if unknown:
            raise SourceError(
                where, f"unknown key {unknown[0]!r} in [validate]; keys are {', '.join(_KEYS)}"
            )
        chosen = _strings(table["select"], "select", where) if "select" in table else None
        ignored = _strings(table.get("ignore", []), "ignore", where)
        strict = table.get("strict", False)
        if not isinstance(strict, bool):
            raise SourceError(where, "[validate] strict must be true or false")
        severity: dict[str, Severity] = {}
        options: dict[str, dict[str, Any]] = {}
        rules = table.get("rules", {})
        if not isinstance(rules, dict):
            raise SourceError(where, "[validate.rules] must be a table of rules")
        for ref, settings in rules.items():
            try:
                rule = get(ref)
            except OrgModelError as exc:
                raise SourceError(where, f"[validate.rules.{ref}]: {exc}") from None
            if not isinstance(settings, dict):
                raise SourceError(where, f"[validate.rules.{ref}] must be a table")
            for key, value in settings.items():
                if key == "severity":
                    try:
                        severity[rule.code] = Severity(value)
                    except ValueError:
                        raise SourceError(
                            where,
                            f"severity of {rule.code} {rule.name} must be error, warning "
                            f"or info, got {value!r}",
                        ) from None
                else:
                    checked = _check_option(rule, key, value, where)
                    options.setdefault(rule.code, {})[key] = checked
        config = cls(chosen, ignored, strict, severity, options)
        try:
            config.rules()
        except OrgModelError as exc:
            raise SourceError(where, f"[validate] select/ignore: {exc}") from None
        return config

    @classmethod
    def from_settings(cls, settings: Settings) -> ValidateConfig:
        """The ``validate`` table of the project settings (an empty config when there is none)."""
        table = settings.raw.get("validate", {})
        where = str(settings.path or "orgmodel.toml")
        if not isinstance(table, dict):
            raise SourceError(where, "[validate] must be a table")
        return cls.from_table(table, where)

    def with_options(
        self,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        strict: bool = False,
    ) -> ValidateConfig:
        """Command-line choices on top: ``--select`` replaces, ``--ignore`` adds, ``--strict``."""
        chosen = tuple(select) if select is not None else self.select
        return replace(
            self, select=chosen, ignore=(*self.ignore, *ignore), strict=self.strict or strict
        )

    def rules(self) -> list[Rule]:
        """The rules that run, in registry order (UsageError on an unknown code)."""
        return select(self.select, self.ignore)
