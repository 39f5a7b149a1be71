"""How well the built-in checker does on real texts nobody here wrote (``make eval``).

Reads ../shared/data (or VESKO_EVAL_DATA): real reviews and the polite rewrites of toxic comments
should get almost no `error` match; the toxic comments themselves should mostly be flagged.
Prints, for each set, the share of texts with an error (from any rule, and from the tone rules alone:
tweets are full of real @handles and links, which the link rule rightly flags) and which categories fired.
"""
from __future__ import annotations

import argparse
import collections
import csv
import os
import sys
from pathlib import Path

from server.checks import check

TONE = {"profanity", "insult", "threat"}
ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("VESKO_EVAL_DATA", ROOT.parent / "shared" / "data"))


def _rows(name: str, delimiter=","):
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, delimiter=delimiter)


def datasets():
    """(name, language, texts, want) — want is "clean" (errors are false alarms) or "flagged"."""
    wb = list(_rows("reviews/wildberries_reviews_dev.csv"))
    yield "ru reviews (Wildberries)", "ru", [r["text"] for r in wb if r["is_obscene"] != "True"], "clean"
    yield "ru reviews marked obscene", "ru", [r["text"] for r in wb if r["is_obscene"] == "True"], "flagged"
    yield "en reviews (clothing)", "en", [r["text"] for r in _rows("reviews/womens_clothing_reviews_dev.csv")], "clean"
    detox = list(_rows("toxicity/russe_detox_train.tsv", delimiter="\t"))
    yield "ru toxic comments (RUSSE)", "ru", [r["toxic_comment"] for r in detox], "flagged"
    rewrites = [r[f"neutral_comment{i}"] for r in detox for i in (1, 2, 3) if r.get(f"neutral_comment{i}")]
    yield "ru polite rewrites (RUSSE)", "ru", rewrites, "clean"
    tweets = list(_rows("toxicity/davidson_tweets_dev.csv"))
    labels = {"0": "hate speech", "1": "offensive", "2": "neither"}
    for label, name in labels.items():
        texts = [r["tweet"] for r in tweets if r["class"] == label]
        yield f"en tweets: {name} (Davidson)", "en", texts, "clean" if label == "2" else "flagged"


def evaluate(texts: list[str], language: str, limit: int | None):
    texts = [t for t in texts if t.strip()][:limit]
    with_error, with_tone_error, by_category = 0, 0, collections.Counter()
    for text in texts:
        matches = check(text[:20000], language)["matches"]
        errors = {m["category"] for m in matches if m["severity"] == "error"}
        with_error += bool(errors)
        with_tone_error += bool(errors & TONE)
        by_category.update({m["category"] for m in matches})
    return len(texts), with_error, with_tone_error, by_category


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="check at most this many texts per set")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"No evaluation data at {DATA} (set VESKO_EVAL_DATA).", file=sys.stderr)
        return 2
    print(f"{'set':36} {'texts':>6} {'error':>7} {'tone error':>11}  target  categories with any match (share of texts)")
    for name, language, texts, want in datasets():
        n, with_error, with_tone_error, by_category = evaluate(texts, language, args.limit)
        if not n:
            continue
        target = "< 2%" if want == "clean" else "most"
        categories = ", ".join(f"{c} {k / n:.1%}" for c, k in by_category.most_common())
        print(f"{name:36} {n:>6} {with_error / n:>7.1%} {with_tone_error / n:>11.1%}  {target:6}  {categories}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
