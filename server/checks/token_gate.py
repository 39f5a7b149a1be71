"""Which rules may find anything in a text, told from its whitespace-separated tokens, each looked at once.

Most reviews break no rule, yet every rule's own gate (a scan of the text, its vocabulary, a few set
operations: 3-15 µs each) ran on every review: about half of a check. Nearly all of those gates ask
about single tokens: does one hold a digit, an "@", a run of capitals, a listed word, a literal of a
pattern? Here each rule says that for one token (its ``token_test``), once per distinct token (kept
across texts: tokens recur), and a text's answer is the OR over its tokens, one dict look-up each.
The pipeline runs only the rules whose answer is yes; they keep their own, finer gates.

Why a rule skipped has nothing to find: its :class:`.rules.base.TokenTest` names what every finding needs in one
token, a character or a literal (:func:`.prefilter.literals`: strings one of which every match of a
pattern holds, in the folded text), and what a finding needs is no whitespace, so it lies in a token of
``text.split()`` (``str.split`` and ``re``'s ``\\s`` agree on whitespace; a literal's whitespace-free
*piece* lies in one token, as :class:`.alternatives.LiteralIndex` has it). Folding works character by
character, so a token's folded form is the folded text's token. Where a finding needs several tokens
together (all the words and literals of a pattern, a run of one-letter words "х у й", three "!", seven
digits), the tokens give *features* (bits), OR-ed over the text, and the rule decides from those.

Cost: a new token is looked at once for all rules (one literal scan, each rule's test); a known one costs a
dict look-up. A text of only new tokens (20,000 characters of random words) takes ~30% longer than without
the gate; a review, about half as long (see docs/benchmarks.md).
"""
from __future__ import annotations

import functools
import operator
from typing import Callable

from . import prefilter
from .normalize import plain_letters
from .alternatives import TokenCache, language_index
from .rules import RULES
from .rules.base import ALWAYS


class _Gate:
    """One language's tests. A token's value: per rule, a bit for ASCII texts (rule ``i``: bit ``i``) and one
    for other texts (bit ``n + i``), then each rule's features."""

    def __init__(self, language: str):
        n = len(RULES)
        self.index = language_index(language)  # (shared: a new token is scanned once for the coverage too)
        self.literal_bits: list[tuple[int, int]] = []  # (literal set's id in the index, the bits it sets)
        self.tests: list[tuple[int, Callable]] = []  # (the rule's two bits, its test)
        self.with_features: list[tuple[int, int, int, Callable, Callable]] = []  # (bit, shift, mask, features, decide)
        self.feature_literals: list[tuple[int, int, int]] = []  # (first literal set's id, how many, where their bits go)
        self.always, self.rules, shift = 0, (1 << n) - 1, 2 * n
        for i, rule in enumerate(RULES):
            spec = rule.token_test(language) if hasattr(rule, "token_test") else ALWAYS
            if spec.always:
                self.always |= 1 << i
                continue
            ascii_bit, other_bit = 1 << i, 1 << n + i
            ascii_literals = spec.literals if spec.ascii_literals is None else spec.ascii_literals
            if spec.literals and ascii_literals == spec.literals:
                self.literal_bits.append((self.index.add(spec.literals, shared=False), ascii_bit | other_bit))
            else:
                if spec.literals:
                    self.literal_bits.append((self.index.add(spec.literals, shared=False), other_bit))
                if ascii_literals:
                    self.literal_bits.append((self.index.add(ascii_literals, shared=False), ascii_bit))
            if spec.test is not None:
                self.tests.append((ascii_bit | other_bit, spec.test))
            if spec.features is not None:
                self.with_features.append((ascii_bit, shift, (1 << spec.width) - 1, spec.features, spec.decide))
                if spec.feature_literals:  # consecutive ids: their bits are one slice of the index's
                    ids = [self.index.add(literals, shared=False) for literals in spec.feature_literals]
                    self.feature_literals.append((ids[0], len(ids), shift + spec.width - len(ids)))
                shift += spec.width
        self.width = shift  # the rules' bits and features; a token's literal bits come above them
        self.primed: dict = {}  # token -> _scan(token), known beforehand (see prime)
        self.tokens = TokenCache(self._value)
        self._index_size = self.index.size  # the values' literal bits are those of this many sets

    def _value(self, token: str) -> int:
        """The token's rule bits and features and, above them, the index's bits for the token as the coverage
        reads it (:func:`.normalize.plain_letters` of it folded): one look-up per token gives a text both."""
        folded = prefilter.fold(token)
        value = self.primed.get(token)
        if value is None:
            value = self._scan(token, folded)
        return value | self.index.token_bits(plain_letters(folded)) << self.width

    def _scan(self, token: str, folded: str | None = None) -> int:
        folded = prefilter.fold(token) if folded is None else folded
        found = self.index.token_bits(folded)
        value = 0
        for set_id, bits in self.literal_bits:
            if found >> set_id & 1:
                value |= bits
        for bits, test in self.tests:
            if value & bits != bits and test(token, folded):
                value |= bits
        for _, shift, _, features, _ in self.with_features:
            value |= features(token, folded) << shift
        for first, count, shift in self.feature_literals:
            value |= (found >> first & (1 << count) - 1) << shift
        return value

    def concerned(self, text: str) -> tuple[int, int, int]:
        """(the rules that may find something, the index's bits for the text folded as the coverage reads it,
        how many sets the index had for them)."""
        if self.index.size != self._index_size:  # another module's sets came since (loaded after the first text)
            self.tokens.clear()
            self._index_size = self.index.size
        # (Every token, repeats too: a look-up costs less than building a set of them first.)
        value = functools.reduce(operator.or_, map(self.tokens.__getitem__, text.split()), 0)
        bits = (value if text.isascii() else value >> len(RULES)) & self.rules | self.always
        for bit, shift, mask, _, decide in self.with_features:
            if not bits & bit and (features := value >> shift & mask) and decide(features, text):
                bits |= bit
        return bits, value >> self.width | self.index.always, self._index_size


