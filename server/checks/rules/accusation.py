"""Accusations: criminal or moral labels stated as fact (warnings).

"Мошенники", "меня обманули", "это развод", "воры"; "scam", "thieves", "they stole my money". A seller
gets such a review removed by complaining that the accusation is unproven, while a fact ("продавец не
вернул деньги через 14 дней после возврата") cannot be removed. The message names the label and
shows, per kind of label (fraud, theft, lying, counterfeit), the kind of fact to write instead. No
literal replacement is offered: one fact never fits in place of one word.

Labels are data (``data/<lang>/accusation.yaml``): Russian dictionary forms matched by pymorphy3 lemma,
exact word forms where other forms are innocent ("развод" yes, "до развода" no), and regular
expressions for labels that need their object ("меня кинули", not "кинул в корзину").

A label is NOT an accusation when:

* **negated**: a negator (не, нет, никакого, без; not, no, isn't, never) stands before it in the same
  clause with at most ``NEGATION_GAP`` of the listed gap words between: "это вовсе не развод",
  "никакого обмана", "без обмана", "it's not a scam", "not a scam at all", "isn't really a fraud".
  A comma ends the clause, so "деньги не вернули, мошенники" is still an accusation.
* **quoted**: it stands inside quotation marks («мошенники», „обман“, "scam", “scam”) on its line: the
  buyer reports what others say ("«мошенники» — так пишут в отзывах, но...").
* **a fear that did not come true**: a doubt word (думала, боялась, вдруг, если; thought, worried,
  afraid, if) stands up to ``DOUBT_WINDOW`` words earlier in the same sentence (commas allowed):
  "думала, что развод, но нет", "I thought it was a scam but it arrived".
* **about third parties**: "защита от мошенников", "телефонные мошенники", "мошенники звонят от имени
  банка", "scam calls", "card fraud" (the word right before or one of the two after is listed).
* **a confession**: "я" / "I" up to ``SELF_WINDOW`` words before it in the clause ("я ее конфеты
  украла", "I stole my sister's sweater").
* **an idiom**: "обман зрения", "подделка под кожу", "stole the show", "stole my heart".

Product words with a different lemma ("обманчивое фото", "обманчивый размер") are not listed, and
"врать" is left out on purpose ("размер врёт" is about the product). Only the review's language is
checked: this is advice on wording, not harm, and the example fact must be in the buyer's language.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from .. import lexicon, prefilter
from . import word_literals
from ..document import lemmas_of, token_words
from .lemma_forms import inflections, may_have_listed_lemma
from .base import ALWAYS, NEVER, WARNING, Finding, TokenTest, overlaps
from .context import CLAUSE_BREAK_RE, after, before, doubted, negated, quoted

category = "accusation"

SELF_WINDOW = 3  # "я ее конфеты украла": a first-person subject this close makes a confession
FLAGS = re.IGNORECASE | re.UNICODE
RU = "ru"


@dataclass(frozen=True)
class _Lexicon:
    rule_id: str
    by_lemma: dict  # lemma -> kind (Russian)
    by_form: dict  # exact lower-case form -> kind
    prefixes: frozenset[str]  # first three letters of listed words: other words skip lemmatisation
    lemma_forms: frozenset[str]  # every inflection of by_lemma: other known words skip it too (see inflections)
    phrases: tuple  # (prefiltered regex, kind, words it needs: see word_literals.word_sets)
    phrase_gate: tuple | None  # the literals some phrase needs (folded text): none there, no phrase
    forms: frozenset[str]  # by_form's keys, for one set operation with the vocabulary
    idioms: re.Pattern | None
    facts: dict  # kind -> example fact for the message
    negators: frozenset[str]
    negation_gap: frozenset[str]
    doubt: frozenset[str]
    third_party_before: frozenset[str]
    third_party_after: frozenset[str]
    self_words: frozenset[str]
    not_confession: frozenset[str]


def _either(patterns) -> re.Pattern | None:
    patterns = list(patterns)
    return re.compile("|".join(f"(?:{p})" for p in patterns), FLAGS) if patterns else None


@functools.lru_cache(maxsize=None)
def _lexicon(language: str) -> _Lexicon | None:
    data = lexicon.load(language, category)
    if not data:
        return None
    kinds = data.get("kinds", {})
    by_lemma = {lemma: kind for kind, entry in kinds.items() for lemma in entry.get("lemmas", [])}
    by_form = {form: kind for kind, entry in kinds.items() for form in entry.get("forms", [])}
    words = lambda key: frozenset(str(w).lower() for w in data.get(key, []))  # noqa: E731
    phrases = data.get("phrases") or {}
    return _Lexicon(
        rule_id=f"{language.upper()}_ACCUSATION",
        by_lemma=by_lemma,
        by_form=by_form,
        prefixes=frozenset(w[:3] for w in (*by_lemma, *by_form)),
        lemma_forms=inflections(by_lemma) if language == RU else frozenset(),
        phrases=tuple(
            (prefilter.Lazy(p, FLAGS), kind, word_literals.word_sets(p, FLAGS))
            for kind, patterns in phrases.items()
            for p in patterns
        ),
        phrase_gate=_literal_gate(p for patterns in phrases.values() for p in patterns),
        forms=frozenset(by_form),
        idioms=_either(data.get("idioms", [])),
        facts={kind: entry["fact"] for kind, entry in kinds.items()},
        negators=words("negators"),
        negation_gap=words("negation_gap"),
        doubt=words("doubt"),
        third_party_before=words("third_party_before"),
        third_party_after=words("third_party_after"),
        self_words=words("self_words"),
        not_confession=words("not_confession"),
    )


def _literal_gate(patterns) -> tuple[str, ...] | None:
    """The literals of all ``patterns`` (:func:`.prefilter.literals`): a pattern only matches a text holding
    one of its literals, so a folded text holding none of these matches no pattern. None when a pattern has
    no literal (every text passes). A few substring tests are several times faster than one regex search."""
    alternatives = set()
    for pattern in patterns:
        found = prefilter.literals(pattern, FLAGS)
        if not found:
            return None
        alternatives.update(found)
    return tuple(sorted(alternatives))


def _holds_one(folded: str, literals: tuple[str, ...] | None) -> bool:
    if literals is None:
        return True
    for literal in literals:  # a plain loop: cheaper than any() over a generator
        if literal in folded:
            return True
    return False


@functools.lru_cache(maxsize=20_000)
def _lemma_kind(language: str, lower: str) -> str | None:
    """The kind of a Russian word whose lemma is listed (its first letters are a listed word's)."""
    lex = _lexicon(language)
    if not may_have_listed_lemma(lower, lex.lemma_forms):
        return None
    hit = lemmas_of(lower) & lex.by_lemma.keys()
    return lex.by_lemma[min(hit)] if hit else None


def _labels(lex: _Lexicon, language: str, vocabulary: frozenset[str]) -> tuple[dict, dict]:
    """The text's distinct words that are labels: (exact form -> kind, form with a listed lemma -> kind).

    A word of the text has a kind only if it is here (:func:`_word_kind`; one with a listed lemma also
    needs Cyrillic letters, which only the word itself tells): most texts have none.
    """
    by_form = {w: lex.by_form[w] for w in vocabulary & lex.forms}
    by_lemma = {}
    if language == RU:
        for lower in vocabulary:
            if lower[:3] in lex.prefixes and lower not in by_form and (kind := _lemma_kind(language, lower)):
                by_lemma[lower] = kind
    return by_form, by_lemma


def token_test(language: str) -> TokenTest:
    """A finding is a phrase (which holds a literal of the phrase gate) or a label: a word of the text
    :func:`_labels` keeps (the lemma's Cyrillic test aside)."""
    lex = _lexicon(language)
    if lex is None:
        return NEVER
    if lex.phrase_gate is None:
        return ALWAYS

    def holds_label(token: str, folded: str) -> bool:
        for lower in token_words(token):
            if lower in lex.forms or (language == RU and lower[:3] in lex.prefixes and _lemma_kind(language, lower)):
                return True
        return False

    return TokenTest(literals=lex.phrase_gate, test=holds_label)


def _word_kind(labels: tuple[dict, dict], word) -> str | None:
    by_form, by_lemma = labels
    lower = word.lower
    if lower in by_form:
        return by_form[lower]
    return by_lemma.get(lower) if lower in by_lemma and word.is_cyrillic else None


def _phrases(lex: _Lexicon, doc) -> list:
    """The phrases (regex, kind) that may match the text: it holds one of the literals some phrase needs
    (one search), and, when it is ASCII, the whole words that phrase needs (:mod:`.word_literals`: "con" is
    in "second", the word "con" is not)."""
    if not _holds_one(doc.folded, lex.phrase_gate):
        return []
    runs = word_literals.doc_runs(doc)
    return [
        (pattern, kind)
        for pattern, kind, words in lex.phrases
        if word_literals.may_match(words, runs) and pattern.may_match(doc.folded)
    ]


def _candidates(phrases: list, labels: tuple[dict, dict], doc, starts: list[int], ends: list[int]):
    """(start, end, first word, last word, kind): phrases first, then single words outside them."""
    found, covered = [], set()
    for pattern, kind in phrases:
        for m in pattern.finditer(doc.text, doc.folded):
            first, last = bisect.bisect_left(starts, m.start()), bisect.bisect_left(ends, m.end())
            if first < len(starts) and starts[first] == m.start() and not covered.intersection((first, last)):
                found.append((m.start(), m.end(), first, last, kind))
                covered.update(range(first, last + 1))
    for i, word in enumerate(doc.words):
        if i not in covered and (kind := _word_kind(labels, word)):
            found.append((word.start, word.end, i, i, kind))
    return sorted(found)


def _about_third_party(lex: _Lexicon, doc, first: int, last: int) -> bool:
    return any(w.lower in lex.third_party_before for w in before(doc, first, 1, CLAUSE_BREAK_RE)) or any(
        w.lower in lex.third_party_after for w in after(doc, last, 2, CLAUSE_BREAK_RE)
    )


def _confession(lex: _Lexicon, doc, first: int) -> bool:
    """"я её конфеты украла": the buyer speaks of themselves (not "я был обманут", "I got scammed")."""
    for word in before(doc, first, SELF_WINDOW, CLAUSE_BREAK_RE):
        if word.lower in lex.not_confession:
            return False
        if word.lower in lex.self_words:
            return True
    return False


def find(doc):
    lex = _lexicon(doc.language)
    if lex is None:
        return
    labels = _labels(lex, doc.language, doc.vocabulary)
    phrases = _phrases(lex, doc)
    # Most reviews hold no label and no phrase can match: nothing to find, and the words' spans are
    # never built (a phrase must start at a word, a label is a word of the vocabulary).
    if not any(labels) and not phrases:
        return
    starts, ends = [w.start for w in doc.words], [w.end for w in doc.words]
    candidates = _candidates(phrases, labels, doc, starts, ends)
    if not candidates:
        return
    idioms = [m.span() for m in lex.idioms.finditer(doc.text)] if lex.idioms else []
    for start, end, first, last, kind in candidates:
        if (
            overlaps(idioms, start, end)
            or negated(doc, first, lex.negators, lex.negation_gap)
            or quoted(doc.text, start)
            or doubted(doc, first, lex.doubt)
            or _about_third_party(lex, doc, first, last)
            or _confession(lex, doc, first)
        ):
            continue
        word = doc.text[start:end]
        yield Finding(start, end - start, category, lex.rule_id, WARNING, (), {"word": word, "fact": lex.facts[kind]})
