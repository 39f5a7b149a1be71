"""A pattern list run alternative by alternative finds exactly what the union of the list finds.

The coverage and the vague rule keep their long pattern lists apart (:mod:`server.checks.alternatives`)
and run only the alternatives whose literals a text holds, remembering which alternatives a text's
literals pick. Whatever was remembered from earlier texts, every text gets the union's own matches.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from server.checks import prefilter
from server.checks.alternatives import Alternatives, LiteralIndex

# Alternatives that need two literal sets ("size" and "small"), share a first word, or start with a
# group of choices: the cases where picking and confirming differ.
PATTERNS = [
    r"runs?\s+(?:very\s+)?small",
    r"size\s+\w+\s+too\s+small",
    r"(?:too|very)\s+(?:tight|loose)",
    r"not\s+as\s+pictured",
    r"small",
    r"would(?:\s+not|n't)\s+recommend",
]
PREFIX = r"(?<![\w'])"
UNION = re.compile(PREFIX + "(?:" + "|".join(f"(?:{p})" for p in PATTERNS) + ")")
WORDS = ["runs", "run", "very", "small", "size", "is", "too", "tight", "loose", "not", "as", "pictured",
         "would", "wouldn't", "recommend", "smallish", "the", "fit", "it"]


@pytest.fixture(scope="module")
def pattern_list():
    index = LiteralIndex()
    alternatives = Alternatives(index, PATTERNS, prefix=PREFIX)
    return index, alternatives


def matches(pattern_list, text: str) -> list[tuple[int, int]]:
    index, alternatives = pattern_list
    present = index.present(prefilter.fold(text))
    return [m.span() for m in alternatives.finditer(text, present)]


def union_matches(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in UNION.finditer(text)]


# The same picked alternatives ("small" and "size ... too small" picked by their first sets), with and
# without the second set ("too") that one of them needs, one after the other.
@pytest.mark.parametrize(
    "text",
    [
        "the size is way too small",
        "the size is way small",
        "the size is way too small",
        "runs very small, size up",
        "runs small",
        "it is not as pictured and too tight",
        "i wouldn't recommend it, too loose",
        "i would not recommend",
        "nothing to see here",
        "smallish fit",
    ],
)
def test_each_text_gets_the_unions_matches(pattern_list, text):
    assert matches(pattern_list, text) == union_matches(text)


def test_search_in_a_span_agrees_with_the_union(pattern_list):
    index, alternatives = pattern_list
    text = "too small. size is fine. runs small"
    present = index.present(prefilter.fold(text))
    for start, end in [(0, 9), (11, 23), (25, 35), (4, 9), (11, 15)]:
        assert alternatives.search(text, present, start, end) == bool(UNION.search(text, start, end))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join), min_size=1, max_size=6))
def test_texts_in_any_order_get_the_unions_matches(pattern_list, texts):
    for text in texts:
        assert matches(pattern_list, text) == union_matches(text)
