"""Coverage of the four points a reader needs from a review, and the questions for the missing ones.

``coverage(doc)`` says whether the review names what disappointed, whether it names an unmet
expectation (promised or shown versus what came, or a size that did not fit), and the buyer's
stance on recommending it and on buying again ("yes", "no" or None when not stated).
``hints(result, language)`` turns the gaps into questions for the buyer.

How a stance is read (patterns live in ``data/<language>/coverage.yaml``):
- A trigger counts only in the buyer's own voice: "рекомендую", "I'd recommend". Someone else's
  advice ("мне посоветовала подруга", "the size chart recommends") and size advice ("берите на
  размер больше", "I recommend sizing down") are not stances.
- A negator up to a few words before a "yes" trigger in the same clause makes it "no" ("не
  советую", "would not recommend"); idioms that negate twice are matched first as "yes" ("не могу
  не рекомендовать", "can't recommend it enough", "wouldn't hesitate to recommend").
- Irony (the trigger in quotes, "ага, рекомендую", "рекомендую, если не жалко денег") makes the
  stance unreadable: it is dropped, so the hint asks the buyer to say it plainly. Guessing "no"
  would put words in the buyer's mouth; asking costs one question.
- Several stances: the last one wins (reviews end with their conclusion).
Disappointments and unmet expectations are lexical triggers (Russian defect words by pymorphy3
lemma) that a negator before them cancels. A named defect of any product ("течёт", "stopped working")
counts by itself; a bare judgement ("ужасно", "disappointed") needs a concrete detail somewhere
("нитки не торчат", "not too sheer" are negated); a difference for the better is a pleasant
surprise, not an unmet expectation ("лучше, чем на фото").

Speed: most patterns find nothing in most reviews. Each pattern list runs alternative by alternative,
only those whose literals the review holds (:mod:`.alternatives`, one look-up per word); clause and
sentence bounds are found only once something matched.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re

from .. import prompts
from . import lexicon, prefilter, token_gate
from .alternatives import Alternatives, TokenCache, language_index
from .normalize import plain_letters
from .coverage_patterns import _Anchored, _char_breaks, _pattern, _splitter
from .rules import vague
from .document import CYRILLIC_RE, Document, lemmas_of

POINTS = ("disappointment", "expectations", "recommend", "buy_again")
TOKEN_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
SENTENCE_BREAK_RE = re.compile(r"[.!?…\n]+")
CONTEXT = 80  # characters of context looked at around a trigger (negators, size advice, whose advice)
_SENTENCE_SPLIT = _splitter(SENTENCE_BREAK_RE)


class _Rules:
    """One language's coverage.yaml, compiled once."""

    def __init__(self, data: dict, language: str):
        self.index = language_index(language)  # every pattern's literals, told for a text in one scan
        self.negators = frozenset(data.get("negators", ()))
        self.window = int(data.get("negation_window", 3))
        self.negators_after = _Anchored(  # matched in place, right after the trigger
            self.index, r"\s*(?:" + "|".join(map(re.escape, data["negators_after"])) + r")\b", in_place=True
        ) if data.get("negators_after") else None
        self.clause_break = re.compile(data.get("clause_breaks", r"[.!?…;:,\n]"))
        self.clause_split = _splitter(self.clause_break)
        self.clause_gate, self.clause_chars = _char_breaks(self.index, self.clause_break)
        self.irony = self._union(data.get("irony"))
        self.macros = data.get("macros", {})
        self.stances = {point: self._stance(data.get(point, {})) for point in ("recommend", "buy_again")}
        found = data.get("disappointment", {})
        # Judgements ("ужасно", "disappointed") need a concrete detail somewhere in the review; a named
        # defect ("течёт", "stopped working") is itself the detail, whatever the product.
        self.judgement_lemmas = frozenset(found.get("judgement_lemmas", ()))
        self.defect_lemmas = frozenset(found.get("lemmas", ())) | self.judgement_lemmas
        self.defect_prefixes = frozenset(lemma[:3] for lemma in self.defect_lemmas)
        # Whitespace-free stretch → does a word in it pass the lemma test? (words never hold whitespace)
        self.holds_defect_word = TokenCache(lambda part: any(map(self.is_defect_word, TOKEN_RE.findall(part))))
        self.lemma_exceptions = self._union(found.get("lemma_exceptions"))
        self.defects = self._union(found.get("patterns"))
        self.concrete_defects = self._union(found.get("concrete_patterns"))
        self.defects_cancel = self._union(found.get("cancel_in_clause"))
        unmet = data.get("expectations", {})
        self.unmet = self._union(unmet.get("patterns"))
        self.unmet_despite_pleasant = self._union(unmet.get("patterns_despite_pleasant"))
        self.pleasant = self._union(unmet.get("pleasant"))
        self.unmet_cancel = self._union(unmet.get("cancel_in_clause"))

    def is_defect_word(self, word: str) -> bool:
        # Only words starting like a lemma are parsed (pymorphy3 costs 20-50 µs per new word).
        if word[:3] not in self.defect_prefixes or not CYRILLIC_RE.search(word):
            return False
        return not self.defect_lemmas.isdisjoint(lemmas_of(word))

    def _union(self, patterns, macros: dict | None = None) -> Alternatives | None:
        """Patterns starting at a word, kept apart: each runs only when the text holds its literals."""
        patterns = [patterns] if isinstance(patterns, str) else list(patterns or ())
        if not patterns:
            return None
        return Alternatives(self.index, [_pattern(p, macros) for p in patterns], prefix=r"(?<![\w'])")

    def _anchored(self, pattern: str | None) -> _Anchored | None:
        return _Anchored(self.index, _pattern(pattern)) if pattern else None

    def _stance(self, spec: dict) -> dict:
        return {
            "yes_override": self._union(spec.get("yes_override"), self.macros),
            "no": self._union(spec.get("no"), self.macros),
            "yes": self._union(spec.get("yes"), self.macros),
            "size_advice_after": self._anchored(spec.get("size_advice_after")),
            "not_buyer_before": self._anchored(spec.get("not_buyer_before")),
        }


