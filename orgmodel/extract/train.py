"""Training the scorer on a labelled corpus, and cross-validating it.

Every posting of the corpus is read once into its candidates (the rules'
proposals, :mod:`orgmodel.extract.candidates`); a candidate is a positive
example when its name matches a gold name of the same direction (superior
or supervised) under the corpus README's matching rules
(:func:`orgmodel.extract.scoring.names_match`). The model is an
L2-regularised logistic regression fitted by Newton's method (numpy, a few
hundred features: well under a second).

Run it to write the shipped weights::

    python -m orgmodel.extract.train ../shared/corpus/postings

:func:`cross_validate` is what ``benchmarks/extraction.py`` reports: the
corpus is split into k folds, the scorer is trained on k-1 of them and the
held-out fold is extracted with it, so every figure is measured on
postings the weights never saw.

>>> docs = [Doc("a", [_cand("up", "Mayor", {"bias": 1, "x": 1})], {"up": ["Mayor"], "down": []})]
>>> docs.append(Doc("b", [_cand("up", "Budget", {"bias": 1})], {"up": [], "down": []}))
>>> scorer = fit(labelled(docs), l2=0.1)
>>> scorer.probability({"bias": 1, "x": 1}) > 0.5 > scorer.probability({"bias": 1})
True
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from orgmodel.extract.candidates import Candidate
from orgmodel.extract.organizations import OrgCandidate, choose
from orgmodel.extract.relations import select
from orgmodel.extract.scorer import WEIGHTS_FILE, Scorer
from orgmodel.extract.scoring import Counts, field_correct, match_counts, names_match

__all__ = [
    "Doc",
    "Fold",
    "Models",
    "cross_validate",
    "fit",
    "fit_models",
    "gold_of",
    "labelled",
    "load_corpus",
    "main",
    "org_labelled",
    "predict",
    "predict_org",
]

DEFAULT_L2 = 1.0
DEFAULT_THRESHOLD = 0.4
ORG_THRESHOLD = 0.2
ORG_PRIOR = {
    "org:seeking": 3.0,
    "org:eeo": 2.5,
    "org:question": 3.0,
    "org:about": 3.0,
    "org:employee-of": 2.5,
    "org:located": 2.0,
    "org:letterhead": 2.0,
    "org:gov-of-line": 2.0,
    "org:gov-of": 1.0,
    "org:gov-of-the": 0.3,
    "org:domain": 1.5,
    "org:suffix": 1.0,
    "org:brand": 1.0,
    "org:possessive": 1.0,
    "org:initials": 1.0,
    "org:at": 0.5,
    "org:credential": -1.5,
}
"""What a reader makes of each kind of evidence for an organization (the weights the rules
used before there was a model): the organization model's prior, so that evidence the
corpus holds only a few times (an "About X" heading) still counts."""


@dataclass(slots=True)
class Doc:
    """One labelled posting: its candidates and its gold names by direction."""

    id: str
    candidates: list[Candidate]
    gold: dict[str, list[str]]
    kinds: dict[str, list[str]] | None = None
    """Gold names by kind ("primary", "secondary", "direct", "indirect")."""
    phrasing: str = ""
    states_none: bool = False
    organization: str | None = None
    """The gold organization (None when the text names none)."""
    org_field: str | None = None
    org_candidates: list[OrgCandidate] = field(default_factory=list)


def _cand(relation: str, name: str, features: dict[str, float]) -> Candidate:
    """A bare candidate (for examples and tests)."""
    return Candidate(
        relation, "primary", name, 0, len(name), "", "test", "prose", features=features
    )


def gold_of(label: dict[str, Any]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Gold names by direction and by kind, from a corpus label."""
    rep = label.get("reports_to") or {}
    sup = label.get("supervises") or {}
    kinds = {
        "primary": list(rep.get("primary") or []),
        "secondary": list(rep.get("secondary") or []),
        "direct": list(sup.get("direct") or []),
        "indirect": list(sup.get("indirect") or []),
    }
    by_direction = {
        "up": kinds["primary"] + kinds["secondary"],
        "down": kinds["direct"] + kinds["indirect"],
    }
    return by_direction, kinds


