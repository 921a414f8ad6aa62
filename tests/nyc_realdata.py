"""The NYC governance organizations releases read independently, with the ``csv`` module only.

The rules, in this module's own words: a row is a body, its id ``record_id``;
``reports_to`` lists parent *names* separated by ``;``; a name is the row
whose ``name`` is the same but for case and spacing -- when exactly one row
has it; any other name stays a name. The first parent that is a row is the
body's place in the tree (``tree_parent``); a body with an empty
``reports_to`` is a top body by design.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from tests.conftest import REALDATA

__all__ = ["NYC", "RELEASES", "Release", "key", "release"]

NYC = REALDATA / "nyc-governance-orgs"
RELEASES = (
    "NYCGovernanceOrganizations_v1.7.12_2025-12-29.csv",
    "NYCGovernanceOrganizations_v1.8.43_2026-06-12.csv",
)

Parent = str | tuple[str, str]  # a record_id, or ("name", the name folded)


def key(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass
class Release:
    rows: dict[str, dict[str, str]]
    parents: dict[str, list[Parent]]  # in the order the row gives them

    def tree_parent(self, body: str) -> str | None:
        rows = [p for p in self.parents[body] if isinstance(p, str)]
        return rows[0] if rows else None

    def first(self, body: str) -> Parent | None:
        """The superior the diff compares: the tree parent, else the first name."""
        return self.tree_parent(body) or next(iter(self.parents[body]), None)

    def others(self, body: str) -> set[Parent]:
        first = self.first(body)
        return {p for p in self.parents[body] if p != first}


@cache
def release(name: str) -> Release:
    with (NYC / name).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_name: dict[str, list[str]] = {}
    for r in rows:
        by_name.setdefault(key(r["name"]), []).append(r["record_id"])
    parents: dict[str, list[Parent]] = {}
    for r in rows:
        names = [p.strip() for p in r["reports_to"].split(";") if p.strip()]
        hits = [by_name.get(key(p), []) for p in names]
        parents[r["record_id"]] = [
            h[0] if len(h) == 1 else ("name", key(p)) for p, h in zip(names, hits, strict=True)
        ]
    return Release({r["record_id"]: r for r in rows}, parents)
