"""The Russian words worth parsing for a rule whose words are listed by lemma (accusation, insult).

Parsing a word with pymorphy3 costs tens of microseconds the first time; one dictionary lookup is several
times cheaper. :func:`inflections` lists every form of the listed lemmas, and :func:`may_have_listed_lemma`
tells from it, with that lookup, the words that cannot have a listed lemma. The forms are derived once and
kept on disk (:mod:`..disk_cache`), keyed by the pymorphy3 dictionary: building that key loads pymorphy3, so
the rules ask for the forms only when a text has a Russian word to look up.
"""
from __future__ import annotations

from .. import disk_cache
from ..document import is_known_russian_word, morph


def inflections(lemmas) -> frozenset[str]:
    """The lemmas and every form pymorphy3 inflects them to, folded (ё → е): the Russian words worth parsing.

    Why a word the dictionary knows and that is not one of these forms cannot have a listed lemma:
    pymorphy3 parses a known word with its dictionary alone (it stops at the first analyser that
    answers), and the normal form of each such parse is the first form of a dictionary lexeme that
    holds the word; parsing that normal form (a listed lemma) finds the lexeme, whose forms are all
    here. A word the dictionary does not know may still be predicted to a listed lemma from its
    ending: it is parsed as before. (Checked, when written, on all 5.1 million forms of the dictionary.)
    """
    lemmas = tuple(sorted(set(lemmas)))

    def build() -> frozenset[str]:
        forms = set(lemmas)
        for lemma in lemmas:
            for parse in morph().parse(lemma):
                forms.update(form.word.replace("ё", "е") for form in parse.lexeme)
        return frozenset(forms)

    import pymorphy3

    key = disk_cache.fingerprint(pymorphy3.__version__, sorted(morph().dictionary.meta.items()), lemmas)
    return disk_cache.cached("lemma-forms", key, build)


def may_have_listed_lemma(lower: str, forms: frozenset[str]) -> bool:
    """False when ``lower`` cannot have a lemma whose inflections are ``forms`` (:func:`inflections`): one
    dictionary lookup, several times cheaper than the parse of a word seen the first time."""
    return lower in forms or not is_known_russian_word(lower)
