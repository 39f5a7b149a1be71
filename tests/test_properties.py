"""Property-based tests of the checker: any Unicode text, any size up to 20,000 characters.

For every text and language, ``check`` must not raise, and its matches must
- lie inside the text (0 <= offset, 1 <= length, offset + length <= len(text), in code points),
- come sorted by offset, with no two matches of one category overlapping,
- start and end on grapheme-cluster boundaries: never between a letter and its combining marks, nor
  inside an emoji ZWJ sequence, a flag, a keycap or an emoji with its skin tone. The boundaries are
  those of ``server/checks/graphemes.py``; ``cluster_boundaries`` below is an independent, deliberately
  naive implementation of the same definition that the module is tested against.

Settings: the "ci" profile (tests/conftest.py, CI=true) derandomises, so CI runs the same examples every
time; locally each run explores new ones. The whole file runs in well under a minute.
"""
import json
import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from server.checks import UnsupportedLanguage, check, find
from server.checks.document import Document
from server.checks.graphemes import Snapper, boundaries
from server.checks.rules.base import ERROR, Finding

MAX_TEXT = 20_000

# --- the definition of a boundary, written out plainly ------------------------------------------

ZWJ = "\u200d"


def is_mark(ch):
    cp = ord(ch)
    return (
        unicodedata.category(ch) in ("Mn", "Me", "Mc")
        or ch in ("\u200c", ZWJ)
        or 0x1F3FB <= cp <= 0x1F3FF  # skin tones
        or 0xE0020 <= cp <= 0xE007F  # tags (subdivision flags)
    )


def is_control(ch):
    return unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cf") and not is_mark(ch)


def is_flag_half(ch):
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def is_emoji(ch):
    from server.checks.graphemes import is_pictographic  # the one approximation we share

    return is_pictographic(ch)


def is_boundary(text, i):
    if i in (0, len(text)):
        return True
    before, ch = text[i - 1], text[i]
    if before == "\r" and ch == "\n":
        return False
    if is_control(before) or is_control(ch):
        return True
    if is_mark(ch):
        return False
    if before == ZWJ and is_emoji(ch):
        rest = text[: i - 1].rstrip("".join({c for c in text[: i - 1] if is_mark(c)}))
        return not (rest and is_emoji(rest[-1]))
    if is_flag_half(before) and is_flag_half(ch):
        halves = len(text[:i]) - len(text[:i].rstrip("".join({c for c in text[:i] if is_flag_half(c)})))
        return halves % 2 == 0
    return True


def cluster_boundaries(text):
    return [i for i in range(len(text) + 1) if is_boundary(text, i)] if text else [0]


# --- text strategies ----------------------------------------------------------------------------

COMBINING = ["\u0301", "\u0306", "\u0308", "\u0483", "\u20d7", "\u0903", "\ufe0f", "\u20e3", "\u0489"]
EMOJI = [
    "😀", "👍🏽", "👨\u200d👩\u200d👧\u200d👦", "🏳\ufe0f\u200d🌈", "🇷🇺", "🇺🇸", "1\ufe0f\u20e3", "#\ufe0f\u20e3",
    "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", "❤\ufe0f", "🤦🏻\u200d♀\ufe0f", "\U0001f1f7",
]
WORDS = [
    # what the rules look for, so that random texts have matches to test the properties on
    "хуй", "бл*ть", "б.л.я.т.ь", "х у й", "сука", "fuck", "f**k", "sh1t", "идиот", "продавец тупой", "you idiot",
    "убью", "я тебя найду", "I will kill you", "+7 916 123-45-67", "8 (916) 123-45-67", "89161234567",
    "ivan.petrov@mail.ru", "jane [at] gmail [dot] com", "4111 1111 1111 1111", "паспорт 4510 123456",
    "https://clck.ru/3A", "www.shop.com", "shop-best.ru", "t.me/shop", "@ivan_petrov", "телеграм: ivan_petrov",
    "промокод SALE20", "пишите в личку", "ЭТО ПРОСТО УЖАС", "!!!", "?!?!", "Ужаааасно", "мошенники", "scam",
    "ужас", "не берите", "terrible", "bad quality", "рекомендую", "куртка", "молния сломалась через 2 дня",
    "сламалась", "recieved", "й", "ё", "Ё", "x", "XXL", "ОГ 96",
]
SEPARATORS = [" ", " ", " ", "\n", "\r\n", ", ", ". ", "!", "\t", "\u00a0", "\u200b", "\u2028", "", "-", "*", "@", "."]

piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(EMOJI),
    st.sampled_from(COMBINING),
    st.sampled_from(SEPARATORS),
    st.text(min_size=1, max_size=8),  # any Unicode but surrogates (a Python str from JSON cannot pair them)
    st.sampled_from(WORDS).flatmap(lambda w: st.sampled_from(COMBINING + [ZWJ]).map(lambda m: w + m)),
)
texts = st.lists(piece, min_size=1, max_size=40).map("".join).filter(bool)
# Long texts: a random chunk repeated up to the API's limit (cheap to generate, hard on the regexes).
long_texts = st.tuples(texts, st.integers(1, MAX_TEXT)).map(lambda t: (t[0] * (t[1] // len(t[0]) + 1))[: t[1]])
languages = st.sampled_from(["ru", "en", "auto"])


def checked(text, language):
    try:
        return check(text, language)
    except UnsupportedLanguage:
        assert language == "auto"  # a detected language we have no data for: the API's 422
        return None


def assert_well_formed(text, result):
    matches = result["matches"]
    cuts = set(cluster_boundaries(text))
    for m in matches:
        assert 0 <= m["offset"] and 1 <= m["length"] and m["offset"] + m["length"] <= len(text), m
        end = m["offset"] + m["length"]
        assert m["offset"] in cuts and end in cuts, f"{m['rule_id']} splits a character: {text[max(0, m['offset'] - 3) : end + 3]!r}"
        assert isinstance(m["message"], str) and m["message"]
        assert all(isinstance(r, str) for r in m["replacements"])
    assert [m["offset"] for m in matches] == sorted(m["offset"] for m in matches)
    by_category = {}
    for m in matches:
        by_category.setdefault(m["category"], []).append((m["offset"], m["offset"] + m["length"]))
    for category, spans in by_category.items():
        for (_, end), (start, _) in zip(spans, spans[1:]):
            assert end <= start, f"two {category} matches overlap: {spans}"
    summary = result["summary"]
    assert summary["errors"] + summary["warnings"] + summary["hints"] == len(matches)
    assert summary["publishable"] == (summary["errors"] == 0)
    json.dumps(result, ensure_ascii=False).encode("utf-8")  # what the API sends must be encodable


# --- the checker --------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, languages)
@example("хуй\u0483 сука\u20d7", "ru")  # a Cyrillic combining mark outside U+0300-036F ends the word
@example("хуй\u200dхуй", "ru")
@example("ЭТО ПРОСТО УЖАС\ufe0f!!!", "ru")
@example("😀😀😀😀\U0001f3fb", "ru")
@example("🇷🇺🇷🇺🇷🇺🇷🇺\U0001f1f7", "ru")
@example("+7 916 123-45-67\u20e3", "ru")
@example("\u0301хуй", "ru")
def test_any_text_gives_well_formed_matches(text, language):
    result = checked(text, language)
    if result is not None:
        assert_well_formed(text, result)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(long_texts, languages)
def test_long_texts_up_to_the_limit(text, language):
    result = checked(text, language)
    if result is not None:
        assert_well_formed(text, result)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=300), st.sampled_from(["ru", "en"]))
def test_arbitrary_unicode(text, language):
    assert_well_formed(text, check(text, language))


# --- the boundaries themselves ------------------------------------------------------------------

cluster_texts = st.lists(
    st.one_of(st.sampled_from(EMOJI + COMBINING + [ZWJ, "\r", "\n", "а", "a", " ", "\U0001f1fa"]), st.text(max_size=3)),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(cluster_texts)
def test_boundaries_follow_the_definition(text):
    assert boundaries(text) == cluster_boundaries(text)


@settings(max_examples=300, deadline=None)
@given(cluster_texts, st.data())
def test_snapping_widens_to_the_nearest_boundaries(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    cuts = cluster_boundaries(text)
    snapped = Snapper(text).snap(start, end)
    assert snapped == (max(c for c in cuts if c <= start), min(c for c in cuts if c >= end))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("e\u0301x", [0, 2, 3]),  # é written as e + accent: one character
        ("и\u0306", [0, 2]),  # й decomposed
        ("👍🏽!", [0, 2, 3]),  # a skin tone belongs to its emoji
        ("👨\u200d👩\u200d👧", [0, 5]),  # a family: one ZWJ sequence
        ("a\u200db", [0, 2, 3]),  # a ZWJ between letters joins nothing
        ("🇷🇺🇺🇸", [0, 2, 4]),  # two flags, not "🇺🇺" in the middle
        ("🇷🇺🇺", [0, 2, 3]),
        ("1\ufe0f\u20e3", [0, 3]),  # a keycap
        ("🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", [0, 7]),  # England's flag
        ("a\r\nb", [0, 1, 3, 4]),
        ("\n\u0301", [0, 1, 2]),  # nothing combines with a line break
    ],
)
def test_known_clusters(text, expected):
    assert boundaries(text) == expected == cluster_boundaries(text)


def test_a_span_inside_a_cluster_is_widened_by_the_pipeline():
    text = "хуй\u0483 и 👨\u200d👩\u200d👧"
    doc = Document(text, "ru")
    extra = [Finding(7, 2, "spelling", "X", ERROR, message="m", source="languagetool")]  # half the family
    spans = {(f.category, text[f.offset : f.end]) for f in find(doc, extra)}
    assert ("profanity", "хуй\u0483") in spans
    assert ("spelling", "👨\u200d👩\u200d👧") in spans


def test_a_text_that_is_one_huge_cluster_is_still_fast():
    import time

    text = "a" + "\u0483" * (MAX_TEXT - 1)
    snapper = Snapper(text)
    started = time.perf_counter()
    assert [snapper.snap(i, i + 1) for i in range(0, MAX_TEXT, 7)][-1] == (0, MAX_TEXT)
    assert time.perf_counter() - started < 2.0  # one pass for the table, then bisects


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab яЁ_*#@$%.'’-\u0301\u0306é1 ,!"), max_size=40))
def test_words_are_the_same_with_or_without_the_fast_pattern(text):
    """The document's faster word pattern (texts without combining marks) finds exactly WORD_RE's words."""
    from server.checks import document

    doc = Document(text, "ru")
    assert [w.text for w in doc.words] == document.WORD_RE.findall(text)
    assert doc.vocabulary == {document.folded_word(w) for w in document.WORD_RE.findall(text)}


def test_simple_folding_characters_fold_alike_in_a_text_and_in_a_word():
    """The document folds texts of these characters as a whole; each must fold on its own, keep its kind."""
    import re
    import unicodedata

    from server.checks.document import SIMPLE_FOLDING

    simple = re.compile(f"[{SIMPLE_FOLDING}]")
    checked = 0
    for code in range(0x110000):
        c = chr(code)
        if not simple.match(c):
            continue
        lower = c.lower()
        word_character = bool(re.match(r"[^\W_]", c))
        assert len(lower) == 1 and not unicodedata.combining(c), hex(code)
        assert bool(re.match(r"[^\W_]", lower)) == word_character, hex(code)
        assert not word_character or unicodedata.normalize("NFC", c) == c, hex(code)  # words are NFC'd one by one
        checked += 1
    assert checked > 300
