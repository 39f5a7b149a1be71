"""Long pattern lists split into their alternatives, each run only when the text holds one of its literals.

A union of dozens of patterns (``a|b|c|...``) costs the regex engine every alternative at every word of
every text, though in most texts only a few alternatives could match at all. :class:`Alternatives`
keeps the alternatives apart and runs only those whose literals (:func:`.prefilter.literals`, strings
one of which every match contains) the text holds, with the union's very results:

- ``finditer``: at each point the union's leftmost match, the earliest alternative winning a tie, and
  on from its end; an alternative that cannot match anywhere in the text never wins anything.
- ``search``: whether any alternative matches in a span, i.e. whether the union does.

An alternative that starts with a group of choices, ``(?:a|b)rest``, is kept as ``a rest``, ``b rest``:
the union tries exactly these, in this order. The point is speed: re skips in C to where a pattern
starting with a literal may match (~30x faster than a try at every character), and a common ``prefix``
(a zero-width word-start test) is tested only where the rest matched, for the same match.

Which literals a text holds is told for all the lists of a language at once by :class:`LiteralIndex`.
An alternative needs every one of its literal sets (the whole's, and each stretch's between top-level
``\\s+``, since a match holds a match of each stretch): one set picks it, the others confirm it.

Cold start: how a list splits and what each alternative needs is worked out once and kept on disk
(:mod:`.pattern_plans`); regexes compile on first use (:class:`.prefilter.Lazy`), and the index is a
few dicts, not a compiled regex.
"""
from __future__ import annotations

import functools
import operator

import ahocorasick

from . import prefilter
from .pattern_plans import plan

LONG_TOKEN = 64  # longer tokens (a run-on or hostile text) are scanned, not kept
MAX_KEPT = 4096  # combinations of live alternatives kept per list (see Alternatives._live)


class LiteralIndex:
    """Literal sets registered up front; for a folded text, the bits (``1 << id``) of those it may hold.

    A literal's longest run without whitespace (its *piece*; the literal itself, mostly) lies, where
    the literal occurs, in one whitespace-free token of the text (``str.split``, the same whitespace);
    so a set is present when a token contains one of its pieces (a set with a piece-less literal, or
    none, always is). What a token contains is a fact about the token alone, found once and kept:
    tokens recur from text to text. A new token is scanned in one pass of an Aho-Corasick automaton of
    every piece (pyahocorasick, in C: ~0.5 µs for a word, where a walk through the pieces' prefixes in
    Python took ~3.5 µs, most of a new token's cost; built in ~1 ms)."""

    def __init__(self):
        self._sets: list[tuple[str, ...]] = []
        self._shared: dict[tuple[str, ...], int] = {}
        self._built = False

    def add(self, literals, shared: bool = True) -> int:
        """The set's id: a shared one for equal sets, or (``shared=False``) the next id. A set added after the
        first text (another module's, loaded later: see :func:`language_index`) has the index built again."""
        literals = tuple(sorted(literals or ()))
        if shared and literals in self._shared:
            return self._shared[literals]
        self._built = False
        self._sets.append(literals)
        if shared:
            self._shared[literals] = len(self._sets) - 1
        return len(self._sets) - 1

    def _build(self) -> None:
        bits: dict[str, int] = {}
        self._always = 0
        for i, literals in enumerate(self._sets):
            pieces = [max(literal.split(), key=len, default="") for literal in literals]
            if not pieces or "" in pieces:
                self._always |= 1 << i
            for piece in pieces:
                bits[piece] = bits.get(piece, 0) | 1 << i
        bits.pop("", None)
        self._automaton = ahocorasick.Automaton()
        for piece, piece_bits in bits.items():
            self._automaton.add_word(piece, piece_bits)
        if bits:
            self._automaton.make_automaton()
        self._tokens = TokenCache(self._scan_token)
        self._built = True

    def _scan_token(self, token: str) -> int:
        """The bits of every piece the token contains (one pass of the pieces' Aho-Corasick automaton)."""
        found = 0
        if self._automaton.kind == ahocorasick.AHOCORASICK:
            for _, piece_bits in self._automaton.iter(token):
                found |= piece_bits
        return found

    @property
    def size(self) -> int:
        """How many sets are registered (bits kept from a smaller index lack the newer sets')."""
        return len(self._sets)

    @property
    def always(self) -> int:
        """The bits of the sets present in every text (those with a piece-less literal)."""
        if not self._built:
            self._build()
        return self._always

    def token_bits(self, folded_token: str) -> int:
        """The bits of the sets present in a text whose only token is ``folded_token`` (no whitespace)."""
        if not self._built:
            self._build()
        return self._tokens[folded_token] | self._always

    def present(self, folded: str) -> int:
        if not self._built:
            self._build()
        # (Most tokens' bits are not 0, but those that are cost a copy of a ~1,200-bit int each.)
        return functools.reduce(operator.or_, filter(None, map(self._tokens.__getitem__, set(folded.split()))), self._always)


@functools.cache
def language_index(language: str) -> LiteralIndex:
    """The one index of a language's literal sets that the coverage, the vague rule and the token gate share:
    a token new to the process is scanned once for all of them (most of a new word's cost at first sight)."""
    return LiteralIndex()


