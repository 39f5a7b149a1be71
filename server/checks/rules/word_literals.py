"""Whole words a pattern needs, tested on a text's vocabulary rather than on its characters.

The literals of :mod:`..prefilter` are substrings: ``\\bcon\\s+(?:artists?|men)`` needs "con", which
"second" and "concern" hold, and ``\\b(?:kill|end)\\b`` needs "end", which "recommend" holds. Many
patterns need more: a *word*, a run of letters and digits with no letter or digit on either side.
:func:`word_sets` reads sets of such words from the parsed pattern (advertising, threat and accusation
use them); :func:`text_runs` gives a text's runs and :func:`may_match` tells whether it has a word of
each set. A substring test costs ~0.4 µs on a 300-character review, a set operation ~0.05 µs.

The derivation spells out what each piece of the pattern matches as *forms*: strings of lower-case
letters and digits (the pattern's literal ASCII letters and digits), ``" "`` (a break: one or more
characters that are no letter or digit, or a zero-width assertion that there is one or the text's
edge: ``\\s``, ``\\W``, ``[ '’-]``, ``\\b``, ``(?<!\\w)``, ``(?!\\w)``, ``^``, ``$``) and ``"?"`` (any
characters, none included: anything else, ``\\w+``, a long alternation). A form always over-approximates:
every string the piece matches fits one of its forms (``"?"`` may always stand for more; ``"? ?"``
becomes ``"?"``), so a run of letters with a break on both sides in a form is a maximal run of letters
and digits of the text wherever that form matches. Each set returned holds one such word of every form
of some stretch every match goes through: the words all forms share, each form's first, each form's
last (``(?:for\\s+sale|in\\s+stock)\\s+`` gives {for, in} and {sale, stock}). Forms are multiplied out
piece by piece; when they grow past MAX_FORMS, the sets found so far are kept and each form is cut to
what a later word may still need (its head and tail, the middle becoming ``"?"``). A set from one branch
of an alternation or an optional piece is not needed by every match: a branch contributes only the
union of a set from each of its branches, an optional piece none.

Why a gate never rejects a text the pattern matches: the test runs on ASCII texts only (:func:`text_runs`
gives None otherwise). There a case-insensitive (or case-sensitive) match of an ASCII letter or digit is
that character in either case, a break character is no letter or digit, and every maximal run of letters
and digits of the text lies in one word of ``document.WORD_RE`` (letters and digits joined by
``*#@$%.'’_-``) as a maximal run of it; :attr:`.Document.vocabulary` holds those words lower-cased, so
their runs (:func:`text_runs`) are the text's runs, lower-cased: a word glued to another by a joiner
("self-check out") is one of them too. Non-ASCII literals (Russian patterns) are ``"?"``: no sets.
"""
from __future__ import annotations

import functools
import re
import sys
from re import _parser as sre  # noqa: the parsed form of a pattern, as re itself builds it

from .. import disk_cache
from .base import ALWAYS, TokenTest

RUN_RE = re.compile(r"[^\W_]+")
MAX_FORMS = 256  # forms kept per piece before they are cut to head and tail (costs time when derived only)
_SYMBOLS_RE = re.compile(r"[ ?]{2,}")  # runs of breaks and "?" to simplify (see _normal)
_WHOLE_RE = re.compile(r"(?<= )[^ ?]+(?= )")  # a run of letters with a break on both sides
_HEAD_RE = re.compile(r"[ ?]*[^ ?]*[ ?]*")  # a form's first run of letters and what surrounds it
_TAIL_RE = re.compile(r"[ ?]*[^ ?]*[ ?]*\Z")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_BREAK_CATEGORIES = (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD)
_NOT_A_BREAK_AT = (sre.AT_NON_BOUNDARY,)  # every other AT (\b, ^, $, \A, \Z) has a break or the edge beside it


def _char(c: int) -> str:
    """A literal's form: an ASCII letter or digit itself (lower case), a caseless non-letter a break."""
    ch = chr(c)
    if ch.isascii() and ch.isalnum():
        return ch.lower()
    return " " if not ch.isalnum() and ch.lower() == ch.upper() == ch else "?"


def _class(av) -> set[str]:
    """The forms of one character of a class ``[...]``."""
    if av and av[0][0] is sre.NEGATE:  # [^\w...]: no letter, digit or underscore
        return {" "} if (sre.CATEGORY, sre.CATEGORY_WORD) in av[1:] else {"?"}
    forms = set()
    for op, v in av:
        if op is sre.LITERAL:
            forms.add(_char(v))
        else:
            forms.add(" " if op is sre.CATEGORY and v in _BREAK_CATEGORIES else "?")
    return {"?"} if "?" in forms else forms


def _simplify(run: re.Match) -> str:
    run = run.group()
    if "?" not in run:
        return " "
    return (" " if run[0] == " " else "") + "?" + (" " if run[-1] == " " else "")


