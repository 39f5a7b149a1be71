"""Where a check's time goes: each rule's, the coverage's and the document's cost on the real reviews.

    python -m scripts.rule_costs [en|ru] [--rounds 3]

Microseconds per review (each rule's time over all reviews, and its median and mean on the reviews it ran on),
over every review of the language's set in
../shared/data, after one round that lets every per-word cache see the words (``make bench`` has the
first-sight figures). For profiling speed work rule by rule; the peers' comparison is ``make bench-peers``.
"""
from __future__ import annotations

import argparse
import collections
import statistics
import time

from scripts.evaluate import reviews
from server import checks
from server.checks import coverage, document


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("language", nargs="?", default="en", choices=("en", "ru"))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    checks.warm_up()
    texts = reviews()[args.language]
    spent: dict[str, list[float]] = collections.defaultdict(list)
    checks.pipeline_timer(lambda category, seconds: spent[category].append(seconds))
    for text in texts:
        checks.check(text, args.language)
    spent.clear()
    for _ in range(args.rounds):
        for text in texts:
            started = time.perf_counter()
            checks.check(text, args.language)
            spent["(whole check)"].append(time.perf_counter() - started)
            started = time.perf_counter()
            doc = document.Document(text, args.language)
            spent["(document)"].append(time.perf_counter() - started)
            started = time.perf_counter()
            coverage.coverage(doc)
            spent["(coverage)"].append(time.perf_counter() - started)
    checks_made = len(texts) * args.rounds
    print(f"{len(texts)} {args.language} reviews x {args.rounds} rounds; a rule runs only on the texts the token gate")
    print("lets through (server/checks/token_gate.py): its share of the time is its mean over every review")
    print(f"{'':16} {'runs on':>8} {'µs per review':>14} {'µs when it runs: median':>24} {'mean':>8}")
    for name, values in sorted(spent.items(), key=lambda item: -sum(item[1])):
        print(
            f"{name:16} {len(values) / checks_made:8.0%} {sum(values) / checks_made * 1e6:14.1f}"
            f" {statistics.median(values) * 1e6:24.1f} {statistics.mean(values) * 1e6:8.1f}"
        )


if __name__ == "__main__":
    main()
