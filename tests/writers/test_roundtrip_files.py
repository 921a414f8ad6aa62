"""Load -> write -> load on real files: every sample in data/, every file in ../shared/realdata.

Each source is loaded as a user loads it, written by every writer that claims
to keep the structure, and read back; the two graphs must hold the same posts,
units, organizations, lines (first primary superior first), dotted lines,
headships, links and holders (:func:`~tests.writers.roundtrip_model.structure`).
The native org file keeps more: the rows that repeat an id, the references that
match nothing, and so every finding ``orgmodel validate`` makes of the
structure. GraphML and GoJS say on stderr that they drop those two, and
nothing else is allowed to differ.

The largest files go through fewer writers, unless ``ORGMODEL_FULL_ROUNDTRIP=1``:
above 10,000 posts (the MoD's junior staff) JSON and GoJS alone, above 20,000
(the 42k-node UK tree) GoJS alone. Their YAML, JSON and GraphML round trips
take 20 s to minutes each -- the org file reader's YAML line pass and
networkx's GraphML writer, not the structure -- and the same code is run on
every smaller file.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pytest

from orgmodel.config import Settings
from orgmodel.records import OrgData
from orgmodel.sources.load import load_data
from orgmodel.writers import WRITERS
from orgmodel.writers import gojs as gojs_writer
from orgmodel.writers import graphml as graphml_writer
from tests.conftest import REALDATA, ROOT
from tests.writers.roundtrip_model import LOSSLESS, round_trip

SIZES = ((10_000, ("gojs", "graphml", "json", "yaml")), (20_000, ("gojs", "json")))
"""Up to how many posts a source goes through which writers (see the module's notes)."""


def writers_for(posts: int) -> tuple[str, ...]:
    if os.environ.get("ORGMODEL_FULL_ROUNDTRIP") == "1":
        return tuple(sorted(LOSSLESS))
    return next((fmts for most, fmts in SIZES if posts <= most), ("gojs",))


def test_the_lossless_writers_declare_only_what_they_cannot_hold() -> None:
    allowed = {"provenance", "dangling", "duplicates", "empty_orgs"}
    assert set(graphml_writer.LOSES) <= allowed and set(gojs_writer.LOSES) <= allowed
    assert set(LOSSLESS) <= set(WRITERS)


def _sources(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".csv", ".json"))


def _uk_pairs() -> list[tuple[Path, ...]]:
    """Senior and junior organograms of one body at one date: read together, as users do."""
    folder = REALDATA / "uk-organograms"
    pairs: list[tuple[Path, ...]] = []
    for senior in sorted(folder.glob("*-senior.csv")) if folder.is_dir() else []:
        junior = senior.with_name(senior.name.replace("-senior", "-junior"))
        if junior.exists():
            pairs.append((senior, junior))
    return pairs


SAMPLES: list[tuple[Path, ...]] = [
    *((p,) for p in sorted((ROOT / "data").glob("*.*"))),
    (ROOT / "data" / "postings",),
    (ROOT / "data",),
]
REAL: list[tuple[Path, ...]] = (
    [(p,) for p in _sources(REALDATA)] + _uk_pairs() if REALDATA.is_dir() else []
)


MAPPINGS = {"HRDataset_v14.csv": {"id": "EmpID", "manager": "ManagerName"}}
"""Columns a user names for a file (orgmodel asks rather than guesses: docs/formats.md)."""


@lru_cache(maxsize=1)
def _load(paths: tuple[Path, ...]) -> OrgData:
    return load_data(list(paths), mapping=MAPPINGS.get(paths[0].name), settings=Settings())


@pytest.mark.parametrize("paths", SAMPLES, ids=lambda p: "+".join(x.name for x in p))
@pytest.mark.parametrize("fmt", sorted(LOSSLESS))
def test_every_sample_round_trips(paths: tuple[Path, ...], fmt: str, tmp_path: Path) -> None:
    round_trip(_load(paths), fmt, tmp_path)


@pytest.mark.skipif(not REAL, reason="../shared/realdata is not beside this checkout")
@pytest.mark.parametrize(
    "paths", REAL, ids=lambda p: "+".join(x.name for x in p) if isinstance(p, tuple) else str(p)
)
def test_every_real_file_round_trips(paths: tuple[Path, ...], tmp_path: Path) -> None:
    data = _load(paths)
    for fmt in writers_for(data.post_count):
        folder = tmp_path / fmt
        folder.mkdir()
        round_trip(data, fmt, folder)
