"""Whole words a pattern needs, tested on a text's vocabulary rather than on its characters.

The literals of :mod:`..prefilter` are substrings: ``\\bcon\\s+(?:artists?|men)`` needs "con", which
"second" and "concern" hold, and ``\\b(?:kill|end)\\b`` needs "end", which "recommend" holds. Many
patterns need more: a *word*, the letters between two non-alphanumeric characters. :func:`word_sets`
reads them from the parsed pattern: a run of plain letters (or a group of such runs, one per branch)
with a delimiter on both sides (``\\b``, ``\\s+``, a space or an apostrophe in the pattern). Every match
then spans that run whole, so the text has it as a maximal run of letters and digits, and
:func:`text_runs` has it too: every such run of the text is inside one of its words (a word is letters
and digits joined by marks), so it is one of the pieces of a word of :attr:`Document.vocabulary`.

Only ASCII texts are tested this way (:func:`text_runs` gives None otherwise): there the vocabulary is
the text's words lower-cased character by character, and a case-insensitive match of an ASCII letter
is that letter in either case. Other texts go on to the regexes, as before.
"""
from __future__ import annotations

import functools
import re
from re import _parser as sre  # noqa: the parsed form of a pattern, as re itself builds it

RUN_RE = re.compile(r"[^\W_]+")


def _plain(c: int) -> bool:
    """An ASCII letter or digit: it matches, case-insensitively, only itself in either case in an ASCII text."""
    return chr(c).isascii() and chr(c).isalnum()


def _delimiter(c: int) -> bool:
    """A character that is no letter or digit, and has no other case that could be one."""
    ch = chr(c)
    return not ch.isalnum() and ch.lower() == ch.upper() == ch


def _in_delimits(av) -> bool:
    """A class of delimiters only (\\s, \\W, ['’ ])."""
    spaces = (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD)
    return bool(av) and all((op is sre.LITERAL and _delimiter(v)) or (op is sre.CATEGORY and v in spaces) for op, v in av)


def _starts_delimited(items: list, after: bool) -> bool:
    """Does whatever ``items`` match start with a delimiter (or, when empty, is what follows ``after``)?"""
    if not items:
        return after
    op, av = items[0]
    if op is sre.AT:
        return av is sre.AT_BOUNDARY  # right after a letter: a non-word character or the end follows
    if op is sre.LITERAL:
        return _delimiter(av)
    if op is sre.IN:
        return _in_delimits(av)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        # An optional item: what follows it must start with a delimiter too.
        return _starts_delimited(list(av[2]), False) and (av[0] >= 1 or _starts_delimited(items[1:], after))
    if op is sre.SUBPATTERN:
        return _starts_delimited(list(av[3]) + items[1:], after)
    if op is sre.BRANCH:
        return all(_starts_delimited(list(branch) + items[1:], after) for branch in av[1])
    return False


def _ends_delimited(op, av) -> bool:
    """Does whatever the item matches end with a delimiter?"""
    if op is sre.LITERAL:
        return _delimiter(av)
    if op is sre.IN:
        return _in_delimits(av)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return av[0] >= 1 and bool(av[2]) and _ends_delimited(*list(av[2])[-1])
    if op is sre.SUBPATTERN:
        return bool(av[3]) and _ends_delimited(*list(av[3])[-1])
    if op is sre.BRANCH:
        return all(branch and _ends_delimited(*list(branch)[-1]) for branch in av[1])
    return False


def _leading_word(items: list, after: bool) -> str | None:
    """The plain letters ``items`` start with, when a delimiter (or what follows, ``after``) ends them."""
    k = 0
    while k < len(items) and items[k][0] is sre.LITERAL and _plain(items[k][1]):
        k += 1
    if k and _starts_delimited(items[k:], after):
        return "".join(chr(c) for _, c in items[:k]).lower()
    return None


def _branches(op, av) -> list | None:
    if op is sre.SUBPATTERN:
        inner = list(av[3])
        return _branches(*inner[0]) if len(inner) == 1 else [inner]
    if op is sre.BRANCH:
        return [list(b) for b in av[1]]
    return None


def _sets(items: list, after: bool) -> list[frozenset]:
    found, delimited = [], False  # delimited: the character before the current item is no letter
    for i, (op, av) in enumerate(items):
        if delimited:
            rest = _starts_delimited(items[i + 1 :], after)
            if op is sre.LITERAL and _plain(av):
                word = _leading_word(items[i:], after)
                if word:
                    found.append(frozenset({word}))
            elif (branches := _branches(op, av)) is not None:
                words = [_leading_word(b, rest) for b in branches]
                if all(words):
                    found.append(frozenset(words))
        optional = op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] == 0
        # An optional item leaves a delimiter before it in place when it also ends with one ("\\s+(?:just\\s+)?").
        delimited = (
            (op is sre.AT and av is sre.AT_BOUNDARY)
            or _ends_delimited(op, av)
            or (delimited and optional and bool(av[2]) and _ends_delimited(*list(av[2])[-1]))
        )
    return found


@functools.lru_cache(maxsize=None)
def word_sets(source: str, flags: int = 0) -> tuple[frozenset, ...]:
    """Sets of lower-case words: each match of the pattern holds a word of each set as a maximal run of
    letters and digits (in an ASCII text). Empty when no such word is found."""
    return tuple(dict.fromkeys(_sets(list(sre.parse(source, flags)), False)))


def text_runs(text: str, vocabulary: frozenset) -> frozenset | None:
    """The maximal runs of letters and digits of an ASCII text, lower-cased; None for other texts."""
    if not text.isascii():
        return None
    joined = {run for word in vocabulary if not word.isalnum() for run in RUN_RE.findall(word)}
    return vocabulary | joined if joined else vocabulary


def may_match(sets: tuple[frozenset, ...], runs: frozenset | None) -> bool:
    """False when the text whose :func:`text_runs` are ``runs`` lacks a word of one of ``sets``."""
    if runs is None:
        return True
    for words in sets:
        if words.isdisjoint(runs):
            return False
    return True
