"""Postings text -> facts with evidence: title, organization, reporting lines, supervision.

The public API is three functions and the result types::

    read_posting(path) -> Posting          # front matter, HTML converted
    extract(text, *, source=None, meta=None) -> Extraction
    extract_file(path) -> Extraction       # read_posting + extract

``extract`` is a pure function of its arguments (no global state that can
change a result; a few pure functions of one string -- the head-noun
classifier, name and title cleaning, normalisation, section kinds -- are
memoised), so it is safe in a process pool (``orgmodel ingest --jobs``) or a
Spark map. Evidence offsets point into the ``text`` passed to ``extract``
(for files, the body after front matter; add ``Posting.body_offset`` for
offsets in the file). See :mod:`orgmodel.extract.result` for the JSON
contract.

A wheel build (``pip install .``) compiles these modules with mypyc when a C
compiler is there (see ``setup.py``); :func:`compiled` says whether that is
what runs. Results are the same either way.

>>> ex = extract("REPORTS TO: Deputy Superintendent (Primary)/Superintendent (Secondary)")
>>> [(f.name, f.kind) for f in ex.reports_to]
[('Deputy Superintendent', 'primary'), ('Superintendent', 'secondary')]
"""

from __future__ import annotations

from pathlib import Path

from orgmodel.extract.core import extract
from orgmodel.extract.result import (
    Evidence,
    Extraction,
    LinkFact,
    ReportingFact,
    SupervisionFact,
)
from orgmodel.extract.text import Posting, read_posting

__all__ = [
    "Evidence",
    "Extraction",
    "LinkFact",
    "Posting",
    "ReportingFact",
    "SupervisionFact",
    "compiled",
    "extract",
    "extract_file",
    "read_posting",
]


def extract_file(path: str | Path) -> Extraction:
    """Read a posting file and extract from its body, front matter winning."""
    posting = read_posting(path)
    return extract(posting.text, source=posting.source, meta=posting.meta)


def compiled() -> bool:
    """True when the extractor runs as mypyc-compiled extension modules (a wheel build).

    A development checkout (``pip install -e .``) always runs the Python source:

    >>> compiled()
    False
    """
    from orgmodel.extract import core

    return not str(core.__file__).endswith(".py")
