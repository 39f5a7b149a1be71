"""spelling: offline Russian and English spelling with suggestions. Text -> expected spans."""
import pytest

from server.checks import check

TYPOS = [
    # (text, language, [(flagged word, rule id, best suggestion)])
    ("Платье малинький, но милое.", "ru", [("малинький", "RU_SPELLING", "маленький")]),
    ("Я заказывола синее платье.", "ru", [("заказывола", "RU_SPELLING", "заказывала")]),
    ("Курьер пришол вовремя.", "ru", [("пришол", "RU_SPELLING", "пришёл")]),
    ("Кочество отличное, всем советую.", "ru", [("Кочество", "RU_SPELLING", "Качество")]),
    ("Расмер подошёл идеально.", "ru", [("Расмер", "RU_SPELLING", "Размер")]),
    ("Смотрится эфектно и стильно.", "ru", [("эфектно", "RU_SPELLING", "эффектно")]),
    ("Вообщем платье хорошее.", "ru", [("Вообщем", "RU_SPELLING", "В общем")]),
    ("Взяла навырост, сидит хорошо.", "ru", [("навырост", "RU_SPELLING", "на вырост")]),
    ("I recieved it yesterday.", "en", [("recieved", "EN_SPELLING", "received")]),
    ("Great qualty for the price.", "en", [("qualty", "EN_SPELLING", "quality")]),
    ("I will definately buy again.", "en", [("definately", "EN_SPELLING", "definitely")]),
    ("I dont like the color.", "en", [("dont", "EN_SPELLING", "don't")]),
    ("It costs alot of money.", "en", [("alot", "EN_SPELLING", "a lot")]),
    ("Швы ровные.Сиотрится изящно.", "ru", [("Сиотрится", "RU_SPELLING", "Смотрится")]),
    # Offsets are code points: an emoji before the typo does not move the span.
    ("😍👗 кочество супер", "ru", [("кочество", "RU_SPELLING", "качество")]),
    ("👍🏻 great qualty", "en", [("qualty", "EN_SPELLING", "quality")]),
]

CORRECT = [
    # inflected forms, ё/е, case
    ("Я заказывала с пришедшими ботильонами.", "ru"),
    ("Ещё раз спасибо, еще закажу. ЕЩЁ и ЕЩЕ.", "ru"),
    ("Пришёл быстро, пришел целым. Придет завтра.", "ru"),
    ("Платье тёмно-синее, кто-нибудь брал по-моему?", "ru"),
    # sizes, numbers, units
    ("Размер 44-46, ОГ 102, ОТ 80, S/M, XL, 5см, 100гр, 2шт, 10mm, 52-54р.", "ru"),
    ("Рост 170 см, вес 60 кг, взяла 2 шт.", "ru"),
    # brands and models, Latin words in Russian text, names inside a sentence
    ("Телефон Xiaomi Redmi Note и iPhone 13, чехол для Samsung.", "ru"),
    ("Брала у Зары похожее, но у Глории Джинс лучше.", "ru"),
    ("Заказ с WB, пункт ПВЗ рядом.", "ru"),
    # marketplace slang and clothing words
    ("Норм, пвз рядом, вб и озон быстрее, спс, имхо.", "ru"),
    ("Оверсайз водолазка, пуховик, лонгслив, худи и свитшот — всё норм.", "ru"),
    ("Мерч от селлера, артикул и трек прислали, кэшбек пришёл, шопинг удался.", "ru"),
    ("Перезаказала на размер меньше, маломерит.", "ru"),
    # emoticons, laughter, stretching, masks, short words, hashtags and handles
    ("Класс))) :) =) ахахаха", "ru"),
    ("Оооочень крутая", "ru"),
    ("Вот бл*ть опять х..ня", "ru"),
    ("#кофточки @продавец_магазин", "ru"),
    ("Ну да, ок, не то.", "ru"),
    ("Сайт wildberries.ru и https://ozon.ru/item/кофточкаа", "ru"),
    # English: inflections, contractions, shorthand, sizes, brands
    ("I don't think it's big; I'm 5'4\" and they've fitted, she'd loved it, we'll see.", "en"),
    ("The retailer's dresses and the boys' shirts were washed, running, ordered.", "en"),
    ("lol tbh imo it's petite xs, sz 0p, 34b, 10mm, ootd.", "en"),
    ("Bought it with my Xiaomi and Levi's from Anthropologie.", "en"),
    ("hahaha sooo cute, comfy and flowy", "en"),
    ("The colours are lovely, my favourite cami.", "en"),
    ("It wasn&#39;t the &quot;sky&quot; color.", "en"),
    ("Латиница тут не проверяется: qualty recieved", "ru"),
    ("Cyrillic is not checked here: кочество расмер", "en"),
]


