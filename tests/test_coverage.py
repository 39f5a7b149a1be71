"""Coverage of the four points: text -> expected coverage. Texts written for these tests."""
import time

import pytest

from server.checks.coverage import POINTS, coverage, hints
from server.prompts import questions
from server.checks.document import Document


def cover(text, language):
    return coverage(Document(text, language))


# (text, point, expected) — one point per row, so a failure names what was misread.
RECOMMEND_RU = [
    ("Отличная блузка, рекомендую!", "yes"),
    ("Всем советую этого продавца.", "yes"),
    ("Рекомендую к покупке.", "yes"),
    ("Смело можно брать.", "yes"),
    ("Берите, не пожалеете!", "yes"),
    ("Не пожалеете!", "yes"),
    ("Я бы рекомендовала подругам.", "yes"),
    ("Не могу не рекомендовать этот магазин.", "yes"),
    ("Брать стоит однозначно.", "yes"),
    ("Не рекомендую, ткань ужасная.", "no"),
    ("Никому не советую.", "no"),
    ("Не берите, это брак.", "no"),
    ("Не покупайте здесь ничего.", "no"),
    ("Рекомендовать не буду.", "no"),
    ("Не могу рекомендовать эту модель.", "no"),
    ("Не стоит брать, сядет после стирки.", "no"),
    ("Не тратьте деньги.", "no"),
    ("Брать не советую.", "no"),
    # Someone else's advice is not the buyer's stance.
    ("Мне посоветовала подруга, и не зря.", None),
    ("Продавец рекомендовал размер M.", None),
    ("Размер брала по таблице, которую рекомендует продавец.", None),
    # Size advice is not a stance on the product.
    ("Берите на размер больше.", None),
    ("Советую брать на размер меньше.", None),
    ("Не берите на размер меньше, маломерит.", None),
    # Irony is not read literally.
    ("Ага, рекомендую, если не жалко денег)))", None),
    ("Ну просто «рекомендую» всем.", None),
    ("Рекомендую всем... не", None),
    ("Хорошая рубашка, ношу с удовольствием.", None),
]

RECOMMEND_EN = [
    ("Love it, highly recommend!", "yes"),
    ("I would recommend this to anyone.", "yes"),
    ("I'd definitely recommend it.", "yes"),
    ("I can't recommend it enough.", "yes"),
    ("I cannot recommend this dress highly enough.", "yes"),
    ("I wouldn't hesitate to recommend it.", "yes"),
    ("You won't regret it.", "yes"),
    ("Recommended!", "yes"),
    ("Just buy it, it's that good.", "yes"),
    ("A must-have for summer.", "yes"),
    ("I can't recommend it.", "no"),
    ("I would not recommend this top.", "no"),
    ("Wouldn't recommend.", "no"),
    ("Don't buy this, it falls apart.", "no"),
    ("Save your money.", "no"),
    ("Avoid this brand.", "no"),
    ("I'd pass on this one.", "no"),
    ("Do not recommend.", "no"),
    ("A friend recommended it to me.", None),
    ("The size chart recommends a medium.", None),
    ("The sales associate recommended I size down.", None),
    ("I'd recommend sizing down.", None),
    ("I recommend going up a size.", None),
    ("Wear a cami to avoid wrinkles showing.", None),
    ('Yeah right, "recommend" it to your worst enemy.', None),
    ("Cute top, fits well.", None),
]

BUY_AGAIN_RU = [
    ("Перезакажу на размер больше.", "yes"),
    ("Буду заказывать ещё!", "yes"),
    ("Возьму другой цвет.", "yes"),
    ("Закажу ещё в белом.", "yes"),
    ("Беру уже третий раз.", "yes"),
    ("Взяла в двух цветах.", "yes"),
    ("Хочу заказать ещё бежевую.", "yes"),
    ("Больше не закажу.", "no"),
    ("Больше не буду покупать у этого продавца.", "no"),
    ("Заказывать больше не буду.", "no"),
    ("Перезаказывать не буду.", "no"),
    ("Никогда больше не возьму здесь.", "no"),
    ("Возврат.", None),
    ("Пришёл другой цвет, отказалась.", None),
    ("Вернула, деньги пришли быстро.", None),
]

BUY_AGAIN_EN = [
    ("Will buy again!", "yes"),
    ("I'm ordering another color.", "yes"),
    ("I bought it in two colors.", "yes"),
    ("I re-ordered a size up.", "yes"),
    ("I returned it for a medium and it fits great.", "yes"),
    ("Planning to buy it in black too.", "yes"),
    ("Can't wait to order more.", "yes"),
    ("Never again.", "no"),
    ("I won't buy from them again.", "no"),
    ("Will not order from this store again.", "no"),
    ("I would not buy it again.", "no"),
    ("I returned it.", None),
    ("Sent it back, refund was quick.", None),
    ("They sent the wrong color.", None),
]

