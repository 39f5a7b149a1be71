"""link: URLs, bare domains, social and messenger handles. Text -> expected spans."""
import re

import pytest

from server.checks import check


def language_of(text: str) -> str:
    """The tests name the language: automatic detection is not what is under test here."""
    return "ru" if re.search("[а-яё]", text, re.IGNORECASE) else "en"


LINKS = [
    ("Подробности тут: https://clck.ru/3AbCd.", [("https://clck.ru/3AbCd", "LINK_URL")]),
    ("Видео на www.youtube.com/watch?v=abc (смотрите)", [("www.youtube.com/watch?v=abc", "LINK_URL")]),
    ("(см. www.shop-msk.ru)", [("www.shop-msk.ru", "LINK_URL")]),
    ("Great! http://t.co/abc123", [("http://t.co/abc123", "LINK_URL")]),
    ("Дешевле на example.ru", [("example.ru", "LINK_DOMAIN")]),
    ("берите на shop.com", [("shop.com", "LINK_DOMAIN")]),
    ("все подробности на сайт.рф", [("сайт.рф", "LINK_DOMAIN")]),
    ("смотрите vk.cc/xyz", [("vk.cc/xyz", "LINK_DOMAIN")]),
    ("заходите на ozon-shop.store/sale", [("ozon-shop.store/sale", "LINK_DOMAIN")]),
    ("купила на OZON.RU", [("OZON.RU", "LINK_DOMAIN")]),
    ("пишите @username", [("@username", "LINK_HANDLE")]),
    ("инст @shop_msk", [("инст @shop_msk", "LINK_HANDLE")]),
    ("канал t.me/shop_msk", [("t.me/shop_msk", "LINK_HANDLE")]),
    ("группа vk.com/id123", [("vk.com/id123", "LINK_HANDLE")]),
    ("телеграм: ivan_petrov", [("телеграм: ivan_petrov", "LINK_HANDLE")]),
    ("тг - shop24", [("тг - shop24", "LINK_HANDLE")]),
    ("моя инста anna.style", [("моя инста anna.style", "LINK_HANDLE")]),
    ("my insta is jane_doe", [("my insta is jane_doe", "LINK_HANDLE")]),
    ("IG: shopname", [("IG: shopname", "LINK_HANDLE")]),
]

INNOCENT = [
    "т.е. так себе",
    "Доставили в г.Москва, ул.Ленина",
    "и т.д. и т.п.",
    "длина 1.5 метра, вес 0.3 кг",
    "прикрепила фото.jpg не загрузилось",
    "Mi.Band 7 держит неделю",
    "Блузка хорошая.Советую.Размер в размер",
    "loved it.So good",
    "Wi.Fi works",
    "the shirt.top is cute",
    "i.e. the fabric, e.g. cotton, U.S.A. made",
    "Instagram is full of ads",
    "в инсте много обзоров",
    "Инструкция: RU_2024",
    "Twitter: At the moment no",
    "бл@ть, опять брак",
    "Пишите на ivan@mail.ru",  # an e-mail is personal data, not a link
    "ivan (at) mail.ru",
    "whatsapp 89161234567",  # the number is personal data
    "Качество на 5.Рекомендую",
    "Брала S.Подошёл",
    "10/10 would buy again",
    "Ozon — лучше, чем WB",
]


@pytest.mark.parametrize("text, expected", LINKS)
def test_links_are_flagged(flagged, text, expected):
    assert flagged("link", text, language_of(text)) == expected


@pytest.mark.parametrize("text", INNOCENT)
def test_abbreviations_joins_and_emails_are_not_links(flagged, text):
    assert flagged("link", text, language_of(text)) == []


def test_phone_after_whatsapp_is_personal_data_only():
    result = check("whatsapp 89161234567", "ru")
    assert [(m["category"], m["rule_id"]) for m in result["matches"]] == [("personal_data", "PHONE_NUMBER")]


def test_link_is_an_error_without_replacements():
    result = check("Смотрите example.ru", "ru")
    match = next(m for m in result["matches"] if m["category"] == "link")
    assert match["severity"] == "error" and match["replacements"] == []
    assert match["message"].startswith("Адрес сайта")
    assert result["summary"]["publishable"] is False
