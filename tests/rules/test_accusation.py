"""accusation: criminal or moral labels stated as fact. Text -> expected spans.

The rule is called directly (not through the pipeline) so that another rule's finding on the same
word (a spelling warning on "scammers") cannot hide what this rule decides.
"""
import pytest

from server.checks import check
from server.checks.document import Document
from server.checks.rules import accusation


def spans(text: str, language: str) -> list[tuple[str, str]]:
    return [(text[f.offset : f.end], f.rule_id) for f in accusation.find(Document(text, language))]


RU = [
    ("Продавцы мошенники, не берите!", [("мошенники", "RU_ACCUSATION")]),
    ("Это мошенничество чистой воды", [("мошенничество", "RU_ACCUSATION")]),
    ("Воры! Половины заказа нет", [("Воры", "RU_ACCUSATION")]),
    ("У меня украли часть заказа", [("украли", "RU_ACCUSATION")]),
    ("Меня обманули, прислали другой цвет", [("обманули", "RU_ACCUSATION")]),
    ("Сплошной обман", [("обман", "RU_ACCUSATION")]),
    ("Это развод", [("развод", "RU_ACCUSATION")]),
    ("Развод на деньги!", [("Развод на деньги", "RU_ACCUSATION")]),
    ("Нас просто развели", [("Нас просто развели", "RU_ACCUSATION")]),
    ("Кинули меня на деньги", [("Кинули меня", "RU_ACCUSATION")]),
    ("Кидалово, а не магазин", [("Кидалово", "RU_ACCUSATION")]),
    ("Аферисты и жулики", [("Аферисты", "RU_ACCUSATION"), ("жулики", "RU_ACCUSATION")]),
    ("Очередной лохотрон", [("лохотрон", "RU_ACCUSATION")]),
    ("Прислали подделку", [("подделку", "RU_ACCUSATION")]),
    ("Явно не оригинал", [("не оригинал", "RU_ACCUSATION")]),
    # A comma ends the clause: the "не" belongs to "вернули".
    ("Деньги не вернули, мошенники", [("мошенники", "RU_ACCUSATION")]),
    ("МОШЕННИКИ", [("МОШЕННИКИ", "RU_ACCUSATION")]),
    ("Я была обманута продавцом", [("обманута", "RU_ACCUSATION")]),
]

RU_INNOCENT = [
    "Это не развод, всё пришло",
    "Не обман, размер правда маломерит",
    "Никакого обмана, всё как на фото",
    "Всё честно, без обмана",
    "Это вовсе не мошенники, просто долгая доставка",
    "Думала, что развод, но нет — пришло за три дня",
    "Боялась, что мошенники, а всё пришло",
    "«Мошенники» — так пишут в отзывах, но у меня всё пришло",
    "Кто-то пишет „обман“, но всё совпало",
    "Хороший чехол, защита от мошенников не нужна",
    "Осторожно, мошенники звонят от имени банка",
    "Телефонные мошенники уже достали",
    "Обманчивое фото, в жизни темнее",
    "Кинула в корзину не глядя",
    "Развели срач в отзывах",
    "До развода носила 46 размер",
    "Подделка под кожу, но выглядит прилично",
    "Оптический обман: полоски стройнят",
    "Хорошо украсит комнату",
    "Ворот широкий, ворота у пуговиц тугие",
    "Я её конфеты украла, пока она не видела",
    "Не оригинальный дизайн, но симпатично",
    "Размер врёт, берите на размер больше",
]

EN = [
    ("This seller is a scam", [("scam", "EN_ACCUSATION")]),
    ("Total scam.", [("scam", "EN_ACCUSATION")]),
    ("Scammers! Never got my order", [("Scammers", "EN_ACCUSATION")]),
    ("Fraudulent listing", [("Fraudulent", "EN_ACCUSATION")]),
    ("They are thieves", [("thieves", "EN_ACCUSATION")]),
    ("They stole my money", [("stole", "EN_ACCUSATION")]),
    ("The seller lied about the fabric", [("lied", "EN_ACCUSATION")]),
    ("They are lying about the size", [("They are lying", "EN_ACCUSATION")]),
    ("Con artists, all of them", [("Con artists", "EN_ACCUSATION")]),
    ("It's counterfeit", [("counterfeit", "EN_ACCUSATION")]),
    ("I got scammed, no refund", [("scammed", "EN_ACCUSATION")]),
    ("I think it's a scam", [("scam", "EN_ACCUSATION")]),
]

EN_INNOCENT = [
    "It's not a scam, it just took a month",
    "Not a scam at all",
    "It isn't a scam",
    "I thought it was a scam but it arrived",
    "I was worried it was a scam, but the dress is lovely",
    'Some reviews say "scam" but mine came fine',
    "Some reviews say “scam” but mine came fine",
    "I'm 5'4\" and it fits; no scam here",
    "Beware of scam calls pretending to be the shop",
    "My card has fraud protection",
    "This dress stole the show at the wedding",
    "It stole my heart",
    "The coat was lying flat in the box",
    "A rip-off of a designer look, but cute",
    "Fake pockets, but the fit is great",
    "I stole my sister's sweater",
    "What a steal at this price",
]


@pytest.mark.parametrize("text, expected", RU)
def test_russian_accusations_are_flagged(text, expected):
    assert spans(text, "ru") == expected


@pytest.mark.parametrize("text", RU_INNOCENT)
def test_russian_negated_quoted_and_other_uses_are_not_accusations(text):
    assert spans(text, "ru") == []


@pytest.mark.parametrize("text, expected", EN)
def test_english_accusations_are_flagged(text, expected):
    assert spans(text, "en") == expected


@pytest.mark.parametrize("text", EN_INNOCENT)
def test_english_negated_quoted_and_other_uses_are_not_accusations(text):
    assert spans(text, "en") == []


def test_russian_label_in_an_english_review_is_not_checked():
    # Accusations are wording advice in the buyer's language, not harm: other lexicons are not used.
    assert spans("Sellers are мошенники", "en") == []


def test_accusation_is_a_warning_whose_message_shows_a_fact_to_write():
    result = check("Продавец мошенник, деньги так и не вернул.", "ru")
    [match] = [m for m in result["matches"] if m["category"] == "accusation"]
    assert match["severity"] == "warning" and match["rule_id"] == "RU_ACCUSATION"
    assert "«мошенник»" in match["message"] and "14 дней" in match["message"]
    assert match["replacements"] == []
    assert result["summary"]["publishable"] is True


@pytest.mark.parametrize(
    "text, language, example",
    [
        ("Воры!", "ru", "две пары вместо трёх"),
        ("Меня обманули", "ru", "100% хлопок"),
        ("Это подделка", "ru", "логотип"),
        ("Total scam.", "en", "did not refund"),
        ("Liars.", "en", "100% cotton"),
    ],
)
def test_the_example_fact_fits_the_kind_of_label(text, language, example):
    [match] = [m for m in check(text, language)["matches"] if m["category"] == "accusation"]
    assert example in match["message"]


def test_many_labels_stay_linear():
    import time

    text = "мошенники не развод, " * 1000
    started = time.perf_counter()
    found = spans(text, "ru")
    assert len(found) == 1000
    assert time.perf_counter() - started < 1.0


def test_quotation_marks_far_back_do_not_confuse_the_quote_test():
    assert spans("«мошенники» " * 100, "ru") == []
    assert spans("«отзыв» " * 100 + "мошенники", "ru") == [("мошенники", "RU_ACCUSATION")]