DISAPPOINTMENT = [
    ("Отличная, но молния хлипкая, пятно на рукаве.", "ru", True),
    ("Нитки торчат, швы кривые.", "ru", True),
    ("После первой стирки полиняла.", "ru", True),
    ("Пришла с затяжкой.", "ru", True),
    ("Ткань колется, жаль.", "ru", True),
    ("Маломерит.", "ru", True),
    ("Нитки не торчат, швы ровные, не линяет.", "ru", False),
    ("Брака нет, пятен нет, всё отлично.", "ru", False),
    ("Отличная рубашка, спасибо!", "ru", False),
    ("Great, but the zipper is flimsy.", "en", True),
    ("It pilled after one wash.", "en", True),
    ("The fabric is itchy.", "en", True),
    ("A seam ripped on the first wear.", "en", True),
    ("No pilling, not itchy at all, and not too sheer.", "en", False),
    ("Love it, fits perfectly.", "en", False),
]

EXPECTATIONS = [
    ("Маломерит на размер.", "ru", True),
    ("Большемерит, велика.", "ru", True),
    ("Не подошла по размеру.", "ru", True),
    ("Цвет не соответствует фото.", "ru", True),
    ("На фото ткань плотнее, чем в жизни.", "ru", True),
    ("Прислали 44 размер вместо 48.", "ru", True),
    ("В груди мала.", "ru", True),
    ("Цвет намного бледнее, чем на картинке.", "ru", True),
    ("Лучше, чем на фото!", "ru", False),
    ("Размер подошёл, всё как на фото.", "ru", False),
    ("Не маломерит, в размер.", "ru", False),
    ("Заказала на размер меньше и не ошиблась.", "ru", False),
    ("It runs small.", "en", True),
    ("Way too big, I was swimming in it.", "en", True),
    ("I had to size up.", "en", True),
    ("Not as pictured: the color is much darker than the photo.", "en", True),
    ("It doesn't fit.", "en", True),
    ("The neckline is lower than I expected.", "en", True),
    ("Better than expected!", "en", False),
    ("So much prettier in person than in the photo.", "en", False),
    ("True to size and exactly as pictured.", "en", False),
    ("Not too big, not too small.", "en", False),
]


@pytest.mark.parametrize("text, expected", RECOMMEND_RU)
def test_recommend_ru(text, expected):
    assert cover(text, "ru")["recommend"] == expected


@pytest.mark.parametrize("text, expected", RECOMMEND_EN)
def test_recommend_en(text, expected):
    assert cover(text, "en")["recommend"] == expected


@pytest.mark.parametrize("text, expected", BUY_AGAIN_RU)
def test_buy_again_ru(text, expected):
    assert cover(text, "ru")["buy_again"] == expected


@pytest.mark.parametrize("text, expected", BUY_AGAIN_EN)
def test_buy_again_en(text, expected):
    assert cover(text, "en")["buy_again"] == expected


@pytest.mark.parametrize("text, language, expected", DISAPPOINTMENT)
def test_disappointment(text, language, expected):
    assert cover(text, language)["disappointment"] is expected


@pytest.mark.parametrize("text, language, expected", EXPECTATIONS)
def test_expectations(text, language, expected):
    assert cover(text, language)["expectations"] is expected


def test_last_stance_wins():
    assert cover("Сначала думала: не советую. Поносила месяц — рекомендую!", "ru")["recommend"] == "yes"


def test_empty_and_unsupported_language_cover_nothing():
    empty = {"disappointment": False, "expectations": False, "recommend": None, "buy_again": None}
    assert cover("", "ru") == empty
    assert cover("Sehr gut, empfehle ich.", "de") == empty


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_point_has_a_question(language):
    asked = questions(language)
    assert set(asked) == set(POINTS) and all(q.strip().endswith("?") for q in asked.values())


def test_hints_ask_for_missing_points_in_fixed_order():
    result = {"disappointment": True, "expectations": False, "recommend": None, "buy_again": "no"}
    assert [h["point"] for h in hints(result, "ru")] == ["expectations", "recommend"]
    assert hints(result, "ru")[1]["question"] == questions("ru")["recommend"]
    assert hints({p: True for p in POINTS} | {"recommend": "yes", "buy_again": "yes"}, "en") == []


def test_unknown_language_asks_in_english():
    assert questions("de") == questions("en")


def test_coverage_is_fast():
    text = ("Рубашка хорошая, но маломерит, на размер меньше. Цвет бледнее, чем на фото, нитки торчат. "
            "Рекомендую брать на размер больше, перезакажу. ") * 7
    doc = Document(text[:1000], "ru")
    coverage(doc)  # warm the caches
    start = time.perf_counter()
    for _ in range(50):
        coverage(Document(text[:1000], "ru"))
    assert (time.perf_counter() - start) / 50 < 0.003  # budget 1 ms; slack for slow CI machines


