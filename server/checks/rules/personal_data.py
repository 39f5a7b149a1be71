"""Personal data: phone numbers, e-mails, payment card and passport numbers (errors).

Marketplaces remove reviews with contacts, and a card or passport number in a public review is an
invitation to fraud. There is nothing to suggest instead: the buyer should delete it and talk to
the seller in the marketplace's chat.

:func:`personal_data_spans` is the rule without the pipeline: it returns where the personal data
is, so the same code can redact a review before it is stored.

What is deliberately *not* personal data: body measurements and sizes ("рост 170, вес 65, ОГ 96",
"44-46", "5'5\\" and 125 lbs"), dates, prices, and order, article or tracking numbers; the last are
recognised by the word in front of them (``not_contact_words`` in the data files).
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from .. import lexicon, prefilter
from .base import ERROR, Finding, TokenTest, overlaps

category = "personal_data"

PHONE, EMAIL, CARD, PASSPORT = "PHONE_NUMBER", "EMAIL", "CARD_NUMBER", "PASSPORT_NUMBER"

# Digit runs that may be a phone: seven or more digits written as one number, with its "+" or "(".
# Only these (with a few characters around them) go to the phonenumbers matcher, which costs
# ~0.8 ms per region on a 1,000-character text but microseconds on a window.
PHONE_CANDIDATE_RE = re.compile(r"\+?\(?\d(?:[ \t().-]{0,3}\d){6,}")
PHONE_WINDOW_CONTEXT = 3  # characters either side the matcher looks at ("8 (916)", "tel:+7...")
DATE_RE = re.compile(r"\d{1,2}([./-])\d{1,2}\1(?:\d{4}|\d{2})")  # "12.03.2024", "1/5/24": never a phone
# STRICT_GROUPING (phonenumbers.Leniency) finds "8 (916) 123-45-67", "89161234567" and "+44 20 7946 0958"
# but, unlike POSSIBLE/VALID, not an order number such as "1234567-0001" read as an American number.
PHONE_LENIENCY = "STRICT_GROUPING"

# Card numbers as people write them: 4-4-4-4(-3), Amex 4-6-5, or one run of 13-19 digits.
FOUR_DIGITS_RE = re.compile(r"\d{4}")
CARD_RE = re.compile(
    r"(?<![\d.,])(?:\d{4}([ -]?)\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?|\d{4}[ -]\d{6}[ -]\d{5}|\d{13,19})(?![\d]|[.,]\d)"
)
# Issuer prefixes: Mir 2, Amex/JCB 3, Visa 4, Mastercard/Maestro 5, Maestro/UnionPay 6.
CARD_FIRST_DIGITS = "23456"

# Gates (most reviews hold none of these; each regex costs 5-50 µs on a 300-character review):
# passports, cards and phones are numbers, so a text without a digit (\d, as the patterns write
# them) has none, and a card needs 13 digits, a phone candidate 7; an e-mail needs a dot right
# before its zone's letters (or a bracketed dot-word) and an "@" (or an at-word).
DIGIT_RE = re.compile(r"\d")
# In an ASCII text \d is 0-9 only: their count is its length less that of its bytes without them
# (C-level, ~0.5 µs, where DIGIT_RE.findall scans at ~15 ns a character).
ASCII_DIGITS = b"0123456789"
MIN_CARD_DIGITS, MIN_PHONE_DIGITS = 13, 7
DOT_ZONE_RE = re.compile(r"\.[^\W\d_]{2}")

_LOCAL = r"[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9])?"
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"


@dataclass(frozen=True)
class Span:
    """Where one piece of personal data is: ``text[start:end]``, of kind ``rule_id``."""

    start: int
    end: int
    rule_id: str


@functools.cache
def _tlds() -> frozenset[str]:
    data = lexicon.read_yaml(lexicon.DATA_DIR / "tlds.yaml")
    return frozenset(data["strong"]) | frozenset(data["weak"])


@functools.cache
def _all(key: str) -> tuple:
    """One list from every language's data file, merged."""
    return tuple(dict.fromkeys(x for _, data in lexicon.each_language(category) for x in data.get(key, [])))


