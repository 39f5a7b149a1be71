"""How well the built-in checker does on real texts nobody here wrote (``make eval``).

Reads ../shared/data (or VESKO_EVAL_DATA) and prints four tables:

1. per set, the share of texts with an error (from any rule, and from the tone rules alone: tweets are full
   of real @handles and links, which the link rule rightly flags) and which categories fired;
2. precision / recall of the tone rules on labelled pairs: RUSSE toxic comments vs their polite rewrites,
   Davidson hate + offensive tweets vs "neither";
3. on the real reviews: the share of reviews each category fires on (false alarms for the removal rules),
   and spelling flags per 100 words;
4. coverage of the four points against the hand labels in tests/data/coverage_labels.csv.
"""
from __future__ import annotations

import argparse
import collections
import csv
import os
import re
import sys
from pathlib import Path

from server.checks import check

TONE = ("profanity", "insult", "threat")
ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("VESKO_EVAL_DATA", ROOT.parent / "shared" / "data"))
WORD_RE = re.compile(r"[^\W\d_]+")


def _rows(name: str, delimiter=","):
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, delimiter=delimiter)


def reviews() -> dict[str, list[str]]:
    return {
        "ru": [r["text"] for r in _rows("reviews/wildberries_reviews_dev.csv") if r["text"].strip()],
        "en": [r["text"] for r in _rows("reviews/womens_clothing_reviews_dev.csv") if r["text"].strip()],
    }


def labelled_pairs():
    """(name, language, positives, negatives) for the precision/recall table."""
    detox = list(_rows("toxicity/russe_detox_train.tsv", delimiter="\t"))
    rewrites = [r[f"neutral_comment{i}"] for r in detox for i in (1, 2, 3) if r.get(f"neutral_comment{i}")]
    yield "RUSSE toxic vs rewrites", "ru", [r["toxic_comment"] for r in detox], rewrites
    tweets = list(_rows("toxicity/davidson_tweets_dev.csv"))
    yield (
        "Davidson hate+offensive vs neither",
        "en",
        [r["tweet"] for r in tweets if r["class"] in ("0", "1")],
        [r["tweet"] for r in tweets if r["class"] == "2"],
    )


class Results:
    """Each text checked once; per text, the categories that fired with an error and with any severity."""

    def __init__(self, texts: list[str], language: str, limit: int | None):
        self.texts = [t for t in texts if t.strip()][:limit]
        self.errors: list[set[str]] = []
        self.any: list[set[str]] = []
        self.flags: collections.Counter = collections.Counter()
        for text in self.texts:
            matches = check(text[:20000], language)["matches"]
            self.errors.append({m["category"] for m in matches if m["severity"] == "error"})
            self.any.append({m["category"] for m in matches})
            self.flags.update(m["category"] for m in matches)

    def share(self, predicate) -> float:
        return sum(map(predicate, self.errors)) / len(self.texts) if self.texts else 0.0


_checked: dict[str, Results] = {}


def results(name: str, texts: list[str], language: str, limit: int | None) -> Results:
    """Each set is checked once, though several tables use it."""
    if name not in _checked:
        _checked[name] = Results(texts, language, limit)
    return _checked[name]


def table_sets(limit):
    print("1. Share of texts with an error")
    print(f"{'set':36} {'texts':>6} {'error':>7} {'tone error':>11}  target  categories with any match")
    sets = [(f"{lang} reviews", lang, texts, "clean") for lang, texts in reviews().items()]
    for name, language, positives, negatives in labelled_pairs():
        sets += [(name.split(" vs ")[0], language, positives, "flagged"), (name.split(" vs ")[1], language, negatives, "clean")]
    for name, language, texts, want in sets:
        r = results(name, texts, language, limit)
        categories = collections.Counter(c for found in r.any for c in found)
        shown = ", ".join(f"{c} {k / len(r.texts):.1%}" for c, k in categories.most_common())
        print(
            f"{name:36} {len(r.texts):>6} {r.share(bool):>7.1%} {r.share(lambda e: bool(e & set(TONE))):>11.1%}"
            f"  {'< 2%' if want == 'clean' else 'most':6}  {shown}"
        )


def table_precision_recall(limit):
    print("\n2. Tone rules on labelled pairs (a text counts as flagged when the category reports an error)")
    print(f"{'pairs':36} {'category':11} {'precision':>9} {'recall':>7} {'F1':>6}")
    for name, language, positives, negatives in labelled_pairs():
        positive_name, negative_name = name.split(" vs ")
        pos, neg = results(positive_name, positives, language, limit), results(negative_name, negatives, language, limit)
        for category in (*TONE, "any tone"):
            hit = (lambda e: bool(e & set(TONE))) if category == "any tone" else (lambda e, c=category: c in e)
            tp, fp = sum(map(hit, pos.errors)), sum(map(hit, neg.errors))
            precision = tp / (tp + fp) if tp + fp else 0.0
            recall = tp / len(pos.texts) if pos.texts else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            print(f"{name:36} {category:11} {precision:>9.1%} {recall:>7.1%} {f1:>6.2f}")


def table_reviews(limit):
    print("\n3. Real reviews: share of reviews each category fires on; spelling flags per 100 words")
    for language, texts in reviews().items():
        r = results(f"{language} reviews", texts, language, limit)
        words = sum(len(WORD_RE.findall(t)) for t in r.texts)
        shares = collections.Counter(c for found in r.any for c in found)
        shown = ", ".join(f"{c} {k / len(r.texts):.1%}" for c, k in sorted(shares.items())) or "nothing"
        print(f"{language}: {len(r.texts)} reviews, {words} words: {shown}")
        print(f"{language}: spelling flags per 100 words: {100 * r.flags['spelling'] / words:.2f}")


def table_coverage():
    print("\n4. Coverage of the four points vs hand labels (tests/data/coverage_labels.csv)")
    from scripts import coverage_eval

    coverage_eval.main([])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="check at most this many texts per set")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"No evaluation data at {DATA} (set VESKO_EVAL_DATA).", file=sys.stderr)
        return 2
    table_sets(args.limit)
    table_precision_recall(args.limit)
    table_reviews(args.limit)
    table_coverage()
    return 0


if __name__ == "__main__":
    sys.exit(main())
