"""Prints what the spelling rule flags in real reviews, for checking by hand.

    .venv/bin/python scripts/spelling_sample.py [--language ru|en] [--sample 100] [--seed 1]

Reads ../shared/data/reviews (or VESKO_EVAL_DATA): the Wildberries reviews (ru) and the clothing
reviews (en). Prints the words checked (words in the review's script), the flags, flags per
100 words, and a random sample of flags with their context, so that a person can mark each one
a real typo or a false alarm.
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = Path(os.environ.get("VESKO_EVAL_DATA", ROOT.parent / "shared" / "data"))
FILES = {"ru": "reviews/wildberries_reviews_dev.csv", "en": "reviews/womens_clothing_reviews_dev.csv"}

from server.checks.document import Document  # noqa: E402
from server.checks.rules import spelling  # noqa: E402


def reviews(language: str) -> list[str]:
    with (DATA / FILES[language]).open(encoding="utf-8", newline="") as f:
        return [row["text"] for row in csv.DictReader(f) if row["text"].strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=sorted(FILES), action="append")
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--all", action="store_true", help="print every flag, not a sample")
    args = parser.parse_args()
    for language in args.language or sorted(FILES):
        texts = reviews(language)
        words = flags = 0
        found = []
        for text in texts:
            doc = Document(text, language)
            words += sum(spelling._in_script(w.text, language) for w in doc.words)
            for f in spelling.find(doc):
                flags += 1
                context = text[max(0, f.offset - 30) : f.end + 30].replace("\n", " ")
                found.append((text[f.offset : f.end], f.replacements, context))
        print(f"== {language}: {len(texts)} reviews, {words} words checked, {flags} flags, "
              f"{100 * flags / max(words, 1):.2f} flags per 100 words")
        shown = found if args.all else random.Random(args.seed).sample(found, min(args.sample, len(found)))
        for i, (word, replacements, context) in enumerate(shown, 1):
            print(f"{i:3}. {word!r:20} -> {', '.join(replacements) or '-':30} | …{context}…")


if __name__ == "__main__":
    main()