@functools.cache
def _reference_before_re() -> re.Pattern:
    """A context word ("заказ", "арт.", "tracking"), then only number signs up to the end."""
    words = "|".join(re.escape(w) for w in sorted(_all("not_contact_words"), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})\w*\.?(?:\s*(?:№|#|no\.?|nr\.?|номер|number|:|-))*\s*$", re.IGNORECASE)


@functools.cache
def _passport_res() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in _all("passport_patterns"))


@functools.cache
def _email_re() -> re.Pattern:
    """A plain address, or one with "@" and dots spelled out: "ivan (at) mail.ru", "jane [at] gmail [dot] com"."""
    at = r"@"
    if _all("email_at_words"):
        at += rf"|\s*[(\[{{]\s*(?:{'|'.join(map(re.escape, _all('email_at_words')))})\s*[)\]}}]\s*"
    if _all("email_bare_at_words"):
        at += rf"|\s+(?:{'|'.join(map(re.escape, _all('email_bare_at_words')))})\s+"
    dot = r"\."
    if _all("email_dot_words"):
        dot += rf"|\s*[(\[{{](?:{'|'.join(map(re.escape, _all('email_dot_words')))})[)\]}}]\s*"
    return re.compile(
        rf"(?<![\w.+-]){_LOCAL}(?:{at})(?P<domain>(?:{_LABEL}(?:{dot}))+(?P<tld>[^\W\d_]{{2,}}))(?![\w-])",
        re.IGNORECASE,
    )


@functools.cache
def _folded_words(key: str) -> tuple[str, ...]:
    return tuple(prefilter.fold(w) for w in _all(key))


def _may_hold_email(text: str, folded: str | None, dot_zone: bool | None = None) -> bool:
    """False when :func:`_email_re` cannot match: each of its two parts is missing.

    The dot before the zone: "." right before the zone's letters, or "(dot-word)" in brackets; the
    "@": "@", an at-word in brackets, or a bare at-word between spaces. Words are looked for in the
    folded text (what IGNORECASE equates, made equal), only when the cheap tests leave it open.
    """
    bracket = "(" in text or "[" in text or "{" in text

    def has(key: str) -> bool:
        nonlocal folded
        if folded is None:
            folded = prefilter.fold(text)
        return any(w in folded for w in _folded_words(key))

    if dot_zone is None:
        dot_zone = DOT_ZONE_RE.search(text) is not None
    if not dot_zone and not (bracket and has("email_dot_words")):
        return False
    return "@" in text or (bracket and has("email_at_words")) or has("email_bare_at_words")


def _is_reference_number(text: str, start: int) -> bool:
    """True when the number at ``start`` follows "заказ", "арт.", "tracking" and the like."""
    return bool(_reference_before_re().search(text, max(0, start - 40), start))


@functools.cache
def _regions(language: str) -> tuple[str, ...]:
    """Phone regions to read national numbers in: the review's language first, then the others."""
    regions = [lexicon.load(language, "language").get("phone_region")]
    regions += [lexicon.load(code, "language").get("phone_region") for code in lexicon.languages()]
    return tuple(r for r in dict.fromkeys(regions) if r)


def phone_spans(text: str, language: str) -> list[Span]:
    found: dict[int, Span] = {}
    for candidate in PHONE_CANDIDATE_RE.finditer(text):
        if DATE_RE.fullmatch(candidate.group()) or _is_reference_number(text, candidate.start()):
            continue
        offset = max(0, candidate.start() - PHONE_WINDOW_CONTEXT)
        for start, end in _phones_in_window(text[offset : candidate.end() + PHONE_WINDOW_CONTEXT], language):
            if not _is_reference_number(text, offset + start):
                found.setdefault(offset + start, Span(offset + start, offset + end, PHONE))
    return sorted(found.values(), key=lambda span: span.start)


@functools.lru_cache(maxsize=4096)
def _phones_in_window(window: str, language: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of the phones phonenumbers finds in a short window, for every region."""
    import phonenumbers  # ~10 ms to import: only texts with a run of seven digits need it

    leniency = getattr(phonenumbers.Leniency, PHONE_LENIENCY)
    return tuple(
        (match.start, match.end)
        for region in _regions(language)
        for match in phonenumbers.PhoneNumberMatcher(window, region, leniency=leniency)
    )


def warm_up() -> None:
    """Import phonenumbers and its regions' data now (the service's start), not in the first review with a phone."""
    for language in lexicon.languages():
        _phones_in_window("+7 916 123-45-67, 020 7946 0958", language)


def email_spans(text: str, folded: str | None = None, dot_zone: bool | None = None) -> list[Span]:
    """``folded``: ``prefilter.fold(text)`` if the caller has it already (else folded when needed);
    ``dot_zone``: whether DOT_ZONE_RE finds something in ``text``, if the caller knows."""
    if not _may_hold_email(text, folded, dot_zone):
        return []
    return list(_email_spans(text))


@functools.lru_cache(maxsize=16)
def _email_spans(text: str) -> tuple[Span, ...]:
    """Cached per text: the link rule asks for the same text's addresses right after this rule."""
    tlds = _tlds()
    return tuple(
        Span(m.start(), m.end(), EMAIL)
        for m in _email_re().finditer(text)
        if m.group("tld").lower() in tlds or "@" in m.group()
    )


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def card_spans(text: str) -> list[Span]:
    spans = []
    if not FOUR_DIGITS_RE.search(text):  # every card number starts with four digits in a row
        return spans
    for m in CARD_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if (
            13 <= len(digits) <= 19
            and digits[0] in CARD_FIRST_DIGITS
            and _luhn_ok(digits)
            and not _is_reference_number(text, m.start())
        ):
            spans.append(Span(m.start(), m.end(), CARD))
    return spans


def passport_spans(text: str, folded: str | None = None) -> list[Span]:
    if not DIGIT_RE.search(text):  # a passport number has digits (\d in every pattern)
        return []
    return _passport_spans(text, folded)


def _passport_spans(text: str, folded: str | None) -> list[Span]:
    """:func:`passport_spans` for a text known to hold a digit."""
    if folded is None:
        folded = prefilter.fold(text)
    return [
        Span(m.start("number"), m.end("number"), PASSPORT)
        for pattern, literals in _passport_gates()
        if not literals or any(map(folded.__contains__, literals))  # "паспорт", "серия", "passport"
        for m in pattern.finditer(text)
    ]


@functools.cache
def _passport_gates() -> tuple[tuple[re.Pattern, tuple[str, ...]], ...]:
    """Each passport pattern with its prefilter literals: prefilter.Lazy.may_match's test, without its look-ups."""
    return tuple((pattern, prefilter.literals(pattern.pattern, pattern.flags) or ()) for pattern in _passport_res())


def personal_data_spans(text: str, language: str, folded: str | None = None) -> list[Span]:
    """Every piece of personal data in ``text``, in text order, without overlaps.

    A passport or card number wins over a phone reading of the same digits; a longer span wins
    over a shorter one inside it. ``folded``: ``prefilter.fold(text)`` if the caller has it already.
    """
    digits = _digit_count(text)
    candidates = _passport_spans(text, folded) if digits else []
    if digits >= MIN_CARD_DIGITS:
        candidates += card_spans(text)
    candidates += email_spans(text, folded)
    if digits >= MIN_PHONE_DIGITS:
        candidates += phone_spans(text, language)
    kept: list[tuple[int, int]] = []
    spans: dict[int, Span] = {}
    for span in candidates:  # in priority order: passports, cards, e-mails, phones
        if not overlaps(kept, span.start, span.end):
            bisect.insort(kept, (span.start, span.end))
            spans[span.start] = span
    return [spans[start] for start, _ in kept]


def _digit_count(text: str) -> int:
    if text.isascii():  # see ASCII_DIGITS
        return len(text) - len(text.encode("ascii").translate(None, ASCII_DIGITS))
    return len(DIGIT_RE.findall(text))  # see DIGIT_RE


def token_test(language: str) -> TokenTest:
    """An e-mail needs its zone's dot (DOT_ZONE_RE) or a dot-word (see _may_hold_email) in one token; the
    numbers need digits: a phone or a card seven or more in the text, a passport one and a literal of its
    pattern (features: a digit, a passport literal; the count is the text's)."""
    passport_literals = [literals for _, literals in _passport_gates()]
    if not all(passport_literals):  # a passport pattern any digit may start
        return TokenTest(
            literals=_folded_words("email_dot_words"),
            test=lambda token, folded: DIGIT_RE.search(token) is not None or DOT_ZONE_RE.search(token) is not None,
        )

    def decide(bits: int, text: str) -> bool:
        return bool(bits & 1) and (bits == 3 or _digit_count(text) >= MIN_PHONE_DIGITS)

    return TokenTest(
        literals=_folded_words("email_dot_words"),
        test=lambda token, folded: DOT_ZONE_RE.search(token) is not None,
        width=2,
        features=lambda token, folded: DIGIT_RE.search(token) is not None,
        decide=decide,
        feature_literals=(tuple(sorted({literal for literals in passport_literals for literal in literals})),),
    )


def find(doc):
    for span in personal_data_spans(doc.text, doc.language, doc.folded):
        yield Finding(span.start, span.end - span.start, category, span.rule_id, ERROR)