def load_corpus(corpus: Path) -> list[Doc]:
    """Every ``<id>.txt`` with a ``<id>.json`` label, read into candidates."""
    from orgmodel.extract.core import candidates_of
    from orgmodel.extract.text import read_posting

    index: dict[str, list[str]] = {}
    tsv = corpus / "INDEX.tsv"
    if tsv.is_file():
        for line in tsv.read_text(encoding="utf-8").splitlines():
            row = line.split("\t")
            if row and row[0]:
                index[row[0]] = row
    docs: list[Doc] = []
    for path in sorted(corpus.glob("*.txt")):
        label_path = path.with_suffix(".json")
        if not label_path.is_file():
            continue
        label = json.loads(label_path.read_text(encoding="utf-8"))
        posting = read_posting(path)
        _, cands, (org_field, org_cands) = candidates_of(posting.text, meta=posting.meta)
        by_direction, kinds = gold_of(label)
        row = index.get(path.stem, [])
        docs.append(
            Doc(
                path.stem,
                cands,
                by_direction,
                kinds,
                phrasing=row[2] if len(row) > 2 else "",
                states_none=bool(row) and row[-1].strip().lower() == "no",
                organization=label.get("organization"),
                org_field=org_field,
                org_candidates=org_cands,
            )
        )
    return docs


def labelled(docs: Iterable[Doc]) -> list[tuple[dict[str, float], int]]:
    """(features, 1 if the candidate names a gold superior/subordinate else 0) pairs."""
    out: list[tuple[dict[str, float], int]] = []
    for doc in docs:
        for cand in doc.candidates:
            if cand.relation == "link":
                continue
            gold = doc.gold.get(cand.relation, [])
            out.append((cand.features, int(any(names_match(cand.name, g) for g in gold))))
    return out


def fit(
    examples: Sequence[tuple[dict[str, float], int]],
    *,
    l2: float = DEFAULT_L2,
    threshold: float = DEFAULT_THRESHOLD,
    iterations: int = 30,
    prior: dict[str, float] | None = None,
) -> Scorer:
    """An L2-regularised logistic regression over the examples' features.

    The penalty pulls each weight towards its ``prior`` (0 when none is given): evidence
    the corpus shows rarely keeps the weight a reader would give it, and the data moves
    it where there is data.
    """
    prior = prior or {}
    names = sorted({name for features, _ in examples for name in features} | set(prior))
    column = {name: k for k, name in enumerate(names)}
    x = np.zeros((len(examples), len(names)))
    y = np.zeros(len(examples))
    for row, (features, label) in enumerate(examples):
        for name, value in features.items():
            x[row, column[name]] = value
        y[row] = label
    w0 = np.array([prior.get(name, 0.0) for name in names])
    w = w0.copy()
    eye = np.eye(len(names)) * l2
    for _ in range(iterations):
        z = np.clip(x @ w, -30, 30)
        p = 1.0 / (1.0 + np.exp(-z))
        grad = x.T @ (p - y) + l2 * (w - w0)
        hess = (x.T * (p * (1 - p))) @ x + eye
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.max(np.abs(step))) < 1e-6:
            break
    weights = {name: round(float(w[k]), 4) for name, k in column.items() if abs(w[k]) >= 1e-4}
    return Scorer(weights, threshold)


def predict(doc: Doc, scorer: Scorer) -> dict[str, list[str]]:
    """Predicted names by kind for one document."""
    out: dict[str, list[str]] = {"primary": [], "secondary": [], "direct": [], "indirect": []}
    for cand in select(doc.candidates, scorer):
        if cand.relation == "up":
            out["secondary" if cand.kind == "secondary" else "primary"].append(cand.name)
        else:
            out["indirect" if cand.kind == "indirect" else "direct"].append(cand.name)
    return out


def org_labelled(docs: Iterable[Doc]) -> list[tuple[dict[str, float], int]]:
    """Organization candidates of the documents whose organization no field states, labelled
    1 when the candidate names the gold organization (all 0 where the text names none)."""
    out: list[tuple[dict[str, float], int]] = []
    for doc in docs:
        if doc.org_field is not None:
            continue
        for cand in doc.org_candidates:
            label = doc.organization is not None and names_match(cand.name, doc.organization)
            out.append((cand.features, int(label)))
    return out


