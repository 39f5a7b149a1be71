"""Vague judgements: "ужас", "плохое качество", "не берите"; "terrible", "bad quality" (hints).

A judgement with nothing behind it tells other buyers little (and a seller can dismiss it). The rule
asks, per kind of judgement (quality, value, recommendation, dislike, general), the question that would
make it concrete: «Что именно не так с качеством: шов, ткань, запах, размер?». No replacements: only
the buyer knows the answer.

Policy, decided for the whole review (not per sentence):

* The review is **concrete** when it matches anything in ``concrete`` of ``data/<lang>/vague.yaml``:
  a part or material of the product (шов, молния, ткань, размер; zipper, seam, fabric, size), something
  that happened or was done (порвалась, полиняла, вернула; tore, shrank, returned), usage, the body or a
  comparison (после стирки, в плечах, чем на фото; after washing, in the shoulders, than pictured),
  a time or a quantity (через неделю, две пары; a week, two), or any digit that is not a star rating.
  A concrete review gets no hint at all: "Ужас: молния сломалась через 2 дня" is fine as it is, and
  one detail anywhere backs every judgement in a short review.
* Otherwise every vague phrase gets a hint ("Ужас, не берите" → two hints), except when it is negated
  ("не ужас", "not terrible", "you won't be disappointed"), quoted, or a fear that did not come true
  ("думала, будет ужас, но нет", "I was worried it would be junk"). Those tests are the accusation
  rule's (see :mod:`.accusation`), with this rule's own word lists.

Only the review's language is checked: the question must be in the buyer's language. Positive
judgements ("супер", "great") are not flagged: nobody removes or discounts them for being short.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from .. import lexicon, prefilter
from .accusation import doubted, negated, overlaps, quoted
from .base import HINT, Finding

category = "vague"

NEGATION_GAP = 2  # "совсем не ужас", "not at all terrible"
FLAGS = re.IGNORECASE | re.UNICODE


@dataclass(frozen=True)
class _Lexicon:
    rule_id: str
    kinds: tuple  # (kind, question, patterns), in priority order
    concrete: prefilter.Lazy
    negators: frozenset[str]
    negation_gap: frozenset[str]
    doubt: frozenset[str]


def _apostrophes(pattern: str) -> str:
    """Data files write the apostrophe as ’; texts use both ’ and '."""
    return pattern.replace("’", "['’]")


def _either(patterns) -> str:
    return "|".join(f"(?:{_apostrophes(p)})" for p in patterns)


@functools.lru_cache(maxsize=None)
def _lexicon(language: str) -> _Lexicon | None:
    data = lexicon.load(language, category)
    if not data:
        return None
    kinds = tuple(
        (kind, entry["question"], prefilter.Lazy(_either(entry["patterns"]), FLAGS))
        for kind, entry in data["kinds"].items()
    )
    concrete = data.get("concrete", {})
    stems = [s for key in ("aspects", "events", "context") for s in concrete.get(key, [])]
    concrete_re = rf"\b(?:{_either(stems)})"
    if concrete.get("number"):
        concrete_re += f"|{concrete['number']}"
    words = lambda key: frozenset(str(w).lower() for w in data.get(key, []))  # noqa: E731
    return _Lexicon(
        rule_id=f"{language.upper()}_VAGUE",
        kinds=kinds,
        concrete=prefilter.Lazy(concrete_re, FLAGS),
        negators=words("negators"),
        negation_gap=words("negation_gap"),
        doubt=words("doubt"),
    )


def is_concrete(text: str, language: str, folded: str | None = None) -> bool:
    """Does the review name a concrete detail (a part, an event, a time, a number...)?

    ``folded``: the text as :func:`..prefilter.fold` gives it, when the caller has it."""
    lex = _lexicon(language)
    return bool(lex and lex.concrete.search(text, prefilter.fold(text) if folded is None else folded))


def find(doc):
    lex = _lexicon(doc.language)
    # No judgement at all is the common case, and then the kinds' patterns below find nothing; each is
    # tried only when the text holds one of its words (a union of them all cost ~0.2 ms per review).
    if lex is None or lex.concrete.search(doc.text, doc.folded):
        return
    starts = [w.start for w in doc.words]
    taken: list[tuple[int, int]] = []
    for kind, question, pattern in lex.kinds:
        for m in pattern.finditer(doc.text, doc.folded):
            start, end = m.span()
            i = bisect.bisect_left(starts, start)
            if (
                end == start
                or i == len(starts)
                or overlaps(taken, start, end)
                or negated(doc, i, lex.negators, lex.negation_gap, NEGATION_GAP)
                or quoted(doc.text, start)
                or doubted(doc, i, lex.doubt)
            ):
                continue
            bisect.insort(taken, (start, end))
            yield Finding(start, end - start, category, lex.rule_id, HINT, (), {"question": question})
