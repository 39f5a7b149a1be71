"""Shouting: sentences in capitals, ``!!!``/``???`` runs, stretched letters, emoji floods (warnings).

Marketplaces' guidelines ask for "no excessive capitals or punctuation"; it also makes a reader
discount the review. Single acronyms and sizes (XL, XXL, USB, ОГ) are fine.
"""
from __future__ import annotations

import re

from .. import lexicon
from .base import WARNING, Finding, TokenTest

category = "shouting"

SENTENCE_RE = re.compile(r"[^.!?…\n]+")
LETTER_WORD_RE = re.compile(r"[^\W\d_]+")
EDGES_RE = re.compile(r"[^\W_].*[^\W_]|[^\W_]", re.DOTALL)
PUNCT_RUN_RE = re.compile(r"[!?]{3,}|[!?]*(?:[!?]\s+){2,}[!?]")
STRETCH_RE = re.compile(r"([^\W\d_])\1{3,}", re.IGNORECASE)
SIZE_RE = re.compile(r"^\d*x+[sl]$", re.IGNORECASE)  # XXXL, 4XL, XXXXS are sizes, not shouting
_EMOJI = (
    r"(?:[\U0001F1E6-\U0001F1FF]{2}"
    r"|[\U0001F300-\U0001FAFF\u2600-\u27BF][\uFE0F\U0001F3FB-\U0001F3FF]?"
    r"(?:\u200D[\U0001F300-\U0001FAFF\u2600-\u27BF][\uFE0F\U0001F3FB-\U0001F3FF]?)*)"
)
EMOJI_FLOOD_RE = re.compile(rf"{_EMOJI}(?:\s*{_EMOJI}){{3,}}")
EMOJI_RE = re.compile(_EMOJI)

# Gates: each is something every finding of a sub-check contains, so a text without it is skipped
# (most reviews shout in no way, and the sub-checks cost ~20-40 µs each on a 300-character review).
# A shouting word is `w.isupper()` with len >= MIN_LONGEST_WORD: five letters none of which is lower-
# or title-case. Only ASCII and Cyrillic lower case is left out of the class, so any other letter
# (upper, lower or uncased: é, ß, 中) counts: the class holds every letter an upper-case word can have.
CAPS_WORD_RE = re.compile(r"[^\W\d_a-zа-яё]{5}")
# Four equal letters in a row, case aside (STRETCH_RE), are four equal characters in the text folded as
# re.IGNORECASE compares characters (prefilter.fold: same length, case-equal characters made equal).
REPEAT_RE = re.compile(r"(.)\1\1\1", re.DOTALL)
# Every emoji flood starts with one of these (its first emoji, or the first of a flag's two letters).
EMOJI_START_RE = re.compile(r"[\U0001F1E6-\U0001F1FF\U0001F300-\U0001FAFF\u2600-\u27BF]")

# The same gates for an ASCII text (most English reviews), with C-level bytes operations instead of
# regex scans (~5-10 µs each on a 300-character review, a class test per character):
# - CAPS_WORD_RE's class holds, among ASCII characters, exactly A-Z: five of them in a row are five
#   "U"s in the text's bytes translated by ASCII_CAPS;
# - four equal characters in a row (REPEAT_RE) in an ASCII folded text are three zero bytes in a row,
#   after the first, in ``n ^ (n >> 8)`` written in as many bytes, where n is the text's bytes read as
#   one number: byte i of it is ``text[i - 1] ^ text[i]``, zero when the two are equal;
# - every emoji flood starts with a non-ASCII character.
ASCII_CAPS = bytes(ord("U") if 65 <= i <= 90 else ord(".") for i in range(256))


def _has_ascii_repeat(folded: str) -> bool:
    """``bool(REPEAT_RE.search(folded))`` for an ASCII ``folded`` (see above)."""
    data = folded.encode("ascii")
    number = int.from_bytes(data, "big")
    return (number ^ (number >> 8)).to_bytes(len(data), "big").find(b"\0\0\0", 1) >= 0


# A sentence "shouts" when it has at least this many upper-case words and letters in them.
MIN_CAPS_WORDS, MIN_CAPS_LETTERS, MIN_LONGEST_WORD = 2, 8, 5


def _acronyms() -> frozenset[str]:
    return frozenset(a for _, data in lexicon.each_language("shouting") for a in data.get("acronyms", []))


