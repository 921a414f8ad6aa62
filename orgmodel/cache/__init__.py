"""The saved index: a graph built once, then mapped back in by every later command.

Reading a million-row CSV and building its graph takes a second or two; the
answer to ``chain`` takes microseconds. So the first command on a set of
sources saves the graph it built -- the posts' columns, the tree's arrays,
the ids and names sorted for lookup -- in one file (:mod:`orgmodel.cache.bundle`),
and the next command on the same sources maps that file in instead of
reading them: a query on a million posts then costs about what starting
Python costs, with neither numpy nor pyarrow imported.

Where entries live and when one is stale: :mod:`orgmodel.cache.store`. An
entry that does not fit -- another orgmodel, a source changed, a damaged
or foreign file -- is ignored and replaced; failing to save one (a
read-only or full disk) never fails the command. ``--no-cache`` on any
command skips the index; ``orgmodel cache clear`` removes them all.

>>> import tempfile, pathlib, os
>>> before = os.environ.get("ORGMODEL_CACHE_DIR")
>>> os.environ["ORGMODEL_CACHE_DIR"] = tempfile.mkdtemp()
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "org.csv").write_text("id,title,manager\\n1,Mayor,\\n2,City Clerk,1\\n")
>>> from orgmodel.sources.load import load_graph
>>> from orgmodel.config import Settings
>>> first = load_graph([d / "org.csv"], settings=Settings(), cache=True)
>>> again = load_graph([d / "org.csv"], settings=Settings(), cache=True)
>>> type(again.posts).__name__, again.id_of(again.parent[again.node("2")])
('SavedPosts', '1')
>>> [e.posts for e in entries()], clear()[0]
([2], 1)
>>> os.environ.pop("ORGMODEL_CACHE_DIR") and before and os.environ.update(ORGMODEL_CACHE_DIR=before)
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orgmodel.cache import store
from orgmodel.cache.bundle import FORMAT, Bundle, BundleError, write_bundle

if TYPE_CHECKING:
    from orgmodel.graph import OrgGraph
    from orgmodel.graph.keytable import KeyTable
    from orgmodel.names.index import NameIndex

__all__ = ["Entry", "EntryInfo", "clear", "defer", "entries", "entry_for", "flush"]


class Entry:
    """The saved index of one set of sources (as a command names them)."""

    def __init__(self, folder: Path, name: str, files: list[Path], key: dict[str, Any]) -> None:
        self.folder = folder
        self.path = folder / f"{name}{store.SUFFIX}"
        self.files = files
        self.key = key
        self._token: str | None = None
        self._seen: tuple[list[list[Any]], int] | None = None
        self._saving = False

    def _part(self, kind: str) -> Path:
        return self.path.with_name(f"{self.path.stem}.{kind}{store.SUFFIX}")

    def load(self) -> OrgGraph | None:
        """The saved graph, or None when there is none that fits the sources as they are now."""
        from orgmodel.cache.graph import SavedGraph

        if not _own(self.path):
            return None
        try:
            bundle = Bundle(self.path)
        except (BundleError, FileNotFoundError):
            return None
        meta = bundle.meta
        now = self.signature()[0]
        if (
            meta.get("format") != FORMAT
            or meta.get("code") != store.code_stamp()
            or meta.get("key") != self.key
            or not store.fresh(meta["sources"], now, meta.get("crcs"), meta.get("made_ns"))
        ):
            return None
        self._token = str(meta["token"])
        try:
            graph = SavedGraph(bundle, self._names)
        except BundleError:
            return None
        if [s[1:] for s in meta["sources"]] != [s[1:] for s in now]:
            self.save(graph)  # same bytes, new times (a checkout): note the new times
        else:
            _touch(self.path)  # recently used: kept longest when the folder is pruned
        return graph

    def _names(self, graph: OrgGraph) -> NameIndex:
        """The graph's name index, with the name tables saved beside the entry."""
        from orgmodel.cache.graph import table_of
        from orgmodel.names.index import NAME_TABLES, NameIndex

        tables: dict[str, KeyTable] = {}
        for kind in NAME_TABLES:
            try:
                if not _own(self._part(kind)):
                    continue
                part = Bundle(self._part(kind))
                if part.meta.get("token") == self._token:
                    tables[kind] = table_of(part, kind, part.meta["table"])
            except (BundleError, FileNotFoundError, KeyError):
                continue
        return NameIndex(graph, tables, keep=self._keep_table)

    def _keep_table(self, kind: str, table: KeyTable) -> None:
        """Save a name table a command built, for the commands after it (when the graph is
        saved itself later in the command, it saves the tables built by then)."""
        if not self._saving:
            _later(lambda: self._write_table(kind, table))

    def _write_table(self, kind: str, table: KeyTable) -> None:
        from orgmodel.cache.graph import table_buffers

        if self._token is None or table.arrays is None:
            return
        buffers: dict[str, Any] = {}
        meta = {"token": self._token, "table": table_buffers(buffers, kind, table)}
        _quietly(lambda: write_bundle(self._part(kind), buffers, meta))

    def signature(self) -> tuple[list[list[Any]], int]:
        """The sources' signature, and when it was taken: before they are read, so a change
        made while they are read makes the index stale, not wrong."""
        if self._seen is None:
            self._seen = (store.signature(self.files), time.time_ns())
        return self._seen

    def save(self, graph: OrgGraph) -> None:
        """Save ``graph`` as this entry (replacing any), and the name tables it has built --
        now, or after the command has answered (:func:`defer`)."""
        self.signature()
        self._saving = True
        _later(lambda: self._write(graph))

    def _write(self, graph: OrgGraph) -> None:
        from orgmodel.cache.graph import graph_buffers

        signature, made = self.signature()

        def write() -> bool:
            crcs = store.checksums(signature)
            if store.signature(self.files) != signature:
                return False  # a source changed since it was read: this graph is not of it
            buffers, meta = graph_buffers(graph)
            token = secrets.token_hex(8)
            meta.update(
                format=FORMAT, code=store.code_stamp(), key=self.key, token=token,
                sources=signature, crcs=crcs, made_ns=made,
            )  # fmt: skip
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_bundle(self.path, buffers, meta)
            self._token = token
            store.prune(self.folder)
            return True

        written = _quietly(write)
        self._saving = False
        names = graph.built_names()
        if written and names is not None:  # the name tables built so far: keep them
            names.keep = self._keep_table
            for kind, table in names.built().items():
                self._write_table(kind, table)


