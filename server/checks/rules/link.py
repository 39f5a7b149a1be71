"""Links: URLs, bare domains and social or messenger handles (errors).

Marketplaces do not publish reviews with links or contacts, so there is nothing to suggest
instead: the buyer should remove it. Three kinds, each with its own advice:

- ``LINK_URL``: anything with a scheme or ``www.`` ("https://clck.ru/3A", "www.shop.com");
- ``LINK_DOMAIN``: a bare domain in a known zone ("example.ru", "сайт.рф", "vk.cc/xyz");
- ``LINK_HANDLE``: "@username", a profile link ("t.me/shop", "vk.com/id123") or a handle after a
  messenger word ("телеграм: ivan_petrov").

E-mail addresses are personal data, not links: their domain is never reported here. A phone after
"whatsapp" is personal data too. What keeps ordinary text out: the zone list (``data/tlds.yaml``)
leaves out words and file extensions, a domain needs two characters before the dot (not "т.е.",
"г.Москва") and a zone not written Like-This ("хорошая.Советую", "it.So" are missing spaces).
"""
from __future__ import annotations

import bisect
import functools
import re

from .. import lexicon, prefilter
from . import word_literals
from .base import ERROR, Finding, TokenTest, overlaps
from .personal_data import DOT_ZONE_RE, email_spans

category = "link"

URL, DOMAIN, HANDLE = "LINK_URL", "LINK_DOMAIN", "LINK_HANDLE"

URL_RE = re.compile(r"(?<![\w@.])(?:(?:https?|ftp)://|www\.)[^\s<>\"'«»]+", re.IGNORECASE)
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
# A chain of labels ending in letters, with an optional path; never after "@" (an e-mail) or a dot.
DOMAIN_RE = re.compile(
    rf"(?<![\w@.\-/:])(?P<host>(?:{_LABEL}\.)+(?P<tld>[^\W\d_]{{2,}}))(?![\w@-])(?P<path>/[^\s<>\"'«»]*)?"
)
AT_HANDLE_RE = re.compile(r"(?<![\w@.+-])@(?P<name>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,30}[A-Za-z0-9_])?)")
HANDLE_TOKEN = r"@?[A-Za-z][A-Za-z0-9_.]{1,31}[A-Za-z0-9_]"
# Gates (most reviews hold no link; each sub-check's regex costs 10-30 µs on a 300-character review):
# a URL has "://" or "www." (folded: "WWW."); a domain has its zone's dot right before two letters.
# DOT_ZONE_RE (personal_data's, the same test for an e-mail's domain): "." right before two letters.
# Punctuation that ends a sentence rather than a link: "см. example.ru/sale." or "(www.site.com)".
TRAILING = ".,;:!?)]}»\"'…"


@functools.cache
def tld_data() -> dict:
    """``data/tlds.yaml``: zone lists shared by all languages."""
    data = lexicon.read_yaml(lexicon.DATA_DIR / "tlds.yaml")
    return {key: frozenset(data[key]) for key in ("strong", "weak", "short_hosts", "social_hosts")}


@functools.cache
def _messenger_words() -> tuple[str, ...]:
    words = tuple(w for _, data in lexicon.each_language(category) for w in data.get("messenger_words", []))
    assert all(prefilter.fold(w) == w for w in words), "messenger words are written folded (lower case)"
    return words


@functools.cache
def _messenger_gate() -> tuple[re.Pattern, re.Pattern]:
    """A messenger word at the start of a word, in the folded text: every messenger handle starts so.

    The folded text (prefilter.fold) keeps offsets and turns each character into the one its case
    class shares with the lower-case words, so the words need no IGNORECASE there (~4x cheaper);
    "non-word before it" stays so too. Two patterns: a consumed \\W lets the regex engine skip
    to non-word characters instead of trying a lookbehind everywhere; the other is the text's start.
    """
    words = "|".join(_messenger_words())
    return re.compile(rf"\W(?:{words})"), re.compile(rf"(?:{words})")


