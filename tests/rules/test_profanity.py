"""profanity: мат and English profanity (errors), vulgar words (warnings). Text -> expected spans."""
import pytest

from server.checks import check, lexicon, normalize
from server.checks.rules import profanity, profanity_gate

OBSCENE = [
    # Russian roots in their inflections and derivations.
    ("Это пиздец, а не куртка", [("пиздец", "RU_OBSCENE")]),
    ("Продавец хуйню прислал", [("хуйню", "RU_OBSCENE")]),
    ("Качество хуёвое", [("хуёвое", "RU_OBSCENE")]),
    ("Мне уже похуй, нихуя не работает", [("похуй", "RU_OBSCENE"), ("нихуя", "RU_OBSCENE")]),
    ("Охуеть можно от такой цены", [("Охуеть", "RU_OBSCENE")]),
    ("Иди нахуй со своим браком", [("нахуй", "RU_OBSCENE")]),
    ("Посылку спиздили на почте", [("спиздили", "RU_OBSCENE")]),
    ("Курьер распиздяй", [("распиздяй", "RU_OBSCENE")]),
    ("Заебал этот магазин", [("Заебал", "RU_OBSCENE")]),
    ("Уёбок на пункте выдачи", [("Уёбок", "RU_OBSCENE")]),
    ("Хочется съебаться отсюда", [("съебаться", "RU_OBSCENE")]),
    ("Отъебись, продавец", [("Отъебись", "RU_OBSCENE")]),
    ("Подъебка от курьера, разъебали коробку", [("Подъебка", "RU_OBSCENE"), ("разъебали", "RU_OBSCENE")]),
    ("Въебать бы тому, кто упаковывал", [("Въебать", "RU_OBSCENE")]),
    ("Какой долбоёб это шил", [("долбоёб", "RU_OBSCENE")]),
    ("Долбаебы на складе", [("Долбаебы", "RU_OBSCENE")]),
    ("Ебанутый размер", [("Ебанутый", "RU_OBSCENE")]),
    ("Блядь, опять не то", [("Блядь", "RU_OBSCENE")]),
    ("Бля, опять не то", [("Бля", "RU_OBSCENE")]),
    ("Выблядок на кассе", [("Выблядок", "RU_OBSCENE")]),
    ("Продавец мудак, а курьер мудила", [("мудак", "RU_OBSCENE"), ("мудила", "RU_OBSCENE")]),
    ("Пидор продавец", [("Пидор", "RU_OBSCENE")]),
    ("Пидорасы на складе", [("Пидорасы", "RU_OBSCENE")]),
    ("Гандон, а не продавец", [("Гандон", "RU_OBSCENE")]),
    ("Залупа какая-то", [("Залупа", "RU_OBSCENE")]),
    ("Мандавошка на кассе", [("Мандавошка", "RU_OBSCENE")]),
    ("Сука, опять порвалось", [("Сука", "RU_OBSCENE")]),
    ("Херня полная, нахер такое", [("Херня", "RU_OBSCENE"), ("нахер", "RU_OBSCENE")]),
    ("Мне похер", [("похер", "RU_OBSCENE")]),
    ("Работает херово", [("херово", "RU_OBSCENE")]),
    ("Охереть какой дорогой", [("Охереть", "RU_OBSCENE")]),
    # Made-up compounds: a root inside a word the dictionary does not know.
    ("Мозгоёб, а не инструкция", [("Мозгоёб", "RU_OBSCENE")]),
    # Masks.
    ("Бл*ть, опять брак", [("Бл*ть", "RU_OBSCENE")]),
    ("Полная х..ня", [("х..ня", "RU_OBSCENE")]),
    ("Это п***ц", [("п***ц", "RU_OBSCENE")]),
    # Latin look-alikes and digits inside Cyrillic words.
    ("Полный xуй", [("xуй", "RU_OBSCENE")]),
    ("6лять, сломалось", [("6лять", "RU_OBSCENE")]),
    ("Это пu3дец", [("пu3дец", "RU_OBSCENE")]),
    ("Сuка, порвалось", [("Сuка", "RU_OBSCENE")]),
    # Separated letters.
    ("Это х у й знает что", [("х у й", "RU_OBSCENE")]),
    ("Б-л-я-т-ь, опять", [("Б-л-я-т-ь", "RU_OBSCENE")]),
    ("б.л.я.т.ь, опять", [("б.л.я.т.ь", "RU_OBSCENE")]),
    ("Это пиз-дец", [("пиз-дец", "RU_OBSCENE")]),
    # Repeated letters.
    ("Хуууй знает", [("Хуууй", "RU_OBSCENE")]),
    ("Ссука, опять", [("Ссука", "RU_OBSCENE")]),
    # Transliteration and Latin look-alike spelling.
    ("blyat, it broke", [("blyat", "RU_OBSCENE")]),
    ("Kachestvo pizdec", [("pizdec", "RU_OBSCENE")]),
    ("idi nahuy", [("nahuy", "RU_OBSCENE")]),
    ("suka, slomalos", [("suka", "RU_OBSCENE")]),
    ("CYKA BLYAT", [("CYKA", "RU_OBSCENE"), ("BLYAT", "RU_OBSCENE")]),
    # Words glued by an ellipsis without a space.
    ("Просто пиздец...не покупайте", [("пиздец", "RU_OBSCENE")]),
    # English.
    ("This fucking zipper broke", [("fucking", "EN_PROFANITY")]),
    ("The seller is a motherfucker", [("motherfucker", "EN_PROFANITY")]),
    ("Total bullshit, shitty fabric", [("bullshit", "EN_PROFANITY"), ("shitty", "EN_PROFANITY")]),
    ("What a dipshit design", [("dipshit", "EN_PROFANITY")]),
    ("The courier was an asshole", [("asshole", "EN_PROFANITY")]),
    ("Stop being a bitch about returns", [("bitch", "EN_PROFANITY")]),
    ("You cunt", [("cunt", "EN_PROFANITY")]),
    ("shaped like a dick", [("dick", "EN_PROFANITY")]),
    ("Cock-shaped handle, pussy-level quality", [("Cock", "EN_PROFANITY"), ("pussy", "EN_PROFANITY")]),
    ("Holy shit, it broke", [("shit", "EN_PROFANITY")]),
    # English dodges: masks, leetspeak, stretching, separated letters.
    ("f*ck this jacket", [("f*ck", "EN_PROFANITY")]),
    ("sh*t quality", [("sh*t", "EN_PROFANITY")]),
    ("f**k that", [("f**k", "EN_PROFANITY")]),
    ("sh1t quality", [("sh1t", "EN_PROFANITY")]),
    ("f4ck it", [("f4ck", "EN_PROFANITY")]),
    ("Seller is an a$$hole", [("a$$hole", "EN_PROFANITY")]),
    ("fvck this", [("fvck", "EN_PROFANITY")]),
    ("$hit happens", [("$hit", "EN_PROFANITY")]),
    ("fuuuck, it broke", [("fuuuck", "EN_PROFANITY")]),
    ("f u c k this", [("f u c k", "EN_PROFANITY")]),
    # Russian мат inside an English review is still мат.
    ("The seller is a mudak, пиздец", [("mudak", "RU_OBSCENE"), ("пиздец", "RU_OBSCENE")]),
]

