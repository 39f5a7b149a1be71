"""Grapheme-cluster boundaries: a match never starts or ends inside a user-perceived character.

Rules find words and patterns by code points, so a span could end between "и" and a combining breve,
inside "👨‍👩‍👧" or between the two halves of a flag; an editor that underlines such a span, or a buyer
who deletes it, would leave half a character behind. The pipeline snaps every span outwards to the
nearest boundaries (:func:`snap`); offsets stay in code points.

A position ``i`` of ``text`` (0 < i < len) is *not* a boundary when (after UAX #29, simplified):

* ``text[i-1:i+1]`` is CR LF (GB3);
* otherwise it is a boundary after and before a control character: Cc, line/paragraph separators,
  and format characters other than ZWJ, ZWNJ and tags (GB4, GB5);
* ``text[i]`` extends the character before it: a combining mark (Mn, Me, Mc: accents, U+20E3 of
  a keycap, variation selectors), ZWJ, ZWNJ, an emoji skin-tone modifier, a tag character (GB9, GB9a);
* ``text[i-1]`` is ZWJ, ``text[i]`` is an emoji, and an emoji stands before the ZWJ (only extenders
  between): an emoji ZWJ sequence (GB11);
* ``text[i-1]`` and ``text[i]`` are regional indicators and an odd number of them stands right before
  ``i``: inside a flag (GB12, GB13).

Not handled: Hangul jamo sequences (GB6-8), prepended marks (GB9b), Indic conjuncts (GB9c); for those
a span may still end where a font would draw one glyph. "Emoji" is the Extended_Pictographic set,
approximated by the emoji blocks (the standard library has no such property).
"""
from __future__ import annotations

import bisect
import re
import unicodedata

ZWJ, ZWNJ = "\u200d", "\u200c"
# Extended_Pictographic, approximated by blocks: the symbols and emoji blocks, minus regional
# indicators and skin-tone modifiers (which have their own rules), plus the scattered older symbols.
_PICTOGRAPHIC_RE = re.compile(
    "[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u2388\u23cf"
    "\u23e9-\u23f3\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe\u2600-\u27bf\u2934\u2935"
    "\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55\u3030\u303d\u3297\u3299"
    "\U0001f000-\U0001f1e5\U0001f200-\U0001f3fa\U0001f400-\U0001faff\U0001fc00-\U0001fffd]"
)
_MARKS = frozenset({"Mn", "Me", "Mc"})
_CONTROLS = frozenset({"Cc", "Zl", "Zp", "Cf"})
# How far a local look-around goes before the whole text's boundaries are computed once instead
# (a hostile text can be one 20,000-character cluster: "a" and 19,999 accents).
LOCAL_LIMIT = 64


def is_regional_indicator(ch: str) -> bool:
    return "\U0001f1e6" <= ch <= "\U0001f1ff"


def is_extender(ch: str) -> bool:
    """Characters that never start a cluster: they attach to the one before (GB9, GB9a)."""
    return (
        ch in (ZWJ, ZWNJ)
        or unicodedata.category(ch) in _MARKS
        or "\U0001f3fb" <= ch <= "\U0001f3ff"
        or "\U000e0020" <= ch <= "\U000e007f"
    )


def is_control(ch: str) -> bool:
    return unicodedata.category(ch) in _CONTROLS and not is_extender(ch)


def is_pictographic(ch: str) -> bool:
    return bool(_PICTOGRAPHIC_RE.match(ch))


def _local(text: str, i: int) -> bool | None:
    """Is ``i`` a boundary? None when deciding would need more than LOCAL_LIMIT characters of look-back."""
    if i <= 0 or i >= len(text):
        return True
    before, ch = text[i - 1], text[i]
    if before == "\r" and ch == "\n":
        return False
    if is_control(before) or is_control(ch):
        return True
    if is_extender(ch):
        return False
    if before == ZWJ and is_pictographic(ch):
        k = i - 2
        while k >= 0 and is_extender(text[k]):
            k -= 1
            if i - k > LOCAL_LIMIT:
                return None
        return not (k >= 0 and is_pictographic(text[k]))
    if is_regional_indicator(before) and is_regional_indicator(ch):
        k = i - 1
        while k >= 0 and is_regional_indicator(text[k]):
            k -= 1
            if i - k > LOCAL_LIMIT:
                return None
        return (i - 1 - k) % 2 == 0  # an even number before: ch starts a new flag
    return True


def boundaries(text: str) -> list[int]:
    """Every boundary of ``text`` (0 and len(text) included), in one pass."""
    out = [0]
    regional_run = 0  # regional indicators right before i
    emoji_then_extenders = False  # text[:i] ends with an emoji and extenders only
    for i in range(1, len(text)):
        before, ch = text[i - 1], text[i]
        regional_run = regional_run + 1 if is_regional_indicator(before) else 0
        if is_pictographic(before):
            emoji_then_extenders = True
        elif not is_extender(before):
            emoji_then_extenders = False
        if before == "\r" and ch == "\n":
            boundary = False
        elif is_control(before) or is_control(ch):
            boundary = True
        elif is_extender(ch):
            boundary = False
        elif before == ZWJ and is_pictographic(ch):
            # text[i-2] back to the emoji: emoji_then_extenders describes text[:i], ZWJ included
            boundary = not emoji_then_extenders
        elif is_regional_indicator(before) and is_regional_indicator(ch):
            boundary = regional_run % 2 == 0
        else:
            boundary = True
        if boundary:
            out.append(i)
    if text:
        out.append(len(text))
    return out


class Snapper:
    """Snaps spans of one text outwards to cluster boundaries; cheap unless the text is hostile."""

    def __init__(self, text: str):
        self.text = text
        self._all: list[int] | None = None

    def _table(self) -> list[int]:
        if self._all is None:
            self._all = boundaries(self.text)
        return self._all

    def start(self, i: int) -> int:
        """The boundary at or before ``i``."""
        for k in range(i, max(-1, i - LOCAL_LIMIT), -1):
            verdict = _local(self.text, k)
            if verdict is None:
                break
            if verdict:
                return k
        table = self._table()
        return table[bisect.bisect_right(table, i) - 1]

    def end(self, i: int) -> int:
        """The boundary at or after ``i``."""
        for k in range(i, min(len(self.text) + 1, i + LOCAL_LIMIT)):
            verdict = _local(self.text, k)
            if verdict is None:
                break
            if verdict:
                return k
        table = self._table()
        return table[bisect.bisect_left(table, i)]

    def snap(self, start: int, end: int) -> tuple[int, int]:
        return self.start(start), self.end(end)


def snap(text: str, start: int, end: int) -> tuple[int, int]:
    """``start..end`` widened to whole grapheme clusters of ``text``."""
    return Snapper(text).snap(start, end)
