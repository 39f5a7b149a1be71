"""Where a word stands: negated, doubted, quoted, the words around it in its clause (the accusation and vague
rules ask the same questions of their findings)."""
from __future__ import annotations

import re

NEGATION_GAP = 3  # gap words allowed between a negator and the word ("не было никакого обмана")
DOUBT_WINDOW = 8  # how many words back a doubt word still counts ("думала, что это опять развод")
QUOTE_LOOKBACK = 300  # characters searched back for an opening quotation mark (bounded work)

CLAUSE_BREAK_RE = re.compile(r"[.,;:!?()\[\]…\n«»„“”\"—–]")
SENTENCE_BREAK_RE = re.compile(r"[.!?…\n]")
STRAIGHT_QUOTE_RE = re.compile(r'(?<!\d)"')  # 5'4" is a height, not a quotation


def before(doc, i: int, count: int, break_re: re.Pattern):
    """Up to ``count`` words before word ``i``, nearest first, not crossing ``break_re``."""
    words, text = doc.words, doc.text
    for k in range(i - 1, max(-1, i - 1 - count), -1):
        if break_re.search(text, words[k].end, words[k + 1].start):
            return
        yield words[k]


def after(doc, i: int, count: int, break_re: re.Pattern):
    words, text = doc.words, doc.text
    for k in range(i + 1, min(len(words), i + 1 + count)):
        if break_re.search(text, words[k - 1].end, words[k].start):
            return
        yield words[k]


def negated(doc, i: int, negators: frozenset, gap: frozenset, max_gap: int = NEGATION_GAP) -> bool:
    """Is word ``i`` negated: a negator before it in its clause, only gap words between?"""
    for distance, word in enumerate(before(doc, i, max_gap + 1, CLAUSE_BREAK_RE)):
        lower = word.lower
        if lower in negators or lower.endswith(("n't", "n’t")) and "n't" in negators:
            return True
        if lower not in gap or distance == max_gap:
            return False
    return False


def doubted(doc, i: int, doubt: frozenset, window: int = DOUBT_WINDOW) -> bool:
    """Does a doubt word ("думала", "thought") stand earlier in the sentence of word ``i``?"""
    return any(w.lower in doubt for w in before(doc, i, window, SENTENCE_BREAK_RE))


def quoted(text: str, start: int) -> bool:
    """Is ``start`` inside quotation marks opened earlier on its line?"""
    window_start = max(0, start - QUOTE_LOOKBACK)
    line_start = text.rfind("\n", window_start, start) + 1 or window_start
    before = text[line_start:start]
    # „…“ is the Russian low-high pair; otherwise “ opens and ” closes. Only the nearest marks count,
    # so a window that starts inside an earlier quotation does not confuse the test.
    low_high = "„" in before
    openers, closers = ("«„", "»“") if low_high else ("«“", "»”")
    last_open = max(before.rfind(c) for c in openers)
    last_close = max(before.rfind(c) for c in closers)
    return last_open > last_close or len(STRAIGHT_QUOTE_RE.findall(before)) % 2 == 1


# --- the rule ------------------------------------------------------------------------------------