class TokenCache(dict):
    """token → ``scan(token)``, a fact about the token alone, kept for the tokens seen (up to a bound)."""

    def __init__(self, scan):
        super().__init__()
        self.scan = scan

    def __missing__(self, token: str):
        value = self.scan(token)
        if len(token) <= LONG_TOKEN:  # long tokens (a run-on or hostile text) are scanned, not kept
            if len(self) >= 20_000:  # ~5 MB of masks at most; reviews use far fewer words
                self.clear()
            self[token] = value
        return value


@functools.cache
def _guard(source: str, flags: int) -> prefilter.Lazy:
    return prefilter.Lazy(source, flags)


class _Alternative:
    """``prefix(?:part)``, searched as such, or as ``part``'s rest with the zero-width tests before it
    (``prefix`` and the part's leading ``\\b`` or look-behinds) tried where the rest matched (see module)."""

    __slots__ = ("source", "pattern", "guard", "needs", "mask", "finder", "plain")

    def __init__(self, entry: tuple, flags: int):
        self.source, searched, guard, self.needs, finder = entry
        self.pattern = prefilter.Lazy(searched, flags)
        self.guard = _guard(guard, flags) if guard is not None else None
        self.finder = _guard(finder, flags) if finder is not None else None
        self.plain = None  # the compiled pattern's search, once compiled, when neither guard nor finder applies

    def search(self, text: str, pos: int, end: int):
        if self.plain is not None:  # (most alternatives: one C call)
            return self.plain(text, pos, end)
        if self.guard is None and self.finder is None:
            self.plain = self.pattern.compiled.search
            return self.plain(text, pos, end)
        if self.finder is not None:  # (the pattern itself) where it may start: at pos, or after a finder hit
            pattern, finder = self.pattern.compiled, self.finder.compiled
            m = pattern.match(text, pos, end)
            while m is None and (hit := finder.search(text, pos, end)) is not None:
                pos = hit.start() + 1
                m = pattern.match(text, pos, end)
            return m
        m = self.pattern.compiled.search(text, pos, end)
        if self.guard is None or m is None:
            return m
        pattern, guard = self.pattern.compiled, self.guard.compiled
        while m is not None and not guard.match(text, m.start(), end):
            m = pattern.search(text, m.start() + 1, end)
        return m


class Alternatives:
    """A union ``prefix(?:a|b|...)`` of sources, run alternative by alternative (see the module's doc)."""

    def __init__(self, index: LiteralIndex, sources, prefix: str = "", flags: int = 0):
        self.alternatives = [_Alternative(entry, flags) for entry in plan(tuple(sources), prefix, flags)]
        # Each alternative's most telling literal set gets its own id, in order: the text's bits from
        # `first` on are then the alternatives worth a look; the other sets are checked for those.
        firsts = [index.add(a.needs[0] if a.needs else (), shared=False) for a in self.alternatives]
        self.first, self.all = firsts[0], (1 << len(firsts)) - 1
        for a in self.alternatives:
            a.mask = functools.reduce(operator.or_, (1 << index.add(literals) for literals in a.needs[1:]), 0)
        self.confirms = functools.reduce(operator.or_, (a.mask for a in self.alternatives), 0)
        self._kept: dict = {}  # see _live

    def _live(self, present: int):
        """The alternatives whose literal sets the text holds (``present``: its bits), in order."""
        hits = present >> self.first & self.all
        if not hits:
            return ()
        # Which alternatives are live is a fact about the bits of their sets alone (their first sets': `hits`,
        # and the others'), and the same few combinations recur from review to review ("recommend", "small",
        # "fit"): kept, it spares walking the bits one by one (~0.5 µs each) on every text.
        key = (hits, present & self.confirms) if self.confirms else hits
        live = self._kept.get(key)
        if live is None:
            if len(self._kept) >= MAX_KEPT:
                self._kept.clear()
            live = self._kept[key] = self._pick(hits, present)
        return live

    def _pick(self, hits: int, present: int) -> tuple[_Alternative, ...]:
        live, alternatives = [], self.alternatives
        while hits:
            low = hits & -hits
            a = alternatives[low.bit_length() - 1]
            if a.mask & present == a.mask:
                live.append(a)
            hits ^= low
        return tuple(live)

    def search(self, text: str, present: int, start: int = 0, end: int | None = None) -> bool:
        """Does the union match in ``text[start:end]`` (searched in place)?"""
        end = len(text) if end is None else end
        return any(a.search(text, start, end) for a in self._live(present))

    def finditer(self, text: str, present: int):
        """The union's ``finditer(text)`` matches (no alternative matches ""; see ``__init__``)."""
        live = self._live(present)
        if not live:
            return
        if len(live) == 1:
            only = live[0]
            if only.guard is None and only.finder is None:  # (as the list kept whole is run)
                yield from only.pattern.compiled.finditer(text)
                return
            end, m = len(text), only.search(text, 0, len(text))
            while m is not None:  # (the loop below, for one alternative)
                yield m
                m = only.search(text, m.end(), end)
            return
        end = len(text)
        pending = [a.search(text, 0, end) for a in live]  # each alternative's leftmost match from `pos` on
        pos = 0
        while True:
            best = None
            for k, m in enumerate(pending):
                if m is not None and m.start() < pos:
                    m = pending[k] = live[k].search(text, pos, end)
                if m is not None and (best is None or m.start() < best.start()):
                    best = m  # strictly earlier: on a tie the earlier alternative wins, as in the union
            if best is None:
                return
            yield best
            pos = best.end()
