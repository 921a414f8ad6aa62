"""The scorer: a small logistic model that accepts or rejects candidate relations.

Each candidate (see :mod:`orgmodel.extract.candidates`) is a set of named
features -- ``fam=report-to``, ``head=post``, ``subj=other``, ``negated``
... -- and the model is one weight per feature, learned from the labelled
corpus by :mod:`orgmodel.extract.train` and shipped as
``orgmodel/extract/weights.json`` (a few kilobytes of plain JSON: no model
download, no dependency), one section per model (:data:`MODELS`). The
probability that a candidate is a stated relation is ``sigmoid(sum of its
features' weights)``; it is the confidence every extracted line carries, and
candidates under the threshold are dropped.

>>> s = Scorer({"bias": -1.0, "fam=report-to": 3.0}, threshold=0.5)
>>> round(s.probability({"bias": 1.0, "fam=report-to": 1.0}), 3)
0.881
>>> s.accepts({"bias": 1.0})
False
>>> s.explain({"bias": 1.0, "fam=report-to": 1.0})
[('fam=report-to', 3.0), ('bias', -1.0)]
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["MODELS", "WEIGHTS_FILE", "Scorer", "default_scorer"]

WEIGHTS_FILE = "weights.json"
"""The weights' file name, in the ``orgmodel.extract`` package."""


class Scorer:
    """Feature weights and the acceptance threshold."""

    __slots__ = ("meta", "threshold", "weights")

    def __init__(
        self,
        weights: dict[str, float],
        threshold: float = 0.5,
        meta: dict[str, Any] | None = None,
    ) -> None:
        self.weights = weights
        self.threshold = threshold
        self.meta = meta or {}

    def margin(self, features: dict[str, float]) -> float:
        """The model's log-odds for a candidate."""
        get = self.weights.get
        return sum(get(name, 0.0) * value for name, value in features.items())

    def probability(self, features: dict[str, float]) -> float:
        """The probability that the candidate is a stated relation."""
        z = self.margin(features)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def accepts(self, features: dict[str, float]) -> bool:
        """Whether the candidate clears the threshold."""
        return self.probability(features) >= self.threshold

    def explain(self, features: dict[str, float], top: int = 5) -> list[tuple[str, float]]:
        """The features that moved the decision most, with their contributions."""
        parts = [(name, self.weights.get(name, 0.0) * v) for name, v in features.items()]
        parts = [p for p in parts if p[1]]
        parts.sort(key=lambda p: -abs(p[1]))
        return parts[:top]

    def to_json(self) -> dict[str, Any]:
        """The weights file's content."""
        return {
            **self.meta,
            "threshold": self.threshold,
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Scorer:
        """Read a weights file's content."""
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        meta = {k: v for k, v in data.items() if k not in {"weights", "threshold"}}
        return cls(weights, float(data.get("threshold", 0.5)), meta)


MODELS = ("relations", "organization")
"""The models in the weights file: candidate relations, and the posting's organization."""


@lru_cache(maxsize=4)
def default_scorer(model: str = "relations") -> Scorer:
    """The shipped weights of one model (see :data:`MODELS`)."""
    text = resources.files("orgmodel.extract").joinpath(WEIGHTS_FILE).read_text("utf-8")
    data = json.loads(text)
    return Scorer.from_json(data[model])
