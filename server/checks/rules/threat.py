"""Threats of violence or harm against a person or their property (errors).

"Убью", "я тебя найду", "вам не жить", "голову оторву", "сожгу ваш склад"; "I will kill you",
"I know where you live", "I'm going to burn your store". A threat gets the review removed and the
account blocked, so the buyer is told to state the facts and the legal route instead.

Patterns are data (``data/<lang>/threat.yaml``): first-person verbs with the object that makes them a
threat (a person, "you", a body part, the seller's property), within a few words on either side, and
fixed phrases. Ordinary verbs need their object ("найду тебя", not "найду другого продавца"); legal and
consumer steps ("подам в суд", "I'll file a chargeback") and figures of speech with the product as the
subject ("куртка меня убила", "this battery kills me") are not threats and have no pattern.
The span is the whole threat phrase. Every language's patterns are checked; the message follows the
review's language.
"""
from __future__ import annotations

import bisect
import functools
import re

from .. import lexicon, prefilter
from . import word_literals
from .base import ERROR, Finding, TokenTest, overlaps

category = "threat"

# A word between the verb and its object ("я тебя из-под земли достану", "beat the crap out of you").
_GAP_WORD = r"[\w-]+\s+"
FLAGS = re.IGNORECASE | re.UNICODE


def _apostrophes(pattern: str) -> str:
    """Data files write the apostrophe as ’; texts use both ’ and '."""
    return pattern.replace("’", "['’]")


def _verb_pattern(subject: str, entry: dict, objects: dict) -> str:
    verbs = "|".join(entry["verbs"])
    verb = rf"\b(?:{verbs})\b"
    obj = objects[entry["object"]]
    before = rf"(?:{obj}\s+(?:{_GAP_WORD}){{0,{entry.get('gap_before', 0)}}}?)"
    after = rf"(?:\s+(?:{_GAP_WORD}){{0,{entry.get('gap_after', 0)}}}?{obj})"
    if entry.get("object_optional"):
        body = rf"{before}?{verb}{after}?"
    elif "gap_before" in entry:
        body = rf"(?:{before}{verb}|{verb}{after})"
    else:
        body = rf"{verb}{after}"
    not_after = entry.get("not_followed_by")
    tail = rf"(?!\w)(?!\s+(?:{not_after})\b)" if not_after else r"(?!\w)"
    return rf"\b{subject}{body}{tail}"


def _lazy(pattern: str) -> prefilter.Lazy:
    return prefilter.Lazy(_apostrophes(pattern), FLAGS)


def _literals(pattern: prefilter.Lazy) -> tuple[str, ...] | None:
    return prefilter.literals(pattern.source, pattern.flags)


def _any_of(strings) -> re.Pattern:
    """A regex that finds any of ``strings``, as a trie ("i(?:'d|'ll| will)"): with a plain alternation the
    regex engine tries every string at every position, ~4x slower on a review."""

    def trie(suffixes: list[str]) -> str:
        by_first: dict[str, list[str]] = {}
        for suffix in suffixes:
            if suffix:
                by_first.setdefault(suffix[0], []).append(suffix[1:])
        branches = [re.escape(first) + trie(rest) for first, rest in sorted(by_first.items())]
        if not branches:
            return ""
        optional = "" in suffixes
        body = branches[0] if len(branches) == 1 and not optional else f"(?:{'|'.join(branches)})"
        return body + "?" if optional else body

    strings = sorted(set(strings))
    return re.compile(trie(strings) if strings else "(?!)")


def _gate(needs: list) -> re.Pattern | None:
    """One search of the folded text for all the literal sets ``needs`` (one per pattern, None: no literals).

    Each set holds literals one of which every match of its pattern contains, so when the search finds
    none of them no pattern of the group matches. A pattern without literals leaves the group ungated.
    """
    return _any_of(set().union(*needs)) if all(needs) else None


