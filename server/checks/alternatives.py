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
"""
from __future__ import annotations

import functools
import operator
import re
from re import _compiler, _parser as sre  # noqa: how re parses a pattern and where its search starts

from . import prefilter

MAX_PARTS = 200  # an alternative is split into at most this many (else kept whole)


def _group_end(source: str, i: int) -> int:
    """The index of the ``)`` closing the group opened at ``source[i]``, or -1."""
    depth = 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(source, i)
            if i < 0:
                return -1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def split_top(source: str) -> list[str]:
    """A regex's top-level alternatives (``a|(?:b|c)|d`` → ``a``, ``(?:b|c)``, ``d``)."""
    parts, start, i = [], 0, 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c in "([":
            end = _group_end(source, i) if c == "(" else _class_end(source, i)
            if end < 0:
                raise ValueError(f"unbalanced pattern: {source!r}")
            i = end + 1
            continue
        if c == "|":
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


def _class_end(source: str, i: int) -> int:
    """The index of the ``]`` closing the character class opened at ``source[i]``, or -1."""
    i += 1 + (source[i + 1:i + 2] == "^")
    i += source[i:i + 1] == "]"  # "[]...]" and "[^]...]": a literal ]
    while i < len(source) and source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i if i < len(source) else -1


def _leading_test(part: str) -> int:
    """The length of a zero-width test that starts ``part`` (``\\b``, a look-behind), or 0."""
    if part.startswith("\\b"):
        return 2
    if part.startswith(("(?<!", "(?<=")):
        return _group_end(part, 0) + 1
    return 0


def _distribute(part: str) -> list[str]:
    """``(?:a|b)rest`` → ``a rest``, ``b rest`` (recursively): the same tries in the same order (a
    zero-width test before the group goes with each)."""
    test = _leading_test(part)
    if test:
        return [part[:test] + p for p in _distribute(part[test:])]
    if not part.startswith("(?:"):
        return [part]
    close = _group_end(part, 0)
    rest = part[close + 1:]
    if close < 0 or rest[:1] in ("?", "*", "+", "{"):
        return [part]  # a repeated group is not a choice made once
    if "\\" in part[:close] and rest[:1].isalnum():
        return [part]  # an escape at a branch's end could run on into the rest (\1 + 2 is \12)
    parts = [p for branch in split_top(part[3:close]) for p in _distribute(branch + rest)]
    return parts if len(parts) <= MAX_PARTS else [part]


def _starts_fast(parsed, flags: int) -> bool:
    """Does re's search skip to where the parsed pattern may start (a literal or character-set start)?"""
    try:
        prefix = _compiler._get_literal_prefix(parsed, flags)[0]
        return bool(prefix or _compiler._get_charset_prefix(parsed, flags))
    except Exception:  # noqa: BLE001 - another Python's internals: search with the prefix, as correct
        return False


@functools.cache
def _zero_width(pattern: str, flags: int) -> bool:
    return sre.parse(pattern, flags).getwidth() == (0, 0)


class LiteralIndex:
    """Literal sets registered up front; for a folded text, the bits (``1 << id``) of those it may hold.

    A literal's longest run without whitespace (its *piece*; the literal itself, mostly) lies, where
    the literal occurs, in one whitespace-free token of the text (``str.split``, the same whitespace);
    so a set is present when a token contains one of its pieces (a set with a piece-less literal, or
    none, always is). What a token contains is a fact about the token alone, found once by a trie scan
    and kept: tokens recur from text to text."""

    def __init__(self):
        self._sets: list[tuple[str, ...]] = []
        self._shared: dict[tuple[str, ...], int] = {}
        self._built = False

    def add(self, literals, shared: bool = True) -> int:
        """The set's id: a shared one for equal sets, or (``shared=False``) the next id."""
        assert not self._built, "the index is built on the first text"
        literals = tuple(sorted(literals or ()))
        if shared and literals in self._shared:
            return self._shared[literals]
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
        # Where pieces start at one place, the trie reports the longest: the others are its prefixes.
        self._enable = {
            piece: functools.reduce(operator.or_, (bits.get(piece[:k], 0) for k in range(1, len(piece) + 1)))
            for piece in bits
        }
        self._scan = re.compile(f"(?=({_trie(bits)}))") if bits else re.compile("(?!)")
        self._tokens = TokenCache(self._scan_token)
        self._built = True

    def _scan_token(self, token: str) -> int:
        return functools.reduce(operator.or_, map(self._enable.__getitem__, set(self._scan.findall(token))), 0)

    def present(self, folded: str) -> int:
        if not self._built:
            self._build()
        return functools.reduce(operator.or_, map(self._tokens.__getitem__, set(folded.split())), self._always)


class TokenCache(dict):
    """token → ``scan(token)``, a fact about the token alone, kept for the tokens seen (up to a bound)."""

    def __init__(self, scan):
        super().__init__()
        self.scan = scan

    def __missing__(self, token: str):
        value = self.scan(token)
        if len(token) <= 64:  # long tokens (a run-on or hostile text) are scanned, not kept
            if len(self) >= 20_000:  # ~5 MB of masks at most; reviews use far fewer words
                self.clear()
            self[token] = value
        return value


