"""Whole-word gates: words every match of a pattern holds as words of the text, read from the regex.

A substring test costs ~0.4 µs on a 300-character review, a look-up in ``doc.vocabulary`` (the
text's distinct folded words) ~0.05 µs; advertising has a dozen patterns a language, each with a
few words to look for. :func:`gates` cuts a pattern's parsed form at its top-level whitespace into
runs of literal letters and whitespace (``(?:for\\s+sale|in\\s+stock)``) and keeps, of each run's
spellings, the words with whitespace (or, at the pattern's start, a ``(?<!\\w)`` lookbehind) before
them and whitespace after them: every match holds one such word of each kept set as a whole word.

Why such a word is in the vocabulary, for a text of characters that ``document.SIMPLE_FOLDING``
lists (ASCII, say; callers check): its letters are a-z or а-я (not ё), and IGNORECASE equates no
other character of that range with them, so the text's letters there are the word in lower or
upper case, and the vocabulary's word is their lower case; the word ends at the whitespace after
it (document.WORD_RE joins words over ``*#@$%.'’_-`` only) and starts after whitespace, or after a
non-word character (the lookbehind). That character may be one of those joiners gluing it to the
word in front ("self-check out"): :func:`glued_words` finds those in the folded text (there the
text's lower case).
"""
from __future__ import annotations

import itertools
import re
from re import _parser as sre  # noqa: the parsed form of a pattern, as re itself builds it
from typing import NamedTuple

JOINED_RE = re.compile(r"[*#@$%.'’-]([^\W_]+)")
LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщъыьэюя")
MAX_FORMS = 256  # a run with more spellings than this is not used (costs time when compiled only)
_SPACE = [(sre.CATEGORY, sre.CATEGORY_SPACE)]
_NOT_WORD = [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_WORD)])]


def _starts_with_space(items) -> bool:
    """Whether every match of the parsed sequence ``items`` starts with a whitespace character."""
    if not items:
        return False
    op, av = items[0]
    if op is sre.IN:
        return list(av) == _SPACE
    if op is sre.LITERAL:
        return chr(av).isspace()
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, body = av
        return _starts_with_space(list(body)) and (low >= 1 or _starts_with_space(items[1:]))
    if op is sre.SUBPATTERN:
        return _starts_with_space(list(av[3]) + list(items[1:]))
    if op is sre.BRANCH:
        return all(_starts_with_space(list(branch) + list(items[1:])) for branch in av[1])
    return False


def _forms(items) -> list[str] | None:
    """Every string the sequence matches, whitespace written " ", if it is letters of LETTERS and whitespace only."""
    forms = [""]
    for op, av in items:
        if op is sre.LITERAL:
            char = chr(av).lower()
            options = [" "] if char.isspace() else [char] if char in LETTERS else None
        elif op is sre.IN:
            if list(av) == _SPACE:
                options = [" "]
            elif all(kind is sre.LITERAL and chr(c).lower() in LETTERS for kind, c in av):
                options = sorted({chr(c).lower() for _, c in av})
            else:
                options = None
        elif op is sre.SUBPATTERN:
            options = _forms(av[3]) if not av[1] and not av[2] else None  # no (?-i:...)
        elif op is sre.BRANCH:
            each = [_forms(branch) for branch in av[1]]
            options = None if None in each else sorted(set(itertools.chain(*each)))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, body = av
            inner = _forms(body)
            if inner is None:
                options = None
            elif set(inner) == {" "} and low >= 1:
                options = [" "]  # \s+: one or more whitespace characters, a separator all the same
            elif (low, high) == (0, 1):
                options = ["", *inner]
            elif (low, high) == (1, 1):
                options = inner
            else:
                options = None
        else:
            options = None
        if options is None or len(forms) * len(options) > MAX_FORMS:
            return None
        forms = [f + o for f in forms for o in options]
    return forms


def _is_space(item) -> bool:
    """Whether the parsed item matches whitespace only, at least one character (``\\s``, ``\\s+``, " ")."""
    return _forms([item]) == [" "]


class Gates(NamedTuple):
    """Necessary conditions of a match, cheapest first: words of ``plain`` sets and of ``glued`` sets
    are whole words of the text (the latter may be glued after a joiner: see JOINED_RE); one of
    ``substrings`` is in the folded text (a run's spellings, whatever is around them)."""

    plain: tuple[frozenset[str], ...]
    glued: tuple[frozenset[str], ...]
    substrings: tuple[str, ...]


def selective(strings) -> tuple:
    """Sort key: sets of longer, then fewer, strings first (short words are in most texts)."""
    return -min(map(len, strings)), len(strings)


def gates(source: str, keep: int = 2) -> Gates:
    """The pattern's gates (see above): the ``keep`` most selective word sets.

    The pattern is cut at its top-level whitespace (``\\s+``) into runs of words; for a run with
    whitespace (or the lookbehind) before it and whitespace after it, each spelling's first whole
    word makes one set and each spelling's last whole word another. Each run's spellings without
    whitespace give the substrings (the longest piece of each spelling)."""
    items = list(sre.parse(source, re.IGNORECASE))
    start, after_non_word = 0, False
    while start < len(items) and items[start][0] in (sre.ASSERT, sre.ASSERT_NOT) and items[start][1][0] == -1:
        op, (_, body) = items[start]
        after_non_word |= op is sre.ASSERT_NOT and list(body) == _NOT_WORD
        start += 1
    plain, glued, substrings, i = [], [], [], start
    while i < len(items):
        end = i
        while end < len(items) and not _is_space(items[end]) and _forms([items[end]]) is not None:
            end += 1
        if end == i:
            i += 1
            continue
        forms = _forms(items[i:end]) or []
        pieces = {max(form.split(" "), key=len) for form in forms}
        if forms and "" not in pieces:
            substrings.append(frozenset(p for p in pieces if not any(q != p and q in p for q in pieces)))
        space_before = (i == start and after_non_word) or (i > start and _is_space(items[i - 1]))
        space_after = _starts_with_space(items[end:])
        firsts, lasts = set(), set()
        for form in forms:
            parts = form.split(" ")
            last = len(parts) - 1
            whole = [(k, w) for k, w in enumerate(parts) if w and (k or space_before) and (k < last or space_after)]
            if not whole:
                firsts = lasts = set()
                break
            firsts.add(whole[0])
            lasts.add(whole[-1])
        for chosen in (firsts, lasts):
            if chosen:
                # A word right after the lookbehind may be glued to the word before it.
                kind = glued if any(k == 0 and i == start for k, _ in chosen) else plain
                kind.append(frozenset(w for _, w in chosen))
        i = end
    kept = sorted(set(plain) | set(glued), key=selective)[:keep]
    best = sorted(set(substrings), key=substring_key)
    substrings = tuple(sorted(best[0])) if best else ()
    return Gates(tuple(s for s in kept if s in plain), tuple(s for s in kept if s not in plain), substrings)


def substring_key(strings) -> tuple:
    """Sort key for substring sets: fewer strings first, but strings of one or two letters last."""
    return min(map(len, strings)) < 3, len(strings), -min(map(len, strings)), sorted(strings)


def glued_words(words: frozenset[str], folded: str) -> frozenset[str]:
    """Which of ``words`` the text has right after a joiner (see above)."""
    return words.intersection(JOINED_RE.findall(folded))
