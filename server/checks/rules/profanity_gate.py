"""The profanity rule's gate: most texts are proved clean from their vocabulary and per-word verdicts.

A folded word is *clear* when no token that folds to it has a finding, read whole or in pieces
(:func:`_may_offend` tries every way of writing it that can change a verdict); clear words are kept
across texts (:data:`_CLEAR`, bounded), so that a text whose words are all kept is proved clean with one
set difference on :attr:`Document.vocabulary`, without building the words' spans. Runs of one-letter
words ("х у й", "f.u.c.k") are the other way to a finding: :func:`runs_possible` rules them out from
the one-letter words the text has and where they stand. Texts the reasoning does not cover (folding
hides how a word is written) take the rule's exact word-by-word path.
"""
from __future__ import annotations

import functools
import re

import ahocorasick

from .. import normalize, prefilter
from ..document import token_words
from . import profanity  # a cycle: only its functions are used, when called
from .base import TokenTest

# The gate: most texts are proved clean from doc.vocabulary (the distinct folded words), without
# building doc.words. It reasons on folded words, so texts where folding hides how a word is written
# take the exact word-by-word path: a Kelvin sign (folds to "k"), a combining breve or diaeresis
# (и + ̆  folds to й), and a "$" or "@" just before a word ($hit: a token longer than the word).
LEADING_LEET_RE = re.compile(r"[$@][^\W_]")
# Folded words whose every character case folding treats plainly (ASCII and Russian letters, digits,
# the marks inside words): the only words _may_offend reasons about.
PLAIN_WORD_RE = re.compile(r"[0-9a-zа-я*#@$%.'’_\-]+")
SINGLE_LETTERS = frozenset("0123456789abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщъыьэюя")
# Three one-letter words with split gaps: what _split_letter_runs needs (a one-letter word's letter
# has no letter right before or after it).
SPLIT_RUN_RE = re.compile(r"(?<![^\W_])[^\W_][ \t.\-_*]{1,3}[^\W_][ \t.\-_*]{1,3}[^\W_](?![^\W_])")
# Folded words proved clear by _may_offend, for one set difference per text; emptied when too big.
_CLEAR: set[str] = set()
MAX_CLEAR = 200_000


def _case_variants(word: str) -> list[str]:
    """The ways a folded word may be written that can change its verdict (see _may_offend); [] if too many."""
    if normalize.has_cyrillic(word):
        letters = "bnr" if normalize.has_latin(word) else ""
    else:
        letters = "" if word.isalpha() and not normalize.all_lookalikes(word) else "b"
    if not any(ch in word for ch in letters):  # (most words: the word alone, without building it again)
        return [word]
    variants = [""]
    for ch in word:
        variants = [v + c for v in variants for c in ((ch, ch.upper()) if ch in letters else (ch,))]
        if len(variants) > 64:
            return []
    return variants


# A word of Russian letters only: read whole, its only reading is itself folded (see clear_cyrillic).
CYRILLIC_WORD_RE = re.compile("[а-яёА-ЯЁ]+")


@functools.cache
def _cyrillic_literals() -> ahocorasick.Automaton | None:
    """An automaton of the literals of every pattern a Cyrillic word is matched against (the Cyrillic
    lexicons' ``patterns`` and ``inside_unknown``), or None when one of them has none."""
    automaton = ahocorasick.Automaton()
    for lex in profanity._lexicons():
        if lex.latin_script:
            continue
        for rule in lex.rules:
            for pattern in (rule.patterns, rule.inside_unknown):
                literals = pattern and prefilter.literals(pattern.pattern)
                if pattern and literals is None:
                    return None
                for literal in literals or ():
                    automaton.add_word(literal, literal)
    automaton.make_automaton()
    return automaton


def _holds_literal(automaton: ahocorasick.Automaton, word: str) -> bool:
    return automaton.kind == ahocorasick.AHOCORASICK and next(automaton.iter(word), None) is not None


def clear_cyrillic(word: str) -> bool:
    """True when a word of Russian letters only (most words of a Russian review) has no verdict.

    Read whole, such a word has one reading, itself folded (lower case, ё → е: no look-alikes, masks or
    separators to undo; its case tells nothing, unlike a Latin word's), matched as it is and with repeated
    letters collapsed against the Cyrillic lexicons' patterns alone; every match of a pattern holds one of
    its literals (:func:`.prefilter.literals`). So a word in which neither form holds a literal has no
    verdict: one automaton pass instead of the readings and every rule's patterns (~98% of a review's
    Russian words; the rest take the full path)."""
    if not CYRILLIC_WORD_RE.fullmatch(word) or (automaton := _cyrillic_literals()) is None:
        return False
    word = normalize.fold(word)
    if _holds_literal(automaton, word):
        return False
    collapsed = normalize.collapse_repeats(word)
    return collapsed == word or not _holds_literal(automaton, collapsed)


