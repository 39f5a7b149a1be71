"""personal_data: phones, e-mails, card and passport numbers. Text -> expected spans."""
import pytest

from server.checks import check
from server.checks.rules.personal_data import Span, personal_data_spans

RUSSIAN = [
    ("Звоните 8 (916) 123-45-67, отдам дешевле", [("8 (916) 123-45-67", "PHONE_NUMBER")]),
    ("мой номер +7 916 123 45 67", [("+7 916 123 45 67", "PHONE_NUMBER")]),
    ("пишите на ватсап 89161234567", [("89161234567", "PHONE_NUMBER")]),
    ("звоните 8-916-123-45-67", [("8-916-123-45-67", "PHONE_NUMBER")]),
    ("код 495 123-45-67, спросите Ольгу", [("495 123-45-67", "PHONE_NUMBER")]),
    ("горячая линия 8-800-555-35-35", [("8-800-555-35-35", "PHONE_NUMBER")]),
    ("Продавец в США: +1 (415) 555-2671", [("+1 (415) 555-2671", "PHONE_NUMBER")]),
    ("лондонский номер +44 20 7946 0958", [("+44 20 7946 0958", "PHONE_NUMBER")]),
    ("Почта ivan.petrov@mail.ru, пишите", [("ivan.petrov@mail.ru", "EMAIL")]),
    ("пишите ivan (at) mail.ru", [("ivan (at) mail.ru", "EMAIL")]),
    ("адрес ivan собака yandex.ru", [("ivan собака yandex.ru", "EMAIL")]),
    ("Верните деньги на карту 4111 1111 1111 1111", [("4111 1111 1111 1111", "CARD_NUMBER")]),
    ("карта 2200-1234-5678-9019", [("2200-1234-5678-9019", "CARD_NUMBER")]),
    ("карта 4111111111111111", [("4111111111111111", "CARD_NUMBER")]),
    ("паспорт 4509 123456", [("4509 123456", "PASSPORT_NUMBER")]),
    ("Паспортные данные: 45 09 123456", [("45 09 123456", "PASSPORT_NUMBER")]),
    ("серия 45 09 номер 123456", [("45 09 номер 123456", "PASSPORT_NUMBER")]),
    ("загранпаспорт 75 1234567", [("75 1234567", "PASSPORT_NUMBER")]),
]

ENGLISH = [
    ("Call me at +1 (415) 555-2671 for a refund", [("+1 (415) 555-2671", "PHONE_NUMBER")]),
    ("text me (415) 555-2671", [("(415) 555-2671", "PHONE_NUMBER")]),
    ("my number is 415-555-2671", [("415-555-2671", "PHONE_NUMBER")]),
    ("Email me at jane.doe+shop@gmail.com", [("jane.doe+shop@gmail.com", "EMAIL")]),
    ("write to jane [at] gmail [dot] com", [("jane [at] gmail [dot] com", "EMAIL")]),
    ("I paid with 4111-1111-1111-1111 twice", [("4111-1111-1111-1111", "CARD_NUMBER")]),
    ("Amex 3782 822463 10005 was charged", [("3782 822463 10005", "CARD_NUMBER")]),
    ("passport no. 123456789", [("123456789", "PASSPORT_NUMBER")]),
    ("My passport number: X1234567 was on the parcel", [("X1234567", "PASSPORT_NUMBER")]),
]