VULGAR = [
    ("Не товар, а говно", [("говно", "RU_VULGAR")]),
    ("Полная жопа с доставкой", [("жопа", "RU_VULGAR")]),
    ("Дерьмовая ткань", [("Дерьмовая", "RU_VULGAR")]),
    ("Насрать им на покупателей", [("Насрать", "RU_VULGAR")]),
    ("Засранцы на складе", [("Засранцы", "RU_VULGAR")]),
    ("Грёбаный курьер", [("Грёбаный", "RU_VULGAR")]),
    ("This is crap", [("crap", "EN_VULGAR")]),
    ("I am pissed", [("pissed", "EN_VULGAR")]),
    ("Made my ass itch", [("ass", "EN_VULGAR")]),
    ("Kick-ass boots", [("ass", "EN_VULGAR")]),
    ("wtf is this", [("wtf", "EN_VULGAR")]),
]

INNOCENT = [
    # Russian words holding the letters of a root.
    "Хлебать суп, употреблять в пищу, оскорблять продавца нельзя.",
    "Сухую ткань гладить, скипидар не нужен.",
    "Небо голубое, себе взяла, себестоимость низкая.",
    "Бляха ремня и бляшка отвалились.",
    "Мандарин, мандат, команда, командир, рекомендую, мандолина.",
    "Сукно плотное, суконная юбка.",
    "Херес, херувим, Херсон, херсонский завод.",
    "Мудрый выбор, мудрость продавца, мудрец.",
    "Потребляет мало, страхуй не страхуй, застрахуйте посылку, перестрахуйтесь.",
    "Хлебушек, гребешок, колебать, ребёнок, учебник, ребята.",
    "Два рубля, корабля, оскорбляет, употребление, истребитель.",
    "Зашибись! Блин, ёлки-палки, ёлки, хрень какая-то.",
    "Двоеборье, вебинар, обед, объект, подъезд, въезд, съесть, отъезд.",
    "Посредник, просрочка, отсрочка, ссора, ссылка, ссуда, сирень.",
    "Марина Олеговна, межоперационный, передать.",
    "Плохую, тихую, глухую, лихую, пастуха.",
    "На доске сучки, много сучков, сучья.",
    "Хуан Карлос, Ху Цзиньтао, Ебург.",
    # English words holding the letters of a root.
    "Scunthorpe, assistant, cocktail, class, bass, passion, Dickens, Hancock.",
    "Shiitake, shitake mushrooms, scrapbook, grape, therapist, cockpit, peacock.",
    "Essex, Sussex, assess, assassin, embarrassed, compass, cockroach.",
    "A pussy willow and a pussy cat print.",
    "Dick Francis novels, Moby Dick.",
    "Hue and saturation look great, the blade is sharp, they bleat.",
    # Brands, sizes, model numbers, abbreviations in Russian text.
    "Телефон Xiaomi Redmi 12 Pro и Huawei P30, хуавей лучше. Nguyen Huy.",
    "Размер XL, ОГ 102, заказывала 44-46, модель AX-3000.",
    "т.е. всё хорошо, и т.д., т.к. в г. Москва.",
    "Оценка 5*, ****, звёзды.",
    "Размеры S M L в наличии.",
]


