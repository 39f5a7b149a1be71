"""Insults: words that demean a person or a group (errors).

Marketplaces remove reviews that insult the seller, the courier, support staff or other buyers.
Three kinds of words, all in ``data/<lang>/insult.yaml``:

* ``always`` and ``slurs``: person nouns (идиот, мразь, idiot, scumbag) and slurs against a group,
  insults whatever they refer to;
* ``about_people``: animals and "stupid"-like adjectives (козел, тупой, pig, dumb) that insult only
  when they are about a person. "Тупой нож" and "stupid design" are criticism of the product.

An ``about_people`` word is flagged when a person word (продавец, курьер, вы, ты; seller, you) is at
most ``WINDOW`` words away on either side, inside one clause, and only ``fillers`` (просто, очень,
оказался; is, so, a) or other insult words stand between: "продавец просто тупой", "тупые там
сотрудники", "you are so stupid", "stupid and rude staff". A comma, a sentence end or any other word
breaks the link: in "нож тупой, продавец не ответил" the knife is blunt; in "the seller sent a stupid
design" the design is. In Russian the two words must also agree in number ("ножницы тупые продавец
не ответил" is about the scissors).

Every language's lexicon is checked (an English review may quote a Russian insult); Russian words are
matched by pymorphy3 lemma, English words by the listed form and its plural.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import lexicon
from ..document import CYRILLIC_RE, lemmas_of, parses, token_words
from .lemma_forms import inflections, may_have_listed_lemma
from .base import ERROR, Finding, TokenTest

category = "insult"

# How far (in words) an "about people" word may be from the person it is about.
WINDOW = 3
# How far back a first-person word ("я", "I", "look") makes a name-calling word self-deprecation.
SELF_WINDOW = 4
# Text between two words that ends the clause: the link between an insult and a person stops there.
CLAUSE_BREAK_RE = re.compile(r"[.,;:!?()\[\]…\n\"«»]")

RU = "ru"


@dataclass(frozen=True)
class _Lexicon:
    language: str
    rule_id: str
    always: dict  # form or lemma -> the listed word
    slurs: frozenset[str]  # listed words (of ``always``) that are slurs: never excused as self-talk
    about_people: dict
    prefixes: frozenset[str]  # first two letters of listed words: other words skip lemmatisation
    listed: frozenset[str]  # always and about_people, as looked up
    person_words: frozenset[str]
    fillers: frozenset[str]
    self_words: frozenset[str]
    prepositions: frozenset[str]
    not_forms: frozenset[str]
    excused_after: dict
    excused_before: dict

    def applies_to(self, word) -> bool:
        return word.is_cyrillic if self.language == RU else (word.is_latin and not word.is_cyrillic)

    def keys(self, lower: str) -> frozenset[str]:
        """What a word is looked up by: its lemmas in Russian, the form itself otherwise."""
        return lemmas_of(lower) if self.language == RU else frozenset({lower})

    def kind(self, lower: str) -> tuple[str, str] | None:
        """(listed word, 'always' | 'about_people') for a word of this lexicon's script, or None."""
        keys = self.keys(lower)
        if hit := keys & self.always.keys():
            return self.always[min(hit)], "always"
        if hit := keys & self.about_people.keys():
            return self.about_people[min(hit)], "about_people"
        return None


def _as_is(words) -> dict:
    return {w: w for w in words}


def _with_plurals(words) -> dict:
    """English forms: the word and its plural (idiot, idiots; douchebag, douchebags)."""
    forms = {}
    for w in words:
        forms[w] = w
        forms[w + "es" if w.endswith(("s", "x", "ch", "sh")) else w + "s"] = w
    return forms


@functools.cache
def _lexicons() -> tuple[_Lexicon, ...]:
    result = []
    for language, data in lexicon.each_language(category):
        expand = _as_is if language == RU else _with_plurals
        always = expand(data.get("always", []) + data.get("slurs", []))
        about_people = expand(data.get("about_people", []))
        listed = frozenset(always) | frozenset(about_people)
        result.append(
            _Lexicon(
                language=language,
                rule_id=f"{language.upper()}_INSULT",
                always=always,
                slurs=frozenset(data.get("slurs", [])),
                about_people=about_people,
                prefixes=frozenset(w[:2] for w in (*always, *about_people)),
                listed=listed,
                person_words=frozenset(data.get("person_words", [])),
                fillers=frozenset(data.get("fillers", [])),
                self_words=frozenset(data.get("self_words", [])),
                prepositions=frozenset(data.get("linking_prepositions", [])),
                not_forms=frozenset(data.get("not_forms", [])),
                excused_after={k: frozenset(v) for k, v in (data.get("excused_after") or {}).items()},
                excused_before={k: frozenset(v) for k, v in (data.get("excused_before") or {}).items()},
            )
        )
    return tuple(result)


@functools.lru_cache(maxsize=4096)
def _numbers(lower: str) -> frozenset[str]:
    """Grammatical numbers a Russian word may have ('sing', 'plur'); empty when it has none."""
    return frozenset(p.tag.number for p in parses(lower) if p.tag.number)


def _agree(lex: _Lexicon, insult: str, person: str) -> bool:
    """Russian: "тупые сотрудники" and "продавец тупой" agree, "ножницы тупые продавец" does not."""
    if lex.language != RU or person in ("вы", "вас", "вам", "вами"):  # polite "вы" takes either number
        return True
    a, b = _numbers(insult), _numbers(person)
    return not a or not b or bool(a & b)


