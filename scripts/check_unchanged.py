"""Did a change to the checker change any answer? (a safety net for speed work)

    python -m scripts.check_unchanged --save before.json.gz   # on the old code
    python -m scripts.check_unchanged --compare before.json.gz  # on the new code: lists every text whose answer differs

Checks every text of the evaluation data (../shared/data or VESKO_EVAL_DATA: real reviews, tweets, RUSSE
comments and rewrites; ~32,000 checks, ~1 minute; the reviews also with ``language="auto"``) with
``server.checks.check``, and keeps each whole answer (the rules' own table tests cover the hand-written cases).
A speed change must leave every answer as it was; ``--compare`` exits 1 and shows the first differences
otherwise. The saved file holds the review texts' answers: keep it out of the repository.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys

from scripts.evaluate import _rows, reviews
from server.checks import check, warm_up


def corpus() -> list[tuple[str, str]]:
    """(language, text) pairs: every evaluation text, in its own language and with auto-detection."""
    texts: list[tuple[str, str]] = []
    for language, items in reviews().items():
        texts += [(language, t) for t in items] + [("auto", t) for t in items]
    detox = list(_rows("toxicity/russe_detox_train.tsv", delimiter="\t"))
    texts += [("ru", r["toxic_comment"]) for r in detox]
    texts += [("ru", r[f"neutral_comment{i}"]) for r in detox for i in (1, 2, 3) if r.get(f"neutral_comment{i}")]
    texts += [("en", r["tweet"]) for r in _rows("toxicity/davidson_tweets_dev.csv")]
    return [(language, text) for language, text in texts if text.strip()]


def answers(texts: list[tuple[str, str]]) -> list[dict]:
    out = []
    for language, text in texts:
        try:
            out.append(check(text[:20000], language))
        except Exception as error:  # an unsupported language under "auto" is an answer too
            out.append({"error": type(error).__name__})
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", metavar="FILE")
    mode.add_argument("--compare", metavar="FILE")
    parser.add_argument("--show", type=int, default=10, help="differences to print (default 10)")
    args = parser.parse_args(argv)
    warm_up()
    texts = corpus()
    got = answers(texts)
    if args.save:
        with gzip.open(args.save, "wt", encoding="utf-8") as f:
            json.dump({"texts": texts, "answers": got}, f, ensure_ascii=False)
        print(f"saved {len(got):,} answers to {args.save}")
        return 0
    with gzip.open(args.compare, "rt", encoding="utf-8") as f:
        before = json.load(f)
    if [list(t) for t in texts] != before["texts"]:
        print("the corpus differs from the saved one (another data folder?)", file=sys.stderr)
        return 2
    differ = [i for i, (old, new) in enumerate(zip(before["answers"], got)) if old != new]
    for i in differ[: args.show]:
        language, text = texts[i]
        print(f"--- [{language}] {text[:200]!r}")
        print("  before:", json.dumps(before["answers"][i], ensure_ascii=False)[:600])
        print("  after: ", json.dumps(got[i], ensure_ascii=False)[:600])
    print(f"{len(differ):,} of {len(got):,} answers differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