_DEFERRED: list[Callable[[], None]] | None = None
"""Saves waiting for :func:`flush` (None: a save is made at once)."""


def defer() -> None:
    """From now on keep saves until :func:`flush`: the command line answers first."""
    global _DEFERRED
    _DEFERRED = []


def _later(job: Callable[[], None]) -> None:
    if _DEFERRED is None:
        job()
    else:
        _DEFERRED.append(job)


def flush(background: bool = True) -> None:
    """Make the saves kept since :func:`defer`.

    With ``background`` (the command line, where ``os.fork`` exists and
    ``ORGMODEL_CACHE_SYNC`` is not set) a child process makes them after the
    command's output is out, and the command exits at once: a first run costs
    no more than reading the sources. The child writes nothing to the
    terminal, leaves the session, and renames each file into place when whole.
    """
    global _DEFERRED
    jobs, _DEFERRED = _DEFERRED or [], None
    if not jobs:
        return
    if background and hasattr(os, "fork") and not os.environ.get("ORGMODEL_CACHE_SYNC"):
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                with contextlib.suppress(OSError, ValueError):
                    stream.flush()
        if os.fork():
            return  # the command: its answer is out
        try:  # the child: no terminal, no pipe kept open, not stopped with the session
            os.setsid()
            devnull = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(devnull, fd)
            for job in jobs:
                job()
        finally:
            os._exit(0)
    for job in jobs:
        job()


def _own(path: Path) -> bool:
    """Whether the file is this user's: an index holds pickled records, and a file someone
    else could have written is not unpickled (POSIX; elsewhere the folder is the user's)."""
    try:
        return not hasattr(os, "getuid") or path.stat().st_uid == os.getuid()
    except OSError:
        return False


def _touch(path: Path) -> None:
    _quietly(lambda: path.touch(exist_ok=True))


def _quietly(action: Callable[[], Any]) -> bool:
    """Run a cache write; a folder that cannot be written only means no index is kept."""
    try:
        return action() is not False
    except OSError:
        return False


def entry_for(
    paths: Sequence[str | Path], fmt: str | None, mapping: Mapping[str, str]
) -> Entry | None:
    """The entry of these sources, or None when they cannot have one (stdin, a missing file)."""
    files = store.source_files(paths)
    if files is None:
        return None
    name = store.entry_name(paths, fmt, mapping)
    key = {
        "paths": [str(p) for p in paths],
        "format": fmt,
        "mapping": dict(sorted(mapping.items())),
    }
    return Entry(store.cache_dir(), name, files, key)


@dataclass(frozen=True)
class EntryInfo:
    """One saved index, as ``orgmodel cache info`` lists it."""

    path: Path
    sources: list[str]
    posts: int
    bytes: int
    made: float
    """When it was saved (seconds since the epoch)."""


def entries() -> list[EntryInfo]:
    """The saved indexes in the cache folder, most recently used first (unreadable ones left
    out: the next command on their sources replaces them)."""
    folder = store.cache_dir()
    out = []
    for path in sorted(folder.glob(f"*{store.SUFFIX}")) if folder.is_dir() else []:
        if path.stem.count("."):
            continue  # a name table beside an entry
        try:
            meta = Bundle(path).meta
            size = sum(p.stat().st_size for p in folder.glob(f"{path.stem}*{store.SUFFIX}"))
            out.append(EntryInfo(path, [s[0] for s in meta["sources"] if s[1] >= 0],
                                 int(meta["posts"]), size, meta["made_ns"] / 1e9))  # fmt: skip
        except (BundleError, OSError, KeyError, TypeError):
            continue
    return sorted(out, key=lambda e: -e.path.stat().st_mtime)


def clear() -> tuple[int, int]:
    """Remove every saved index (with its name tables, and any half-written file); return how
    many indexes went and how many bytes."""
    folder = store.cache_dir()
    if not folder.is_dir():
        return 0, 0
    removed = size = 0
    for path in folder.iterdir():
        if path.suffix == store.SUFFIX or path.name.endswith(".tmp"):
            size += path.stat().st_size
            path.unlink(missing_ok=True)
            removed += path.suffix == store.SUFFIX and path.stem.count(".") == 0
    return removed, size
