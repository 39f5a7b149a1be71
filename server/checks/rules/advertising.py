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
from . import word_literals
from .base import WARNING, Finding, TokenTest

category = "advertising"

RULE_IDS = ("PROMO_CODE", "BUY_ELSEWHERE", "CONTACT_OFFER")

# A promo code as written: capitals and digits in the original case, with at least one digit or
# four capitals ("SALE20", "VESNA"), so "промокод не сработал" or "use code at checkout" are not codes.
CODE = r"(?-i:(?=[A-ZА-ЯЁ_-]*\d|[A-ZА-ЯЁ]{4})[A-ZА-ЯЁ0-9][A-ZА-ЯЁ0-9_-]{2,19})(?![\w-])"
LOOKBEHINDS_RE = re.compile(r"^(?:\(\?<[!=](?:[^()]|\([^()]*\))*\))+")
LEADING_LETTERS_RE = re.compile(r"[^\W\d_]*")
PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)\}")  # not quantifiers like {2,19}
# Every language's patterns run on every text, but a Russian pattern cannot match an English review:
# a pattern whose every leading word (or, without those, every prefilter literal) has a Latin
# (Cyrillic) letter is skipped when the folded text has none. Safe: folding keeps a-z and а-яё as
# they are and turns whatever IGNORECASE equates with them into them (ſ→s, K→k, ᲀ→в), so a text
# holding one of the words has such a letter in its folded form.
SCRIPTS = LATIN, CYRILLIC = (re.compile(r"[a-z]"), re.compile(r"[а-яё]"))


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


def _script(strings) -> re.Pattern | None:
    """The letters of SCRIPTS each of the ``strings`` has, if any."""
    return next((letters for letters in SCRIPTS if strings and all(map(letters.search, strings))), None)


@functools.cache
def _patterns() -> tuple[tuple, ...]:
    """``(rule_id, pattern, its prefilter literals, leading words, the same folded, letters a text needs,
    whole words it needs: see word_literals.word_sets)``, every language's."""
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
                # Compiled on first use: most never are (their gates say no), and compiling all is ~90 ms of a CLI start.
                regex, words = prefilter.Lazy(source, re.IGNORECASE), _leading_words(source)
                literals = prefilter.literals(regex.source, regex.flags) or ()  # as prefilter.Lazy tests them
                needs = _script(words or literals)
                sets = word_literals.word_sets(source, regex.flags)
                compiled.append((rule_id, regex, literals, words, tuple(map(prefilter.fold, words)), needs, sets))
    return tuple(compiled)


@functools.cache
def _plan(latin: bool, cyrillic: bool) -> tuple[tuple, ...]:
    """The patterns a text with(out) Latin and Cyrillic letters may match (see SCRIPTS)."""
    letters = {LATIN: latin, CYRILLIC: cyrillic}
    return tuple(p for p in _patterns() if p[5] is None or letters[p[5]])


def _matches_at(pattern: re.Pattern, text: str, folded: str, words: tuple[str, ...]):
    """What ``pattern.finditer(text)`` gives, trying the pattern only where one of its leading words starts.

    A scan tries the pattern (its lookbehind first) at every character: ~10 µs per pattern on a
    300-character review, for words like "just" that the review holds once. Every match starts with
    a leading word (:func:`_leading_words`), so at one of these offsets in the folded text (same
    offsets; case-equal characters made equal). Taking the offsets in order, from the end of the last
    match, gives finditer's leftmost non-overlapping matches; ``match`` at an offset still sees the
    text before it (lookbehinds).
    """
    starts = set()
    for word in words:
        at = folded.find(word)
        while at >= 0:
            starts.add(at)
            at = folded.find(word, at + 1)
    end = 0
    for start in sorted(starts):
        if start >= end and (m := pattern.match(text, start)):
            end = m.end()
            yield m


def advertising_spans(
    text: str, folded: str | None = None, runs: frozenset[str] | None = None
) -> list[tuple[int, int, str]]:
    """``[(start, end, rule_id)]`` of every advertising phrase, in text order, without overlaps.

    ``folded``: ``prefilter.fold(text)`` if the caller has it already; ``runs``: the text's
    :func:`.word_literals.text_runs`, for the whole-word gates (None: every pattern passes them)."""
    if folded is None:
        folded = prefilter.fold(text)
    # An ASCII text has no Cyrillic letter: no need to scan it for one (~10 µs on 300 characters).
    cyrillic = not folded.isascii() and bool(CYRILLIC.search(folded))
    patterns = _plan(bool(LATIN.search(folded)), cyrillic)
    lower, candidates = None, []
    for rule_id, pattern, literals, words, folded_words, _, sets in patterns:
        # Each test is a necessary condition of a match, cheapest first: the whole words (set operations),
        # the prefilter's literals (substring tests), the leading words in the text, the regex.
        if not word_literals.may_match(sets, runs):
            continue
        if literals and not any(map(folded.__contains__, literals)):  # prefilter.Lazy.may_match, without its lookup
            continue
        if words:
            if lower is None:
                lower = text.lower()
            if not any(map(lower.__contains__, words)):
                continue
            found = _matches_at(pattern.compiled, text, folded, folded_words)
        else:
            found = pattern.compiled.finditer(text)
        candidates.extend((m.start(), m.end(), rule_id) for m in found)
    candidates.sort(key=lambda s: (s[0], s[0] - s[1]))
    spans: list[tuple[int, int, str]] = []
    for span in candidates:
        if not spans or span[0] >= spans[-1][1]:
            spans.append(span)
    return spans


def token_test(language: str) -> TokenTest:
    """Every pattern (each language's) runs only on a text holding one of its prefilter literals and, in an
    ASCII text, a word of each of its word sets (see advertising_spans)."""
    return word_literals.token_test((p[2], p[6]) for p in _patterns())


def find(doc):
    for start, end, rule_id in advertising_spans(doc.text, doc.folded, word_literals.doc_runs(doc)):
        yield Finding(start, end - start, category, rule_id, WARNING)