@functools.cache
def _groups() -> tuple[tuple[re.Pattern | None, re.Pattern | None, bool, tuple, tuple], ...]:
    """Per language, (gate, subject gate, gate needs non-ASCII, ((rule_id, trigger, pattern, words), ...), each
    entry's gate literals or None) for its verbs and phrases, compiled only when a text needs them.

    Most reviews contain none of the literal words a threat needs (:mod:`..prefilter`): the gate
    (:func:`_gate`) tells it for all of a language's patterns at once; when every literal of the gate has
    a non-ASCII letter (Russian), an ASCII text cannot hold one, and the gate is not even searched. A verb
    pattern needs the subject ("I will", "we're gonna"), whose literals are fewer in reviews than the
    verbs' ("find", "end"). A verb pattern with an optional object before the verb is slow to try at every
    position, so it runs only when its cheap trigger (the bare verbs) occurs in the text at all, and the
    subject's literals (subject gate). Before any regex runs, an ASCII text must also hold the whole words
    the trigger and the pattern need (:mod:`.word_literals`): "i would not recommend" holds the literal
    "end" of "\\bend\\b" and "should" that of "\\byou\\s+should ... your\\s+back\\b", not the words.
    """
    result = []
    for language, data in lexicon.each_language(category):
        rule_id = f"{language.upper()}_THREAT"
        subject, objects = data.get("subject", ""), data.get("objects", {})
        # Every verb pattern starts with the subject, so each of its matches holds one of these (if any).
        subject_needs = prefilter.literals(_apostrophes(subject), FLAGS) if subject else None
        entries, needs = [], []
        for entry in data.get("verbs", []):
            trigger = _lazy(rf"\b(?:{'|'.join(entry['verbs'])})\b")
            pattern = _lazy(_verb_pattern(subject, entry, objects))
            entries.append((rule_id, trigger, pattern, _words(trigger, pattern)))
            needs.append(subject_needs or _literals(pattern) or _literals(trigger))
        for phrase in data.get("phrases", []):
            pattern = _lazy(phrase)
            entries.append((rule_id, None, pattern, _words(pattern)))
            needs.append(_literals(pattern))
        subject_gate = _gate([subject_needs]) if data.get("verbs") else None
        non_ascii = all(needs) and not any(literal.isascii() for literals in needs for literal in literals)
        result.append((_gate(needs), subject_gate, non_ascii, tuple(entries), tuple(needs)))
    return tuple(result)


def token_test(language: str) -> TokenTest:
    """Every language's patterns apply: each entry's gate literals, and in an ASCII text its word sets
    (find skips an entry whose sets the text misses)."""
    return word_literals.token_test(
        (need, sets) for *_, entries, needs in _groups() for (*_, sets), need in zip(entries, needs)
    )


def _words(*patterns: prefilter.Lazy) -> tuple[frozenset, ...]:
    """The word sets each of whose matches needs (:func:`.word_literals.word_sets`), for all ``patterns``."""
    return tuple(dict.fromkeys(s for p in patterns for s in word_literals.word_sets(p.source, p.flags)))


def find(doc):
    text = doc.text
    taken: list[tuple[int, int]] = []
    ascii_text = text.isascii()  # and so is the folded text
    for gate, subject_gate, non_ascii, entries, _ in _groups():
        if non_ascii and ascii_text:
            continue
        folded = doc.folded
        if gate is not None and not gate.search(folded):
            continue
        runs = word_literals.doc_runs(doc) if ascii_text else None  # None: not ASCII
        has_subject = None  # searched when a verb pattern first needs it
        for rule_id, trigger, pattern, words in entries:
            # The whole words first (a few set operations), then the literals (substring searches).
            by_words = bool(words) and runs is not None
            if (by_words and not word_literals.may_match(words, runs)) or not (trigger or pattern).may_match(folded):
                continue
            if trigger is not None:  # a verb pattern: it needs the subject
                if has_subject is None:
                    has_subject = subject_gate is None or subject_gate.search(folded) is not None
                # The trigger only spares a pattern run; with the verbs there as words, most would pass it.
                if not has_subject or (not by_words and not trigger.compiled.search(text)):
                    continue
            for m in pattern.finditer(text, folded):
                start, end = m.span()
                if end == start or overlaps(taken, start, end):
                    continue
                bisect.insort(taken, (start, end))
                yield Finding(start, end - start, category, rule_id, ERROR, (), {"phrase": m.group()})
