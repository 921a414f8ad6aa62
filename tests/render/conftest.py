"""Helpers for the renderer's tests: a hostile org file, SVG parsing, the dot check."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

SVG = "{http://www.w3.org/2000/svg}"

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")

HOSTILE_TITLES = [
    'Chief "Quoted" Officer',
    "<b>Bold</b> & <i>Co</i> &amp; &#60;",
    "Braces {x} [y] |z| ; -> --",
    "Back\\slash \\N \\G \\L \\n end\\",
    "Line\nbreak\tand\rreturn",
    '"]; evil [label="pwned" shape=star',
    '> <FONT COLOR="red">injected</FONT> <',
    "<<TABLE><TR><TD>cell</TD></TR></TABLE>>",
    "Director of " + "Very Long Words " * 30,
    "Zero\x00width\x07bell",
    "R&bogus; D &lt;x&gt; &#x41;",
]


def hostile_org(folder: Path) -> Path:
    """An org file whose titles, holders and units try to break DOT, HTML and Mermaid."""
    lines = [
        "organizations:",
        "  - id: org",
        '    name: "Org <&> \\"Q\\""',
        "    units:",
        '      - {id: u1, name: "Unit <script>alert(1)</script> & \\\\N"}',
        "    posts:",
        '      - {id: "top\\"\\\\", title: "Head & <Chief>", holder: "A \\\\\\"B\\\\\\" <C>"}',
    ]
    for i, title in enumerate(HOSTILE_TITLES):
        escaped = title.encode("unicode_escape").decode("ascii").replace('"', '\\"')
        lines.append(
            f'      - {{id: h{i}, title: "{escaped}", reports_to: "top\\"\\\\", unit: u1,'
            f' holder: "{escaped}"}}'
        )
    path = folder / "hostile.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def parse_svg(content: bytes) -> ET.Element:
    """The SVG as an element tree (fails on anything that is not well-formed XML)."""
    return ET.fromstring(content)


def groups(svg: ET.Element, cls: str) -> Iterator[ET.Element]:
    """The ``<g>`` elements whose class list holds ``cls``."""
    for g in svg.iter(f"{SVG}g"):
        if cls in (g.get("class") or "").split():
            yield g


def text_of(g: ET.Element) -> str:
    """The text lines of one node group, joined with spaces."""
    return " ".join((t.text or "") for t in g.iter(f"{SVG}text"))
