"""A spinner on stderr while sources load, for loads that take more than a second.

``orgmodel stats`` on a million posts reads for a few seconds with nothing
on the screen; a terminal user cannot tell work from a hang. So when stderr
is a terminal and loading has taken :data:`AFTER` seconds, a spinner says
what is being read and for how long; it is cleared when loading ends, so
the answer prints as before. In a pipe, a file or a test nothing is drawn.

>>> import io
>>> from rich.console import Console
>>> quiet = Console(file=io.StringIO())  # not a terminal
>>> with spinner(quiet, "reading org.csv", after=0):
...     pass
>>> quiet.file.getvalue()
''
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

__all__ = ["AFTER", "spinner"]

AFTER = 1.0
"""Seconds a load runs before the spinner appears (quick loads draw nothing)."""


@contextmanager
def spinner(console: Console, message: str, *, after: float | None = None) -> Iterator[None]:
    """Show ``message`` with a spinner and the time elapsed once ``after`` seconds have passed."""
    if not console.is_terminal:
        yield
        return
    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    bar.add_task(message, total=None)
    lock = threading.Lock()
    state = {"done": False, "shown": False}

    def show() -> None:
        with lock:
            if not state["done"]:
                bar.start()
                state["shown"] = True

    timer = threading.Timer(AFTER if after is None else after, show)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["done"] = True
            if state["shown"]:
                bar.stop()