@pytest.mark.parametrize("text, language, expected", TYPOS)
def test_typos_are_found_with_a_suggestion(text, language, expected):
    matches = [m for m in check(text, language)["matches"] if m["category"] == "spelling"]
    found = [(text[m["offset"] : m["offset"] + m["length"]], m["rule_id"], m["replacements"][0]) for m in matches]
    assert found == expected
    assert all(m["severity"] == "warning" for m in matches)


@pytest.mark.parametrize("text, language", CORRECT)
def test_correct_and_informal_words_are_not_flagged(text, language):
    matches = [m for m in check(text, language)["matches"] if m["category"] == "spelling"]
    assert [(text[m["offset"] : m["offset"] + m["length"]]) for m in matches] == []


@pytest.mark.parametrize(
    "text, language, message",
    [
        ("Кочество хорошее.", "ru", "Похоже на опечатку: «Кочество». Возможно, вы имели в виду «Качество»."),
        ("Great qualty.", "en", "Possible typo: “qualty”. Did you mean “quality”?"),
    ],
)
def test_message_names_the_word_and_the_suggestion(text, language, message):
    match = next(m for m in check(text, language)["matches"] if m["category"] == "spelling")
    assert match["message"] == message


def test_at_most_three_suggestions():
    match = next(m for m in check("пришол", "ru")["matches"] if m["category"] == "spelling")
    assert 1 <= len(match["replacements"]) <= 3
    assert match["replacements"][0] == "пришёл"


@pytest.mark.parametrize(
    "text, language, replacements",
    [
        ("Pants hsould fit", "en", ["should"]),  # not also "hold", "hound": two edits away
        ("The nottom hem", "en", ["bottom"]),
        ("The dicl broke", "en", ["dial", "dice", "dill"]),  # the obscene closest word is left out
        ("Молния сламалась", "ru", ["сломалась"]),
    ],
)
def test_suggestions_are_the_closest_words(text, language, replacements):
    match = next(m for m in check(text, language)["matches"] if m["category"] == "spelling")
    assert match["replacements"] == replacements


def test_obscenities_are_left_to_the_profanity_rule():
    categories = {m["category"] for m in check("Это пиздец какой-то", "ru")["matches"]}
    assert "spelling" not in categories


def test_a_word_cut_off_at_the_end_of_the_text_is_not_flagged():
    assert [m for m in check("Great fabric and the neckli", "en")["matches"] if m["category"] == "spelling"] == []


def test_a_spelling_finding_keeps_the_review_publishable():
    assert check("Кочество хорошее, расмер подошёл.", "ru")["summary"]["publishable"] is True


@pytest.mark.parametrize(
    "word, prefixed",
    [
        ("перезаказать", True),  # пере + заказать
        ("суперская", True),  # супер + ская
        ("рекамендую", False),  # "ре" splits off, but the parse is no prefix + word
        ("фасончик", False),  # no known prefix at all: answered without a parse
        ("малинький", False),
    ],
)
def test_a_known_prefix_glued_to_a_word_is_a_word(word, prefixed):
    from server.checks.rules import spelling

    assert spelling._prefixed_russian_word(word) is prefixed