def _normal(form: str) -> str:
    return _SYMBOLS_RE.sub(_simplify, form) if len(form) > 1 else form


def _cut(form: str) -> str:
    """The form with its middle as "?": its first and last runs of letters, and the breaks beside them."""
    head, tail = _HEAD_RE.match(form).group(), _TAIL_RE.search(form).group()
    return form if len(head) + len(tail) >= len(form) else _normal(head + "?" + tail)


def _selective(words) -> tuple:
    """Sort key: sets of longer, then fewer, words first (short words are in most texts)."""
    return -min(map(len, words)), len(words), sorted(words)


def _sets(forms, around: str = "?") -> list[frozenset]:
    """Sets holding a whole word of each of ``forms`` (``around``: what may stand at their edges)."""
    wholes = [_WHOLE_RE.findall(around + form + around) for form in forms]
    if not wholes or not all(wholes):
        return []
    common = set(wholes[0]).intersection(*wholes[1:])
    return [frozenset({w}) for w in common] + [frozenset(w[0] for w in wholes), frozenset(w[-1] for w in wholes)]


def _join(forms: set[str], more: set[str], sets: list) -> set[str]:
    joined = {_normal(f + g) for f in forms for g in more}
    if len(joined) > MAX_FORMS:
        sets.extend(_sets(forms))  # words whole within the forms so far: keep them, then cut the forms
        joined = {_normal(f + g) for f in {_cut(f) for f in forms} for g in more}
        if len(joined) > MAX_FORMS:
            tails = {"?" + _TAIL_RE.search(f).group() for f in forms}
            joined = {_normal(f + _cut(g)) for f in tails for g in more}
            joined = joined if len(joined) <= MAX_FORMS else {"?"}
    return joined


def _piece(op, av) -> tuple[set[str], list]:
    """The forms of one parsed item, and the word sets every match of it needs."""
    if op is sre.LITERAL:
        return {_char(av)}, []
    if op is sre.IN:
        return _class(av), []
    if op is sre.AT:
        return ({""} if av in _NOT_A_BREAK_AT else {" "}), []
    if op in (sre.ASSERT, sre.ASSERT_NOT):  # zero-width: a break when it says the character there is one
        body = list(av[1])
        one = body[0] if len(body) == 1 else None
        if op is sre.ASSERT_NOT and one and one[0] is sre.IN and (sre.CATEGORY, sre.CATEGORY_WORD) in one[1]:
            return {" "}, []  # (?<!\w), (?![\w-]): no letter, digit or underscore there (or the edge)
        return ({" "} if op is sre.ASSERT and one and _piece(*one)[0] == {" "} else {""}), []
    if op is sre.SUBPATTERN:
        return _sequence(list(av[3]))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is sre.BRANCH:
        each = [_sequence(list(branch)) for branch in av[1]]
        forms = set().union(*(f for f, _ in each))
        if all(s for _, s in each):  # one set from each branch: every match holds a word of their union
            return forms, [frozenset().union(*(min(s, key=_selective) for _, s in each))]
        return forms, []
    if op in _REPEATS:
        low, high, body = av
        forms, sets = _sequence(list(body))
        sets = sets if low >= 1 else []
        if forms == {" "}:
            return ({" "} if low >= 1 else {"", " "}), sets
        if high == 0:
            return {""}, []
        if high >= 2:  # two or more copies: the first and the last, the ones between as "?"
            more = {_normal(f + "?" + g) for f in forms for g in forms}
            forms = forms | more if len(more) <= MAX_FORMS else forms | {"?"}
        return (forms | {""} if low == 0 else forms), sets
    return {"?"}, []


def _sequence(items: list) -> tuple[set[str], list]:
    forms, sets = {""}, []
    for item in items:
        more, inner = _piece(*item)
        sets.extend(inner)
        forms = _join(forms, more, sets)
    return forms, sets + _sets(forms)


_KNOWN = disk_cache.Memo("word-sets", sys.version_info[:2], open(__file__, "rb").read())


@functools.lru_cache(maxsize=None)
def word_sets(source: str, flags: int = 0) -> tuple[frozenset, ...]:
    """Sets of lower-case words, most selective first: each match of the pattern holds a word of each set
    as a maximal run of letters and digits (in an ASCII text). Empty when no such word is found.

    Parsing the patterns is most of a fresh process's first check: what was derived is kept on disk."""
    return _KNOWN.get((source, flags), lambda: _word_sets_of(source, flags))


