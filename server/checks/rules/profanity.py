"""Profanity: Russian мат and English profanity (errors), milder vulgar words (warnings).

Words and patterns live in ``data/<lang>/profanity.yaml``; every language's lexicon is checked,
whatever the review's language, since an English review with Russian мат is rejected all the same.
Each word is tested whole against root patterns with their allowed prefixes and endings, so that
innocent words sharing letters (хлебать, страхуй, мандарин, Scunthorpe, cocktail) stay out. Dodges
are undone word by word (see :mod:`server.checks.normalize`): look-alike letters, leetspeak,
stretching, separators, masks and transliteration. Decisions are cached per word, and most texts are
proved clean from the words' cached decisions alone (:mod:`.profanity_gate`).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import lexicon, normalize
from ..document import is_known_russian_word, lemmas_of
from . import profanity_gate
from .base import SEVERITY_RANK, Finding, TokenTest

category = "profanity"

# Words of one letter each, split by spaces, dots or dashes: "х у й", "б. л. я", "f-u-c-k".
SPLIT_GAP_RE = re.compile(r"[ \t.\-_*]{1,3}")
MIN_SPLIT_LETTERS = 3
# Pieces of a token glued by dots, dashes or masks ("пиздец...не", "позвонила..блять", "пиздец*"):
# checked one by one when the token read whole is innocent.
PIECE_RE = re.compile(r"[^.\-_'’…*#%]{3,}")
# Leet signs that may start a word ("$hit", "@ss"); the document's word regex leaves them out.
LEADING_LEET = "$@"


@dataclass(frozen=True)
class Verdict:
    rule_id: str
    severity: str
    language: str  # the lexicon that matched: its replacements apply
    form: str  # the word as matched, normalised (e.g. "пиздец" for "п***ц")


@dataclass(frozen=True)
class CompiledRule:
    rule_id: str
    severity: str
    patterns: re.Pattern | None  # whole words in the lexicon's own script
    translit: re.Pattern | None  # whole words of another script (Latin blyat for Russian)
    inside_unknown: re.Pattern | None  # roots searched inside words the dictionary does not know


@dataclass(frozen=True)
class Lexicon:
    language: str
    latin_script: bool
    rules: tuple[CompiledRule, ...]  # most severe first
    innocent: re.Pattern | None
    names: frozenset[str]
    mask_targets: tuple[str, ...]
    lemmas: dict
    forms: dict


def _alternation(patterns, fragments) -> re.Pattern | None:
    if not patterns:
        return None
    expanded = [re.sub(r"<(\w+)>", lambda m: fragments[m.group(1)], p) for p in patterns]
    return re.compile("|".join(f"(?:{p})" for p in expanded))


@functools.cache
def _lexicons() -> tuple[Lexicon, ...]:
    out = []
    for language, data in lexicon.each_language("profanity"):
        fragments = data.get("fragments", {})
        rules = sorted(data["rules"].items(), key=lambda item: SEVERITY_RANK[item[1]["severity"]])
        compiled = tuple(
            CompiledRule(
                rule_id,
                spec["severity"],
                _alternation(spec.get("patterns"), fragments),
                _alternation(spec.get("translit"), fragments),
                _alternation(spec.get("inside_unknown"), fragments),
            )
            for rule_id, spec in rules
        )
        out.append(
            Lexicon(
                language=language,
                latin_script=lexicon.load(language, "language").get("script") == "latin",
                rules=compiled,
                innocent=_alternation(data.get("innocent"), fragments),
                names=frozenset(data.get("names", ())),
                mask_targets=tuple(data.get("mask_targets", ())),
                lemmas=data.get("lemmas", {}),
                forms=data.get("forms", {}),
            )
        )
    return tuple(out)


def _match(lex: Lexicon, form: str, transliterated: bool = False) -> Verdict | None:
    """The verdict for one normalised word against one lexicon, or None."""
    if lex.innocent and lex.innocent.fullmatch(form):
        return None
    for rule in lex.rules:
        pattern = rule.translit if transliterated else rule.patterns
        if pattern and pattern.fullmatch(form):
            return Verdict(rule.rule_id, rule.severity, lex.language, form)
    if transliterated:
        return None
    for rule in lex.rules:
        # A root inside an unknown word: a made-up compound (мозгоёб), not a dictionary word
        # (страхуй). Only Russian has such roots and a dictionary (pymorphy3) to tell them apart.
        if rule.inside_unknown and rule.inside_unknown.search(form) and not is_known_russian_word(form):
            return Verdict(rule.rule_id, rule.severity, lex.language, form)
    return None


@functools.cache
def _innocent_phrases() -> re.Pattern | None:
    """Phrases in which a flagged word is innocent ("pussy willow"), from every lexicon."""
    phrases = [p for _, data in lexicon.each_language("profanity") for p in data.get("innocent_phrases", ())]
    return re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE) if phrases else None


def _first(verdicts) -> Verdict | None:
    found = [v for v in verdicts if v]
    return min(found, key=lambda v: SEVERITY_RANK[v.severity]) if found else None


def _cyrillic_forms(word: str):
    for form in normalize.cyrillic_readings(word):
        yield form
        collapsed = normalize.collapse_repeats(form)
        # хуууй → хуй, ссука → сука; but only for a word the dictionary does not know (масса, ссора).
        if collapsed != form and not is_known_russian_word(form):
            yield collapsed


def _latin_forms(word: str):
    form = normalize.unleet(word)
    yield form
    yield normalize.shorten_repeats(form)  # assss → ass
    yield normalize.collapse_repeats(form)  # fuuuck → fuck, shitt → shit


def _plain_verdict(word: str) -> Verdict | None:
    """A word without masks or separators, as written (case kept: it tells names from words)."""
    cyrillic_lexicons = [lex for lex in _lexicons() if not lex.latin_script]
    if normalize.has_cyrillic(word):
        return _first(_match(lex, f) for f in dict.fromkeys(_cyrillic_forms(word)) for lex in cyrillic_lexicons)
    if not normalize.has_latin(word):
        return None
    is_name = word[:1].isupper() and word[1:].islower()
    verdicts = []
    for form in dict.fromkeys(_latin_forms(word)):
        for lex in _lexicons():
            if is_name and form in lex.names:  # Dick Francis, Nguyen Huy
                continue
            verdicts.append(_match(lex, form, transliterated=not lex.latin_script))
    if normalize.all_lookalikes(word):  # CYKA, xyu: Latin letters that read as Cyrillic
        verdicts += [_match(lex, f) for f in dict.fromkeys(_cyrillic_forms(word)) for lex in cyrillic_lexicons]
    return _first(verdicts)


def _masked_verdict(word: str) -> Verdict | None:
    """бл*ть, х..ня, f**k: a masked word counts when it can stand for one of the canonical forms."""
    if not any(ch.isalpha() for ch in word):  # "5*" is a rating, not a masked "s*"
        return None
    form = normalize.cyrillize(word) if normalize.has_cyrillic(word) else normalize.unleet(word)
    if normalize.shortest_unmasked(form) > _longest_mask_target():
        return None  # "держится..а", "себе...ткань": dots between words, longer than any word they could hide
    pattern = normalize.mask_regex(form)
    if pattern is None:
        return None
    targets = [t for lex in _lexicons() for t in lex.mask_targets if pattern.fullmatch(t)]
    verdicts = [_plain_verdict(t) for t in targets]
    verdict = _first(verdicts)
    if verdict and len(set(targets)) > 1:  # several words fit the mask: no single replacement
        verdict = Verdict(verdict.rule_id, verdict.severity, verdict.language, "")
    return verdict


@functools.cache
def _longest_mask_target() -> int:
    return max((len(t) for lex in _lexicons() for t in lex.mask_targets), default=0)


@functools.lru_cache(maxsize=50_000)
def verdict_for(word: str) -> Verdict | None:
    """The decision for one word of the text, read whole (with whatever masks and separators it carries)."""
    if profanity_gate.clear_cyrillic(word):
        return None
    if normalize.is_masked(word):
        return _masked_verdict(word)
    return _plain_verdict(normalize.join_separated(word))  # б.л.я.т.ь, х-у-й, по-хую → one word


@functools.lru_cache(maxsize=4096)
def _replacement(verdict: Verdict, written: str) -> tuple[str, ...]:
    lex = next(lex for lex in _lexicons() if lex.language == verdict.language)
    neutral = lex.forms.get(verdict.form)
    if neutral is None and lex.lemmas:
        neutral = _inflected(verdict.form, lex.lemmas)
    if neutral is None:
        return ()
    if neutral and written[:1].isupper():
        neutral = neutral[0].upper() + neutral[1:]
    return (neutral,)


def _inflected(form: str, lemmas: dict) -> str | None:
    """The neutral word for ``form`` put in the same case, number and gender (хуёвая → плохая)."""
    if not normalize.has_cyrillic(form) or not any(lemma in lemmas for lemma in lemmas_of(form)):
        return None
    from ..document import morph  # pymorphy is only needed for the rare word that has a rewording

    for parse in morph().parse(form):
        neutral = lemmas.get(parse.normal_form.replace("ё", "е"))
        if neutral is None:
            continue
        tag = parse.tag
        grammemes = {g for g in (tag.case, tag.number, tag.gender, tag.tense, tag.person) if g}
        target = morph().parse(neutral)[0].inflect(grammemes) if grammemes else None
        return target.word if target else neutral
    return None


def _split_letter_runs(doc):
    """Runs of one-letter words separated by spaces or dots: ("х у й", start, end)."""
    words, text = doc.words, doc.text
    i = 0
    while i < len(words):
        j = i
        while (
            j + 1 < len(words)
            and len(words[j].text) == 1
            and len(words[j + 1].text) == 1
            and SPLIT_GAP_RE.fullmatch(text[words[j].end : words[j + 1].start])
        ):
            j += 1
        if j - i + 1 >= MIN_SPLIT_LETTERS:
            yield "".join(w.text for w in words[i : j + 1]), words[i].start, words[j].end
        i = j + 1


def _token_findings(token: str, start: int) -> list[Finding]:
    """Findings in one token of the text: the token read whole, or the pieces it is glued from.

    A token may be one word in disguise (б.л.я.т.ь, х-у-й, пиз-дец, f**k) or several words glued by
    dots, dashes or masks (пиздец...не, лайка.долбоебизм, пиздец*). Masks and letters split one or
    two at a time mean one word; otherwise the pieces are tried first, so the span is the offending word.
    """
    verdict = verdict_for(token)
    whole = [_finding(verdict, token, start, start + len(token))] if verdict else []
    if token.isalnum():
        return whole
    split_letters = normalize.is_masked(token) or any(len(p) <= 2 for p in normalize.SEPARATORS_RE.split(token))
    if whole and split_letters:
        return whole
    pieces = []
    for m in PIECE_RE.finditer(token):
        if m.group() != token and (verdict := verdict_for(m.group())):
            pieces.append(_finding(verdict, m.group(), start + m.start(), start + m.end()))
    return pieces or whole


def _finding(verdict: Verdict, written: str, start: int, end: int) -> Finding:
    replacements = _replacement(verdict, written) if verdict.form else ()
    return Finding(start, end - start, category, verdict.rule_id, verdict.severity, replacements, {"word": written})


def warm_up() -> None:
    """Compile the innocent phrases and the Russian literals' automaton now (the service's start), not in the
    first review with a flagged word."""
    _innocent_phrases()
    profanity_gate.clear_cyrillic("а")


def token_test(language: str) -> TokenTest:
    return profanity_gate.token_test()  # (every language's lexicon applies to every text)


def find(doc):
    innocent = _innocent_phrases()
    for finding in _findings(doc):
        if not (innocent and innocent.match(doc.text, finding.offset)):
            yield finding


def _findings(doc):
    text = doc.text
    clear = profanity_gate.words_clear(doc)
    if not clear:
        for word in doc.words:
            start = word.start
            while start > 0 and text[start - 1] in LEADING_LEET:
                start -= 1
            yield from _token_findings(text[start : word.end], start)
    if not clear or profanity_gate.runs_possible(doc):
        for letters, start, end in _split_letter_runs(doc):
            verdict = verdict_for(letters)
            if verdict:
                yield _finding(verdict, text[start:end], start, end)
