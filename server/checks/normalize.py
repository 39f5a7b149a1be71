"""Word-level normalisation for rules that look for words people disguise.

Writers dodge word filters by swapping letters for look-alikes (``xуй`` with a Latin x, ``6лять``),
leetspeak (``sh1t``, ``a$$``), stretching letters (``хуууй``), separating letters (``б.л.я.т.ь``) or
masking them (``бл*ть``, ``f**k``). These helpers undo that for ONE word at a time, so that callers
keep offsets into the original text. Everything here is pure and cheap; callers cache per word.
"""
from __future__ import annotations

import functools
import re

CYRILLIC_RE = re.compile(r"[а-яё]", re.IGNORECASE)
LATIN_RE = re.compile(r"[a-z]", re.IGNORECASE)

# Latin letters and digits that pass for Cyrillic ones. Case matters: a capital B reads as "В",
# a small b as "б" (people write "6" for "б" too); "u" is the hand-written "и", "r" the small "г".
_LOOKALIKE = {
    "a": "а", "A": "А", "b": "б", "B": "В", "c": "с", "C": "С", "e": "е", "E": "Е", "H": "Н",
    "h": "н", "k": "к", "K": "К", "M": "М", "m": "м", "n": "п", "o": "о", "O": "О", "p": "р",
    "P": "Р", "r": "г", "T": "Т", "t": "т", "u": "и", "U": "И", "x": "х", "X": "Х", "y": "у",
    "Y": "У", "i": "и", "I": "И", "3": "з", "6": "б", "0": "о", "4": "ч", "@": "а", "9": "я",
}
LOOKALIKE_TO_CYRILLIC = str.maketrans(_LOOKALIKE)
LOOKALIKE_CHARS = frozenset(_LOOKALIKE)

# Leetspeak in Latin words: digits and signs standing for letters (sh1t, f4ck, a$$hole, 5hit).
LEET_TO_LATIN = str.maketrans({"0": "o", "1": "i", "!": "i", "|": "l", "3": "e", "4": "a", "@": "a",
                               "$": "s", "5": "s", "7": "t"})
LEET_CHARS = frozenset("01!|34@$57")

# Characters that mask letters: any run of them stands for one or more hidden letters.
MASK_RUN_RE = re.compile(r"[*#%]+|\.{2,}|…")
# Characters people put between letters to split a word up: б.л.я.т.ь, х-у-й, f_u_c_k.
SEPARATORS_RE = re.compile(r"[.\-_'’]+")
REPEAT_RE = re.compile(r"(\w)\1+")
LONG_REPEAT_RE = re.compile(r"(\w)\1{2,}")


def fold(word: str) -> str:
    """Lower case with ё→е, the form all data files are written in."""
    return word.lower().replace("ё", "е")


def plain_letters(lowered: str) -> str:
    """A lower-case text with ё as е and typographic apostrophes as ', the form the coverage patterns read."""
    return lowered.replace("ё", "е").replace("’", "'").replace("`", "'")


def has_cyrillic(word: str) -> bool:
    return bool(CYRILLIC_RE.search(word))


def has_latin(word: str) -> bool:
    return bool(LATIN_RE.search(word))


def cyrillize(word: str) -> str:
    """Latin look-alikes and digits → Cyrillic (``xуй`` → ``хуй``, ``6лять`` → ``блять``, ``пu3дец``)."""
    return fold(word.translate(LOOKALIKE_TO_CYRILLIC))


def cyrillic_readings(word: str) -> tuple[str, ...]:
    """The Cyrillic readings of a word with look-alikes: a Latin "u" is the hand-written "и" (пuздец)
    or the sound "у" (cuка), so a word with one has two readings."""
    first = cyrillize(word)
    if "u" not in word.lower():
        return (first,)
    return (first, cyrillize(word.replace("u", "у").replace("U", "У")))


def all_lookalikes(word: str) -> bool:
    """True when every character of a Latin word can pass for Cyrillic (``CYKA``, ``xyu``)."""
    return bool(word) and all(ch in LOOKALIKE_CHARS for ch in word)


def unleet(word: str) -> str:
    """Leetspeak → Latin letters (``sh1t`` → ``shit``, ``a$$hole`` → ``asshole``)."""
    return word.translate(LEET_TO_LATIN).lower()


def collapse_repeats(word: str) -> str:
    """Every run of one letter becomes a single letter (``хуууй`` → ``хуй``, ``ссука`` → ``сука``)."""
    # (Searched first: most words have no run, and a substitution with a template costs ~5x a search.)
    return REPEAT_RE.sub(r"\1", word) if REPEAT_RE.search(word) else word


def shorten_repeats(word: str) -> str:
    """Runs of three or more become two (``assss`` → ``ass``), for words that need a double letter."""
    return LONG_REPEAT_RE.sub(r"\1\1", word)


def join_separated(word: str) -> str:
    """Drops the separators people put between letters (``б.л.я.т.ь`` → ``блять``)."""
    return SEPARATORS_RE.sub("", word)


def is_masked(word: str) -> bool:
    return bool(MASK_RUN_RE.search(word))


def shortest_unmasked(word: str) -> int:
    """The length of the shortest word :func:`mask_regex` of ``word`` matches whole (each run of n mask characters
    stands for at least n-1 letters, and at least one)."""
    runs = [m.group() for m in MASK_RUN_RE.finditer(word)]
    return len(word) - sum(map(len, runs)) + sum(1 if run == "…" else max(1, len(run) - 1) for run in runs)


@functools.lru_cache(maxsize=4096)
def mask_regex(word: str) -> re.Pattern | None:
    """A regex for the words a masked word may stand for (``бл*ть`` → ``бл\\w{1,3}ть``).

    People rarely count hidden letters exactly (``п***ц`` hides four in "пиздец"), so a run of n
    mask characters stands for n-1 … n+2 letters. Returns None when too little is left to go on:
    no visible letter (``*****``), or a single one with a single mask character (``s*``, ``Б*``,
    a footnote), which could stand for anything.
    """
    letters = sum(ch.isalpha() for ch in MASK_RUN_RE.sub("", word))
    hidden = sum(len(m.group()) for m in MASK_RUN_RE.finditer(word))
    if letters == 0 or (letters == 1 and hidden < 2):
        return None
    parts, last = [], 0
    for m in MASK_RUN_RE.finditer(word):
        parts.append(re.escape(word[last : m.start()]))
        hidden = 2 if m.group() == "…" else len(m.group())
        parts.append(rf"\w{{{max(1, hidden - 1)},{hidden + 2}}}")
        last = m.end()
    parts.append(re.escape(word[last:]))
    return re.compile("".join(parts))