def _excused(lex: _Lexicon, hit: str, words, i: int) -> bool:
    """Idioms where a listed word is not about anyone: "защита от дурака", "guinea pig", "idiot proof"."""
    before = lex.excused_after.get(hit)
    if before and i > 0 and lex.keys(words[i - 1].lower) & before:
        return True
    after = lex.excused_before.get(hit)
    return bool(after and i + 1 < len(words) and lex.keys(words[i + 1].lower) & after)


def _same_clause_before(doc, i: int, count: int):
    """Up to ``count`` words before word ``i`` in the same clause, nearest first."""
    words, text = doc.words, doc.text
    for k in range(i - 1, max(-1, i - 1 - count), -1):
        if CLAUSE_BREAK_RE.search(text, words[k].end, words[k + 1].start):
            return
        yield words[k]


def _about_oneself(lex: _Lexicon, doc, i: int) -> bool:
    """"я дура, что купила", "I look like an idiot in it": the buyer calls themselves names."""
    for word in _same_clause_before(doc, i, SELF_WINDOW):
        keys = lex.keys(word.lower)
        if keys & lex.person_words:
            return False
        if keys & lex.self_words:
            return True
    return False


def _about_a_person(lex: _Lexicon, doc, i: int, kinds: list) -> bool:
    """Is the "about people" word at ``i`` linked to a person word within WINDOW words?"""
    words, text = doc.words, doc.text
    for step in (-1, 1):
        j, past_preposition = i, False
        for _ in range(WINDOW):
            k = j + step
            if not 0 <= k < len(words):
                break
            left, right = (words[k], words[j]) if step < 0 else (words[j], words[k])
            if CLAUSE_BREAK_RE.search(text, left.end, right.start):
                break
            j = k
            keys = lex.keys(words[k].lower) if lex.applies_to(words[k]) else frozenset()
            if keys & lex.person_words:
                if past_preposition or _agree(lex, words[i].lower, words[k].lower):
                    return True
                break
            if keys & lex.prepositions:
                past_preposition = True
            elif not (keys & lex.fillers or kinds[k]):
                break
    return False


def _russian() -> _Lexicon:
    return next(lex for lex in _lexicons() if lex.language == RU)


@functools.cache
def _russian_forms() -> frozenset[str]:
    """Every inflection of the Russian listed words: built (or read from the disk cache, whose key loads
    the pymorphy3 dictionary) only when a text has a Cyrillic word to look up, so that a process checking
    English texts never loads pymorphy3."""
    return inflections(_russian().listed)


@functools.lru_cache(maxsize=20_000)
def _russian_kind(lower: str) -> tuple[str, str] | None:
    """A known word that is no inflection of a listed word has no listed lemma: not parsed (see inflections)."""
    return _russian().kind(lower) if may_have_listed_lemma(lower, _russian_forms()) else None


def _listed_words(lex: _Lexicon, doc) -> dict:
    """The text's distinct words (folded) that :meth:`_Lexicon.kind` finds listed, with their kinds.

    Only these words can be insults; most texts have none, and then their words' spans are never built.
    """
    if lex.language != RU:  # looked up by the form itself: one set operation
        return {w: lex.kind(w) for w in doc.vocabulary & lex.listed if w not in lex.not_forms}
    # The Russian lexicon applies to words with Cyrillic letters only (an ASCII text has none: no scan).
    if doc.text.isascii() or not CYRILLIC_RE.search(doc.text):
        return {}
    return {
        w: kind
        for w in doc.vocabulary
        if w[:2] in lex.prefixes and w not in lex.not_forms and (kind := _russian_kind(w)) is not None
    }


def _is_listed(lex: _Lexicon, lower: str) -> bool:
    """:func:`_listed_words`' test for one folded word (the Russian one without the text's Cyrillic test)."""
    if lower in lex.not_forms:
        return False
    if lex.language != RU:
        return lower in lex.listed
    return lower[:2] in lex.prefixes and _russian_kind(lower) is not None


def _holds_listed_word(token: str, folded: str) -> bool:
    return any(_is_listed(lex, w) for w in token_words(token) for lex in _lexicons())


def token_test(language: str) -> TokenTest:
    """Every finding is a word of the text that :func:`_listed_words` keeps (every language's lexicon)."""
    return TokenTest(test=_holds_listed_word)


def _classify(lex: _Lexicon, doc, listed: dict) -> list:
    """Per word: (listed lemma, 'always' | 'about_people') or None."""
    kinds = []
    for word in doc.words:
        kind = listed.get(word.lower)
        kinds.append(kind if kind is not None and lex.applies_to(word) else None)
    return kinds


def find(doc):
    for lex in _lexicons():
        listed = _listed_words(lex, doc)
        if not listed:
            continue
        kinds = _classify(lex, doc, listed)
        for i, kind in enumerate(kinds):
            if kind is None:
                continue
            hit, how = kind
            if _excused(lex, hit, doc.words, i):
                continue
            # "I look like an idiot" is self-deprecation; a slur is removed whoever it names ("I'm not a ...").
            if hit not in lex.slurs and _about_oneself(lex, doc, i):
                continue
            if how == "about_people" and not _about_a_person(lex, doc, i, kinds):
                continue
            word = doc.words[i]
            yield Finding(word.start, len(word.text), category, lex.rule_id, ERROR, (), {"word": word.text})