@pytest.mark.parametrize("text, expected", OBSCENE)
def test_obscene_words_are_flagged(flagged, text, expected):
    assert flagged("profanity", text) == expected


@pytest.mark.parametrize("text, expected", VULGAR)
def test_vulgar_words_are_flagged(flagged, text, expected):
    assert flagged("profanity", text) == expected


@pytest.mark.parametrize("text", INNOCENT)
def test_innocent_look_alikes_are_not_flagged(flagged, text):
    assert flagged("profanity", text) == []


@pytest.mark.parametrize(
    "text, severity",
    [("Это пиздец", "error"), ("fucking awful", "error"), ("Это говно", "warning"), ("This is crap", "warning")],
)
def test_obscene_is_an_error_and_vulgar_a_warning(text, severity):
    matches = [m for m in check(text)["matches"] if m["category"] == "profanity"]
    assert [m["severity"] for m in matches] == [severity]


@pytest.mark.parametrize(
    "text, replacement",
    [
        ("Это пиздец", "ужасно"),
        ("Товар хуёвый", "плохой"),
        ("Хуёвая куртка", "Плохая"),
        ("Заебали", "Надоели"),
        ("Вечно заебал", "надоел"),
        ("Херня какая-то", "Ерунда"),
        ("п***ц", "ужасно"),
        ("fucking awful", ""),
        ("shitty fabric", "poor"),
        ("sh*t quality", "junk"),
    ],
)
def test_a_neutral_rewording_is_suggested(text, replacement):
    match = next(m for m in check(text)["matches"] if m["category"] == "profanity")
    assert match["replacements"] == [replacement]


def test_no_rewording_when_none_fits():
    match = next(m for m in check("Продавец мудак")["matches"] if m["category"] == "profanity")
    assert match["replacements"] == []


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_rule_id_has_a_message_in_every_language(language):
    rule_ids = {rule_id for _, data in lexicon.each_language("profanity") for rule_id in data["rules"]}
    assert rule_ids <= set(lexicon.load(language, "profanity")["messages"])


def test_messages_are_in_the_review_language():
    ru = check("Это пиздец")["matches"][0]["message"]
    en = check("This fucking thing broke")["matches"][0]["message"]
    assert ru.startswith("Нецензурное слово") and en.startswith("Profanity")


@pytest.mark.parametrize(
    "helper, word, expected",
    [
        (normalize.cyrillize, "xуй", "хуй"),
        (normalize.cyrillize, "6лять", "блять"),
        (normalize.unleet, "a$$h0le", "asshole"),
        (normalize.collapse_repeats, "хуууй", "хуй"),
        (normalize.shorten_repeats, "assss", "ass"),
        (normalize.join_separated, "б.л.я.т.ь", "блять"),
    ],
)
def test_normalisation_helpers(helper, word, expected):
    assert helper(word) == expected


