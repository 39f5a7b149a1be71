"""advertising: promo codes, invitations to buy elsewhere, private contact offers. Text -> expected spans."""
import re

import pytest

from server.checks import check


def language_of(text: str) -> str:
    return "ru" if re.search("[а-яё]", text, re.IGNORECASE) else "en"


ADVERTISING = [
    ("Дарю промокод SALE20 на всё", [("промокод SALE20", "PROMO_CODE")]),
    ("Скидка по промокоду: VESNA", [("промокоду: VESNA", "PROMO_CODE")]),
    ("по коду VESNA скидка 10%", [("по коду VESNA", "PROMO_CODE")]),
    ("код на скидку ЛЕТО2024", [("код на скидку ЛЕТО2024", "PROMO_CODE")]),
    ("Use code SAVE10 at checkout", [("Use code SAVE10", "PROMO_CODE")]),
    ("coupon code: SPRING25 works", [("coupon code: SPRING25", "PROMO_CODE")]),
    ("Не берите здесь, купите лучше на Али", [("купите лучше на Али", "BUY_ELSEWHERE")]),
    ("Лучше заказать на AliExpress, там дешевле", [("Лучше заказать на AliExpress", "BUY_ELSEWHERE")]),
    ("в нашем магазине дешевле", [("в нашем магазине", "BUY_ELSEWHERE")]),
    ("Заказывайте у нас!", [("Заказывайте у нас", "BUY_ELSEWHERE")]),
    ("подписывайтесь на мой канал", [("подписывайтесь на мой канал", "CONTACT_OFFER")]),
    ("Buy it on eBay instead.", [("Buy it on eBay instead", "BUY_ELSEWHERE")]),
    ("check out my shop for more", [("check out my shop", "BUY_ELSEWHERE")]),
    ("Cheaper in our online store", [("Cheaper in our online store", "BUY_ELSEWHERE")]),
    ("Кому надо фото — пишите в личку", [("пишите в личку", "CONTACT_OFFER")]),
    ("пишите мне в телеграм", [("пишите мне в телеграм", "CONTACT_OFFER")]),
    ("Вопросы? Пишите мне в вотсап", [("Пишите мне в вотсап", "CONTACT_OFFER")]),
    ("пишите в директ", [("пишите в директ", "CONTACT_OFFER")]),
    ("скину фото в личку", [("скину фото в личку", "CONTACT_OFFER")]),
    ("кому надо — пишите", [("кому надо — пишите", "CONTACT_OFFER")]),
    ("Questions? DM me", [("DM me", "CONTACT_OFFER")]),
    ("message me on WhatsApp", [("message me on WhatsApp", "CONTACT_OFFER")]),
    ("contact me for a discount", [("contact me for a discount", "CONTACT_OFFER")]),
    ("hit me up on insta", [("hit me up on insta", "CONTACT_OFFER")]),
]

INNOCENT = [
    "На Озоне этот же товар был лучше",
    "вернула на Вайлдберриз, деньги пришли",
    "На Али такой же в два раза дешевле",  # a fact, not an invitation
    "Промокод не сработал, цена та же",
    "Применила промокод продавца, вышло 500 р",
    "Берите на размер больше",
    "Берите, не пожалеете",
    "Заказывайте у этого продавца",
    "Пишите честные отзывы",
    "Напишите в поддержку, вернут деньги",
    "Продавец, напишите мне, пожалуйста, как вернуть",
    "Заказывала в пункт выдачи на Ленина",
    "В моём профиле есть ещё отзывы",
    "I returned it to Amazon",
    "I bought the same one on Amazon for less",
    "I'd rather buy it on Amazon next time",
    "Use code at checkout didn't work",
    "Didn't DM me back",
    "Arrived at 7:22 PM\nMe and my daughter love it",
    "Follow the size chart",
]


@pytest.mark.parametrize("text, expected", ADVERTISING)
def test_advertising_is_flagged(flagged, text, expected):
    assert flagged("advertising", text, language_of(text)) == expected


@pytest.mark.parametrize("text", INNOCENT)
def test_mentioning_another_shop_is_not_advertising(flagged, text):
    assert flagged("advertising", text, language_of(text)) == []


def test_advertising_is_a_warning_so_the_review_stays_publishable():
    result = check("Отличная рубашка, промокод SALE20", "ru")
    assert [(m["rule_id"], m["severity"], m["replacements"]) for m in result["matches"]] == [
        ("PROMO_CODE", "warning", [])
    ]
    assert result["summary"]["publishable"] is True
