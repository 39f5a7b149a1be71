"""Cheap tests that tell a regex cannot match a text, so that it is neither run nor even compiled.

Most rules' patterns match nothing in most reviews, and compiling them is most of a cold start. For a
pattern, :func:`literals` works out strings one of which every match must contain (``\\b(?:kill|murder)\\b``
→ ``kill``, ``murder``), from the parsed regex; a text that contains none of them cannot match, which
a few substring tests on the text, folded once per text (:func:`fold`), tell in microseconds.
:class:`Lazy` wraps a pattern: ``may_match`` is that test; ``compiled`` is compiled on first use.

The test never says no to a text the pattern matches: literals and text are folded the same way, per
character, to the simple lower case ``re.IGNORECASE`` compares (plus the characters it also treats as
equal, such as ſ and s); patterns without a usable literal always run. The literals of every pattern
seen are kept in the cache folder (:mod:`.disk_cache`), so a fresh process does not parse them again.
"""
from __future__ import annotations

import functools
import re
import sys
from re import _parser as sre  # noqa: the parsed form of a pattern, as re itself builds it

from . import disk_cache

MAX_ALTERNATIVES = 64  # literal sets larger than this are cut at that point (still correct, less selective)
_EMPTY = frozenset({""})


@functools.cache
def _fold_table() -> tuple[dict, re.Pattern]:
    """Characters ``str.lower`` leaves apart but ``re.IGNORECASE`` matches as one, to one representative."""
    from re import _casefix

    parent: dict[int, int] = {}

    def root(c: int) -> int:
        while parent.get(c, c) != c:
            c = parent[c]
        return c

    for lower, extras in _casefix._EXTRA_CASES.items():
        for extra in extras:
            a, b = root(lower), root(extra)
            if a != b:
                parent[max(a, b)] = min(a, b)
    table = {c: chr(root(c)) for c in parent if root(c) != c}
    table[0x130] = "i"  # İ: str.lower() gives "i̇" (two characters), the regex engine "i"
    special = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(table)) + "]")
    return table, special


def fold(text: str) -> str:
    """``text`` as the literals are written: each character to its simple lower case."""
    if text.isascii():
        return text.lower()  # (the table maps no ASCII character: it holds the larger of each equal pair)
    table, special = _fold_table()
    if "\u0130" in text:
        text = text.replace("\u0130", "i")
    text = text.lower()
    return text.translate(table) if special.search(text) else text


def _score(options) -> int:
    return min(map(len, options)) if options else 0


def _best(a, b):
    if a is None or (b is not None and (_score(b), -len(b)) > (_score(a), -len(a))):
        return b
    return a


def _sequence(items) -> tuple[frozenset | None, frozenset | None]:
    """(every string the items match, when that is a small finite set; literals one of which a match holds)."""
    run, required, exact = _EMPTY, None, True
    for op, av in items:
        item_exact, item_required = _item(op, av)
        required = _best(required, item_required)
        if item_exact is not None:
            joined = frozenset(a + b for a in run for b in item_exact)
            if len(joined) <= MAX_ALTERNATIVES:
                run = joined
                continue
            item_exact, exact = item_exact, False
        exact = exact and item_exact is not None
        required = _best(required, run if _score(run) else None)
        run = item_exact if item_exact is not None else _EMPTY
    required = _best(required, run if _score(run) else None)
    return (run if exact else None), required


def _item(op, av) -> tuple[frozenset | None, frozenset | None]:
    if op is sre.LITERAL:
        return frozenset({chr(av)}), None
    if op in (sre.AT, sre.ASSERT_NOT):
        return _EMPTY, None
    if op is sre.ASSERT:  # a lookaround that must match: its text is in the text too
        exact, required = _sequence(av[1])
        return _EMPTY, _best(required, exact if exact and _score(exact) else None)
    if op is sre.IN:
        if len(av) <= 8 and all(kind is sre.LITERAL for kind, _ in av):
            return frozenset(chr(c) for _, c in av), None
        return None, None
    if op is sre.SUBPATTERN:
        return _sequence(av[3])
    if op is sre.ATOMIC_GROUP:
        return _sequence(av)
    if op is sre.BRANCH:
        results = [_sequence(branch) for branch in av[1]]
        exacts = [e for e, _ in results]
        exact = frozenset().union(*exacts) if None not in exacts else None
        each = [_best(r, e if e is not None and _score(e) else None) for e, r in results]
        required = frozenset().union(*each) if None not in each else None
        return (exact if exact is not None and len(exact) <= MAX_ALTERNATIVES else None), required
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = av
        exact, required = _sequence(body)
        if high == 0:
            return _EMPTY, None
        if low == 0:
            return (exact | _EMPTY if exact is not None and high == 1 else None), None
        required = _best(required, exact if exact is not None and _score(exact) else None)
        return (exact if low == high == 1 else None), required
    return None, None  # any character, classes, group references, conditionals


def _literals_of(source: str, flags: int) -> tuple[str, ...] | None:
    _, required = _sequence(sre.parse(source, flags))
    if not required or _score(required) == 0:
        return None
    return tuple(sorted({fold(s) for s in required}, key=lambda s: (-len(s), s)))


_KNOWN = disk_cache.Memo("prefilter", sys.version_info[:2], MAX_ALTERNATIVES, open(__file__, "rb").read())


def literals(source: str, flags: int = 0) -> tuple[str, ...] | None:
    """Folded strings one of which every match of the pattern contains, or None when there are none."""
    return _KNOWN.get((source, flags), lambda: _literals_of(source, flags))


_instances: list[Lazy] = []


def compile_all() -> None:
    """Compile every pattern made so far (the service's warm-up: no review pays for a compilation)."""
    for pattern in _instances:
        pattern.compiled
        pattern.may_match("")


class Lazy:
    """A pattern compiled on first use, with the literal test that usually makes that unnecessary."""

    __slots__ = ("source", "flags", "_literals", "_compiled")

    def __init__(self, source: str, flags: int = 0):
        self.source, self.flags = source, flags
        self._literals = self._compiled = None
        _instances.append(self)

    @property
    def pattern(self) -> str:
        return self.source

    @staticmethod
    @functools.lru_cache(maxsize=None)
    def of(compiled: re.Pattern) -> Lazy:
        """The prefilter of an already compiled pattern."""
        lazy = Lazy(compiled.pattern, compiled.flags)
        lazy._compiled = compiled
        return lazy

    @property
    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled

    def may_match(self, folded: str) -> bool:
        """False when the pattern cannot match the text that folds to ``folded``."""
        if self._literals is None:
            self._literals = literals(self.source, self.flags) or ()
        if not self._literals:
            return True
        for literal in self._literals:  # a plain loop: ~2x cheaper than any() over a generator
            if literal in folded:
                return True
        return False

    def search(self, text: str, folded: str, *span):
        return self.compiled.search(text, *span) if self.may_match(folded) else None

    def finditer(self, text: str, folded: str):
        return self.compiled.finditer(text) if self.may_match(folded) else iter(())

