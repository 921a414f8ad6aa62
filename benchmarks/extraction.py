"""Extraction accuracy on a labelled corpus of postings.

Usage::

    python benchmarks/extraction.py [CORPUS_DIR] [--verbose]

``CORPUS_DIR`` (default ``../shared/corpus/postings``) holds ``<id>.txt``
postings, ``<id>.json`` gold labels and ``INDEX.tsv``. Every posting goes
through :func:`orgmodel.extract.extract_file` and is scored with
:mod:`orgmodel.extract.scoring` -- the corpus README's rules: normalised
names match when equal, Jaccard >= 0.8 or containment >= 70 % of the length;
each gold item matches at most one prediction; micro-averaged.

Title, organization and department accuracy count a document correct when
both gold and prediction are null or both are present and match; a second
figure counts only documents whose gold title or organization is not null.
"Invented" counts relations predicted on documents whose INDEX.tsv row ends
in ``no``. ``--verbose``
lists every document's errors. The corpus texts are read at run time and
never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from orgmodel.extract import Extraction, extract_file
from orgmodel.extract.scoring import Counts, field_correct, match_counts

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "postings"
ROWS = (
    ("primary", "reports_to", "primary"),
    ("secondary", "reports_to", "secondary"),
    ("direct", "supervises", "direct"),
    ("indirect", "supervises", "indirect"),
)


def predicted(ex: Extraction, relation: str, kind: str) -> list[str]:
    facts = ex.reports_to if relation == "reports_to" else ex.supervises
    return [f.name for f in facts if f.kind == kind]


def gold_names(gold: dict[str, Any], relation: str, kind: str) -> list[str]:
    return list(gold.get(relation, {}).get(kind, []) or [])


def index_rows(corpus: Path) -> dict[str, list[str]]:
    index = corpus / "INDEX.tsv"
    if not index.is_file():
        return {}
    rows = [line.split("\t") for line in index.read_text(encoding="utf-8").splitlines() if line]
    return {row[0]: row for row in rows}


def pct(value: float) -> str:
    return f"{value:6.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--verbose", "-v", action="store_true", help="per-document errors")
    args = parser.parse_args(argv)
    corpus: Path = args.corpus
    texts = sorted(corpus.glob("*.txt"))
    if not texts:
        print(f"no *.txt postings in {corpus}", file=sys.stderr)
        return 0
    index = index_rows(corpus)
    totals = {name: Counts() for name, _, _ in ROWS}
    title_ok = org_ok = title_nn = org_nn = title_n = org_n = dept_ok = 0
    invented = 0
    no_docs = 0
    errors: list[str] = []
    started = time.perf_counter()
    for path in texts:
        gold_path = path.with_suffix(".json")
        if not gold_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        ex = extract_file(path)
        doc_errors: list[str] = []
        for name, relation, kind in ROWS:
            pred, want = predicted(ex, relation, kind), gold_names(gold, relation, kind)
            counts = match_counts(pred, want)
            totals[name] += counts
            if counts.fp or counts.fn:
                doc_errors.append(f"  {name}: predicted {pred} gold {want}")
        if field_correct(ex.title, gold.get("title")):
            title_ok += 1
            title_nn += gold.get("title") is not None
        else:
            doc_errors.append(f"  title: predicted {ex.title!r} gold {gold.get('title')!r}")
        if field_correct(ex.organization, gold.get("organization")):
            org_ok += 1
            org_nn += gold.get("organization") is not None
        else:
            doc_errors.append(
                f"  organization: predicted {ex.organization!r} gold {gold.get('organization')!r}"
            )
        if field_correct(ex.department, gold.get("department")):
            dept_ok += 1
        else:
            doc_errors.append(
                f"  department: predicted {ex.department!r} gold {gold.get('department')!r}"
            )
        title_n += gold.get("title") is not None
        org_n += gold.get("organization") is not None
        row = index.get(path.stem)
        if row and row[-1].strip().lower() == "no":
            no_docs += 1
            made = len(ex.reports_to) + len(ex.supervises)
            invented += made
            if made:
                doc_errors.append(f"  INVENTED {made} relation(s) on a no-reporting document")
        if doc_errors:
            errors.append(f"{path.stem}\n" + "\n".join(doc_errors))
    elapsed = time.perf_counter() - started
    docs = len([p for p in texts if p.with_suffix(".json").is_file()])
    print(f"corpus: {corpus}  documents: {docs}  ({elapsed:.2f} s)\n")
    print(f"{'relation':<12}{'gold':>6}{'pred':>6}{'tp':>5}{'P':>8}{'R':>8}{'F1':>8}")
    for name, _, _ in ROWS:
        c = totals[name]
        print(
            f"{name:<12}{c.tp + c.fn:>6}{c.tp + c.fp:>6}{c.tp:>5}"
            f"{pct(c.precision):>8}{pct(c.recall):>8}{pct(c.f1):>8}"
        )
    print()
    rule = "null gold must be null"
    print(f"title accuracy         {title_ok / docs:6.3f}  ({title_ok}/{docs}; {rule})")
    print(f"  on non-null gold     {title_nn / max(title_n, 1):6.3f}  ({title_nn}/{title_n})")
    print(f"organization accuracy  {org_ok / docs:6.3f}  ({org_ok}/{docs}; {rule})")
    print(f"  on non-null gold     {org_nn / max(org_n, 1):6.3f}  ({org_nn}/{org_n})")
    print(f"department accuracy    {dept_ok / docs:6.3f}  ({dept_ok}/{docs}; not a target)")
    print(f"invented relations     {invented}  (on {no_docs} no-reporting documents)")
    if args.verbose and errors:
        print("\nper-document errors:\n" + "\n".join(errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
