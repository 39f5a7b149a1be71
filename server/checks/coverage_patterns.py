"""How :mod:`.coverage` turns its data patterns into regexes: macros, clause splitters and anchored
context patterns (moved out of coverage.py to keep it short; nothing here knows about the four points)."""
from __future__ import annotations

import re
from re import _parser as sre  # noqa: a pattern's shortest match, to tell whether re.split may stand in for finditer
from typing import TYPE_CHECKING

from . import prefilter
from .alternatives import LiteralIndex
from .pattern_plans import split_top

if TYPE_CHECKING:
    from .coverage import _Text

_MACROS = {
    "<w>": r"(?:[\w'-]+\s+)",
    "<w2>": r"(?:[\w'-]+\s+){0,2}",
    "<w3>": r"(?:[\w'-]+\s+){0,3}",
    "<start>": r"(?:(?<![^.!?…\n])\s*)",  # start of the text or right after a sentence break
    "<end>": r"(?=\W*(?:[.!?…\n]|\Z))",
}


def _splitter(pattern: re.Pattern) -> re.Pattern | None:
    """The pattern as one capturing group, for ``re.split`` to give the text between breaks and the
    breaks in one C call; only when the breaks are then finditer's very matches (no group of its own to
    add parts, no empty match: split and finditer then step on alike)."""
    try:
        if pattern.groups or sre.parse(pattern.pattern, pattern.flags).getwidth()[0] == 0:
            return None
        return re.compile(f"({pattern.pattern})", pattern.flags)
    except re.error:  # (a global inline flag cannot move into a group)
        return None


def _pattern(source: str, macros: dict | None = None) -> str:
    """A data pattern as a regex: spaces match any whitespace, <macros> expand (the data file may add its own)."""
    for name, regex in (macros or {}).items():
        source = source.replace(f"<{name}>", f"(?:{regex})")
    source = source.replace(" ?", r"\s*").replace(" ", r"\s+")
    for macro, regex in _MACROS.items():
        source = source.replace(macro, regex)
    return source


def _char_breaks(index: LiteralIndex, breaks: re.Pattern) -> tuple[int | None, tuple | None]:
    """For breaks some of whose alternatives are one character ("," "." ...) and the others hold
    literals ("\\s(?:but|however)\\s"): the id of those literals, and the one-character alternatives
    alone (pattern, splitter). In a text without the literals the others match nowhere, and a union
    less alternatives that match nowhere finds the very same matches."""
    try:
        parts = split_top(breaks.pattern)
        chars = [p for p in parts if sre.parse(p, breaks.flags).getwidth() == (1, 1)]
        others = "|".join(f"(?:{p})" for p in parts if p not in chars)
        literals = prefilter.literals(others, breaks.flags) if others and chars else None
    except (re.error, ValueError):
        return None, None
    if not literals:
        return None, None
    pattern = re.compile("|".join(f"(?:{p})" for p in chars), breaks.flags)
    return index.add(literals), (pattern, _splitter(pattern))


class _Anchored:
    """A context pattern (``^`` / ``$`` anchored), matched against a clause's prefix or suffix; ``gate``
    is the id of its literals in the language's index (a text without them cannot match it anywhere)."""

    def __init__(self, index: LiteralIndex, source: str, in_place: bool = False):
        self.lazy = prefilter.Lazy(source)
        self.gate = index.add(prefilter.literals(source))
        # Searched in place (pos/endpos) rather than on a slice when that is the same: the pattern does
        # not look before the slice's start (^, \A, \b, \B, lookbehind), where the two differ.
        self.in_place = in_place or not any(s in source for s in ("^", "\\A", "\\b", "\\B", "(?<"))

    def search(self, t: _Text, start: int, end: int, anchored: bool = False) -> bool:
        if not t.present >> self.gate & 1:
            return False
        pattern = self.lazy.compiled
        find = pattern.match if anchored else pattern.search
        return bool(find(t.text, start, end) if self.in_place else find(t.text[start:end]))