@functools.cache
def _latin_word_starts() -> tuple[tuple[str, re.Pattern], ...] | None:
    """``(literal, its pattern at a word start)`` per messenger word written in ASCII: the letters
    every match of the word starts with (the word's letters up to its first optional one or other
    regex syntax), found with a literal scan (~1 µs) and only then checked for a non-word before it.
    None when a word has an alternation ("a|b" need not start with "a")."""
    literals = []
    for word in _messenger_words():
        if "|" in word:
            return None
        if not word.isascii():
            # A word starting with a non-ASCII letter cannot match in an ASCII text (see _may_hold_messenger_word).
            assert word[0].isalpha() and not word[0].isascii(), word
            continue
        literal = re.match(r"[a-z]*", word).group()
        if word[len(literal) : len(literal) + 1] in ("?", "*", "{"):
            literal = literal[:-1]  # "user?" : the last letter is optional
        assert literal, word
        literals.append(literal)
    # "snapchat" at a word start has "snap" there: the shorter literal's test covers it.
    literals = [w for w in dict.fromkeys(literals) if not any(w != o and w.startswith(o) for o in literals)]
    return tuple((w, re.compile(rf"{re.escape(w)}(?<!\w{re.escape(w)})")) for w in literals)


def _may_hold_messenger_word(folded: str) -> bool:
    # Folding turns Greek iota, a word character, into U+0345, which is not one: there \w in a
    # messenger word would not match; such texts skip the gate.
    if "\u0345" in folded:
        return True
    if folded.isascii() and (starts := _latin_word_starts()) is not None:
        # Scanning for "\W(?:words)" costs ~10 µs on a 300-character review (a category test per
        # character). In an ASCII text only the words written in ASCII can match, and each match starts
        # with its word's leading literal (at the text's start or after a non-word character):
        # a substring test, then a literal scan, ask for exactly that or less.
        return any(literal in folded and start.search(folded) for literal, start in starts)
    after_non_word, at_start = _messenger_gate()
    return bool(after_non_word.search(folded) or at_start.match(folded))


@functools.cache
def _messenger_handle_re() -> re.Pattern:
    """The pattern "<messenger word>[:] [connector] <handle>", with the words of every language."""
    words, connectors, possessives = list(_messenger_words()), [], []
    for _, data in lexicon.each_language(category):
        possessives += data.get("possessives", [])
        connectors += [re.escape(c).replace(r"\ ", r"\s+") for c in data.get("connectors", [])]
    connectors.sort(key=len, reverse=True)
    return re.compile(
        rf"(?<!\w)(?P<own>(?:{'|'.join(possessives)})\s+)?(?:{'|'.join(words)})"
        rf"(?:\s*(?P<colon>[:—–-])\s*|\s+)(?P<connector>(?:{'|'.join(connectors)})\s+(?:[:—–-]\s*)?)?"
        rf"(?P<handle>{HANDLE_TOKEN})(?![\w@])",
        re.IGNORECASE,
    )


def _trim(text: str, start: int, end: int) -> int:
    """The end of a link without the sentence punctuation stuck to it (keeps balanced brackets)."""
    while end > start and text[end - 1] in TRAILING:
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        end -= 1
    return end


def _url_spans(text: str, folded: str):
    if "://" not in text and "www." not in folded:
        return
    for m in URL_RE.finditer(text):
        end = _trim(text, m.start(), m.end())
        if end - m.start() > len("www.x"):
            yield m.start(), end, URL


def _is_domain(host: str, tld: str, path: str) -> bool:
    zones = tld_data()
    lower_tld = tld.lower()
    if tld != lower_tld and tld != tld.upper():  # "хорошая.Советую", "it.So": a missing space
        return False
    if lower_tld not in zones["strong"] and not (lower_tld in zones["weak"] and len(path) > 1):
        return False
    first_label = host.split(".", 1)[0]
    if len(first_label) < 2 and host.lower() not in zones["short_hosts"]:
        return False  # "т.е.", "г.Москва", "и.т.д"
    return any(ch.isalpha() for ch in host[: -len(tld)])


