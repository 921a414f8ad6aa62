"""The rules' documentation as Markdown, from the registry and each rule's docstring.

The documentation site's rules page is this function's output (``docs/hooks.py``
calls it at build time): codes, names, families, default severities and options
come from :data:`~orgmodel.rules.registry.RULES`, and the text and the failing and
passing examples from the docstring ``orgmodel rules CODE`` prints -- one source,
so the page is as current as the code.

>>> text = reference()
>>> "| [`S001`](#s001-span-too-wide) | `span-too-wide` | shape | warning |" in text
True
>>> "### S001 `span-too-wide`" in text and "**Fails**" in text
True
"""

from __future__ import annotations

import re

from orgmodel.rules.registry import FAMILIES, RULES
from orgmodel.rules.rule import EXAMPLE_PATTERN, Rule

__all__ = ["reference", "rule_section"]


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _example(match: re.Match[str]) -> str:
    """A ``Fails::`` or ``Passes::`` block as a labelled fenced block (YAML unless named)."""
    label, note, body = match.group(1), match.group(2), match.group(3)
    lines = [line[4:] if line.startswith("    ") else line.lstrip() for line in body.split("\n")]
    code = "\n".join(lines).strip("\n")
    first = code.split("\n", 1)[0]
    lang = "yaml"
    if first.startswith("# ") and "." in first:
        lang = {"csv": "text", "md": "text", "txt": "text"}.get(first.rsplit(".", 1)[-1], "yaml")
    heading = f"**{label}**" + (f" ({note})" if note else "")
    return f"{heading}\n\n```{lang}\n{code}\n```\n\n"


def rule_section(rule: Rule) -> str:
    """One rule: its heading, severity and options, its documentation and examples."""
    doc = rule.doc.split("\n", 1)
    summary, rest = doc[0], doc[1] if len(doc) > 1 else ""
    facts = f"Family `{rule.family}`, default severity **{rule.severity}**"
    if rule.options:
        opts = ", ".join(f"`{k} = {v!r}`" for k, v in rule.options.items())
        facts += f"; options (in `[validate.rules.{rule.name}]`): {opts}"
    body = EXAMPLE_PATTERN.sub(_example, rest.strip("\n") + "\n").strip()
    return f"### {rule.code} `{rule.name}`\n\n{summary}\n\n{facts}.\n\n{body}\n"


def reference() -> str:
    """Every rule: a table of all, then each family's rules in registry order."""
    parts = [
        "# Rules",
        "",
        "Generated from the rule registry when the documentation is built: the same text "
        "`orgmodel rules CODE` prints. Select or ignore rules by code, name, family or code "
        "prefix ([Validation](validation.md)); every example below is run by the tests.",
        "",
        "| code | name | family | severity | what it finds |",
        "|---|---|---|---|---|",
    ]
    for rule in RULES.values():
        anchor = f"{rule.code.lower()}-{rule.name}"
        parts.append(
            f"| [`{rule.code}`](#{anchor}) | `{rule.name}` | {rule.family} | {rule.severity} "
            f"| {_cell(rule.summary)} |"
        )
    for family, rules in FAMILIES.items():
        parts += ["", f"## {family.capitalize()}", ""]
        parts += [rule_section(rule) for rule in rules]
    return "\n".join(parts) + "\n"
