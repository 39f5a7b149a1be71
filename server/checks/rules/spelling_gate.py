"""The spelling rule's gate: which of a text's words can be reported, from per-word facts kept across texts.

Most words of a review are known words and can never be reported, however they are written: such a
folded word is kept (:data:`_NEVER`), and a text whose every word is kept is proved clean with one set
difference on :attr:`Document.vocabulary`, without building the words' spans. Otherwise only the words
that can be reported, or count towards the rule's limit of unknown words, are looked for in the text
(:func:`occurrences`): the rule skips every other word at its first test, with no other effect.

Why it is safe: a finding needs ``_may_be_misspelt(written)``, and for a plain folded word (ASCII or
Russian letters; no combining breve or diaeresis in the text) each written character folds to one
character, so the tests of the written word give the same answer on the folded one (see
:func:`never_reported`). Words the rule found unknown but without a suggestion are kept apart
(:data:`_UNSUGGESTED`): never reported either, they still count towards the limit, so they are looked for.
"""
from __future__ import annotations

import collections
import functools
import re

from ..document import Word, token_words, word_pattern
from . import spelling  # a cycle: only its functions are used, when called
from .spelling_shapes import NOT_A_PLAIN_WORD_RE, _in_script, _odd_token

# Sentences run together without a space after the full stop: "ровные.Смотрится" is two words.
JOINED_SENTENCES_RE = re.compile(r"[^\W\d_]{2,}(?:\.[^\W\d_]{2,})+")
LETTERS_RE = re.compile(r"[^\W\d_]+")
PLAIN_RE = re.compile(r"[0-9a-zа-я.'’-]+")
# Folded words that no writing of is ever reported, per language (removed from a text's vocabulary with
# one set difference), and those reported without a suggestion. Emptied when they grow too big.
_NEVER: dict[str, set] = collections.defaultdict(set)
_UNSUGGESTED: dict[str, set] = collections.defaultdict(set)
MAX_NEVER = 200_000
# The marks that join letters into one word (document.WORD_RE), and those that may end one.
JOINERS = "*#@$%.'’_-"


@functools.lru_cache(maxsize=100_000)
def never_reported(language: str, word: str) -> bool:
    """True when no word of a text whose ``Word.lower`` is ``word`` can be reported. A finding needs
    _may_be_misspelt(written) to hold, and for a plain folded word (ASCII or Russian letters; the text
    has no combining breve or diaeresis, see suspects) each written character folds to one character,
    so these tests of the written word give the same answer on the folded one: the script, the
    length, digits/masks/dots, a Cyrillic word without vowels, and of course a known word. A token of
    sentences run together ("ровные.смотрится") is checked piece by piece, as find does. (A kept word, primed or
    found so before, is one.)"""
    if word in _NEVER[language]:
        return True
    if not PLAIN_RE.fullmatch(word):
        return not _in_script(word, language) or bool(NOT_A_PLAIN_WORD_RE.search(word) and "." not in word)
    if "." in word and JOINED_SENTENCES_RE.fullmatch(word):
        return all(never_reported(language, piece) for piece in LETTERS_RE.findall(word))
    return not _in_script(word, language) or _odd_token(word) or spelling.is_known(language, word)


def _remember(kept: set, word: str) -> None:
    if len(kept) > MAX_NEVER:
        kept.clear()
    kept.add(word)


def remember_never_reported(language: str, words) -> None:
    """Folded words known beforehand never to be reported (:func:`never_reported`'s, see :mod:`..primer`)."""
    never = _NEVER[language]
    if len(never) + len(words) > MAX_NEVER:
        never.clear()
    never.update(words)


def remember_unsuggested(language: str, word: str) -> None:
    """An unknown word with no suggestion: never reported, however it is written."""
    _remember(_UNSUGGESTED[language], word)


def _combining_marks(text: str) -> bool:
    """A combining breve or diaeresis: и + ̆  folds to й, so folded words are shorter than the text's."""
    return not text.isascii() and ("\u0306" in text or "\u0308" in text)


def suspects(doc) -> tuple[bool, set | None]:
    """(clear, looked for): clear when no word of the text can be reported (the usual text: every word
    known); otherwise the folded words to look for in it, or None when every word must be looked at."""
    language = doc.language
    if _combining_marks(doc.text):
        return False, None
    never, unsuggested = _NEVER[language], _UNSUGGESTED[language]
    if never.issuperset(doc.vocabulary):  # the usual text: no set built
        return True, None
    reportable = set()
    for word in (doc.vocabulary - never).difference(unsuggested):  # the second on the few words left
        if never_reported(language, word):
            _remember(never, word)
        else:
            reportable.add(word)
    # Not kept: being cut off depends on where the word stands.
    if all(_cut_off_at_end(doc, word) for word in reportable):
        return True, None
    return False, reportable | (doc.vocabulary & unsuggested)


def may_be_reported(language: str, token: str) -> bool:
    """May a word of this whitespace-free token be reported? (:func:`suspects`' tests, for one token: a
    combining breve or diaeresis, or a word not :func:`never_reported`.)"""
    return _combining_marks(token) or not all(never_reported(language, w) for w in token_words(token))


def _cut_off_at_end(doc, word: str) -> bool:
    """True when ``word`` is the start of a known word, the text's last word and no other (find skips
    it as cut off). A plain folded word is the text folded character by character, so a word of the
    text that folds to it is an occurrence in the folded text, and one followed by a letter (or a
    combining mark) is inside a longer word."""
    if not PLAIN_RE.fullmatch(word) or not spelling._cut_short(doc.language, word):
        return False
    folded = doc.folded.replace("ё", "е")
    last = len(folded) - len(word)
    if not folded.endswith(word):
        return False
    i = folded.find(word)
    while i < last:
        after = folded[i + len(word)]
        if not (after.isalnum() or "\u0300" <= after <= "\u036f"):
            return False
        i = folded.find(word, i + 1)
    return True


def _starts_word(text: str, i: int) -> bool:
    """Does a word of the document start at ``i`` (an ASCII letter or digit of an ASCII text)? Not when a
    letter or digit precedes it, nor a run of joining marks that a letter or digit precedes ("a.b")."""
    j = i - 1
    while j >= 0 and text[j] in JOINERS:
        j -= 1
    return j < 0 or not text[j].isalnum()


def occurrences(doc, words: set) -> list[Word]:
    """The document's words whose ``Word.lower`` is one of ``words``, in text order; in an ASCII text found
    without building every word's span.

    In an ASCII text a word's ``lower`` is the word lower-cased character by character, so the words
    sought are occurrences in the lower-cased text: those where a document word starts (:func:`_starts_word`:
    the word pattern joins letters across marks, greedily) and that the word pattern matches whole."""
    text = doc.text
    if not text.isascii():
        return [word for word in doc.words if word.lower in words]
    lowered, pattern, found = text.lower(), word_pattern(text), []
    for word in words:
        i = lowered.find(word)
        while i >= 0:
            if _starts_word(text, i) and (m := pattern.match(text, i)) and m.end() == i + len(word):
                found.append(Word(i, m.end(), m.group()))
            i = lowered.find(word, i + 1)
    found.sort()
    return found
