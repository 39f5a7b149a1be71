"""The pipeline: all rules together, one finding per problem, in text order."""
import pytest

from server.checks import CATEGORIES, check


def spans(text):
    return [(text[m["offset"] : m["offset"] + m["length"]], m["category"]) for m in check(text)["matches"]]


def test_the_categories_are_the_public_contract():
    assert CATEGORIES == (
        "profanity", "insult", "threat", "personal_data", "link", "advertising", "shouting",
        "spelling", "accusation", "vague", "grammar", "punctuation", "style",
    )


def test_an_email_is_personal_data_and_not_also_a_link():
    assert spans("Пишите ivan.petrov@mail.ru") == [("ivan.petrov@mail.ru", "personal_data")]


def test_a_shouted_sentence_with_an_obscenity_reports_both():
    assert spans("ЭТО ПИЗДЕЦ, НЕ БЕРИТЕ") == [("ЭТО ПИЗДЕЦ, НЕ БЕРИТЕ", "shouting"), ("ПИЗДЕЦ", "profanity")]


@pytest.mark.parametrize(
    "text, categories",
    [
        (
            "Продавец идиот, сука. Я тебя найду! Звоните +7 916 123-45-67, заходите на shop-best.ru, "
            "промокод SALE20. ЭТО ПРОСТО УЖАС!!!",
            {"insult", "profanity", "threat", "personal_data", "link", "advertising", "shouting"},
        ),
        (
            "The seller is a moron, fucking useless. I will find you. Call +1 (415) 555-2671, see cheap-shop.com, "
            "use code SAVE10. NEVER BUYING THIS AGAIN!!!",
            {"insult", "profanity", "threat", "personal_data", "link", "advertising", "shouting"},
        ),
    ],
)
def test_one_review_can_break_every_rule(text, categories):
    result = check(text)
    assert {m["category"] for m in result["matches"]} == categories
    assert result["summary"]["publishable"] is False
    offsets = [m["offset"] for m in result["matches"]]
    assert offsets == sorted(offsets)


def test_findings_of_one_category_never_overlap():
    text = "Ужаааасно!!!!! 😡😡😡😡 НЕ БЕРИТЕ НИКОГДА!!! х у й л о"
    matches = check(text)["matches"]
    for category in {m["category"] for m in matches}:
        same = sorted((m["offset"], m["offset"] + m["length"]) for m in matches if m["category"] == category)
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(same, same[1:]))
