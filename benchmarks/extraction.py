"""Extraction accuracy on a labelled corpus, cross-validated.

Usage::

    python benchmarks/extraction.py [CORPUS_DIR] [--folds 5] [--repeats 3]
                                    [--compare-with OLD_CHECKOUT] [--verbose]

``CORPUS_DIR`` (default ``../shared/corpus/postings``) holds ``<id>.txt``
postings, ``<id>.json`` gold labels and ``INDEX.tsv``; the texts are read at
run time and never copied into the project.

The two learned models (which candidate relations are stated; which name is
the posting's organization) are **cross-validated**: the corpus is split
into k folds, the models are trained on k-1 of them
(:mod:`orgmodel.extract.train`) and the held-out fold is extracted with
them, so every figure is measured on postings the weights never saw. The
split is repeated with ``--repeats`` seeds; the table gives, for each
repeat, the relations F1 of every fold, and their mean and spread.
Relations are scored the way the corpus README says (names normalised and
matched by equality, Jaccard >= 0.8 or 70 % containment; each gold item
matched once; micro-averaged), pooled over the four kinds and per kind,
and per phrasing family of ``INDEX.tsv``. "Invented" counts relations
predicted on documents whose INDEX row ends in ``no``. Titles come from
rules only (no weights), so their accuracy needs no folds.

``--compare-with`` runs another checkout's extractor (for example
``git worktree add ../old a4eeb6b``, the extractor before it was rebuilt)
over the same corpus in the same run, as a baseline column.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from orgmodel.extract import extract_file
from orgmodel.extract.scoring import Counts, field_correct, match_counts
from orgmodel.extract.train import (
    Doc,
    fit_models,
    folds_of,
    load_corpus,
    predict,
    predict_org,
)

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "postings"
KINDS = ("primary", "secondary", "direct", "indirect")
_OLD_RUN = """
import json, sys
from pathlib import Path
# an editable install's import hook would win over the checkout: drop it
sys.meta_path = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
sys.path.insert(0, sys.argv[2])
import orgmodel
assert Path(orgmodel.__file__).resolve().is_relative_to(Path(sys.argv[2]).resolve())
from orgmodel.extract import extract_file
out = {}
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    ex = extract_file(path)
    pred = {k: [] for k in ("primary", "secondary", "direct", "indirect")}
    for f in ex.reports_to:
        pred[f.kind].append(f.name)
    for f in ex.supervises:
        pred[f.kind].append(f.name)
    out[path.stem] = {"pred": pred, "title": ex.title, "organization": ex.organization}
