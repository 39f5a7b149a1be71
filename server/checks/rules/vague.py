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
import operator
import re
from dataclasses import dataclass
from re import _parser as sre  # noqa: the parsed form of a pattern, to tell which characters it names

from .. import lexicon, pattern_plans, prefilter
from ..document import token_words
from ..alternatives import Alternatives, language_index
from .base import ALWAYS, HINT, NEVER, Finding, TokenTest, overlaps
from .context import doubted, negated, quoted
from .vague_gate import AsciiGate

category = "vague"

NEGATION_GAP = 2  # "совсем не ужас", "not at all terrible"
FLAGS = re.IGNORECASE | re.UNICODE


class _Fast:
    """The same patterns, case-sensitive, for a text whose lower case is its folded form.

    re's case-insensitive search tries every character (it skips to no cased literal): ~20x slower
    than a case-sensitive one, which also runs only the alternatives whose literals the text holds
    (:mod:`..alternatives`). Matching the lowered text case-sensitively is the same test when the
    patterns name only lower-case characters that fold to themselves and the text has none of the
    characters ``re.IGNORECASE`` equates with others (then ``doc.folded`` is ``text.lower()``, of the
    same length: the same offsets); lower() keeps \\w, \\d and \\s as they were."""

    def __init__(self, kinds: list[list[str]], stems: list[str], number: str | None, language: str):
        self.index = language_index(language)
        self.kinds = [Alternatives(self.index, patterns) for patterns in kinds]
        self.concrete = [Alternatives(self.index, stems, prefix=r"\b")]
        if number:
            self.concrete.append(Alternatives(self.index, [number]))
        every = [a.source for lists in (self.kinds, self.concrete) for alts in lists for a in alts.alternatives]
        # (A fact about each source alone, kept on disk: a fresh process parses none of them.)
        self.usable = all(pattern_plans.memo("lower only", s, lambda s=s: _names_lower_only(sre.parse(s))) for s in every)
        self.gate = AsciiGate([a for alts in self.kinds for a in alts.alternatives])


