"""Coverage of the four points vs hand labels: per-point precision / recall / F1.

Labels: tests/data/coverage_labels.csv (file, id, disappointment, expectations, recommend, buy_again,
part) — review ids only, the texts are read from ../shared/data/reviews (or VESKO_EVAL_DATA).
``part`` is "tuning" (looked at while writing the patterns) or "heldout" (never looked at).

Scoring: the two booleans score their True class. A stance prediction counts only when its value is
right; a wrong value is a false positive and a miss; a null prediction on a labelled stance is a
miss, so "always null" scores zero.

    .venv/bin/python -m scripts.coverage_eval [--part tuning|heldout|all] [--errors POINT]
"""
from __future__ import annotations

import argparse
import collections
import csv
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from server.checks.coverage import POINTS, coverage  # noqa: E402
from server.checks.document import Document  # noqa: E402

LABELS = ROOT / "tests" / "data" / "coverage_labels.csv"
DATA = Path(os.environ.get("VESKO_EVAL_DATA", ROOT.parent / "shared" / "data"))
LANGUAGE = {"wildberries_reviews_dev.csv": "ru", "womens_clothing_reviews_dev.csv": "en"}


def _gold(row: dict, point: str):
    value = row[point].strip()
    if point in ("disappointment", "expectations"):
        return value == "1"
    return value or None


def _texts(file: str) -> dict[str, str]:
    with (DATA / "reviews" / file).open(encoding="utf-8", newline="") as f:
        return {r["id"]: r["text"] for r in csv.DictReader(f)}


def score(pairs) -> tuple[float, float, float, int]:
    """Precision, recall, F1 and support over (gold, predicted) pairs; False/None is "not covered"."""
    tp = fp = fn = 0
    for gold, predicted in pairs:
        hit = predicted not in (False, None)
        if hit and predicted == gold:
            tp += 1
        else:
            fp += hit
            fn += gold not in (False, None)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp + fn


def evaluate(part: str = "all"):
    """{(language, part): {point: [(gold, predicted, id, text)]}}"""
    texts = {file: _texts(file) for file in LANGUAGE}
    results = collections.defaultdict(lambda: collections.defaultdict(list))
    with LABELS.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if part != "all" and row["part"] != part:
                continue
            language = LANGUAGE[row["file"]]
            text = texts[row["file"]][row["id"]]
            predicted = coverage(Document(text, language))
            for point in POINTS:
                results[(language, row["part"])][point].append((_gold(row, point), predicted[point], row["id"], text))
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("tuning", "heldout", "all"), default="all")
    parser.add_argument("--errors", choices=POINTS, help="print the reviews this point gets wrong")
    args = parser.parse_args(argv)
    if not (DATA / "reviews").is_dir():
        print(f"(no evaluation data in {DATA})")
        return 0
    results = evaluate(args.part)
    print(f"{'lang':4} {'part':8} {'point':15} {'P':>5} {'R':>5} {'F1':>5} {'n':>4} {'labelled':>8}")
    for (language, part), points in sorted(results.items()):
        for point in POINTS:
            p, r, f1, n = score((g, pr) for g, pr, _, _ in points[point])
            print(f"{language:4} {part:8} {point:15} {p:5.2f} {r:5.2f} {f1:5.2f} {n:4d} {len(points[point]):8d}")
    if args.errors:
        for (language, part), points in sorted(results.items()):
            for gold, predicted, rid, text in points[args.errors]:
                if (gold or None) != (predicted or None):
                    print(f"\n[{language} {part} {rid}] gold={gold} predicted={predicted}\n  {text[:400]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