def predict_org(doc: Doc, scorer: Scorer) -> str | None:
    """The organization chosen for one document."""
    return doc.org_field if doc.org_field is not None else choose(doc.org_candidates, scorer)


@dataclass(slots=True)
class Models:
    """The two scorers trained together: relations and the organization."""

    relations: Scorer
    organization: Scorer


def fit_models(docs: Sequence[Doc], *, l2: float = DEFAULT_L2) -> Models:
    """Both models, fitted on ``docs``."""
    return Models(
        fit(labelled(docs), l2=l2, threshold=DEFAULT_THRESHOLD),
        fit(org_labelled(docs), l2=l2, threshold=ORG_THRESHOLD, prior=ORG_PRIOR),
    )


@dataclass(slots=True)
class Fold:
    """One fold's figures: counts per kind, organizations right, and the ids it held out."""

    ids: list[str]
    counts: dict[str, Counts]
    invented: int
    org_correct: int = 0

    @property
    def relations(self) -> Counts:
        """All four kinds together (the headline relations figure)."""
        total = Counts()
        for counts in self.counts.values():
            total += counts
        return total


def score_docs(docs: Iterable[Doc], scorer: Scorer) -> tuple[dict[str, Counts], int]:
    """Counts per kind over ``docs``, and the relations invented on no-reporting documents."""
    counts = {k: Counts() for k in ("primary", "secondary", "direct", "indirect")}
    invented = 0
    for doc in docs:
        pred = predict(doc, scorer)
        kinds = doc.kinds or {}
        for kind in counts:
            counts[kind] += match_counts(pred[kind], kinds.get(kind, []))
        if doc.states_none:
            invented += sum(len(v) for v in pred.values())
    return counts, invented


def folds_of(docs: Sequence[Doc], k: int, seed: int) -> list[list[Doc]]:
    """``k`` folds of the documents, shuffled with ``seed`` (the same split every run)."""
    order = list(docs)
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def cross_validate(
    docs: Sequence[Doc], *, k: int = 5, seed: int = 13, l2: float = DEFAULT_L2
) -> list[Fold]:
    """Train on k-1 folds, score the held-out one; one :class:`Fold` each."""
    out: list[Fold] = []
    parts = folds_of(docs, k, seed)
    for index, held in enumerate(parts):
        train = [d for j, part in enumerate(parts) if j != index for d in part]
        models = fit_models(train, l2=l2)
        counts, invented = score_docs(held, models.relations)
        orgs = sum(field_correct(predict_org(d, models.organization), d.organization) for d in held)
        out.append(Fold([d.id for d in held], counts, invented, orgs))
    return out


def main(argv: list[str] | None = None) -> int:
    """Train on a corpus folder and write the weights file."""
    parser = argparse.ArgumentParser(
        prog="python -m orgmodel.extract.train", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("corpus", type=Path, help="folder of <id>.txt postings and <id>.json")
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        default=Path(__file__).with_name(WEIGHTS_FILE),
        help="weights file to write (default: the one shipped in the package)",
    )
    parser.add_argument("--l2", type=float, default=DEFAULT_L2, help="L2 penalty")
    args = parser.parse_args(argv)
    docs = load_corpus(args.corpus)
    if not docs:
        print(f"no labelled postings in {args.corpus}", file=sys.stderr)
        return 2
    models = fit_models(docs, l2=args.l2)
    relations, organizations = labelled(docs), org_labelled(docs)
    content = {
        "trained": date.today().isoformat(),
        "documents": len(docs),
        "l2": args.l2,
        "relations": {
            "examples": len(relations),
            "positives": sum(label for _, label in relations),
            **models.relations.to_json(),
        },
        "organization": {
            "examples": len(organizations),
            "positives": sum(label for _, label in organizations),
            **models.organization.to_json(),
        },
    }
    tmp = args.output.with_name(args.output.name + ".tmp")
    tmp.write_text(json.dumps(content, indent=1) + "\n", encoding="utf-8")
    tmp.replace(args.output)
    print(
        f"{len(docs)} documents; relations: {len(relations)} candidates, "
        f"{len(models.relations.weights)} weights; organization: {len(organizations)} "
        f"candidates, {len(models.organization.weights)} weights -> {args.output}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
