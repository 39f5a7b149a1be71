"""Which language is the review in? Russian and English, reliably, even when mixed."""
import pytest

from server.checks.language import UnsupportedLanguage, detect

LANGUAGES = [
    ("Отличная куртка, размер подошёл", "ru"),
    ("Great jacket, the size fits", "en"),
    ("Купила Samsung Galaxy S23 Ultra, камера супер", "ru"),
    ("Заказала XL, пришёл M. Продавец Xiaomi Store не ответил", "ru"),
    ("iPhone 15 Pro Max", "en"),
    ("The seller wrote «спасибо» but never refunded the money", "en"),
    ("норм", "ru"),
    ("ok", "en"),
    (")))", "ru"),
    ("5/5 👍", "ru"),
    ("Норм 8f3a2bc9d1e", "ru"),
    ("Размер S, M и XL", "ru"),
    ("Видео на www.youtube.com/watch?v=abc (смотрите)", "ru"),
    ("группа vk.com/id123, пишите ivan.petrov@example.com", "ru"),
    ("Брала тут: WWW.BEST-SHOPPING-MALL-STORE-ONLINE.COM", "ru"),  # an address in capitals does not vote either
]


@pytest.mark.parametrize("text, language", LANGUAGES)
def test_detects_russian_and_english(text, language):
    assert detect(text) == language


@pytest.mark.parametrize(
    "text, detected",
    [
        ("Дуже якісна річ, але розмір не підійшов", "uk"),
        ("Die Jacke ist sehr gut, aber zu klein", "de"),
        ("La veste est très belle mais trop petite", "fr"),
        ("这个产品很好", "cjk"),
    ],
)
def test_other_languages_are_named_not_guessed(text, detected):
    with pytest.raises(UnsupportedLanguage) as error:
        detect(text)
    assert error.value.detected == detected
