"""Tells which language a review is written in.

Reviews are short and mixed: Russian text is full of Latin brand and model names ("iPhone 15 Pro",
"XL"), English text may quote a Russian word. So the decision is made on words, not letters: Cyrillic
words count fully, Latin words count fully only when they are common words of a Latin-script
language, and half otherwise (they are most likely names). Profiles of supported languages live in
``data/<lang>/language.yaml``; ``data/detection.yaml`` profiles languages we recognise but do not
support yet, so that a German or Ukrainian review gets a clear "not supported" instead of being
checked as English or Russian.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from . import lexicon

LETTER_WORD_RE = re.compile(r"[^\W\d_]+")
# Addresses, e-mails and handles are Latin whatever the review's language: they do not vote.
# (Checked token by token: one regex over the whole text would backtrack quadratically on long words.)
ADDRESS_RE = re.compile(r"://|www\.|@|\.[a-zа-я]{2,}/", re.IGNORECASE)


def _without_addresses(lowered: str) -> str:
    if "@" not in lowered and "/" not in lowered and "www." not in lowered:
        return lowered  # every address holds one of these (most reviews: no token to test, ~25 µs saved)
    return " ".join(token for token in lowered.split() if not ADDRESS_RE.search(token))
CYRILLIC = "cyrillic"
LATIN = "latin"


class UnsupportedLanguage(ValueError):
    def __init__(self, detected: str):
        self.detected = detected
        supported = ", ".join(lexicon.languages())
        super().__init__(
            f"The text looks like '{detected}', which is not supported yet; supported languages: {supported}."
        )


@functools.cache
def _profiles() -> dict[str, dict]:
    """Every profile we know, supported or not: {code: {script, letters, words, supported}}."""
    detection = lexicon.read_yaml(lexicon.DATA_DIR / "detection.yaml")
    profiles = {code: dict(p, supported=False) for code, p in detection.items()}
    for code in lexicon.languages():
        p = lexicon.load(code, "language")
        profiles[code] = {
            "script": p["script"],
            "letters": p.get("distinctive_letters", ""),
            "words": p.get("common_words", []),
            "supported": True,
        }
    for p in profiles.values():
        p["words"] = frozenset(p["words"])
    return profiles


@functools.lru_cache(maxsize=4096)
def _script(letter: str) -> str:
    name = unicodedata.name(letter, "")
    if name.startswith("CYRILLIC"):
        return CYRILLIC
    if name.startswith("LATIN"):
        return LATIN
    return name.split(" ")[0].lower() or "unknown"


@functools.cache
def _index() -> tuple[dict[str, tuple[str, ...]], dict[str, list[tuple[str, frozenset[str]]]]]:
    """Lookup tables built once: word -> languages using it; script -> [(language, its letters)]."""
    words: dict[str, tuple[str, ...]] = {}
    letters: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for code, p in _profiles().items():
        for word in p["words"]:
            words[word] = (*words.get(word, ()), code)
        if p["letters"]:
            letters.setdefault(p["script"], []).append((code, frozenset(p["letters"])))
    return words, letters


def detect(text: str, fallback: str = "ru") -> str:
    """Language code of ``text``; ``fallback`` when the text has no words at all (")))", "5/5")."""
    words = LETTER_WORD_RE.findall(_without_addresses(text.lower()))
    if not words:
        return fallback
    script_weight: dict[str, float] = {}
    language_score: dict[str, float] = {}
    for word in words:
        script, weight, scores = _evidence(word)
        script_weight[script] = script_weight.get(script, 0.0) + weight
        for code, score in scores:
            language_score[code] = language_score.get(code, 0.0) + score
    if not any(script_weight.values()):
        return fallback
    profiles = _profiles()
    script = max(script_weight, key=script_weight.get)
    candidates = {c: p for c, p in profiles.items() if p["script"] == script}
    if not candidates:
        raise UnsupportedLanguage(script)
    # Ties go to the supported language (a Latin text of brand names only is English here).
    best = max(candidates, key=lambda c: (language_score.get(c, 0.0), candidates[c]["supported"]))
    if not candidates[best]["supported"]:
        raise UnsupportedLanguage(best)
    return best


@functools.lru_cache(maxsize=50_000)
def _evidence(word: str) -> tuple[str, float, tuple[tuple[str, float], ...]]:
    """What one word says, cached per word: (its script, its weight for that script, (language, score)...).

    The scores are sums of small whole numbers, exact in floating point, so adding a word's total at once
    gives the same figures as adding its parts one by one."""
    profiles = _profiles()
    language_words, script_letters = _index()
    scores: dict[str, float] = {}
    script = _script(word[0])
    in_profiles = [c for c in language_words.get(word, ()) if profiles[c]["script"] == script]
    # A Latin word that no language lists counts half (a brand name), and nothing when shorter than
    # three letters: sizes (S, XL) and pieces of codes ("8f3a") say nothing about the language; a
    # one-letter word is weak evidence even when a language lists it ("a", "e", "i").
    if script != LATIN:
        weight = 1.0
    elif in_profiles:
        weight = 1.0 if len(word) > 1 else 0.25
    else:
        weight = 0.5 if len(word) >= 3 else 0.0
    for code in in_profiles:
        scores[code] = scores.get(code, 0.0) + 1.0
    for code, letters in script_letters.get(script, ()):
        if not letters.isdisjoint(word):
            scores[code] = scores.get(code, 0.0) + 2.0 * sum(ch in letters for ch in word)
    return script, weight, tuple(scores.items())