@pytest.mark.parametrize(
    "mask, fits, does_not_fit",
    [("бл*ть", "блять", "бляха"), ("х..ня", "хуйня", "хня"), ("f**k", "fuck", "fork!"), ("п***ц", "пиздец", "пц")],
)
def test_a_mask_becomes_a_regex(mask, fits, does_not_fit):
    pattern = normalize.mask_regex(mask)
    assert pattern.fullmatch(fits) and not pattern.fullmatch(does_not_fit)


@pytest.mark.parametrize("mask", ["бл*ть", "х..ня", "f**k", "п***ц", "х…й", "б####ь", "ху...о"])
def test_the_shortest_word_a_mask_stands_for_is_the_regex_s_shortest_match(mask):
    shortest = normalize.shortest_unmasked(mask)
    pattern = normalize.mask_regex(mask)
    filled = normalize.MASK_RUN_RE.sub(lambda m: "a" * (1 if m.group() == "…" else max(1, len(m.group()) - 1)), mask)
    assert len(filled) == shortest and pattern.fullmatch(filled)
    assert not pattern.fullmatch(filled[:-1])


@pytest.mark.parametrize("token", ["держится..а", "нелепая...на", "себе...ткань", "отлично***"])
def test_dots_between_words_hide_no_obscenity(token):
    assert profanity.verdict_for(token) is None
    assert not check(f"Платье {token} рекомендую")["summary"]["errors"]


def test_a_mask_with_no_letters_is_ignored():
    assert normalize.mask_regex("****") is None


def test_decisions_are_cached_per_word():
    profanity.verdict_for.cache_clear()
    check("пиздец пиздец пиздец")
    assert profanity.verdict_for.cache_info().hits >= 2


# The literal gate in front of the verdict (profanity_gate.clear_cyrillic): a word of Russian letters, folded,
# holding none of the Russian patterns' literals, as written or with repeats collapsed, is cleared at once;
# every other word takes the full path.
CLEARED_AT_ONCE = ["платье", "размер", "продавец", "рекомендую", "качество", "доставка", "Платье", "ЁЛКА", "всё"]
FULL_PATH = [
    "хуйня",  # a root: a verdict
    "хууууйня",  # the root only once the repeats are collapsed
    "хлебать",  # holds "еб", innocent all the same
    "класс",  # holds "сс" (a vulgar root's literal), innocent
    "Хуйня",  # a capital changes nothing in Cyrillic
    "ХЛЕБАТЬ",
    "xуй",  # a Latin look-alike
    "бл*ть",  # a mask
]


@pytest.mark.parametrize("word", CLEARED_AT_ONCE)
def test_a_plain_russian_word_without_a_root_is_cleared_by_its_literals(word):
    assert profanity_gate.clear_cyrillic(word)
    assert profanity.verdict_for(word) is None


@pytest.mark.parametrize("word", FULL_PATH)
def test_a_word_that_may_hold_a_root_takes_the_full_path(word):
    assert not profanity_gate.clear_cyrillic(word)


def test_the_literal_gate_clears_no_word_the_full_path_flags():
    # Every Russian word of the tables above, and each with its letters doubled: cleared only when the
    # full path (the gate bypassed) finds nothing.
    words = {w for text, _ in OBSCENE + VULGAR for w in text.split()} | {w for t in INNOCENT for w in t.split()}
    words = {w.strip(",.!?") for w in words}
    words |= {w.lower() for w in words} | {w.upper() for w in words}
    words |= {w[:2] + w[1] * 3 + w[2:] for w in list(words) if len(w) > 2}
    checked = 0
    for word in sorted(w for w in words if profanity_gate.CYRILLIC_WORD_RE.fullmatch(w)):
        if profanity_gate.clear_cyrillic(word):
            checked += 1
            assert profanity._plain_verdict(word) is None, word
    assert checked > 20


@pytest.mark.parametrize(
    "letters, may_run",
    [
        ("худ", True),
        ("бля", True),
        ("fuk", True),
        ("xyz", True),  # Latin x and y read as the Cyrillic х and у
        ("абв", False),
        ("abd", False),
        ("аоу", False),
    ],
)
def test_a_run_of_one_letter_words_may_offend_only_with_a_roots_letters(letters, may_run):
    assert profanity_gate._runs_possible(frozenset(letters)) is may_run
