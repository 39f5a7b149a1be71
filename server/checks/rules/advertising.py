"""Advertising: promo codes, invitations to buy elsewhere, offers to talk in private (warnings).

Marketplaces reject reviews that advertise, but the rest of such a review is usually fine, so this
is a warning. Only invitations count: "на Озоне этот же товар был лучше" or "I returned it to
Amazon" are facts a buyer may share. The phrase patterns live in ``data/<lang>/advertising.yaml``;
every language's patterns are checked (a Russian review may quote an English promo code line),
and the message is in the review's language. No replacement is offered: the fix is to delete it.
"""
from __future__ import annotations

import functools
import re

from .. import lexicon, prefilter
from .base import WARNING, Finding

category = "advertising"

RULE_IDS = ("PROMO_CODE", "BUY_ELSEWHERE", "CONTACT_OFFER")

# A promo code as written: capitals and digits in the original case, with at least one digit or
# four capitals ("SALE20", "VESNA"), so "промокод не сработал" or "use code at checkout" are not codes.
CODE = r"(?-i:(?=[A-ZА-ЯЁ_-]*\d|[A-ZА-ЯЁ]{4})[A-ZА-ЯЁ0-9][A-ZА-ЯЁ0-9_-]{2,19})(?![\w-])"
LOOKBEHINDS_RE = re.compile(r"^(?:\(\?<[!=](?:[^()]|\([^()]*\))*\))+")
LEADING_LETTERS_RE = re.compile(r"[^\W\d_]*")
PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)\}")  # not quantifiers like {2,19}


def _leading_words(pattern: str) -> tuple[str, ...]:
    """Lower-case words one of which any match of ``pattern`` starts with, or ``()`` if unknown.

    Running ~25 patterns over a 1,000-character review costs ~0.5 ms; most reviews contain none
    of the words the patterns start with ("промо", "пиши", "dm"...), so a substring test skips them.
    Understands patterns that start (after lookbehinds) with a literal or a ``(?:a|b|c)`` group.
    """
    rest = LOOKBEHINDS_RE.sub("", pattern, count=1)
    if rest.startswith("(?:"):
        depth, end = 0, None
        for i, ch in enumerate(rest):
            depth += (ch == "(") - (ch == ")")
            if depth == 0:
                end = i
                break
        alternatives = _top_level_split(rest[3:end]) if end else []
    else:
        alternatives = [rest]
    words = [LEADING_LETTERS_RE.match(alt).group().lower() for alt in alternatives]
    return tuple(words) if words and all(len(w) >= 2 for w in words) else ()


def _top_level_split(group: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(group):
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            parts.append(group[start:i])
            start = i + 1
    return parts + [group[start:]]


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern, tuple[str, ...]], ...]:
    """``(rule_id, compiled pattern, leading words)`` for every language's patterns."""
    data = [d for _, d in lexicon.each_language(category)]
    alternatives: dict[str, list[str]] = {"code": [CODE]}
    for d in data:
        for name, values in d.get("placeholders", {}).items():
            alternatives.setdefault(name, []).extend(values)
    groups = {name: "(?:" + "|".join(dict.fromkeys(values)) + ")" for name, values in alternatives.items()}
    compiled = []
    for d in data:
        for rule_id, patterns in d.get("patterns", {}).items():
            assert rule_id in RULE_IDS, rule_id
            for pattern in patterns:
                source = PLACEHOLDER_RE.sub(lambda m: groups[m.group(1)], pattern)
                compiled.append((rule_id, re.compile(source, re.IGNORECASE), _leading_words(source)))
    return tuple(compiled)


def advertising_spans(text: str) -> list[tuple[int, int, str]]:
    """``[(start, end, rule_id)]`` of every advertising phrase, in text order, without overlaps."""
    lower, folded = text.lower(), prefilter.fold(text)
    candidates = [
        (m.start(), m.end(), rule_id)
        for rule_id, pattern, words in _patterns()
        if (not words or any(word in lower for word in words)) and prefilter.Lazy.of(pattern).may_match(folded)
        for m in pattern.finditer(text)
    ]
    candidates.sort(key=lambda s: (s[0], s[0] - s[1]))
    spans: list[tuple[int, int, str]] = []
    for span in candidates:
        if not spans or span[0] >= spans[-1][1]:
            spans.append(span)
    return spans


def find(doc):
    for start, end, rule_id in advertising_spans(doc.text):
        yield Finding(start, end - start, category, rule_id, WARNING)
