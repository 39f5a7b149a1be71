"""shouting: capitals, punctuation runs, stretched letters, emoji floods. Text -> expected spans."""
import pytest

from server.checks import check

SHOUTING = [
    ("ЭТО ПРОСТО УЖАС, НЕ БЕРИТЕ!!!", [("ЭТО ПРОСТО УЖАС, НЕ БЕРИТЕ", "SHOUTING_CAPS"), ("!!!", "SHOUTING_PUNCTUATION")]),
    ("DO NOT BUY THIS JACKET. It tore in a week.", [("DO NOT BUY THIS JACKET", "SHOUTING_CAPS")]),
    ("Почему так долго???", [("???", "SHOUTING_PUNCTUATION")]),
    ("Серьёзно?!?! Две недели", [("?!?!", "SHOUTING_PUNCTUATION")]),
    ("Это ужаааасно", [("ужаааасно", "SHOUTING_STRETCHED")]),
    ("Sooooo disappointed", [("Sooooo", "SHOUTING_STRETCHED")]),
    ("Качество 😡😡😡😡😡", [("😡😡😡😡😡", "SHOUTING_EMOJI")]),
    ("Flags 🇷🇺 🇷🇺 🇷🇺 🇷🇺 everywhere", [("🇷🇺 🇷🇺 🇷🇺 🇷🇺", "SHOUTING_EMOJI")]),
]

CALM = [
    "Размер XL, ОГ 102, заказывала 44-46.",
    "Great USB-C cable, works with my HDMI adapter.",
    "Взяла XXXL и 4XL, обе велики.",
    "Нормально)))",
    "Супер! Рекомендую!",
    "Один раз УЖАСНО, но в целом норм.",
    "Спасибо 👍😊",
    "Было 1111 отзывов",
    "ПВЗ СДЭК на Ленина",
]


@pytest.mark.parametrize("text, expected", SHOUTING)
def test_shouting_is_flagged(flagged, text, expected):
    assert flagged("shouting", text) == expected


@pytest.mark.parametrize("text", CALM)
def test_ordinary_emphasis_is_not_shouting(flagged, text):
    assert flagged("shouting", text) == []


@pytest.mark.parametrize(
    "text, calm",
    [
        ("НЕ БЕРИТЕ ЭТУ КУРТКУ РАЗМЕР XL", "Не берите эту куртку размер XL"),
        ("Это ужаааасно", "ужасно"),
        ("Wow!!!!!", "!"),
        ("What?!?!", "?!"),
    ],
)
def test_shouting_suggests_a_calm_version(text, calm):
    assert check(text)["matches"][0]["replacements"] == [calm]


def test_shouting_is_a_warning_so_the_review_stays_publishable():
    result = check("ЭТО ПРОСТО УЖАС!!!")
    assert {m["severity"] for m in result["matches"]} == {"warning"}
    assert result["summary"]["publishable"] is True
