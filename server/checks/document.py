"""The text under check, split into words once and shared by every rule.

Offsets are Python string indices, i.e. Unicode code points of the submitted text. The text is
never normalised as a whole (that would move offsets); rules normalise single words instead.
"""
from __future__ import annotations

import functools
import os
import re
import unicodedata
from typing import NamedTuple

from . import prefilter

# A word: letters/digits, possibly with the characters people use to mask or stretch a word
# inside it (бл*ть, х..ня, f**k, a$$, х-у-й) and trailing masks (бл*, f***).
# Combining marks (и + U+0306 = й) belong to the word they follow.
_LETTER = r"(?:[^\W_]|[\u0300-\u036f])"
_WORD = r"{letter}+(?:[*#@$%.'’_-]+{letter}+)*[*$#]*"
WORD_RE = re.compile(_WORD.format(letter=_LETTER))
# The same words in a text without combining marks (nearly every text): a plain class instead of an
# alternation per character runs twice as fast.
_PLAIN_WORD_RE = re.compile(_WORD.format(letter=r"[^\W_]"))
_COMBINING_RE = re.compile(r"[\u0300-\u036f]")


# Characters that lower() maps one to one, to a character of the same kind (letter or digit, or neither),
# none a combining mark, the letters and digits left alone by NFC: ASCII, basic Cyrillic, punctuation. In a
# text of only these, folding the text and then splitting it gives each word folded (tested for each one).
SIMPLE_FOLDING = "\x00-\x7f\u00a0-\u00bf\u0400-\u045f\u2000-\u206f"
_BEYOND_SIMPLE_FOLDING_RE = re.compile(f"[^{SIMPLE_FOLDING}]")


def word_pattern(text: str) -> re.Pattern:
    """:data:`WORD_RE`, or the faster equivalent when ``text`` has no combining mark."""
    return WORD_RE if _COMBINING_RE.search(text) else _PLAIN_WORD_RE
CYRILLIC_RE = re.compile(r"[а-яёА-ЯЁ]")
LATIN_RE = re.compile(r"[a-zA-Z]")


class Word(NamedTuple):
    # A named tuple rather than a frozen dataclass: a document makes ~200 of them per 1,000 characters,
    # and a tuple is built ~4x faster (no object.__setattr__ per field); fields and equality are the same.
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        # A cache shared by all texts rather than a cached_property per Word: each rule asks every
        # word for it, a cached_property pays a lock on each new Word, a cache hit costs ~0.1 µs.
        return folded_word(self.text)

    @property
    def is_cyrillic(self) -> bool:
        return bool(CYRILLIC_RE.search(self.text))

    @property
    def is_latin(self) -> bool:
        return bool(LATIN_RE.search(self.text))


@functools.lru_cache(maxsize=100_000)
def folded_word(text: str) -> str:
    """A word as the data files write it: lower case, composed accents, ё → е."""
    return unicodedata.normalize("NFC", text.lower()).replace("ё", "е")


@functools.lru_cache(maxsize=1024)
def token_words(token: str) -> tuple[str, ...]:
    """The words of a whitespace-free token, folded as :attr:`Word.lower` (the token gate's tests each ask)."""
    return tuple(map(folded_word, word_pattern(token).findall(token)))


class Document:
    def __init__(self, text: str, language: str):
        self.text = text
        self.language = language
        self._memo: dict = {}

    def memo(self, key: str, compute):
        """A fact about this text that several rules (or a rule and the coverage) ask for, worked out once:
        ``compute()`` on the first ask. ``key`` names the fact (prefixed with its module's name)."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = compute()
            return value

    @functools.cached_property
    def words(self) -> list[Word]:
        """Every word with its span, in text order (built on first use: rules that can tell from
        :attr:`vocabulary` that they have nothing to find never pay for ~200 span objects)."""
        return [Word(m.start(), m.end(), m.group()) for m in word_pattern(self.text).finditer(self.text)]

    @functools.cached_property
    def vocabulary(self) -> frozenset[str]:
        """The distinct words, folded as :attr:`Word.lower` folds them: a rule whose word list does not
        meet this set (one C-level set operation) has nothing to look at word by word."""
        if "words" in self.__dict__:
            return frozenset(w.lower for w in self.words)
        if not _BEYOND_SIMPLE_FOLDING_RE.search(self.text):
            # Folding the whole text at once folds each word alike (see SIMPLE_FOLDING): one C call.
            return frozenset(_PLAIN_WORD_RE.findall(self.text.lower().replace("ё", "е")))
        return frozenset(map(folded_word, word_pattern(self.text).findall(self.text)))

    @functools.cached_property
    def folded(self) -> str:
        """The text folded for the rules' literal prefilters (:func:`.prefilter.fold`), once per text."""
        return prefilter.fold(self.text)

    def lemmas(self, word: Word) -> frozenset[str]:
        """All dictionary forms a word may have (Russian through pymorphy3, others lower-cased)."""
        return lemmas_of(word.lower)


@functools.cache
def morph():
    import pymorphy3  # loaded on first use: ~40 ms and ~15 MB, not needed for English-only texts
    import pymorphy3_dicts_ru

    # The dictionary's path given, as pymorphy3 would find it (its environment variable first, then the
    # installed package): its own search scans every installed package's entry points (~30 ms).
    path = os.environ.get(pymorphy3.MorphAnalyzer.DICT_PATH_ENV_VARIABLE) or pymorphy3_dicts_ru.get_path()
    return pymorphy3.MorphAnalyzer(path=path, lang="ru")


@functools.lru_cache(maxsize=4096)
def parses(lower: str) -> tuple:
    """pymorphy3's analyses of a word, kept for the rules that ask about one new word in turn (spelling,
    insult, accusation): a word the dictionary lacks costs tens of microseconds to parse."""
    return tuple(morph().parse(lower))


@functools.lru_cache(maxsize=50_000)
def lemmas_of(lower: str) -> frozenset[str]:
    if not CYRILLIC_RE.search(lower):
        return frozenset({lower})
    return frozenset(p.normal_form.replace("ё", "е") for p in parses(lower)) | {lower}


@functools.lru_cache(maxsize=50_000)
def is_known_russian_word(lower: str) -> bool:
    """Does pymorphy3's dictionary hold the word? (Kept: several rules ask about each new word.)"""
    return morph().word_is_known(lower)
