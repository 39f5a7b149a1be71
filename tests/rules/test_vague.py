"""vague: judgements with nothing concrete behind them. Text -> expected spans.

The rule is called directly (not through the pipeline) so that another rule's finding on the same
words cannot hide what this rule decides.
"""
import pytest

from server.checks import check
from server.checks.document import Document
from server.checks.rules import vague


def spans(text: str, language: str) -> list[tuple[str, str]]:
    found = sorted(vague.find(Document(text, language)), key=lambda f: f.offset)
    return [(text[f.offset : f.end], f.rule_id) for f in found]


RU = [
    ("Ужас, не берите", [("Ужас", "RU_VAGUE"), ("не берите", "RU_VAGUE")]),
    ("Отстой", [("Отстой", "RU_VAGUE")]),
    ("Кошмар!", [("Кошмар", "RU_VAGUE")]),
    ("Мне не понравилось", [("не понравилось", "RU_VAGUE")]),
    ("Плохое качество", [("Плохое качество", "RU_VAGUE")]),
    ("Качество просто ужасное, не советую", [("Качество просто ужасное", "RU_VAGUE"), ("не советую", "RU_VAGUE")]),
    ("Так себе.", [("Так себе", "RU_VAGUE")]),
    ("Деньги на ветер", [("Деньги на ветер", "RU_VAGUE")]),
    ("Разочарована", [("Разочарована", "RU_VAGUE")]),
    ("Ужасная вещь, брать не советую", [("Ужасная", "RU_VAGUE"), ("брать не советую", "RU_VAGUE")]),
    # A star rating is not a detail.
    ("Ужас, 1 звезда", [("Ужас", "RU_VAGUE")]),
]

RU_CONCRETE_OR_INNOCENT = [
    "Ужас: молния сломалась через 2 дня",
    "Ужас, после первой стирки села",
    "Плохое качество, нитки торчат",
    "Качество ужасное, ткань просвечивает",
    "Не берите, размер не соответствует",
    "Не понравилось, в плечах узко",
    "Ужас, прислали не тот цвет",
    "Кошмар, пришла на неделю позже",
    "Отстой, вернула",
    "Не ужас, нормально",
    "Совсем не отстой",
    "Думала, будет ужас, а оказалось хорошо",
    "Не очень большой, но удобный",
    "Супер, рекомендую!",
    "В отзывах пишут «ужас», а мне понравилось",
]

EN = [
    ("Terrible, don't buy", [("Terrible", "EN_VAGUE"), ("don't buy", "EN_VAGUE")]),
    ("Bad quality.", [("Bad quality", "EN_VAGUE")]),
    ("Awful.", [("Awful", "EN_VAGUE")]),
    ("I don’t like it", [("don’t like it", "EN_VAGUE")]),
    ("Total garbage. Waste of money.", [("garbage", "EN_VAGUE"), ("Waste of money", "EN_VAGUE")]),
    ("Would not recommend", [("Would not recommend", "EN_VAGUE")]),
    ("Such a rip-off", [("rip-off", "EN_VAGUE")]),
    ("So disappointed", [("disappointed", "EN_VAGUE")]),
]

EN_CONCRETE_OR_INNOCENT = [
    "Terrible: the zipper broke after 2 days",
    "Bad quality, the seams came apart after one wash",
    "Awful fit in the shoulders",
    "I returned it, terrible",
    "Not terrible at all",
    "You won't be disappointed",
    "I was worried it would be junk, but it's lovely",
    "Love it!",
    "Looks cheap compared to the photo",
]


@pytest.mark.parametrize("text, expected", RU)
def test_russian_vague_judgements_get_a_hint(text, expected):
    assert spans(text, "ru") == expected


@pytest.mark.parametrize("text", RU_CONCRETE_OR_INNOCENT)
def test_russian_concrete_or_negated_reviews_get_none(text):
    assert spans(text, "ru") == []


@pytest.mark.parametrize("text, expected", EN)
def test_english_vague_judgements_get_a_hint(text, expected):
    assert spans(text, "en") == expected


@pytest.mark.parametrize("text", EN_CONCRETE_OR_INNOCENT)
def test_english_concrete_or_negated_reviews_get_none(text):
    assert spans(text, "en") == []


@pytest.mark.parametrize(
    "text, language, question",
    [
        ("Плохое качество", "ru", "Что именно не так с качеством: шов, ткань, запах, размер?"),
        ("Отстой", "ru", "Что именно не так: что случилось с товаром и когда?"),
        ("Не берите", "ru", "Почему не советуете"),
        ("Bad quality", "en", "What exactly was wrong with the quality: stitching, fabric, smell, size?"),
        ("Waste of money", "en", "What did you expect for the price"),
    ],
)
def test_the_hint_asks_the_question_for_the_kind_of_judgement(text, language, question):
    [match] = [m for m in check(text, language)["matches"] if m["category"] == "vague"]
    assert question in match["message"]
    assert match["severity"] == "hint" and match["replacements"] == []


def test_a_long_vague_text_stays_linear():
    import time

    text = "Ужас, не берите. " * 1200
    started = time.perf_counter()
    assert len(spans(text, "ru")) == 2400
    assert time.perf_counter() - started < 1.0