@functools.cache
def _gate(language: str) -> _Gate:
    return _Gate(language)


def scan(language: str, token: str) -> int:
    """The gate's value for a whitespace-free token, worked out afresh (what :mod:`.primer` keeps)."""
    return _gate(language)._scan(token)


def prime(language: str, values) -> None:
    """Tokens' values known beforehand (:func:`scan`'s for the same code and data, ``values.get(token)``, None
    for a token not known: see :mod:`.primer`)."""
    _gate(language).primed = values


def _facts(doc) -> tuple[int, int, int]:
    return doc.memo("token_gate", lambda: _gate(doc.language).concerned(doc.text))


def concerned(doc) -> int:
    """Bit ``i`` set when ``RULES[i]`` may find something in the document (see the module's doc)."""
    return _facts(doc)[0]


def plain_folded(doc) -> str:
    """The document's text folded, with :func:`.normalize.plain_letters` (the form its literal bits are of)."""
    return doc.memo("token_gate.plain", lambda: plain_letters(doc.folded))


def literal_bits(doc, folded: str) -> int:
    """``language_index(doc.language).present(folded)`` for the document's text ``folded``: the vague rule and
    the coverage ask. The gate's look-ups gave it for the text folded as the coverage reads it (folding and
    :func:`.normalize.plain_letters` work character by character, and keep whitespace where it was: the
    text's tokens so read are the tokens read so); another form is worked out once per document."""
    index = language_index(doc.language)
    _, bits, size = _facts(doc)
    if size == index.size and folded == plain_folded(doc):
        return bits
    return doc.memo(("literal bits", folded), lambda: index.present(folded))


_BIT = {rule.category: 1 << i for i, rule in enumerate(RULES)}


def concerns(doc, category: str) -> bool:
    """May the rule of ``category`` find something in the document? (For a rule whose own gate is this one.)"""
    return bool(concerned(doc) & _BIT[category])