print(json.dumps(out))
"""


def _total(counts: dict[str, Counts]) -> Counts:
    out = Counts()
    for c in counts.values():
        out += c
    return out


def _fmt(c: Counts) -> str:
    return f"{c.tp + c.fn:>6}{c.tp + c.fp:>6}{c.tp:>5}{c.precision:8.3f}{c.recall:8.3f}{c.f1:8.3f}"


def _families(doc: Doc) -> list[str]:
    return [f for f in doc.phrasing.split("+") if f] or ["?"]


def _score(
    docs: list[Doc], preds: dict[str, dict[str, list[str]]]
) -> tuple[dict[str, Counts], dict[str, Counts], int]:
    """Counts per kind, per phrasing family, and invented relations, for given predictions."""
    per_kind = {k: Counts() for k in KINDS}
    per_family: dict[str, Counts] = defaultdict(Counts)
    invented = 0
    for doc in docs:
        pred = preds[doc.id]
        kinds = doc.kinds or {}
        doc_counts = Counts()
        for kind in KINDS:
            c = match_counts(pred[kind], kinds.get(kind, []))
            per_kind[kind] += c
            doc_counts += c
        for family in _families(doc):
            per_family[family] += doc_counts
        if doc.states_none:
            invented += sum(len(v) for v in pred.values())
    return per_kind, dict(per_family), invented


def _baseline(checkout: Path, corpus: Path) -> dict[str, Any]:
    """Another checkout's extractor over the corpus, run in a child process."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-c", _OLD_RUN, str(corpus), str(checkout)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3, help="seeds of the fold split")
    parser.add_argument("--compare-with", type=Path, help="checkout of another orgmodel")
    parser.add_argument("--verbose", "-v", action="store_true", help="per-document errors")
    args = parser.parse_args(argv)
    corpus: Path = args.corpus
    started = time.perf_counter()
    docs = load_corpus(corpus) if corpus.is_dir() else []
    if not docs:
        print(f"no labelled postings in {corpus}", file=sys.stderr)
        return 0
    k = max(2, min(args.folds, len(docs)))
    print(f"corpus: {corpus}  documents: {len(docs)}  folds: {k}  repeats: {args.repeats}")
    print(f"run: {time.strftime('%Y-%m-%d')}\n")
    seeds = [13, 7, 29, 41, 3][: max(1, args.repeats)]
    fold_f1: list[float] = []
    org_right: list[float] = []
    pooled = {k_: Counts() for k_ in KINDS}
    pooled_family: dict[str, Counts] = defaultdict(Counts)
    invented = 0
    first_preds: dict[str, dict[str, list[str]]] = {}
    print("relations F1 per held-out fold")
    for seed in seeds:
        parts = folds_of(docs, k, seed)
        row: list[float] = []
        for index, held in enumerate(parts):
            train = [d for j, part in enumerate(parts) if j != index for d in part]
            models = fit_models(train)
            preds = {d.id: predict(d, models.relations) for d in held}
            if seed == seeds[0]:
                first_preds.update(preds)
            per_kind, per_family, made = _score(held, preds)
            for kind in KINDS:
                pooled[kind] += per_kind[kind]
            for family, c in per_family.items():
                pooled_family[family] += c
            invented += made
            row.append(_total(per_kind).f1)
            right = sum(
                field_correct(predict_org(d, models.organization), d.organization) for d in held
            )
            org_right.append(right / len(held))
        fold_f1.extend(row)
        print(f"  seed {seed:>2}: " + "  ".join(f"{f:.3f}" for f in row))
    mean, spread = statistics.mean(fold_f1), statistics.pstdev(fold_f1)
    print(
        f"  mean {mean:.3f}, spread (sd) {spread:.3f}, min {min(fold_f1):.3f}, "
        f"max {max(fold_f1):.3f} over {len(fold_f1)} folds\n"
    )
    print(f"{'pooled':<12}{'gold':>6}{'pred':>6}{'tp':>5}{'P':>8}{'R':>8}{'F1':>8}")
    for kind in KINDS:
        print(f"{kind:<12}{_fmt(pooled[kind])}")
    print(f"{'relations':<12}{_fmt(_total(pooled))}")
    repeats = len(seeds)
    print(
        f"\ninvented relations     {invented / repeats:.1f} per run "
        f"(on {sum(d.states_none for d in docs)} no-reporting documents)"
    )
    titles = [extract_file(corpus / f"{d.id}.txt") for d in docs]
    title_ok = sum(
        field_correct(ex.title, _gold(corpus, d.id, "title"))
        for ex, d in zip(titles, docs, strict=True)
    )
    print(f"title accuracy         {title_ok / len(docs):.3f}  ({title_ok}/{len(docs)}; rules)")
    print(
        f"organization accuracy  {statistics.mean(org_right):.3f}  "
        f"(cross-validated; spread {statistics.pstdev(org_right):.3f})"
    )
    print("\nrelations F1 per phrasing family (pooled over folds)")
    for family, c in sorted(pooled_family.items(), key=lambda kv: -(kv[1].tp + kv[1].fn)):
        print(f"  {family:<34}{c.tp + c.fn:>5} gold  F1 {c.f1:.3f}")
    if args.compare_with is not None:
        old = _baseline(args.compare_with, corpus)
        old_preds = {d.id: old[d.id]["pred"] for d in docs if d.id in old}
        kept = [d for d in docs if d.id in old_preds]
        per_kind, _, made = _score(kept, old_preds)
        old_titles = sum(
            field_correct(old[d.id]["title"], _gold(corpus, d.id, "title")) for d in kept
        )
        old_orgs = sum(field_correct(old[d.id]["organization"], d.organization) for d in kept)
        print(f"\nbaseline {args.compare_with} (its own rules, no folds):")
        for kind in KINDS:
            print(f"  {kind:<10}{_fmt(per_kind[kind])}")
        print(f"  {'relations':<10}{_fmt(_total(per_kind))}")
        print(
            f"  invented {made}; title {old_titles / len(kept):.3f}; "
            f"organization {old_orgs / len(kept):.3f}"
        )
    if args.verbose:
        print("\nper-document errors (first repeat, held-out predictions):")
        for doc in docs:
            lines = []
            for kind in KINDS:
                c = match_counts(first_preds[doc.id][kind], (doc.kinds or {}).get(kind, []))
                if c.fp or c.fn:
                    lines.append(
                        f"  {kind}: predicted {first_preds[doc.id][kind]} "
                        f"gold {(doc.kinds or {}).get(kind, [])}"
                    )
            if lines:
                print(doc.id + "\n" + "\n".join(lines))
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 0


def _gold(corpus: Path, doc_id: str, key: str) -> Any:
    return json.loads((corpus / f"{doc_id}.json").read_text(encoding="utf-8")).get(key)


if __name__ == "__main__":
    raise SystemExit(main())