@functools.cache
def _rules(language: str) -> _Rules | None:
    data = lexicon.load(language, "coverage")
    return _Rules(data, language) if data else None


class _Text:
    """The review in lower case with clause and sentence boundaries, for context look-ups."""

    def __init__(self, doc: Document, rules: _Rules):
        # str.lower() may lengthen a few rare characters; offsets here are internal only.
        self.text = plain_letters(doc.text.lower())
        self.rules = rules
        # fold(plain_letters(lower(x))) is plain_letters(fold(x)): lower() is idempotent, and fold's own
        # per-character table neither touches nor yields ё, е, ’, ` or '; only İ, which fold() alone turns to
        # "i" (lower() gives "i̇"), breaks the equality.
        self.folded = token_gate.plain_folded(doc) if "\u0130" not in doc.text else prefilter.fold(self.text)
        self.present = token_gate.literal_bits(doc, self.folded)  # which patterns may match at all
        self._memo: dict = {}

    # Clauses and sentences are needed only once some pattern matched, which most texts never do.
    @functools.cached_property
    def _clauses(self) -> tuple[list[int], list[int]]:
        rules = self.rules
        if rules.clause_chars is not None and not self.present >> rules.clause_gate & 1:
            return self._bounds(*rules.clause_chars)  # (no "but", "however"...: the one-character breaks)
        return self._bounds(rules.clause_break, rules.clause_split)

    @functools.cached_property
    def _sentences(self) -> tuple[list[int], list[int]]:
        return self._bounds(SENTENCE_BREAK_RE, _SENTENCE_SPLIT)

    def _bounds(self, breaks: re.Pattern, splitter: re.Pattern | None) -> tuple[list[int], list[int]]:
        """Where the stretches between breaks start and end (the text's start, each break's end; each
        break's start, the text's end)."""
        if splitter is not None:  # parts alternate text, break, text...: their running lengths are the bounds
            offsets = [0, *itertools.accumulate(map(len, splitter.split(self.text)))]
            return offsets[0::2], offsets[1::2]
        starts, ends = [0], []
        for m in breaks.finditer(self.text):
            ends.append(m.start())
            starts.append(m.end())
        ends.append(len(self.text))
        return starts, ends

    @staticmethod
    def _span(starts, ends, position: int) -> tuple[int, int]:
        i = bisect.bisect_right(starts, position) - 1
        return starts[i], max(ends[i], position)

    def clause(self, position: int) -> tuple[int, int]:
        return self._span(*self._clauses, position)

    def sentence(self, position: int) -> tuple[int, int]:
        return self._span(*self._sentences, position)

    def negated(self, start: int, end: int) -> bool:
        """A negator up to `window` words before [start, end) in its clause, or right after it.
        Only a bounded stretch is looked at, so a hostile one-clause text stays linear."""
        clause_start, clause_end = self.clause(start)
        before = TOKEN_RE.findall(self.text, max(clause_start, start - CONTEXT), start)[-self.rules.window:]
        if any(w in self.rules.negators or w.endswith("n't") for w in before):
            return True
        after = self.rules.negators_after
        return bool(after and after.search(self, end, min(clause_end, end + CONTEXT), anchored=True))

    def _has(self, pattern: Alternatives | None, span: tuple[int, int]) -> bool:
        # Memoised per (pattern, span): many triggers in one long clause search it once.
        if pattern is None:
            return False
        key = (id(pattern), span)
        if key not in self._memo:
            self._memo[key] = pattern.search(self.text, self.present, *span)
        return self._memo[key]

    def clause_has(self, pattern: Alternatives | None, position: int) -> bool:
        return self._has(pattern, self.clause(position))

    def sentence_has(self, pattern: Alternatives | None, position: int) -> bool:
        return self._has(pattern, self.sentence(position))

    def ironic(self, position: int) -> bool:
        """Irony markers in the sentence, or just after it ("рекомендую всем... не")."""
        start, end = self.sentence(position)
        return self._has(self.rules.irony, (start, min(len(self.text), end + 12)))