RUSSIAN_INNOCENT = [
    "рост 170, вес 65, ОГ 96",
    "Заказывала 44-46, подошёл размер 48/50",
    "рост 165 вес 55 размер 42-44 ОГ 88 ОТ 70 ОБ 96",
    "Пришло 12.03.2024, заказ от 01.03.2024",
    "Цена 1 990 ₽, по скидке 1 290 ₽",
    "Цена 12 990 руб, скидка 30%",
    "арт. 123456789 — тот же товар другого цвета",
    "артикул 146781234 и артикул 73219876",
    "заказ № 1234567-0001 пришёл без пуговиц",
    "номер заказа 9161234567",
    "трек 80082345678901 не отслеживается",
    "ШК 2041234567890 на бирке",
    "Номер заказа 4111111111111111 ждала две недели",  # Luhn-valid, but after "заказа"
    "Заказ 1234567812345678 пришёл",  # 16 digits, not Luhn-valid
    "серия 2024 года лучше прошлой",
    "паспорт не нужен, получила по коду",
    "3 шт по 250 р, итого 750 р",
    "с 10:00 до 21:00, ПВЗ на Ленина 15",
    "Телефон Samsung A52 128 ГБ",
    "мощность 1500 Вт, 220-240 В, 50 Гц",
    "размеры 42 44 46 48 50 52",
    "ОГ 90-92 ОТ 70-72 ОБ 96-98",
    "стоит 1 299 990, в 2023-2024 гг было дешевле",
    "IMEI 356938035643809 совпадает с коробкой",  # Luhn-valid like a card, but an IMEI
]

ENGLISH_INNOCENT = [
    "I'm 5'5\" and 125 lbs, 34B, the small fit",
    "5'7\", 140 lbs, 36C, ordered a 6 petite",
    "Bought it 12/03/2024 for $129.99",
    "order #112-3456789-0123456 arrived late",
    "tracking 9400111899223344556677 never updated",
    "I shopped at amazon.com before",
    "Size 10-12, inseam 30, waist 28",
    "Order 1234567812345678 was lost",  # 16 digits, not Luhn-valid
    "My passport photo came out fine",
    "Model 4111111111111111 is the newer one",  # after "model": a product code
    "sizes 32 34 36 38 40, on 04/15/2024 at 10:30",
    "bought 3 for 19.99 each, 59.97 total",
]


@pytest.mark.parametrize("text, expected", RUSSIAN)
def test_russian_personal_data_is_flagged(flagged, text, expected):
    assert flagged("personal_data", text, "ru") == expected


@pytest.mark.parametrize("text, expected", ENGLISH)
def test_english_personal_data_is_flagged(flagged, text, expected):
    assert flagged("personal_data", text, "en") == expected


def test_a_russian_phone_in_an_english_review_is_found(flagged):
    text = "Seller, call me 8 (916) 123-45-67"
    assert flagged("personal_data", text, "en") == [("8 (916) 123-45-67", "PHONE_NUMBER")]


@pytest.mark.parametrize("text", RUSSIAN_INNOCENT)
def test_russian_measurements_dates_and_order_numbers_are_not_personal_data(flagged, text):
    assert flagged("personal_data", text, "ru") == []


@pytest.mark.parametrize("text", ENGLISH_INNOCENT)
def test_english_measurements_dates_and_order_numbers_are_not_personal_data(flagged, text):
    assert flagged("personal_data", text, "en") == []


def test_spans_for_redaction_are_in_text_order():
    text = "паспорт 4509 123456, тел. 8 (916) 123-45-67, ivan@mail.ru"
    assert [text[s.start : s.end] for s in personal_data_spans(text, "ru")] == [
        "4509 123456",
        "8 (916) 123-45-67",
        "ivan@mail.ru",
    ]
    assert all(isinstance(s, Span) for s in personal_data_spans(text, "ru"))


def test_an_email_is_personal_data_not_a_link():
    result = check("Пишите на ivan@mail.ru", "ru")
    assert [(m["category"], m["rule_id"]) for m in result["matches"] if m["severity"] == "error"] == [
        ("personal_data", "EMAIL")
    ]


def test_personal_data_is_an_error_without_replacements():
    result = check("Мой телефон 8 (916) 123-45-67", "ru")
    match = next(m for m in result["matches"] if m["category"] == "personal_data")
    assert match["severity"] == "error" and match["replacements"] == []
    assert "чате маркетплейса" in match["message"]
    assert result["summary"]["publishable"] is False