def _domain_spans(text: str, dot_zone: bool | None = None):
    if dot_zone is None:
        dot_zone = DOT_ZONE_RE.search(text) is not None
    if not dot_zone:  # a domain ends with "." and its zone's letters
        return
    social = tld_data()["social_hosts"]
    for m in DOMAIN_RE.finditer(text):
        path = m.group("path") or ""
        if not _is_domain(m.group("host"), m.group("tld"), path):
            continue
        end = _trim(text, m.start(), m.end())
        has_profile = end > m.end("host") + 1
        yield m.start(), end, HANDLE if has_profile and m.group("host").lower() in social else DOMAIN


def _handle_spans(text: str, folded: str):
    if "@" in text:
        for m in AT_HANDLE_RE.finditer(text):
            name = m.group("name").rstrip(".")
            if any(ch.isalpha() for ch in name) and len(name) >= 2:
                yield m.start(), m.start() + 1 + len(name), HANDLE
    if not _may_hold_messenger_word(folded):
        return
    for m in _messenger_handle_re().finditer(text):
        handle = m.group("handle").rstrip(".")
        if _looks_like_handle(handle, bool(m.group("colon") and not m.group("connector")), bool(m.group("own"))):
            yield m.start(), m.start("handle") + len(handle), HANDLE


def _looks_like_handle(token: str, after_colon: bool, after_possessive: bool) -> bool:
    """A name after a messenger word is a handle only when it looks like one.

    "_" or a digit ("ivan_petrov", "shop24") always; a lower-case name right after a colon
    ("IG: shopname", "инст: anna.style");
    a dotted name ("anna.style") after "my insta"/"моя инста". Not "Twitter: At the" or
    "twitter is bitch.Get" (a missing space).
    """
    if token.startswith("@") or re.search(r"[_\d]", token):
        return True
    if after_colon and token.islower():
        return True
    return after_possessive and token.islower() and "." in token


def link_spans(text: str, folded: str | None = None) -> list[tuple[int, int, str]]:
    """``[(start, end, rule_id)]`` of every link in ``text``, in text order, without overlaps.

    ``folded``: ``prefilter.fold(text)`` if the caller has it already."""
    if folded is None:
        folded = prefilter.fold(text)
    dot_zone = DOT_ZONE_RE.search(text) is not None  # one search for both
    taken = [(s.start, s.end) for s in email_spans(text, folded, dot_zone)]  # an e-mail's domain is not a link
    spans = []
    # Longest first, so "https://vk.com/id1" is one URL, not also a domain and a handle inside it.
    found = [*_url_spans(text, folded), *_domain_spans(text, dot_zone), *_handle_spans(text, folded)]
    candidates = sorted(found, key=lambda s: s[0] - s[1])
    for start, end, rule_id in candidates:
        if not overlaps(taken, start, end):
            bisect.insort(taken, (start, end))
            spans.append((start, end, rule_id))
    return sorted(spans)


def _may_link(token: str, folded: str) -> bool:
    """What the gates of _url_spans, _domain_spans and the "@" handles need, each in one token (none holds
    whitespace); a folded Greek iota disables the messenger words' gate (see _may_hold_messenger_word)."""
    return (
        "@" in token
        or "://" in token
        or "www." in folded
        or DOT_ZONE_RE.search(token) is not None
        or (not token.isascii() and "\u0345" in folded)
    )


def token_test(language: str) -> TokenTest:
    """A link needs a token that :func:`_may_link`, or a messenger word (each messenger handle starts with
    one): a literal of it, and in an ASCII text the word whole (the handle pattern has a non-word character
    on either side of it), as word_literals reads it."""
    return word_literals.token_test(
        ((prefilter.literals(word), word_literals.word_sets(rf"(?<!\w)(?:{word})(?!\w)", re.IGNORECASE)) for word in _messenger_words()),
        test=_may_link,
    )


def warm_up() -> None:
    """Compile the messenger patterns now (the service's start), not in the first review that names a messenger."""
    _messenger_gate()
    _messenger_handle_re()


def find(doc):
    for start, end, rule_id in link_spans(doc.text, doc.folded):
        yield Finding(start, end - start, category, rule_id, ERROR)
