"""The literal prefilter may skip a pattern only when the text cannot match it.

A prefilter that wrongly says "no" silently hides a finding, so besides the table of derived literals
this checks the one promise that matters on generated texts: every text a pattern matches passes its
prefilter, for hand-picked shapes and for every pattern of the checker's data that hypothesis can
generate matches for.
"""
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.checks import prefilter, warm_up


@pytest.mark.parametrize(
    "pattern, flags, expected",
    [
        (r"\b(?:kill|murder)\b", 0, ("murder", "kill")),
        (r"colou?r", 0, ("colour", "color")),
        (r"(?:ab|cd)ef", 0, ("abef", "cdef")),
        (r"(?:promo|coupon) ?code", 0, ("coupon code", "couponcode", "promo code", "promocode")),
        (r"x{2,}y", 0, ("x",)),  # the repeated part is required once at least
        (r"(?=.*scam)", 0, ("scam",)),  # a lookahead that must match brings its literal
        (r"(?<!not )good", 0, ("good",)),  # a negative lookbehind brings nothing
        (r"[Пп]родав", 0, ("продав",)),  # a small class of literals is spelled out
        (r"KISS", re.IGNORECASE, ("kiss",)),  # literals are folded as the text is
        (r"\w+", 0, None),  # nothing is required: the pattern always runs
        (r"a|\d", 0, None),  # one branch has no literal: no test can exclude a text
    ],
)
def test_literals_every_match_must_contain(pattern, flags, expected):
    assert prefilter.literals(pattern, flags) == expected


@pytest.mark.parametrize(
    "pattern, text, may_match",
    [
        (r"\bscam\b", "What a SCAM, honestly", True),
        (r"\bscam\b", "Lovely dress, fits well", False),
        (r"продавец", "ПРОДАВЕЦ не ответил", True),
        (r"straße", "STRASSE", False),  # the regex does not equate ß and ss under IGNORECASE either
        (r"ſ", "S", True),  # ...but it does equate ſ (long s) and s
        (r"\w+", "", True),
    ],
)
def test_may_match(pattern, text, may_match):
    lazy = prefilter.Lazy(pattern, re.IGNORECASE)
    assert lazy.may_match(prefilter.fold(text)) is may_match
    assert may_match or not lazy.compiled.search(text)


SAMPLE = 120  # of ~2,000 data patterns (each coverage alternative is one): every k-th, the same each run


def _data_patterns() -> list[prefilter.Lazy]:
    warm_up()  # every rule's and the coverage's patterns are made and registered
    patterns = list({lazy.source: lazy for lazy in prefilter._instances}.values())
    return patterns[:: max(1, len(patterns) // SAMPLE)]


SHAPES = [r"\b(?:kill|murder)\b", r"colou?r", r"(?:ab|cd)ef", r"x{2,}y", r"[Пп]родав(?:ец|ца)", r"(?i)ПрОмО ?код"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
@pytest.mark.parametrize("pattern", SHAPES)
def test_generated_matches_always_pass(pattern, data):
    text = data.draw(st.from_regex(pattern))
    assert prefilter.Lazy(pattern).may_match(prefilter.fold(text))


def test_every_data_pattern_passes_its_own_matches():
    """Up to 8 generated matches of each sampled data pattern hypothesis can handle (most of them)."""
    tried = 0
    for lazy in _data_patterns():
        try:
            strategy = st.from_regex(lazy.compiled)
        except Exception:  # lookbehinds and other constructs hypothesis cannot generate from
            continue

        @settings(max_examples=8, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(text=strategy)
        def passes(text):
            if lazy.compiled.search(text):  # generated strings may carry the match inside
                assert lazy.may_match(prefilter.fold(text)), (lazy.source, text)

        try:
            passes()
        except AssertionError:
            raise
        except Exception:  # hypothesis gave up generating (unsatisfiable lookarounds): nothing learnt
            continue
        tried += 1
    assert tried >= 50, f"only {tried} data patterns could be generated from"


def test_folding_an_ascii_text_is_its_lower_case():
    table, _ = prefilter._fold_table()
    assert not any(chr(c).isascii() for c in table)
    assert all(prefilter.fold(chr(c)) == chr(c).lower() for c in range(128))
