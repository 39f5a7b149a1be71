"""The one interface every checker rule implements.

A rule is a small module that looks at a :class:`~server.checks.document.Document` and yields
:class:`Finding` objects. Rules know nothing about HTTP, JSON or message wording: they report a
``rule_id`` and parameters, and the pipeline turns them into matches with a message in the
review's language (see ``data/<lang>/messages.yaml``).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Callable, Iterable, Protocol

ERROR, WARNING, HINT = "error", "warning", "hint"
SEVERITY_RANK = {ERROR: 0, WARNING: 1, HINT: 2}


@dataclass(frozen=True)
class Finding:
    """One problem in the text. ``offset``/``length`` are in code points of the original text."""

    offset: int
    length: int
    category: str
    rule_id: str
    severity: str
    replacements: tuple[str, ...] = ()
    # Values substituted into the message template, e.g. {"word": "..."}.
    params: dict = field(default_factory=dict, compare=False, hash=False)
    # Engines other than Vesko's rules (LanguageTool) bring their own message; ours come from the data files.
    message: str | None = field(default=None, compare=False)
    source: str = "vesko"

    @property
    def end(self) -> int:
        return self.offset + self.length


class Rule(Protocol):
    """What the pipeline needs from a rule module: a category id and a ``find`` function; optionally
    ``token_test(language) -> TokenTest`` (see :mod:`..token_gate`), so that texts it cannot concern skip it."""

    category: str

    def find(self, doc) -> Iterable[Finding]:  # pragma: no cover - protocol
        ...


@dataclass(frozen=True)
class TokenTest:
    """What one token of a text must have for a rule to find anything in the text (see :mod:`..token_gate`).

    ``literals``: strings one of which some finding needs (:func:`..prefilter.literals`; a token whose folded
    form holds the *piece* of one concerns the rule); ``ascii_literals``: the same for ASCII texts, when
    other tests stand in for some there (whole words, :class:`.word_literals.WordSetGate`). ``test(token, folded)``:
    anything else one token may hold (a digit, a listed word). ``always``: the rule cannot tell from tokens.
    ``features(token, folded)`` and ``decide(features, text)``: for a rule that needs several tokens
    together, ``width`` bits per token, OR-ed over the text, and the decision from them, asked when no
    token concerns the rule by itself and some token has a feature. The top ``len(feature_literals)`` of
    those bits are the gate's: bit ``j`` of them set when the token holds a piece of ``feature_literals[j]``
    (one scan of the token for all rules' literals).
    """

    literals: tuple[str, ...] | None = None
    ascii_literals: tuple[str, ...] | None = None  # None: ``literals``
    test: Callable[[str, str], bool] | None = None
    always: bool = False
    width: int = 0
    features: Callable[[str, str], int] | None = None
    decide: Callable[[int, str], bool] | None = None
    feature_literals: tuple[tuple[str, ...], ...] = ()


ALWAYS = TokenTest(always=True)  # (what a rule without token_test gets)
NEVER = TokenTest()  # a rule that finds nothing in the language


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``start..end`` overlap one of the sorted, disjoint ``spans``? (O(log n))

    Rules that keep the first of overlapping matches use this with :func:`bisect.insort` rather than
    comparing each match with every kept one, which is quadratic on hostile texts ("убью " × 4,000).
    """
    k = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return (k >= 0 and spans[k][1] > start) or (k + 1 < len(spans) and spans[k + 1][0] < end)
