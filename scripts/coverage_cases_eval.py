"""Coverage of the four points on the hand-written cases: per-point precision / recall / F1 per language.

Cases: tests/data/coverage_cases.yaml (written for the tests, many product kinds). Scoring is the
one of scripts/coverage_eval.py: a stance counts only when its value is right.

    .venv/bin/python -m scripts.coverage_cases_eval [--part tuned|unseen|all] [--errors]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.coverage_eval import score  # noqa: E402
from server.checks.coverage import POINTS, coverage  # noqa: E402
from server.checks.document import Document  # noqa: E402

CASES = ROOT / "tests" / "data" / "coverage_cases.yaml"
_STANCE = {True: "yes", False: "no", None: None, "yes": "yes", "no": "no"}


def load_cases(path: Path = CASES, part: str = "all") -> list[tuple[str, str, dict]]:
    """[(language, text, {point: expected})] for part "tuned" (sections ``ru``/``en``), "unseen"
    (``ru_unseen``/``en_unseen``, never tuned on) or "all". YAML 1.1 reads bare yes/no as booleans."""
    with path.open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    cases = []
    for section, rows in data.items():
        language, _, unseen = section.partition("_")
        if part != "all" and (part == "unseen") != bool(unseen):
            continue
        for text, disappointment, expectations, recommend, buy_again in rows:
            cases.append((language, text, {
                "disappointment": bool(disappointment), "expectations": bool(expectations),
                "recommend": _STANCE[recommend], "buy_again": _STANCE[buy_again],
            }))
    return cases


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print the cases read wrongly")
    parser.add_argument("--part", choices=("tuned", "unseen", "all"), default="all")
    args = parser.parse_args(argv)
    print(f"{'lang':4} {'part':6} {'point':15} {'P':>5} {'R':>5} {'F1':>5} {'n':>4} {'rows':>4}")
    cases = []
    for part in ("tuned", "unseen"):
        if args.part not in ("all", part):
            continue
        part_cases = load_cases(part=part)
        cases += part_cases
        predicted = [coverage(Document(text, language)) for language, text, _ in part_cases]
        for language in sorted({c[0] for c in part_cases}):
            rows = [(gold, got) for (lang, _, gold), got in zip(part_cases, predicted) if lang == language]
            for point in POINTS:
                p, r, f1, n = score((gold[point], got[point]) for gold, got in rows)
                print(f"{language:4} {part:6} {point:15} {p:5.2f} {r:5.2f} {f1:5.2f} {n:4d} {len(rows):4d}")
    predicted = [coverage(Document(text, language)) for language, text, _ in cases]
    if args.errors:
        for (language, text, gold), got in zip(cases, predicted):
            wrong = [f"{p}: {gold[p]}->{got[p]}" for p in POINTS if (gold[p] or None) != (got[p] or None)]
            if wrong:
                print(f"[{language}] {text}\n    " + "; ".join(wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
