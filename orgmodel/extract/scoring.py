"""Scoring extracted names against gold labels, exactly as the corpus README says.

A predicted name matches a gold name after normalisation (lower case,
parenthetical text dropped, ``&`` -> "and", punctuation -> space, a leading
article dropped) when the two are equal, when their word sets overlap by at
least 80 % (Jaccard), or when one contains the other and is at least 70 % of
its length. Each gold item matches at most one prediction (a maximum
bipartite matching, so the result does not depend on list order); precision,
recall and F1 are micro-averaged by summing the counts over documents.

Conventions where the README is silent (documented so figures can be
compared): punctuation becomes a space, so "Teacher/Principal" has two
words; precision is 1.0 when nothing was predicted and recall is 1.0 when
nothing was expected; a null gold title or organization must be predicted
as null to count as correct.

>>> normalize("The Chief Operating Officer (COO)")
'chief operating officer'
>>> names_match("Lakeview Health Care System", "Lakeview Health Care")
True
>>> names_match("Benefits Supervisors", "Benefits Specialist Supervisors I")
False
>>> match_counts(["Mayor", "Fire Chief"], ["mayor", "Police Chief"])
Counts(tp=1, fp=1, fn=1)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Counts", "field_correct", "match_counts", "names_match", "normalize"]

_PAREN = re.compile(r"\([^()]*\)")
_PUNCT = re.compile(r"[^\w\s]+")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


@lru_cache(maxsize=16384)
def normalize(name: str) -> str:
    """Lower case, no parentheticals, ``&`` -> and, no punctuation, no leading article."""
    text = _PAREN.sub(" ", name.lower()).replace("&", " and ")
    text = " ".join(_PUNCT.sub(" ", text).split())
    return _ARTICLE.sub("", text)


def names_match(predicted: str, gold: str) -> bool:
    """Equal, Jaccard >= 0.8 on word sets, or containment with >= 70 % of the length."""
    a, b = normalize(predicted), normalize(gold)
    if not a or not b:
        return a == b
    if a == b:
        return True
    wa, wb = set(a.split()), set(b.split())
    if len(wa & wb) / len(wa | wb) >= 0.8:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return short in long and len(short) >= 0.7 * len(long)


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives, false negatives; add them to micro-average."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def match_counts(predicted: list[str], gold: list[str]) -> Counts:
    """Counts from a maximum one-to-one matching of predictions to gold names."""
    edges = [[j for j, p in enumerate(predicted) if names_match(p, g)] for g in gold]
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    tp = sum(augment(g, set()) for g in range(len(gold)))
    return Counts(tp, len(predicted) - tp, len(gold) - tp)


def field_correct(predicted: str | None, gold: str | None) -> bool:
    """A title or organization: both null, or both present and matching."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return names_match(predicted, gold)