@functools.lru_cache(maxsize=50_000)
def _may_offend(word: str) -> bool:
    """False when no token that folds to ``word`` has a finding, read whole or in pieces. Exact for
    plain words: case matters only where Latin letters are read as Cyrillic ones, "b"/"B" as б/в and
    "n"/"r" as п/г ("N"/"R" stay Latin: in an all-Latin word that only takes the Cyrillic reading
    away, fewer verdicts, never more); a capitalised name only takes verdicts away; Cyrillic letters
    are folded (ё → е) before matching. So the variants tried cover every way of writing the word."""
    variants = _case_variants(word) if PLAIN_WORD_RE.fullmatch(word) else []
    return not variants or any(profanity._token_findings(v, 0) for v in variants)


def _folding_hides(text: str) -> bool:
    """Does the text (or token) hold what folded words do not show (see LEADING_LEET_RE)?"""
    if not text.isascii() and ("\u212a" in text or "\u0306" in text or "\u0308" in text):
        return True
    return ("$" in text or "@" in text) and LEADING_LEET_RE.search(text) is not None


def words_clear(doc) -> bool:
    """True when no word of the text can have a finding (split letter runs aside)."""
    if _folding_hides(doc.text):
        return False
    vocabulary = doc.vocabulary
    if _CLEAR.issuperset(vocabulary):  # the usual text: no set built
        return True
    for word in vocabulary - _CLEAR:
        if _may_offend(word):
            return False
        if len(_CLEAR) > MAX_CLEAR:
            _CLEAR.clear()
        _CLEAR.add(word)
    return True


@functools.cache
def _needed_letter_sets() -> tuple[frozenset, ...] | None:
    """Per literal of every profanity pattern (:func:`.prefilter.literals`), the characters it is made of,
    the smallest sets only (a run whose readings hold a smaller set already may match); None when some
    pattern has no literal (then any run may match)."""
    sets = set()
    for lex in profanity._lexicons():
        for rule in lex.rules:
            for pattern in (rule.patterns, rule.translit, rule.inside_unknown):
                if not pattern:
                    continue
                literals = prefilter.literals(pattern.pattern)
                if literals is None:
                    return None
                sets.update(frozenset(literal) for literal in literals)
    return tuple(s for s in sets if not any(other < s for other in sets))


@functools.cache
def _letter_readings(letter: str) -> frozenset:
    """Every character a one-letter word may be read as, in any case (per-letter maps, repeats removed)."""
    readings = set()
    for written in {letter, letter.upper()} | ({"ё", "Ё"} if letter == "е" else set()):
        readings.update(normalize.unleet(written), *normalize.cyrillic_readings(written))
    return frozenset(readings)


@functools.lru_cache(maxsize=4096)
def _runs_possible(singles: frozenset) -> bool:
    """Can a run of these one-letter words (any case) have a verdict? Its readings are made of the
    letters' readings, and every match of a pattern holds one of its literals: no literal made of those
    letters' readings, no verdict."""
    needed = _needed_letter_sets()
    if needed is None:
        return True
    readings = frozenset().union(*map(_letter_readings, singles))
    return any(letters <= readings for letters in needed)


def runs_possible(doc) -> bool:
    """Can a run of one-letter words of a text whose words are all clear have a verdict? When every word
    is clear, they are all plain: the one-letter ones are among SINGLE_LETTERS."""
    return _runs_possible(doc.vocabulary & SINGLE_LETTERS) and SPLIT_RUN_RE.search(doc.text) is not None


# --- the same reasoning per token, for the pipeline's token gate (..token_gate) ----------------------------
_LETTER_BIT = {letter: 1 << i for i, letter in enumerate(sorted(SINGLE_LETTERS))}


def _token_may_offend(token: str, folded: str) -> bool:
    """:func:`words_clear` for a text whose only token is ``token``: False when it is clear."""
    return _folding_hides(token) or any(map(_may_offend, token_words(token)))


def _single_letters(token: str, folded: str) -> int:
    """The one-letter words of the token among SINGLE_LETTERS (:func:`runs_possible`'s letters), as bits."""
    bits = 0
    for word in token_words(token):
        bits |= _LETTER_BIT.get(word, 0)
    return bits


@functools.lru_cache(maxsize=4096)
def _letters_may_run(bits: int) -> bool:
    return _runs_possible(frozenset(letter for letter, bit in _LETTER_BIT.items() if bits & bit))


def _run_possible(bits: int, text: str) -> bool:
    return bits != 0 and _letters_may_run(bits) and SPLIT_RUN_RE.search(text) is not None


def token_test() -> TokenTest:
    """Words that may offend (or the text-wide tests of words_clear) in one token; otherwise a run of
    one-letter words, decided from the letters of all tokens as :func:`runs_possible` decides."""
    return TokenTest(
        test=_token_may_offend,
        width=len(_LETTER_BIT),
        features=_single_letters,
        decide=_run_possible,
    )
