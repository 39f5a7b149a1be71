"""Spelling: words no dictionary knows, with suggestions (warnings), offline.

Only words in the review's own script are checked: Cyrillic words in a Russian review, Latin words
in an English one (Xiaomi in a Russian review is a brand, not a typo). A word is *known* when
pymorphy3 knows it (Russian, every inflected form, ё = е) or when it is in pyspellchecker's English
frequency dictionary (inflected forms and contractions included), or in the language's
``spelling.yaml`` (marketplace slang, sizes, units, abbreviations). Suggestions come from symspellpy
over a frequency list of correct forms, best first (see :mod:`server.checks.spelling_dictionaries`).

Real reviews are informal, so the rule stays quiet on whatever is more likely a name, a size or
slang than a typo: words with digits or masks, words of one or two letters, all-caps acronyms,
capitalised words inside a sentence (brands, models), hashtags and handles, words in links, and
unknown words with no close known word (a typo is nearly always one or two keystrokes from a word).
Dictionaries load on first use, the suggestion index only when an unknown word needs one; decisions
are cached per word, and most texts are proved clean from them (:mod:`.spelling_gate`).
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from .. import lexicon, normalize, prefilter
from ..spelling_dictionaries import english_is_known, load_in_memory, suggestion_index, suggestion_words
from ..document import Word, folded_word, is_known_russian_word, morph, parses
from . import profanity, spelling_gate
from .spelling_shapes import MIN_LENGTH, _in_script, _odd_token, _starts_sentence
from .base import NEVER, WARNING, Finding, TokenTest

category = "spelling"

RULE_IDS = {"ru": "RU_SPELLING", "en": "EN_SPELLING"}
MAX_SUGGESTIONS = 3
# A text with more unknown words than this is not prose a spell checker helps with (or is hostile):
# stop there, so that the work per text stays bounded (~0.3 ms a look-up).
MAX_UNKNOWN_WORDS = 60
RU_LONG_WORD = 10
# Links and addresses: their words are the link rule's business, not spelling's.
# Tested token by token (a whitespace-free run): one regex over the text backtracks quadratically on junk.
URL_MARK_RE = re.compile(r"https?://|www\.|\.(?:ru|com|net|org|рф)\b", re.IGNORECASE)
URL_MARK = prefilter.Lazy(URL_MARK_RE.pattern, URL_MARK_RE.flags)
TOKEN_RE = re.compile(r"\S+")
STRETCH_RE = re.compile(r"(\w)\1{2,}")


@dataclass(frozen=True)
class Speller:
    language: str
    is_known: callable  # folded lower-case word -> bool
    allowed: frozenset  # whitelisted words (folded)
    stems: tuple  # whitelisted stems: the stem plus a short ending is allowed
    patterns: re.Pattern | None  # whitelisted shapes (laughter: ахаха, hahaha)
    split_prefixes: frozenset  # short words people glue to the next one (в принципе → впринципе)
    corrections: dict  # well-known misspellings whose fix no edit distance finds (вообщем → в общем)


def _compile(patterns) -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def _whitelists(data: dict) -> tuple:
    """The Speller fields that come from ``spelling.yaml``, in their order."""
    return (
        frozenset(normalize.fold(w) for w in data.get("words", ())),
        tuple(normalize.fold(s) for s in data.get("stems", ())),
        _compile(data.get("patterns")),
        frozenset(data.get("split_prefixes", ())),
        {normalize.fold(k): tuple(v) for k, v in (data.get("corrections") or {}).items()},
    )


def _prefixed_russian_word(word: str) -> bool:
    """A known prefix glued to a dictionary word (перезаказать, суперская, антистатик): a word, not a typo."""
    splitter = _known_prefixes()
    if splitter is not None and next(splitter.possible_splits(word.lower()), None) is None:
        return False  # no known prefix to split off: the parse cannot be one (and costs tens of µs)
    stack = parses(word)[0].methods_stack
    return len(stack) == 2 and type(stack[1][0]).__name__ == "KnownPrefixAnalyzer"


@functools.cache
def _known_prefixes():
    """pymorphy3's own KnownPrefixAnalyzer, whose ``possible_splits`` tell whether it can parse a word at all
    (a parse's last method is the analyzer that made it); None if this pymorphy3 has none."""
    return next((unit for unit, _ in morph()._units if type(unit).__name__ == "KnownPrefixAnalyzer"), None)


def _russian(data: dict) -> Speller:
    return Speller("ru", lambda w: is_known_russian_word(w) or _prefixed_russian_word(w), *_whitelists(data))


def _english(data: dict) -> Speller:
    return Speller("en", english_is_known, *_whitelists(data))


@functools.cache
def speller(language: str) -> Speller | None:
    data = lexicon.load(language, "spelling")
    if language == "ru":
        return _russian(data)
    if language == "en":
        return _english(data)
    return None


def _allowed(sp: Speller, word: str) -> bool:
    if word in sp.allowed or (sp.patterns and sp.patterns.fullmatch(word)):
        return True
    return any(word.startswith(s) and len(word) - len(s) <= 3 for s in sp.stems)


def _known(sp: Speller, word: str) -> bool:
    """A folded lower-case word: in the dictionary, whitelisted, or made of such parts."""
    if sp.is_known(word) or _allowed(sp, word):
        return True
    if sp.language == "en":
        word = word.replace("’", "'")
        if sp.is_known(word):
            return True
        base, apostrophe, ending = word.rpartition("'")
        if apostrophe and ending in {"s", "", "t", "re", "ve", "ll", "d", "m"} and _known(sp, base):
            return True  # the retailer's, boys', would've
    if "-" in word or "'" in word:  # темно-синий, кое-где, t-shirt: every part must be known
        parts = [p for p in re.split(r"[-']", word) if len(p) >= MIN_LENGTH]
        return bool(parts) and all(_known(sp, p) for p in parts)
    stretched = STRETCH_RE.sub(r"\1", word)  # оооочень, sooo: the shouting rule's business
    if stretched != word and (sp.is_known(stretched) or _known(sp, STRETCH_RE.sub(r"\1\1", word))):
        return True
    return False


def _split(sp: Speller, word: str) -> str | None:
    """A short word glued to the next one (впринципе → в принципе, infact → in fact)."""
    words = suggestion_words(sp.language)
    for i in range(1, 3):
        left, right = word[:i], word[i:]
        if left in sp.split_prefixes and len(right) >= MIN_LENGTH and right in words.known:
            return f"{left} {words.spelled.get(right, right)}"
    return None


def _max_distance(language: str, word: str) -> int:
    """Short words are one keystroke from many others: one edit only. In Russian, an unknown word two
    edits from the nearest form is far more often a correct word the dictionary lacks (фасончик,
    ровненько, стройнит) than a typo, unless it is long."""
    if language == "ru":
        return 1 if len(word) < RU_LONG_WORD else 2
    return 1 if len(word) <= 5 else 2


def _suggestions(sp: Speller, word: str) -> tuple[str, ...]:
    from symspellpy import Verbosity

    if word in sp.corrections:
        return sp.corrections[word]
    distance = _max_distance(sp.language, word)
    # The closest words only: listing farther ones after them adds noise ("smaill" → small, still, shall;
    # "nottom" → bottom, notion, norton), and collecting every word two edits away costs ~1.7 ms where the
    # closest cost ~0.1 ms (symspellpy stops widening once it has found them). When the closest are the word
    # itself or obscene, the farther ones are looked for, so a word is reported exactly when it was before.
    index = suggestion_index(sp.language)
    found = index.lookup(word, Verbosity.CLOSEST, max_edit_distance=distance, include_unknown=False)
    if found and all(s.term == word or profanity.verdict_for(s.term) for s in found):
        found = index.lookup(word, Verbosity.ALL, max_edit_distance=distance, include_unknown=False)
    if sp.language == "en" and "'" not in word:  # dont → don't, im → i'm: the missing apostrophe first
        fixes = [f"{word[:i]}'{word[i:]}" for i in range(1, len(word))]
        apostrophe = [f for f in fixes if sp.is_known(f)]
    else:
        apostrophe = []
    # Fewest edits first; at equal distance, a typo rarely hits the first letter; then frequency.
    ranked = sorted(found, key=lambda s: (s.distance, s.term[0] != word[0], -s.count))
    terms = [s.term for s in ranked if s.term != word and not profanity.verdict_for(s.term)]
    split = _split(sp, word)
    if split:
        terms.insert(0, split)
    spelled = suggestion_words(sp.language).spelled
    out = apostrophe + [spelled.get(t, t) for t in terms]
    return tuple(dict.fromkeys(out))[:MAX_SUGGESTIONS]


@functools.lru_cache(maxsize=100_000)
def is_known(language: str, word: str) -> bool:
    sp = speller(language)
    return sp is None or _known(sp, word)


@functools.lru_cache(maxsize=50_000)
def verdict(language: str, word: str) -> tuple[str, ...] | None:
    """Suggestions for a misspelt folded lower-case word, or None when the word is fine."""
    if is_known(language, word):
        return None
    sp = speller(language)
    if profanity.verdict_for(word):  # obscenities are the profanity rule's finding
        return None
    suggestions = _suggestions(sp, word)
    # An unknown word with no known word within reach is a name, slang or a coinage, not a typo.
    return suggestions or None


def _cut_short(language: str, word: str) -> bool:
    """True when ``word`` is the beginning of a known word (neckli → neckline)."""
    following = suggestion_words(language).next_known(word)
    return following is not None and following.startswith(word) and following != word


@functools.lru_cache(maxsize=100_000)
def _may_be_misspelt(language: str, written: str) -> bool:
    """What can be decided from the word alone, cached per written form: most words of a review are
    known, and stop here at the cost of one cache look-up."""
    return _in_script(written, language) and not _odd_token(written) and not is_known(language, folded_word(written))


def _skipped_here(word, text: str) -> bool:
    """Words that are something else where they stand: hashtags, handles, HTML entities, names."""
    start, end = word.start, word.end
    if start and text[start - 1] in "#@/&":  # #tag, @handle, /path; &quot; pasted from a web page
        return True
    if text[end : end + 1] in ("&", ";"):  # wasn&#39;t
        return True
    return word.text[0].isupper() and not _starts_sentence(text, start)  # Зара, Tracy: names inside a sentence


def _advice(language: str, suggestions: tuple[str, ...]) -> str:
    advice = lexicon.load(language, "spelling").get("advice", {})
    if not suggestions:
        return advice.get("none", "")
    return advice.get("some", "").format(suggestion=suggestions[0], suggestions=", ".join(suggestions))


def _words(words):
    for word in words:
        if "." in word.text and spelling_gate.JOINED_SENTENCES_RE.fullmatch(word.text):
            for m in spelling_gate.LETTERS_RE.finditer(word.text):
                yield Word(word.start + m.start(), word.start + m.end(), m.group())
        else:
            yield word


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Is ``offset`` inside one of the sorted, disjoint ``spans``? (a bisect: texts may hold thousands of links)"""
    k = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return k >= 0 and spans[k][1] > offset


def token_test(language: str) -> TokenTest:
    """A finding is a word :func:`.spelling_gate.suspects` does not clear (see there)."""
    if language not in RULE_IDS:
        return NEVER
    return TokenTest(test=lambda token, folded: spelling_gate.may_be_reported(language, token))


def find(doc):
    language = doc.language
    if language not in RULE_IDS:
        return
    clear, sought = spelling_gate.suspects(doc)
    if clear:
        return
    # Only the words that can be reported or count as unknown (the others fail the first test below).
    words = spelling_gate.occurrences(doc, sought) if sought is not None else doc.words
    text = doc.text
    # A mark inside a token is one in the text (a token ends where whitespace starts, a \b all the same):
    # no mark in the text, no token to look at ("...comfy" holds the literal ".com", not the mark).
    marked = "." in text and URL_MARK.may_match(doc.folded) and URL_MARK_RE.search(text) is not None
    links = [m.span() for m in TOKEN_RE.finditer(text) if URL_MARK_RE.search(m.group())] if marked else []
    unknown = 0
    for word in _words(words):
        if not _may_be_misspelt(language, word.text) or _skipped_here(word, text):
            continue
        if word.end == len(text) and _cut_short(language, word.lower):
            continue  # the last word of a text that stops mid-word: still being typed, or cut off
        if links and _inside(links, word.start):  # after is_known: few words get here
            continue
        unknown += 1
        if unknown > MAX_UNKNOWN_WORDS:
            return
        suggestions = verdict(language, word.lower)
        if suggestions is None:
            spelling_gate.remember_unsuggested(language, word.lower)  # never reported, however it is written
            continue
        if word.text[0].isupper():
            suggestions = tuple(s[:1].upper() + s[1:] for s in suggestions)
        yield Finding(
            word.start,
            len(word.text),
            category,
            RULE_IDS[language],
            WARNING,
            suggestions,
            {"word": word.text, "suggestion": suggestions[0] if suggestions else "", "advice": _advice(language, suggestions)},
        )


def warm_up() -> None:
    """Load the dictionaries and suggestion indexes now rather than during a buyer's first check, and look one
    word up (the first look-up pays ~2 ms of symspellpy's and editdistpy's own setting up)."""
    for language in RULE_IDS:
        sp = speller(language)
        load_in_memory(language)
        words = suggestion_words(language)
        words.in_order
        _suggestions(sp, words.ranked[0][::-1] + words.ranked[0])  # (no cache keeps this made-up word)
