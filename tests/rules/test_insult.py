"""insult: person nouns, slurs, and "stupid"/animal words only when they are about a person."""
import pytest

INSULTS = [
    ("Продавец идиот, не отвечает неделю", [("идиот", "RU_INSULT")]),
    ("Курьеры дебилы", [("дебилы", "RU_INSULT")]),
    ("Какая-то мразь из поддержки сбросила звонок", [("мразь", "RU_INSULT")]),
    ("ты дура", [("дура", "RU_INSULT")]),
    ("Продавец просто тупой", [("тупой", "RU_INSULT")]),
    ("тупые сотрудники поддержки", [("тупые", "RU_INSULT")]),
    ("вы там совсем тупые?", [("тупые", "RU_INSULT")]),
    ("Курьер козел, бросил посылку у двери", [("козел", "RU_INSULT")]),
    ("козлы из поддержки", [("козлы", "RU_INSULT")]),
    ("Менеджер оказался криворукий", [("криворукий", "RU_INSULT")]),
    ("понаехали хачи", [("хачи", "RU_INSULT")]),
    ("The seller is an idiot", [("idiot", "EN_INSULT")]),
    ("you idiot", [("idiot", "EN_INSULT")]),
    ("Support staff are morons", [("morons", "EN_INSULT")]),
    ("The seller is so stupid", [("stupid", "EN_INSULT")]),
    ("stupid and lazy drivers", [("stupid", "EN_INSULT")]),
    ("dumb delivery guy", [("dumb", "EN_INSULT")]),
    ("you pig", [("pig", "EN_INSULT")]),
    ("What a jerk you are", [("jerk", "EN_INSULT")]),
    # Slurs are removed whoever they name, the buyer included, and in the spellings that dodge filters.
    ("I hate that nigger.", [("nigger", "EN_INSULT")]),
    ("At least I'm not a faggot", [("faggot", "EN_INSULT")]),
    ("the courier was some niggah", [("niggah", "EN_INSULT")]),
    ("the pickup point hoes ignored me", [("hoes", "EN_INSULT")]),
    ("his ex is a slut", [("slut", "EN_INSULT")]),
    # An English review quoting a Russian insult is still an insult.
    ("The courier said I was a дура", [("дура", "RU_INSULT")]),
]

INNOCENT = [
    "Ужасная ткань, тупой нож в комплекте",
    "убогий дизайн, но сидит хорошо",
    "Нож тупой, продавец не ответил",
    "Ножницы тупые продавец вернул деньги",
    "Копилка свинья очень милая",
    "Костюм барана для утренника, сыну понравился",
    "Пух осел после стирки",
    "Есть защита от дурака, не перепутаешь",
    "Купили карты, играем в дурака",
    "Я дура, что не посмотрела размер",
    "Чувствую себя лохом, переплатила",
    "Сборник для детей с синдромом Дауна",
    "тупо не работает",
    "stupid design, garbage quality",
    "The seller sent a stupid design",
    "I look like an idiot in this dress",
    "I felt stupid for ordering two sizes",
    "Bought two garden hoes, the handles broke",
    "A hoe with a long handle",
    "Idiot proof setup, took five minutes",
    "Great jerk chicken seasoning",
    "Guinea pig cage, my pigs love it",
    "Soap scum comes off easily",
    "Dumb phone for my grandma, works",
    "The scissors are dull, they are useless",
]


@pytest.mark.parametrize("text, expected", INSULTS)
def test_insults_are_flagged(flagged, text, expected):
    assert flagged("insult", text) == expected


@pytest.mark.parametrize("text", INNOCENT)
def test_harsh_words_about_the_product_are_not_insults(flagged, text):
    assert flagged("insult", text) == []


def test_insult_is_an_error_with_advice_in_the_review_language():
    from server.checks.document import Document
    from server.checks.rules import insult
    from server.checks import message

    [finding] = insult.find(Document("Продавец идиот", "ru"))
    assert finding.severity == "error" and finding.replacements == ()
    assert "Опишите, что человек сделал" in message("ru", finding)
    [finding] = insult.find(Document("The seller is a moron", "en"))
    assert "Describe what the person did" in message("en", finding)
