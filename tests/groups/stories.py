"""Members' submissions for the tests: varied on purpose, some with a phone number in their text."""
from __future__ import annotations

PHONE = "+7 916 123-45-67"
SELLERS = ["ООО Ромашка", "ИП Лютиков", "Василёк"]
PRODUCTS = [
    {"url": "https://www.ozon.ru/product/plate-midi-100/?utm_source=share&ref=buyer42", "title": "Платье миди", "external_id": "100"},
    {"url": "https://www.wildberries.ru/catalog/200/detail.aspx", "title": "Куртка", "external_id": "200"},
    {"title": "Свитер без артикула"},
]
REASONS = [["size"], ["fabric", "seams"], [], ["size", "after_wash", "smell"], ["color"]]
RECOMMEND = ["yes", "reservations", "no", "no", "yes"]
BUY_AGAIN = ["no", "yes", "only_if", "no", "no"]


def answers(i: int) -> dict:
    rating = i % 5 + 1
    # Each member ordered on another day, so no two submissions are the same review.
    given = {"rating": rating, "kind": "clothing", "good": ["color"], "order_date": f"2024-{i % 12 + 1:02d}-{i // 12 + 1:02d}"}
    reasons = REASONS[i % len(REASONS)]
    if reasons or rating < 4:
        given["disappointed"] = reasons or ["defect"]
    given["recommend"] = RECOMMEND[i % 5]
    given["buy_again"] = BUY_AGAIN[(i // 5) % 5]
    if given["buy_again"] == "only_if":
        given["buy_again_condition"] = "если продавец ответит"
    if i % 4 == 0:
        given["expectations"] = [{"expected": "длина до колена", "actual": f"выше колена, пишите {PHONE}"}]
    if i % 7 == 0:
        given["disappointed_detail"] = "катышки после стирки, мой email anna.petrova@mail.ru"
    return given


def submission(i: int) -> dict:
    body = {
        "language": "ru",
        "marketplace": "ozon" if i % 3 else "wildberries",
        "product": PRODUCTS[i % len(PRODUCTS)],
        "seller": SELLERS[i % len(SELLERS)],
        "answers": answers(i),
    }
    if i % 2 == 0:
        body["text"] = f"Отзыв номер {i}: размер не совпал. Звоните {PHONE}" if i % 6 == 0 else f"Отзыв номер {i}: размер не совпал."
    return body


def fifty() -> list[dict]:
    return [submission(i) for i in range(50)]
