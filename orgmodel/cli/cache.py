"""``orgmodel cache``: the saved indexes of sources -- where they are, and clearing them."""

from __future__ import annotations

import datetime

import typer
from rich.markup import escape

from orgmodel.cli.app import app
from orgmodel.cli.options import Fmt, Format, emit_json, out

__all__ = ["clear", "info"]

cache_app = typer.Typer(
    name="cache",
    help="The indexes saved of the sources read (what makes a repeated query fast).",
    no_args_is_help=True,
)
app.add_typer(cache_app)


@cache_app.command()
def info(format: Format = Fmt.text) -> None:
    """Where the saved indexes are, and each one's sources, posts and size.

    Example: [bold]orgmodel cache info[/]
    """
    from orgmodel.cache import entries
    from orgmodel.cache.store import cache_dir

    found = entries()
    if format is Fmt.json:
        emit_json(
            {
                "folder": str(cache_dir()),
                "entries": [
                    {"path": str(e.path), "sources": e.sources, "posts": e.posts,
                     "bytes": e.bytes, "saved": _when(e.made)}
                    for e in found
                ],
            }
        )  # fmt: skip
        return
    total = sum(e.bytes for e in found)
    out.print(f"{escape(str(cache_dir()))}: {len(found)} saved index(es), {_mb(total)}")
    for e in found:
        sources = ", ".join(e.sources[:3]) + (
            f" and {len(e.sources) - 3} more" if len(e.sources) > 3 else ""
        )
        out.print(f"  {escape(sources)}: {e.posts:,} posts, {_mb(e.bytes)}, saved {_when(e.made)}")


@cache_app.command()
def clear() -> None:
    """Remove every saved index; the next command on each set of sources reads them again.

    Example: [bold]orgmodel cache clear[/]
    """
    from orgmodel.cache import clear as clear_all
    from orgmodel.cache.store import cache_dir

    removed, size = clear_all()
    out.print(f"removed {removed} saved index(es), {_mb(size)}, from {escape(str(cache_dir()))}")


def _mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


def _when(seconds: float) -> str:
    return datetime.datetime.fromtimestamp(seconds).isoformat(timespec="seconds")