def _stance(t: _Text, spec: dict) -> str | None:
    """'yes', 'no' or None: the last readable stance in the text."""
    taken_starts: list[int] = []  # phrases already read, kept sorted and disjoint
    taken_ends: list[int] = []
    stances: list[tuple[int, str]] = []
    for kind in ("yes_override", "no", "yes"):
        pattern = spec[kind]
        if pattern is None:
            continue
        for m in pattern.finditer(t.text, t.present):
            start, end = m.span()
            i = bisect.bisect_left(taken_starts, end)
            if i and taken_ends[i - 1] > start:
                continue  # part of a phrase already read ("не могу не рекомендовать")
            clause_start, clause_end = t.clause(start)
            before = spec["not_buyer_before"]
            if before and before.search(t, max(clause_start, start - CONTEXT), start):
                continue  # someone else's advice
            after = spec["size_advice_after"]
            if kind == "yes" and after and after.search(t, end, min(clause_end, end + CONTEXT), anchored=True):
                continue  # "берите на размер больше", "recommend sizing down"
            taken_starts.insert(i, start)
            taken_ends.insert(i, end)
            if t.ironic(start):
                continue  # irony: not read literally, the hint will ask
            stance = "no" if kind == "no" or (kind == "yes" and t.negated(start, end)) else "yes"
            stances.append((start, stance))
    return max(stances)[1] if stances else None


def _unmet(t: _Text) -> bool:
    r = t.rules
    for pattern, pleasant in ((r.unmet_despite_pleasant, None), (r.unmet, r.pleasant)):
        for m in pattern.finditer(t.text, t.present) if pattern else ():
            start = m.start()
            if t.negated(start, m.end()) or t.clause_has(r.unmet_cancel, start) or t.sentence_has(pleasant, start):
                continue
            return True
    return False


def _defect(t: _Text) -> str | None:
    """'concrete' when a named defect is found, 'judgement' when only a complaint that needs a detail, else None."""
    r = t.rules
    found = None
    for m in r.concrete_defects.finditer(t.text, t.present) if r.concrete_defects else ():
        if not (t.negated(*m.span()) or t.clause_has(r.defects_cancel, m.start())):
            return "concrete"
    for m in r.defects.finditer(t.text, t.present) if r.defects else ():
        if not (t.negated(*m.span()) or t.clause_has(r.defects_cancel, m.start())):
            found = "judgement"
            break
    if not r.defect_lemmas or not any(map(r.holds_defect_word.__getitem__, t.text.split())):
        return found  # no word below would pass the lemma test
    for m in TOKEN_RE.finditer(t.text):
        word = m.group()
        if not r.is_defect_word(word):
            continue
        lemmas = lemmas_of(word)
        if t.negated(*m.span()) or t.clause_has(r.lemma_exceptions, m.start()):
            continue
        if t.clause_has(r.defects_cancel, m.start()):
            continue
        if r.judgement_lemmas.isdisjoint(lemmas):
            return "concrete"
        found = "judgement"
    return found


def _disappointed(t: _Text, doc: Document) -> bool:
    found = _defect(t)
    return found == "concrete" or (found == "judgement" and vague.doc_is_concrete(doc))


def coverage(doc: Document) -> dict:
    """Which of the four points the review covers: two booleans and two stances (yes/no/None)."""
    rules = _rules(doc.language)
    if rules is None or not doc.text.strip():
        return {"disappointment": False, "expectations": False, "recommend": None, "buy_again": None}
    t = _Text(doc, rules)
    expectations = _unmet(t)
    return {
        # A size that did not fit or a broken promise is itself something that disappointed. A complaint
        # counts only with a concrete detail somewhere (the vague rule's test): "Ужас" alone names nothing.
        "disappointment": expectations or _disappointed(t, doc),
        "expectations": expectations,
        "recommend": _stance(t, rules.stances["recommend"]),
        "buy_again": _stance(t, rules.stances["buy_again"]),
    }


# --- questions for the points the review misses -------------------------------------------------
# The questions are the guided flow's hints (prompts/<language>.yaml), so the checker asks what the flow asks.


def hints(result: dict, language: str) -> list[dict]:
    """One question per point the review does not cover (False or None), in the fixed order."""
    asked = prompts.questions(language)
    return [{"point": p, "question": asked[p]} for p in POINTS if result.get(p) in (False, None)]
