"""How :mod:`.alternatives` runs a pattern list, worked out from the regex sources and kept on disk.

Splitting a list into alternatives, finding each one's zero-width guard, whether re skips to where its
rest may start and which literal sets every match holds takes a parse of every alternative (``sre.parse``,
~0.3 ms each, ~1,000 alternatives per language): most of a fresh process's first check. :func:`plan` is a
pure function of the sources, so its results are kept in the cache folder (:mod:`.disk_cache`, as
:mod:`.prefilter` keeps literals), under a fingerprint of the code that derives them: a fresh process
reads them back instead of parsing. :func:`memo` keeps other per-pattern facts the same way.
"""
from __future__ import annotations

import functools
import re
import sys
from pathlib import Path
from re import _compiler, _parser as sre  # noqa: how re parses a pattern and where its search starts

from . import disk_cache, prefilter

MAX_PARTS = 200  # an alternative is split into at most this many (else kept whole)

_HERE = Path(__file__).parent
# Everything the kept facts are derived from: this file, the literal finder, and the modules whose
# functions memo() is given (vague's lower-case test).
_KNOWN = disk_cache.Memo(
    "pattern-plans", sys.version_info[:2], MAX_PARTS, prefilter.MAX_ALTERNATIVES,
    *(_HERE / name for name in ("pattern_plans.py", "prefilter.py", "alternatives.py", "rules/vague.py")),
)


def memo(kind: str, key, compute):
    """``compute()``, kept under ``(kind, key)`` across processes (``compute`` must depend on ``key`` alone)."""
    return _KNOWN.get((kind, key), compute)


def plan(sources: tuple[str, ...], prefix: str, flags: int) -> tuple[tuple, ...]:
    """For the union ``prefix(?:a|b|...)`` of ``sources``, its alternatives in order, each as
    ``(source, searched, guard, needs, finder)``: the alternative's own regex, the regex searched (its
    rest, or itself), the zero-width guard tried where that matched (or None), the literal sets every
    match holds, most telling first (see :mod:`.alternatives`), and a regex finding where a match may
    start (:func:`_finder`, or None)."""
    return memo("plan", (sources, prefix, flags), lambda: _plan(sources, prefix, flags))


def _plan(sources, prefix: str, flags: int) -> tuple[tuple, ...]:
    parts = [p for source in sources for part in split_top(source) for p in _distribute(part)]
    alternatives = [_alternative(prefix, part, flags) for part in parts]
    if any(empty for empty, _ in alternatives):
        # An empty match would make finditer step on differently; keep such a list whole.
        alternatives = [_alternative(prefix, "|".join(f"(?:{s})" for s in sources), flags, plain=True)]
    return tuple(entry for _, entry in alternatives)


def _alternative(prefix: str, part: str, flags: int, plain: bool = False) -> tuple[bool, tuple]:
    """``prefix(?:part)``, searched as such, or as ``part``'s rest with the zero-width tests before it
    (``prefix`` and the part's leading ``\\b`` or look-behinds) tried where the rest matched."""
    source = f"{prefix}(?:{part})"
    guard, rest = ("", part) if plain else (prefix, part)
    while not plain and _leading_test(rest):
        guard, rest = guard + rest[:_leading_test(rest)], rest[_leading_test(rest):]
    parsed = sre.parse(f"(?:{rest})", flags) if guard and _zero_width(guard, flags) else None
    # (A zero-width guard adds no width: the rest's shortest match is the whole's.)
    empty = (parsed or sre.parse(source, flags)).getwidth()[0] == 0
    fast = parsed is not None and _starts_fast(parsed, flags)
    entry = (source, f"(?:{rest})" if fast else source, guard if fast else None, tuple(_requirements(source, part, flags)),
             None if fast or empty or plain else _finder(guard, rest, flags))
    return empty, entry


# A match that must start where a character of X precedes (``(?<![^X])``, the <start> macro).
_AFTER = r"\(\?<!\[\^([^\]\[\\]*(?:\\.[^\]\[\\]*)*)\]\)"
_AFTER_AT_END, _AFTER_AT_START = re.compile(_AFTER + r"\Z"), re.compile(r"(?:\(\?:)?" + _AFTER)


def _finder(guard: str, rest: str, flags: int) -> str | None:
    """For an alternative that starts only at the text's start or after a character of X (its guard
    ends with ``(?<![^X])``, or its rest starts with it): ``[X](?:rest)``, which re skips to. Every match
    of the alternative at p > 0 holds one of the finder at p - 1 (the alternative's match at p is its
    rest's), so the finder's hits are where the alternative may start; each is then confirmed."""
    found = _AFTER_AT_END.search(guard) if guard else None
    if not found and (found := _AFTER_AT_START.match(rest)) and found.group().startswith("(?:"):
        close = _group_end(rest, 0)  # the group must be one branch, not repeated: its test always applies
        if close < 0 or rest[close + 1:close + 2] in ("?", "*", "+", "{") or len(split_top(rest[3:close])) != 1:
            return None
    if not found or found.group(1).startswith("^"):
        return None
    finder = f"[{found.group(1)}](?:{rest})"
    try:
        return finder if _starts_fast(sre.parse(finder, flags), flags) else None
    except re.error:
        return None


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