# More phrasings per (language, point, expected stance): the many ways buyers say the same thing.
PHRASINGS = [
    ('ru', 'recommend', 'yes', [
        'Советую к покупке', 'Рекомендую данного продавца', 'Однозначно рекомендую', 'Всем рекомендую!',
        'Рекомендую 👍', 'Берите — не пожалеете', 'Рекомендую к приобретению', 'Можно брать',
        'Стоит своих денег, рекомендую', 'Покупкой довольна, советую', 'Очень рекомендую', 'РЕКОМЕНДУЮ!!!',
        'Рекомендую, но берите на размер больше', 'Смело берите!', 'К покупке рекомендую',
        'Советую этот магазин, всё пришло быстро', 'Рекомендую к покупке, брала на размер больше',
    ]),
    ('ru', 'recommend', 'no', [
        'Не советую этот товар', 'Не рекомендую к покупке', 'Не рекомендую данного продавца', 'Не берите!!!',
        'Деньги на ветер, не берите', 'Никому не рекомендую', 'Не рекомендую брать', 'Не покупайте',
        'Лучше не брать', 'Лучше не покупать', 'Не заказывайте', 'Покупать не советую', 'Советовать не могу',
        'Проходите мимо', 'Не советовала бы', 'Я бы не рекомендовала', 'Ужас, не рекомендую никому',
        'Категорически не рекомендую', 'НЕ БЕРИТЕ',
    ]),
    ('ru', 'recommend', None, [
        'Не стоит своих денег', 'Брала по совету подруги', 'Подруга посоветовала этот магазин',
        'Мне порекомендовали этот бренд', 'Берите свой размер', 'Как рекомендуют в отзывах, взяла меньше',
        'Продавец советует брать больше', 'Рекомендации по уходу не соблюдала',
    ]),
    ('ru', 'buy_again', 'yes', [
        'Закажу ещё', 'Обязательно закажу ещё', 'Буду брать ещё', 'Возьму ещё пару', 'Куплю себе ещё одну',
        'Заказала ещё две', 'Уже заказала второй цвет', 'Буду заказывать у этого продавца',
        'Вернусь за другими цветами', 'Докуплю', 'Повторю заказ', 'Хочу ещё в чёрном',
    ]),
    ('ru', 'buy_again', 'no', [
        'Больше не закажу', 'Больше ничего не закажу у этого продавца', 'Больше у них не покупаю',
        'Последний раз заказываю здесь', 'Впредь не буду заказывать', 'Больше никогда',
        'Не буду больше заказывать', 'Повторно заказывать не буду', 'Больше не возьму',
    ]),
    ('ru', 'buy_again', None, [
        'Заказала на размер больше, села хорошо', 'Пришла другая модель', 'Вернула, продавец вернул деньги',
    ]),
    ('en', 'recommend', 'yes', [
        'Would definitely recommend!', 'Highly recommend this seller', 'I recommend it',
        'I totally recommend', '10/10 would recommend', 'Definitely recommend', 'Recommend!',
        "I'd recommend this dress to anyone", 'Strongly recommend', 'Buy it now!', 'Go for it!',
        'Definitely worth buying', 'Love it and would recommend it to anyone looking for a basic tee.',
        'I recommend this top, but size down.', 'I highly recommend this jacket', 'I would highly recommend',
    ]),
    ('en', 'recommend', 'no', [
        'I would never recommend', 'Not recommended', 'Would not recommend to anyone',
        "Don't waste your money", 'Stay away!', "Don't bother", "I don't recommend", 'I do not recommend it',
        "I can't recommend this product", "I couldn't recommend it", 'Pass on this one.', 'Skip this one',
        "I wouldn't recommend this dress to anyone.",
    ]),
    ('en', 'recommend', None, [
        'Not worth the money', 'Worth every penny', 'The reviews recommended sizing up',
        'I followed the recommendation and sized down', 'Recommended by my sister',
        'I would recommend a size down', "I'd recommend ordering a size up", 'I recommend the petite',
    ]),
    ('en', 'buy_again', 'yes', [
        "I'll be ordering more", 'Will definitely purchase again', 'Would buy again', 'Will be back for more',
        'Bought a second one', 'Ordering it in every color', "I'm going to get it in black too",
        'Already ordered another', 'Will purchase again', "I'd buy it again in a heartbeat", 'I bought two',
    ]),
    ('en', 'buy_again', 'no', [
        "Won't be buying again", 'Would never buy again', 'Will never order from here again',
        'Not buying from this seller again', 'Never buying this brand again',
        'I will not be purchasing this again', "Wouldn't buy it again",
    ]),
    ('en', 'buy_again', None, [
        'I returned it for a refund', 'I had to return it', 'They sent me another color by mistake',
    ]),
]


@pytest.mark.parametrize(
    "language, point, expected, text",
    [(lang, point, expected, text) for lang, point, expected, texts in PHRASINGS for text in texts],
)
def test_stance_phrasings(language, point, expected, text):
    assert cover(text, language)[point] == expected