def _names_lower_only(parsed) -> bool:
    """Are all the characters a parsed pattern names lower case and their own fold?"""
    table, _ = prefilter._fold_table()
    own = lambda c: chr(c).lower() == chr(c) and c not in table  # noqa: E731
    for op, av in parsed:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            ok = own(av)
        elif op is sre.RANGE:
            ok = av[1] - av[0] < 5000 and all(map(own, range(av[0], av[1] + 1)))
        elif op is sre.IN:
            ok = _names_lower_only(av)
        elif op in (sre.SUBPATTERN, sre.ASSERT, sre.ASSERT_NOT):
            ok = _names_lower_only(av[-1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            ok = _names_lower_only(av[2])
        elif op is sre.BRANCH:
            ok = all(map(_names_lower_only, av[1]))
        else:
            ok = op in (sre.AT, sre.CATEGORY, sre.ANY, sre.NEGATE)
        if not ok:
            return False
    return True


@dataclass(frozen=True)
class _Lexicon:
    rule_id: str
    kinds: tuple  # (kind, question, patterns), in priority order
    concrete: prefilter.Lazy
    negators: frozenset[str]
    negation_gap: frozenset[str]
    doubt: frozenset[str]
    fast: _Fast | None


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
    fast = _Fast(
        [[_apostrophes(p) for p in entry["patterns"]] for entry in data["kinds"].values()],
        [_apostrophes(s) for s in stems],
        concrete.get("number"),
        language,
    )
    return _Lexicon(
        rule_id=f"{language.upper()}_VAGUE",
        kinds=kinds,
        concrete=prefilter.Lazy(concrete_re, FLAGS),
        negators=words("negators"),
        negation_gap=words("negation_gap"),
        doubt=words("doubt"),
        fast=fast if fast.usable else None,
    )


def _fast(lex: _Lexicon, text: str, folded: str, bits_of=None) -> tuple[_Fast, int] | None:
    """The case-sensitive patterns and the text's literal bits (``bits_of(folded)``, by default the index's
    ``present``), when they give the same answers."""
    if lex.fast is None or "\u0130" in text or folded != text.lower():
        return None
    return lex.fast, (bits_of or lex.fast.index.present)(folded)


def _concrete(lex: _Lexicon, text: str, folded: str, fast) -> bool:
    if fast is None:
        return bool(lex.concrete.search(text, folded))
    patterns, present = fast
    return any(alternatives.search(folded, present) for alternatives in patterns.concrete)


def is_concrete(text: str, language: str, folded: str | None = None) -> bool:
    """Does the review name a concrete detail (a part, an event, a time, a number...)?

    ``folded``: the text as :func:`..prefilter.fold` gives it, when the caller has it."""
    lex = _lexicon(language)
    if lex is None:
        return False
    folded = prefilter.fold(text) if folded is None else folded
    return _concrete(lex, text, folded, _fast(lex, text, folded))


def _facts(lex: _Lexicon, doc) -> tuple:
    """(the fast patterns and the text's literal bits, or None; is the review concrete?), worked out once
    per document: :func:`find` and the coverage (:func:`doc_is_concrete`) both ask."""
    def work_out():
        fast = _fast_of(lex, doc)
        return fast, _concrete(lex, doc.text, doc.folded, fast)

    return doc.memo("vague.facts", work_out)


def _fast_of(lex: _Lexicon, doc):
    """:func:`_fast` of a document, worked out once (:func:`find` asks before :func:`_facts` does)."""
    from .. import token_gate  # (here: it imports the rules)

    bits_of = functools.partial(token_gate.literal_bits, doc)  # (the token gate worked them out)
    return doc.memo("vague.fast", lambda: _fast(lex, doc.text, doc.folded, bits_of))


def doc_is_concrete(doc) -> bool:
    """:func:`is_concrete` of a document's text (the same answer, shared with :func:`find`)."""
    lex = _lexicon(doc.language)
    return lex is not None and _facts(lex, doc)[1]


def token_test(language: str) -> TokenTest:
    """Any text but an ASCII one: the rule runs (its gate is for ASCII texts; a literal with no piece is in
    every token). In an ASCII text, the gate's test (see .vague_gate) from the run bits of each token's
    words, OR-ed over the text."""
    lex = _lexicon(language)
    if lex is None:
        return NEVER
    if lex.fast is None or not lex.fast.gate.usable:
        return ALWAYS
    gate = lex.fast.gate

    def run_bits(token: str, folded: str) -> int:
        if not token.isascii():
            return 0  # (its text is not ASCII: not read)
        return functools.reduce(operator.or_, map(gate.words.__getitem__, token_words(token)), 0)

    return TokenTest(literals=("",), ascii_literals=(), width=len(gate.runs), features=run_bits, decide=lambda bits, text: gate.live(bits))


def find(doc):
    lex = _lexicon(doc.language)
    if lex is None:
        return
    # No judgement at all is the common case, and then the kinds' patterns below find nothing; each is
    # tried only when the text holds one of its words (a union of them all cost ~0.2 ms per review).
    # An ASCII text (most English reviews) whose words hold the literals of no kind's alternative
    # has no judgement to find (see .vague_gate, asked through the token gate, which the pipeline has
    # asked already): the concreteness test and the kinds' searches are skipped.
    # (An ASCII text folds to its lower case, see .vague_gate: the fast patterns apply.)
    from .. import token_gate  # (here: it imports the rules)

    if lex.fast is not None and doc.text.isascii() and not token_gate.concerns(doc, category):
        return
    # A concrete review gets no hint: asked at the first match only (most texts have none), which
    # finds the same (nothing, when it is concrete).
    fast, starts = _fast_of(lex, doc), None
    taken: list[tuple[int, int]] = []
    for k, (kind, question, pattern) in enumerate(lex.kinds):
        if fast is None:
            found = pattern.finditer(doc.text, doc.folded)
        else:  # the same spans: the folded text has the text's length
            found = fast[0].kinds[k].finditer(doc.folded, fast[1])
        for m in found:
            if starts is None:
                if _facts(lex, doc)[1]:
                    return
                starts = [w.start for w in doc.words]
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
