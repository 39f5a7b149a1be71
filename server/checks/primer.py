"""The checker's facts about a language's common tokens, known before the first review (the service's warm-up).

A fresh process knows no token: the first reviews it checks pay for every token's first look (its literal scan
and each rule's per-word test, ~20-60 µs a token), three times what a review of known tokens costs. A service
starts its workers that way after every deploy and, with ``max_requests``, every 20,000 requests. So the
warm-up hands the token gate (:mod:`.token_gate`) its values for each language's common tokens, and the
spelling gate the common words it can never report:

- the most frequent words of the language's ranked word list (the spelling rule's,
  :mod:`.spelling_dictionaries`), as written (with ё) and folded, and the language's letters as one-letter
  words, lower case or capitalised, bare or before a comma, a full stop or an exclamation mark (the shapes of
  about half the distinct tokens of real reviews);
- numbers up to 999 and short runs of the marks reviews use alone ("!!!", ")))", "-").

Rare and misspelt words, where most of a review's first-sight time goes, stay to be seen.

A token's value is what :func:`.token_gate.scan` returns, a fact about the token alone; the values are worked
out once (~6 s a language) and kept in the cache folder (:mod:`.disk_cache`) under a fingerprint of every
file of the checker and of the dictionaries it asks, so that a changed rule or word list is never answered
from an old file. They hold words of public word lists and numbers, nothing from a checked text.
"""
from __future__ import annotations

import functools
import sys
import unicodedata
from pathlib import Path

from . import disk_cache, spelling_dictionaries, token_gate
from .document import folded_word, morph
from .rules import spelling_gate

PRIMED_WORDS = 50_000  # per language, most frequent first (measured: more words add little, see docs/benchmarks.md)
TAILS = ("", ",", ".", "!")  # what follows a word in its token, most often
MARKS = "!?.,()-–—+*:;"
_CHECKER = Path(__file__).resolve().parent


def _shapes(word: str) -> list[str]:
    """The tokens primed for a word, in the order of its values: lower case with each tail, then capitalised."""
    capitalised = word[:1].upper() + word[1:]
    return [word + tail for tail in TAILS] + [capitalised + tail for tail in TAILS]


class PrimedTokens:
    """The gate's values for the common words' shapes, kept per word (one of a few shared tuples per word, not
    a string and a value per token: ~3 MB a language rather than ~25 MB); :meth:`get` answers for a token, as a
    dict would (None for a token not primed)."""

    def __init__(self, values: dict[str, tuple[int, ...]]):
        self.values = values

    def get(self, token: str) -> int | None:
        tail = token[-1] if token[-1] in TAILS else ""
        core = token[:-1] if tail else token
        first = core[:1]
        lowered = first.lower()
        found = self.values.get(core if lowered == first else lowered + core[1:])
        if found is None:
            return None
        if lowered == first:
            return found[TAILS.index(tail)]
        # Capitalised: the word's capitalised shape, exactly (not a word whose first letter lower-cases to it).
        return found[len(TAILS) + TAILS.index(tail)] if lowered.upper() == first else None

    def __len__(self) -> int:
        return len(self.values)


def common_words(language: str) -> list[str]:
    """The words primed for a language (none without a ranked word list): see the module's doc."""
    ranked = list(dict.fromkeys(spelling_dictionaries.ranked_words(language)))[:PRIMED_WORDS]
    if not ranked:
        return []
    written = spelling_dictionaries.suggestion_words(language).spelled  # folded → as written, where they differ
    letters = sorted({ch for word in ranked for ch in word if ch.isalpha()})
    numbers = [str(n) for n in range(1000)]
    marks = [mark * run for mark in MARKS for run in (1, 2, 3)]
    words = ranked + [written[w] for w in ranked if w in written] + letters + numbers + marks
    return list(dict.fromkeys(words))


def _fingerprint(language: str) -> str:
    """Everything a token's value is derived from: the checker's code and data files, the dictionaries behind
    its known words, the Python and Unicode versions that its regexes and case folding follow."""
    files = sorted(p for p in _CHECKER.rglob("*") if p.suffix in (".py", ".yaml", ".gz") and "__pycache__" not in p.parts)
    return disk_cache.fingerprint(
        language, PRIMED_WORDS, TAILS, MARKS, sys.version, unicodedata.unidata_version, *files, *_dictionaries()
    )


def _dictionaries() -> tuple:
    """What the rules' known words come from: pymorphy3 and its Russian dictionary, pyspellchecker's English list."""
    import pymorphy3

    return pymorphy3.__version__, sorted(morph().dictionary.meta.items()), spelling_dictionaries.english_key()


@functools.cache
def primed(language: str) -> tuple[PrimedTokens, frozenset[str]]:
    """The gate's values for :func:`common_words`' shapes, and the folded ones among those words that spelling
    can never report (read from the cache folder when worked out before)."""

    def work_out() -> tuple[dict[str, tuple[int, ...]], frozenset[str]]:
        words = common_words(language)
        shared: dict[tuple, tuple] = {}  # a few hundred distinct tuples for 20,000 words: each kept (and pickled) once
        values = {
            word: shared.setdefault(found := tuple(token_gate.scan(language, t) for t in _shapes(word)), found)
            for word in words
        }
        folded = {word if (f := folded_word(word)) == word else f for word in words}  # (the same strings: pickled once)
        return values, frozenset(w for w in folded if spelling_gate.never_reported(language, w))

    values, never_reported = disk_cache.cached(f"primer-{language}", _fingerprint(language), work_out)
    return PrimedTokens(values), never_reported


def prime(languages) -> None:
    """Give each language's gates its common tokens' facts (the service's warm-up: workers forked from a
    preloaded master share them)."""
    for language in languages:
        tokens, never_reported = primed(language)
        if len(tokens):
            token_gate.prime(language, tokens)
            spelling_gate.remember_never_reported(language, never_reported)