def _trie(literals) -> str:
    """One regex for a set of strings that matches, where any starts, the longest of them."""
    root: dict = {}
    for literal in literals:
        node = root
        for char in literal:
            node = node.setdefault(char, {})
        node[""] = {}

    def regex(node: dict) -> str:
        branches = [re.escape(char) + regex(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer literal first

    return regex(root)


def _chunks(part: str) -> list[str]:
    """The stretches of a sequence between its top-level ``\\s+`` / ``\\s*`` (every match of the
    sequence holds a match of each stretch, so each stretch's literals are required too)."""
    chunks, start, i = [], 0, 0
    while i < len(part):
        c = part[i]
        if c == "\\":
            if part[i + 1:i + 3] in ("s+", "s*") and part[i + 3:i + 4] not in ("?", "+"):
                chunks.append(part[start:i])
                start = i = i + 3
                continue
            i += 2
        elif c in "([":
            end = _group_end(part, i) if c == "(" else _class_end(part, i)
            if end < 0:
                return [part]
            i = end + 1
        else:
            i += 1
    chunks.append(part[start:])
    return [chunk for chunk in chunks if chunk]


def _requirements(source: str, part: str, flags: int) -> list[tuple[str, ...]]:
    """Literal sets every match of ``source`` (``part`` with a zero-width prefix) holds one of, the
    most telling (longest shortest literal) first."""
    found = {prefilter.literals(source, flags)}
    if len(split_top(part)) == 1:
        for chunk in _chunks(part):
            try:
                found.add(prefilter.literals(chunk, flags))
            except re.error:  # a stretch that is no pattern alone (not in the data): not used
                pass
    found.discard(None)
    return sorted(found, key=lambda literals: (-min(map(len, literals)), len(literals)))


class _Alternative:
    """``prefix(?:part)``, searched as such, or as ``part``'s rest with the zero-width tests before it
    (``prefix`` and the part's leading ``\\b`` or look-behinds) tried where the rest matched (see module)."""

    __slots__ = ("source", "pattern", "guard", "needs", "mask", "empty")

    def __init__(self, prefix: str, part: str, flags: int, plain: bool = False):
        self.source = f"{prefix}(?:{part})"
        guard, rest = ("", part) if plain else (prefix, part)
        while not plain and _leading_test(rest):
            guard, rest = guard + rest[:_leading_test(rest)], rest[_leading_test(rest):]
        parsed = sre.parse(f"(?:{rest})", flags) if guard and _zero_width(guard, flags) else None
        # (A zero-width guard adds no width: the rest's shortest match is the whole's.)
        self.empty = (parsed or sre.parse(self.source, flags)).getwidth()[0] == 0
        fast = parsed is not None and _starts_fast(parsed, flags)
        self.pattern = prefilter.Lazy(f"(?:{rest})" if fast else self.source, flags)
        self.guard = re.compile(guard, flags) if fast else None
        self.needs = _requirements(self.source, part, flags)

    def search(self, text: str, pos: int, end: int):
        pattern, guard = self.pattern.compiled, self.guard
        m = pattern.search(text, pos, end)
        while guard is not None and m is not None and not guard.match(text, m.start(), end):
            m = pattern.search(text, m.start() + 1, end)
        return m


class Alternatives:
    """A union ``prefix(?:a|b|...)`` of sources, run alternative by alternative (see the module's doc)."""

    def __init__(self, index: LiteralIndex, sources, prefix: str = "", flags: int = 0):
        parts = [p for source in sources for part in split_top(source) for p in _distribute(part)]
        self.alternatives = [_Alternative(prefix, part, flags) for part in parts]
        if any(a.empty for a in self.alternatives):
            # An empty match would make finditer step on differently; keep such a list whole.
            self.alternatives = [_Alternative(prefix, "|".join(f"(?:{s})" for s in sources), flags, plain=True)]
        # Each alternative's most telling literal set gets its own id, in order: the text's bits from
        # `first` on are then the alternatives worth a look; the other sets are checked for those.
        firsts = [index.add(a.needs[0] if a.needs else (), shared=False) for a in self.alternatives]
        self.first, self.all = firsts[0], (1 << len(firsts)) - 1
        for a in self.alternatives:
            a.mask = functools.reduce(operator.or_, (1 << index.add(literals) for literals in a.needs[1:]), 0)

    def _live(self, present: int):
        """The alternatives whose literal sets the text holds (``present``: its bits), in order."""
        hits = present >> self.first & self.all
        while hits:
            low = hits & -hits
            a = self.alternatives[low.bit_length() - 1]
            if a.mask & present == a.mask:
                yield a
            hits ^= low

    def search(self, text: str, present: int, start: int = 0, end: int | None = None) -> bool:
        """Does the union match in ``text[start:end]`` (searched in place)?"""
        end = len(text) if end is None else end
        return any(a.search(text, start, end) for a in self._live(present))

    def finditer(self, text: str, present: int):
        """The union's ``finditer(text)`` matches (no alternative matches ""; see ``__init__``)."""
        live = list(self._live(present))
        if len(live) == 1 and live[0].guard is None:  # (as the list kept whole is run)
            yield from live[0].pattern.compiled.finditer(text)
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
