"""Builds the Russian word list the spelling rule draws its suggestions from.

    .venv/bin/pip install wordfreq && .venv/bin/python scripts/build_spelling_data.py

Which words are *known* is decided at run time by pymorphy3 (every inflected form of its
dictionary); this list only ranks the *suggestions* for an unknown word, so it holds the most
frequent correct forms. wordfreq (a build-time dependency only) gives the frequency order; a word
is kept when pymorphy3 knows it and the profanity rule does not flag it (a typo must never be
"corrected" into мат). Words are written with ё where the dictionary has it (пришёл, ещё), one per
line, most frequent first, gzipped: the line number is the rank.
"""
from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server.checks.document import morph  # noqa: E402
from server.checks.rules import profanity  # noqa: E402

OUT = ROOT / "server/checks/data/ru/spelling_words.txt.gz"
# Enough forms to cover what buyers write (sizes, fabrics, delivery) while staying ~0.5 MB on disk.
LIMIT = 100_000
WORD_RE = re.compile(r"[а-яё]{2,}")


def main() -> None:
    import wordfreq

    frequencies = wordfreq.get_frequency_dict("ru", "large")
    analyzer = morph()
    kept: list[str] = []
    for word, _ in sorted(frequencies.items(), key=lambda kv: -kv[1]):
        if not WORD_RE.fullmatch(word) or not analyzer.word_is_known(word) or profanity.verdict_for(word):
            continue
        parses = analyzer.parse(word)
        # Surnames and first names in lower case are known to pymorphy3 but make poor suggestions.
        if all({"Surn", "Name", "Patr", "Abbr"} & p.tag.grammemes for p in parses):
            continue
        kept.append(parses[0].word if "ё" in parses[0].word else word)
        if len(kept) >= LIMIT:
            break
    unique = list(dict.fromkeys(kept))
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(unique) + "\n")
    print(f"{len(unique)} words -> {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
