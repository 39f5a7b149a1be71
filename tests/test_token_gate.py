"""The token gate: rules a text's tokens cannot concern are skipped, and skipping one never loses a finding.

Each case is a text with one finding and the rule that must see it (so the gate lets it through);
plain reviews concern no rule at all (so the gate earns its keep). The property at the end checks the
whole claim: with the gate, every text gets exactly the findings every rule finds when all of them run.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.checks import RULES, find, token_gate
from server.checks.alternatives import language_index
from server.checks.document import Document
from server.checks.normalize import plain_letters

CATEGORY_BIT = {rule.category: 1 << i for i, rule in enumerate(RULES)}


def concerned_categories(text: str, language: str) -> set[str]:
    bits = token_gate.concerned(Document(text, language))
    return {category for category, bit in CATEGORY_BIT.items() if bits & bit}


def findings_with_every_rule(text: str, language: str) -> list:
    """What the pipeline would find if no rule were skipped (each rule's own gates still apply)."""
    doc = Document(text, language)
    _, *literal_bits = token_gate._facts(doc)
    doc._memo["token_gate"] = (sum(CATEGORY_BIT.values()), *literal_bits)  # every rule concerned
    return find(doc)


@pytest.mark.parametrize(
    "text, language",
    [
        ("Nice dress, fits well. I love it and would buy again.", "en"),
        ("The fabric is soft, the color is true to the picture", "en"),
        ("Хорошее платье, сидит отлично, буду заказывать ещё", "ru"),
        ("", "en"),
        ("   \n\t ", "ru"),
    ],
)
def test_a_calm_review_concerns_few_rules(text, language):
    assert concerned_categories(text, language) <= {"vague"}  # (Russian words are past vague's ASCII gate)


@pytest.mark.parametrize(
    "text, language, category",
    [
        ("THIS IS A TOTAL DISASTER", "en", "shouting"),
        ("why would anyone sell this ! ! !", "en", "shouting"),
        ("sooooo bad", "en", "shouting"),
        ("bad 😡😡😡😡", "en", "shouting"),
        ("see https://clck.ru/3A for photos", "en", "link"),
        ("bought it at www.example.com", "en", "link"),
        ("see https://example.com/" + "a" * 80 + " for more", "en", "link"),  # a token past LONG_TOKEN
        ("order at cheap-shop.com", "en", "link"),
        ("write to @shop_owner", "en", "link"),
        ("my insta: jane_style24", "en", "link"),
        ("user name: shop_24", "en", "link"),
        ("телеграм: ivan_petrov", "ru", "link"),
        ("call me +1 (415) 555-2671", "en", "personal_data"),
        ("ivan (at) mail (dot) ru", "en", "personal_data"),
        ("ivan@mail [dot] ru", "en", "personal_data"),
        ("anna@mail.ru", "ru", "personal_data"),
        ("my passport X123456 was copied", "en", "personal_data"),
        ("I will find you and hurt you", "en", "threat"),
        ("я тебя найду", "ru", "threat"),
        ("use my code SAVE20 for 20% off", "en", "advertising"),
        ("промокод SALE20", "ru", "advertising"),
        ("the seller is an idiot", "en", "insult"),
        ("продавец идиот", "ru", "insult"),
        ("the seller is a scammer", "en", "accusation"),
        ("продавец мошенник", "ru", "accusation"),
        ("fucking useless", "en", "profanity"),
        ("$hit quality", "en", "profanity"),
        ("это х у й", "ru", "profanity"),
        ("f u c k this", "en", "profanity"),
        ("the zipper brokee", "en", "spelling"),
        ("терпимо но молния сламалась", "ru", "spelling"),
        ("terrible", "en", "vague"),
        ("ужас", "ru", "vague"),
    ],
)
def test_a_text_with_a_finding_concerns_its_rule(text, language, category):
    assert category in concerned_categories(text, language)
    assert category in {f.category for f in find(Document(text, language))}


def test_skipped_rules_are_those_with_nothing_to_find():
    text = "Love it. Runs small, size up!"
    assert concerned_categories(text, "en") <= {"shouting"}  # the "!": only the shouting rule's gate can tell
    assert find(Document(text, "en")) == findings_with_every_rule(text, "en") == []


# Words that some rule reacts to (or nearly: literals inside longer words, one-letter runs, masks), mixed
# with ordinary ones, capitals, marks and digits: texts where the gate has every chance to be wrong.
WORDS = [
    "i", "I", "will", "find", "you", "kill", "recommend", "end", "seller", "is", "an", "idiot", "scammer",
    "fuck", "f", "u", "c", "k", "f**k", "$hit", "sh1t", "ass", "class", "big", "ig", "insta:", "my", "code",
    "SAVE20", "use", "for", "20%", "dm", "me", "admin", "call", "+7", "916", "123-45-67", "www.", "shop.com",
    "@shop_24", "anna@mail.ru", "dot", "ru", "THIS", "IS", "AWFUL", "!!!", "?", "sooooo", "😡", "terrible",
    "not", "good", "quality", "zipper", "brokee", "продавец", "идиот", "мошенник", "я", "тебя", "найду", "х",
    "у", "й", "бля", "ужас", "промокод", "телеграм:", "сламалась", "ёлка", "Kelvin\u212a", "и\u0306",
    "a.b", "x-y-z", "—", "(", ")", "...", "\u00a0", "\n",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=12),
    glue=st.lists(st.sampled_from([" ", " ", "  ", ", ", ".", "-", "\t", ""]), min_size=12, max_size=12),
    language=st.sampled_from(["en", "ru"]),
)
def test_the_gate_never_loses_a_finding(words, glue, language):
    text = "".join(word + gap for word, gap in zip(words, glue))
    assert find(Document(text, language)) == findings_with_every_rule(text, language)


@pytest.mark.parametrize(
    "text, language",
    [
        ("Looks great, but it runs small. I'd recommend sizing up", "en"),
        ("It`s too big and the colour isn’t as pictured", "en"),  # apostrophes the coverage straightens
        ("Всё ужасно, ткань тонкая. Не рекомендую!", "ru"),  # ё the coverage reads as е
        ("İSTANBUL\u00a0dress\nfits\tnicely", "en"),  # İ (two characters in lower case), NBSP, newline, tab
        ("", "en"),
    ],
)
def test_the_gate_tells_the_coverage_which_literals_a_review_holds(text, language):
    doc = Document(text, language)
    folded = plain_letters(doc.folded)
    assert token_gate.literal_bits(doc, folded) == language_index(language).present(folded)
    assert token_gate.literal_bits(doc, doc.folded) == language_index(language).present(doc.folded)


def test_literals_registered_after_a_token_was_seen_are_told_for_it():
    """As when a module loaded after the first text (the coverage's) registers its patterns' literals."""
    index = language_index("en")
    seen = Document("the zqxwv dress", "en")
    token_gate.concerned(seen)  # the document's facts and the token's value are kept
    new_set = index.add(("zqxwv",), shared=False)
    for doc in (seen, Document("the zqxwv dress", "en")):
        assert token_gate.literal_bits(doc, plain_letters(doc.folded)) >> new_set & 1
