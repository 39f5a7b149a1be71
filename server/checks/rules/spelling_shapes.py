"""What the spelling rule can tell from a word's shape and place alone: its script, whether it is a word
a spell checker should judge at all, whether it starts a sentence."""
from __future__ import annotations

import re

from .. import normalize

MIN_LENGTH = 3
MAX_LENGTH = 40  # longer tokens are no words a buyer meant to spell (and would make look-ups slow)
# Characters that make a token something other than a plain word: digits (5см, 34b, iPhone13),
# masks and dots (бл*ть, ozon.ru), underscores (user_name).
NOT_A_PLAIN_WORD_RE = re.compile(r"[\d*#@$%._]")
RU_VOWELS_RE = re.compile(r"[аеёиоуыэюя]", re.IGNORECASE)
# What may stand before a sentence's first word; after anything else a capital marks a name.
SENTENCE_END = ".!?…\n"


def _in_script(word: str, language: str) -> bool:
    """Cyrillic words in a Russian review, plain Latin words in an English one (café, Xiaomi-Ещё: no)."""
    if language == "ru":
        return normalize.has_cyrillic(word) and not normalize.has_latin(word)
    return word.replace("’", "'").isascii() and normalize.has_latin(word)


def _starts_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (text[i].isspace() or text[i] in "«\"'“„(-—–*•"):
        if text[i] == "\n":
            return True
        i -= 1
    return i < 0 or text[i] in SENTENCE_END or not (text[i].isalnum() or text[i] in ",;:")


def _odd_token(w: str) -> bool:
    """Tokens that are not the kind of word a spell checker should judge, whatever stands around them."""
    if not MIN_LENGTH <= len(w) <= MAX_LENGTH or NOT_A_PLAIN_WORD_RE.search(w):
        return True
    letters = w.replace("-", "").replace("'", "").replace("’", "")
    if letters.isupper():  # acronyms and sizes: ПВЗ, XL, USB
        return True
    if not RU_VOWELS_RE.search(w) and normalize.has_cyrillic(w):  # лнр, гсм, кскс: abbreviations
        return True
    return any(ch.isupper() for ch in letters[1:])  # iPhone, McDonald, МегаМаркет: names