def _calm(sentence: str, acronyms: frozenset[str]) -> str:
    """The sentence in sentence case, keeping acronyms as they are."""
    out, first = [], True
    for part in re.split(r"(\W+)", sentence):
        if part and part.isalpha() and part not in acronyms:
            part = part.capitalize() if first else part.lower()
        if part.strip():
            first = first and not part.isalpha() and not part.isalnum()
        out.append(part)
    return "".join(out)


def _caps_sentences(text: str):
    if text.isascii():
        if b"UUUUU" not in text.encode("ascii").translate(ASCII_CAPS):  # CAPS_WORD_RE, see ASCII_CAPS
            return
    elif not CAPS_WORD_RE.search(text):  # no upper-case word of MIN_LONGEST_WORD letters (see CAPS_WORD_RE)
        return
    acronyms = _acronyms()
    for m in SENTENCE_RE.finditer(text):
        if not CAPS_WORD_RE.search(m.group()):  # the same, per sentence: only shouting ones are split into words
            continue
        words = [w for w in LETTER_WORD_RE.findall(m.group()) if w not in acronyms]
        caps = [w for w in words if w.isupper() and len(w) > 1]
        if (
            len(caps) >= MIN_CAPS_WORDS
            and len(caps) == len([w for w in words if len(w) > 1])
            and sum(map(len, caps)) >= MIN_CAPS_LETTERS
            and max(map(len, caps)) >= MIN_LONGEST_WORD
        ):
            # The span runs from the first to the last letter or digit: emoji and quotes around stay out.
            inner = EDGES_RE.search(m.group())
            sentence = inner.group()
            yield Finding(
                m.start() + inner.start(), len(sentence), category, "SHOUTING_CAPS", WARNING, (_calm(sentence, acronyms),)
            )


def _punctuation_runs(text: str):
    if text.count("!") + text.count("?") < 3:  # every run PUNCT_RUN_RE matches has three marks or more
        return
    for m in PUNCT_RUN_RE.finditer(text):
        marks = "".join(ch for ch in m.group() if ch in "!?")
        calm = "?!" if "?" in marks and "!" in marks else marks[0]
        yield Finding(m.start(), len(m.group()), category, "SHOUTING_PUNCTUATION", WARNING, (calm,))


def _stretched_words(doc):
    # REPEAT_RE (cheap, see there) first; a stretched letter inside a word is one in the text.
    folded = doc.folded
    repeat = _has_ascii_repeat(folded) if folded.isascii() else REPEAT_RE.search(folded)  # see ASCII_CAPS
    if not repeat or not STRETCH_RE.search(doc.text):
        return
    for word in doc.words:
        if SIZE_RE.match(word.text) or not STRETCH_RE.search(word.text):
            continue
        calm = STRETCH_RE.sub(r"\1", word.text)
        yield Finding(word.start, len(word.text), category, "SHOUTING_STRETCHED", WARNING, (calm,), {"word": calm})


def _emoji_floods(text: str):
    first = not text.isascii() and EMOJI_START_RE.search(text)  # see ASCII_CAPS
    if not first:
        return
    for m in EMOJI_FLOOD_RE.finditer(text, first.start()):  # no flood starts before the first emoji
        yield Finding(m.start(), len(m.group()), category, "SHOUTING_EMOJI", WARNING, (EMOJI_RE.match(m.group()).group(),))


def _may_shout(token: str, folded: str) -> bool:
    """Each finding but a run of marks holds, in one token: five capitals in a row (CAPS_WORD_RE: no
    whitespace in its class), four equal letters, case aside (the gate of _stretched_words, on the folded
    token), or an emoji (the first of a flood)."""
    return (
        CAPS_WORD_RE.search(token) is not None
        or REPEAT_RE.search(folded) is not None
        or (not token.isascii() and EMOJI_START_RE.search(token) is not None)
    )


def token_test(language: str) -> TokenTest:
    """A run of marks ("!!!", "! ! !") needs a "!" or "?" in some token and three in the text."""
    return TokenTest(
        test=_may_shout,
        width=1,
        features=lambda token, folded: "!" in token or "?" in token,
        decide=lambda bits, text: text.count("!") + text.count("?") >= 3,
    )


def find(doc):
    yield from _caps_sentences(doc.text)
    yield from _punctuation_runs(doc.text)
    yield from _stretched_words(doc)
    yield from _emoji_floods(doc.text)
