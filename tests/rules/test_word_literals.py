"""The whole-word gates of :mod:`server.checks.rules.word_literals` may skip a pattern only when it cannot match.

A table of derived word sets (what the derivation reads from a pattern), a table of a text's runs (what the
text side compares them with), and the one promise that matters, on texts hypothesis generates from real
patterns of the advertising, threat and accusation rules: every ASCII text a pattern matches passes its gate.
"""
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.checks.document import Document
from server.checks.rules import accusation, advertising, threat
from server.checks.rules.word_literals import may_match, text_runs, word_sets

FLAGS = re.IGNORECASE | re.UNICODE


def sets(*words: str) -> set[frozenset]:
    return {frozenset(w.split()) for w in words}


@pytest.mark.parametrize(
    "pattern, expected",
    [
        (r"\bwatch\s+your\s+back\b", sets("watch", "your", "back")),
        (r"\bcon\s+(?:artists?|men)\b", sets("con", "artist artists men")),  # "s?" spells both
        (r"\b(?:kill|end)\b", sets("kill end")),
        (r"(?<!\w)(?:for\s+sale|in\s+stock)\s+", sets("for in", "sale stock")),  # first and last words
        (r"(?<!\w)link\s+in\s+(?:my\s+)?bio(?!\w)", sets("link", "in", "bio")),  # an optional word is not needed
        (r"\b(?:i|we)(?:['’]ll| will)\s+be\b", sets("i we", "ll will", "be")),  # an apostrophe is a break
        (r"\bi\s+(?:\w+\s+)?kill\b", sets("i", "kill")),  # a gap word keeps the breaks around it
        (r"\bi\s+(?:[\w-]+\s+){0,3}?kill\b", sets("i", "kill")),
        (r"\b(?:kill\s+\w+|end\s+you)\b", sets("kill end", "kill you")),  # each branch's first and last whole words
        (r"(?<!\w)(?:email|e-mail)\s+me\b", sets("email e", "email mail", "me")),  # "e-mail" is two runs
        (r"\bcode\s+[A-Z0-9]{3,}", sets("code")),
        (r"promo\s*codes?", set()),  # "promocode": no break is certain
        (r"\bkill", set()),  # "killer": no break after
        (r"kill\b", set()),
        (r"\b(?:kill|\w+)\b", set()),  # a branch without a word: no set
        (r"\bубью\b", set()),  # non-ASCII letters: tested on ASCII texts only, nothing to gain
        (r"\b(?:a|an)\s+(?:dm|message)\b", sets("dm message", "a an")),
        (r"^kill$", sets("kill")),  # the text's edges are breaks
        (r"\b(?-i:SCAM)\b", sets("scam")),  # the vocabulary is lower case whatever the pattern's case
    ],
)
def test_word_sets(pattern, expected):
    assert set(word_sets(pattern, FLAGS)) == expected


def test_word_sets_most_selective_first_and_minimal():
    # Longer words first; {con} makes a set holding "con" redundant.
    assert word_sets(r"\b(?:i|we)\s+con\s+(?:con|artists)\b", FLAGS) == (frozenset({"con"}), frozenset({"i", "we"}))


@pytest.mark.parametrize(
    "text, runs",
    [
        ("I will KILL you", {"i", "will", "kill", "you"}),
        ("self-check out, e-mail me", {"self-check", "self", "check", "out", "e-mail", "e", "mail", "me"}),
        ("don't f**k it up", {"don't", "don", "t", "f**k", "f", "k", "it", "up"}),
        ("snake_case 42x", {"snake_case", "snake", "case", "42x"}),  # "_" splits runs too
        ("", set()),
        ("Убью", None),  # not ASCII: no gate at all
        ("I’ll", None),
    ],
)
def test_text_runs(text, runs):
    found = text_runs(text, Document(text, "en").vocabulary)
    assert (None if found is None else set(found)) == runs


@pytest.mark.parametrize(
    "pattern, text, expected",
    [
        (r"\bend\b", "i would not recommend", False),  # the literal "end" is there, the word is not
        (r"\bcon\s+men\b", "second men", False),
        (r"\bcon\s+men\b", "a CON men thing", True),
        (r"(?<!\w)check\s+out\s+my\s+shop", "self-check out my shop", True),  # glued by a joiner
        (r"\bубью\b", "убью", True),  # not ASCII: passes, the regex decides
    ],
)
def test_may_match(pattern, text, expected):
    assert may_match(word_sets(pattern, FLAGS), text_runs(text, Document(text, "en").vocabulary)) is expected


def _real_patterns() -> list[re.Pattern]:
    """The rules' English patterns that have word sets (a handful of each rule)."""
    found = [p[1].compiled for p in advertising._patterns()]
    for _, _, _, entries, _ in threat._groups():
        found += [lazy.compiled for _, trigger, pattern, _ in entries for lazy in (trigger, pattern) if lazy]
    found += [lazy.compiled for lazy, _, _ in accusation._lexicon("en").phrases]
    return [p for p in found if word_sets(p.pattern, p.flags)]


REAL = _real_patterns()


def test_real_patterns_are_gated():
    assert len(REAL) >= 20


@pytest.mark.parametrize("pattern", REAL[:: max(1, len(REAL) // 12)], ids=lambda p: p.pattern[:40])
def test_every_match_passes_the_gate(pattern):
    words = word_sets(pattern.pattern, pattern.flags)

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern, alphabet=st.characters(max_codepoint=127)))
    def check(text):
        if pattern.search(text):
            assert may_match(words, text_runs(text, Document(text, "en").vocabulary)), text

    check()