def _word_sets_of(source: str, flags: int) -> tuple[frozenset, ...]:
    """(:func:`word_sets`, derived.)

    The pattern's top level (groups opened up) is read left to right; whenever every form so far ends in
    a break, the words so far are final: their sets are kept and the forms start again from a break."""
    items, forms, sets = list(sre.parse(source, flags)), {"?"}, []
    while items:
        op, av = items.pop(0)
        if op is sre.SUBPATTERN or (op in _REPEATS and av[:2] == (1, 1)):  # a group every match goes through
            items[:0] = list(av[3] if op is sre.SUBPATTERN else av[2])
            continue
        more, inner = _piece(op, av)
        sets.extend(inner)
        forms = _join(forms, more, sets)
        if all(f.endswith(" ") for f in forms):
            sets.extend(_sets(forms, ""))
            forms = {" "}
    sets.extend(_sets({f + "?" for f in forms}, ""))
    unique = set(sets)
    # A set holding another is implied by it: keep the smaller.
    return tuple(sorted((s for s in unique if not any(t < s for t in unique)), key=_selective))


def text_runs(text: str, vocabulary: frozenset) -> frozenset | None:
    """The maximal runs of letters and digits of an ASCII text, lower-cased; None for other texts."""
    if not text.isascii():
        return None
    joined = {run for word in vocabulary if not word.isalnum() for run in RUN_RE.findall(word)}
    return vocabulary | joined if joined else vocabulary


def doc_runs(doc) -> frozenset | None:
    """:func:`text_runs` of a document, worked out once (advertising, threat and accusation ask in turn)."""
    return doc.memo("word_literals.runs", lambda: text_runs(doc.text, doc.vocabulary))


def may_match(sets: tuple[frozenset, ...], runs: frozenset | None) -> bool:
    """False when the text whose :func:`text_runs` are ``runs`` lacks a word of one of ``sets``."""
    if runs is None:
        return True
    for words in sets:
        if words.isdisjoint(runs):
            return False
    return True


@functools.lru_cache(maxsize=256)
def _token_runs(folded_token: str) -> tuple[str, ...]:
    """A token's runs of letters and digits (each rule's WordSetGate asks for the same new token in turn)."""
    return tuple(RUN_RE.findall(folded_token))


class WordSetGate:
    """For patterns given as ``(prefilter literals, word sets)``, in an ASCII text: which word sets and literal
    sets a token holds (bits: a run of letters and digits in a word set; above those, one bit per literal
    set, which the token gate sets from its scan, see ``TokenTest.feature_literals``), and, from those of
    all a text's tokens OR-ed, whether some pattern has them all: its literals and a word of each of its
    sets, as the rules using this require before they run the pattern (see ..token_gate)."""

    MAX_KEPT = 4096

    def __init__(self, entries: list[tuple[tuple[str, ...], tuple[frozenset, ...]]]):
        word_bit: dict[frozenset, int] = {}
        literal_sets: dict[tuple[str, ...], int] = {}
        for literals, sets in entries:
            for words in sets:
                word_bit.setdefault(words, 1 << len(word_bit))
            literal_sets.setdefault(tuple(sorted(literals)), len(literal_sets))
        shift = len(word_bit)
        self.literal_sets = tuple(literal_sets)
        self.width = shift + len(literal_sets)
        self.masks = tuple(
            functools.reduce(int.__or__, map(word_bit.__getitem__, sets), 1 << shift + literal_sets[tuple(sorted(literals))])
            for literals, sets in entries
        )
        self.by_word: dict[str, int] = {}
        for words, b in word_bit.items():
            for word in words:
                self.by_word[word] = self.by_word.get(word, 0) | b
        self._kept: dict[int, bool] = {}  # bits -> answer: the same few combinations recur from text to text

    def token_bits(self, token: str, folded: str) -> int:
        """The bits of the word sets the token's runs are in (0 for a non-ASCII token: its text is not ASCII)."""
        if not token.isascii():
            return 0
        get, bits = self.by_word.get, 0
        for run in _token_runs(folded):
            bits |= get(run, 0)
        return bits

    def any_entry(self, present: int) -> bool:
        """Does some pattern have all it needs in a text whose tokens' bits OR to ``present``?"""
        kept = self._kept.get(present)
        if kept is None:
            kept = any(mask & present == mask for mask in self.masks)
            if len(self._kept) >= self.MAX_KEPT:
                self._kept.clear()
            self._kept[present] = kept
        return kept


def token_test(entries, test=None) -> TokenTest:
    """The :class:`.base.TokenTest` of patterns given as ``(prefilter literals, word sets)``: a finding holds one
    of its pattern's literals in any text; in an ASCII text, also a word of each of its word sets (the rules
    using this skip the pattern otherwise). ``test``: the rule's other per-token test."""
    entries = list(entries)
    if not all(literals for literals, _ in entries):
        return ALWAYS
    gate = WordSetGate(entries)
    return TokenTest(
        literals=tuple(sorted({literal for literals, _ in entries for literal in literals})),
        ascii_literals=(),
        test=test,
        width=gate.width,
        features=gate.token_bits,
        decide=lambda bits, text: text.isascii() and gate.any_entry(bits),
        feature_literals=gate.literal_sets,
    )
