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
from .base import ERROR, Finding, overlaps

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


@functools.cache
def _patterns() -> tuple[tuple[str, prefilter.Lazy | None, prefilter.Lazy], ...]:
    """(rule_id, trigger, pattern) for every language's verbs and phrases, compiled only when a text needs them.

    Most reviews contain none of the literal words a threat needs (:mod:`..prefilter`). A verb pattern with
    an optional object before the verb is slow to try at every position, so it runs only when its cheap
    trigger (the bare verbs) occurs in the text at all.
    """
    result = []
    for language, data in lexicon.each_language(category):
        rule_id = f"{language.upper()}_THREAT"
        subject, objects = data.get("subject", ""), data.get("objects", {})
        for entry in data.get("verbs", []):
            trigger = _lazy(rf"\b(?:{'|'.join(entry['verbs'])})\b")
            result.append((rule_id, trigger, _lazy(_verb_pattern(subject, entry, objects))))
        result += [(rule_id, None, _lazy(phrase)) for phrase in data.get("phrases", [])]
    return tuple(result)


def find(doc):
    text, folded = doc.text, doc.folded
    taken: list[tuple[int, int]] = []
    for rule_id, trigger, pattern in _patterns():
        if not (trigger or pattern).may_match(folded):
            continue
        if trigger is not None and not trigger.compiled.search(text):
            continue
        for m in pattern.finditer(text, folded):
            start, end = m.span()
            if end == start or overlaps(taken, start, end):
                continue
            bisect.insort(taken, (start, end))
            yield Finding(start, end - start, category, rule_id, ERROR, (), {"phrase": m.group()})
