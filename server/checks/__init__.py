"""Vesko's wording checker: ``check(text, language)`` → the body of ``POST /api/v1/check``.

The checker is a pipeline of small rule modules (``server/checks/rules``) that share one interface
(:mod:`server.checks.rules.base`). Their words and patterns are data files in ``data/<language>/``.
"""
from __future__ import annotations

import bisect
import gc
import time
import dataclasses

from . import coverage, prefilter, primer, token_gate
from .document import Document, morph
from .graphemes import Snapper
from .languagetool import LANGUAGETOOL_CATEGORIES, LanguageToolEngine
from .language import UnsupportedLanguage, detect
from .lexicon import languages, load
from .rules import RULES
from .rules.base import ERROR, HINT, SEVERITY_RANK, WARNING, Finding

__all__ = ["check", "find", "languages", "UnsupportedLanguage", "CATEGORIES", "LanguageToolEngine"]

#: The stable public category ids (listed in the README): the built-in rules' and LanguageTool's.
CATEGORIES = tuple(rule.category for rule in RULES) + LANGUAGETOOL_CATEGORIES
NO_LANGUAGETOOL = LanguageToolEngine()


#: One short review per language, checked by :func:`warm_up`: it compiles every rule's patterns and
#: loads every data file and the coverage questions, which the first real check would pay for instead.
WARM_UP_TEXTS = {
    "ru": "Ужас, не берите! Продавец обманул, размер не подошёл, рекомендую другой магазин.",
    "en": "Terrible, don't buy! The seller lied, the size did not fit, I recommend another shop.",
}


def warm_up() -> None:
    """Load dictionaries and models up front, so that no request pays for them (the service calls this)."""
    morph()
    for rule in RULES:
        if hasattr(rule, "warm_up"):
            rule.warm_up()
    for language in languages():
        check(WARM_UP_TEXTS.get(language, "-"), language)
    prefilter.compile_all()  # the patterns the sample reviews did not need
    primer.prime(languages())  # the common words' token facts: the first reviews cost what later ones do
    global _frozen
    if not _frozen:
        # Millions of long-lived objects (dictionaries, indexes, caches) would otherwise be walked by every
        # full garbage collection: ~70 ms in the middle of some check. Frozen, collections skip them (and
        # forked workers do not copy their pages by touching them).
        gc.collect()
        gc.freeze()
        _frozen = True


_frozen = False


def resolve_language(text: str, language: str = "auto") -> str:
    if language == "auto":
        return detect(text)
    if language not in languages():
        raise UnsupportedLanguage(language)
    return language


class _KeptSpans:
    """Kept findings by category; within a category they never overlap, so a bisect finds neighbours."""

    def __init__(self):
        self._by_category: dict[str, tuple[list[int], list[int]]] = {}

    def _neighbour(self, starts: list[int], ends: list[int], offset: int) -> tuple[int, int] | None:
        """The kept span starting last at or before ``offset``, if any."""
        i = bisect.bisect_right(starts, offset) - 1
        return (starts[i], ends[i]) if i >= 0 else None

    def admits(self, f: Finding) -> bool:
        for category, (starts, ends) in self._by_category.items():
            before = self._neighbour(starts, ends, f.offset)
            if before and before[1] >= f.end:
                return False  # wholly covered by a finding kept earlier (as severe or longer)
            if category == f.category:
                if before and before[1] > f.offset:
                    return False
                after = bisect.bisect_right(starts, f.offset)
                if after < len(starts) and starts[after] < f.end:
                    return False
        return True

    def add(self, f: Finding) -> None:
        starts, ends = self._by_category.setdefault(f.category, ([], []))
        i = bisect.bisect_right(starts, f.offset)
        starts.insert(i, f.offset)
        ends.insert(i, f.end)


_rule_timer = None


def pipeline_timer(observe) -> None:
    """Report each rule's time on each text to ``observe(category, seconds)`` (the service's metrics)."""
    global _rule_timer
    _rule_timer = observe


def _timed(rule, doc: Document) -> list[Finding]:
    if _rule_timer is None:
        return list(rule.find(doc))
    started = time.perf_counter()
    found = list(rule.find(doc))
    _rule_timer(rule.category, time.perf_counter() - started)
    return found


def find(doc: Document, extra: list[Finding] = ()) -> list[Finding]:
    """Every rule's findings (and ``extra`` ones from another engine), without duplicates, in text order.

    A finding is dropped when an already kept finding of the same category overlaps it, or when a
    kept finding covers its whole span (an e-mail is personal data, not also a link). Severe and long
    findings are kept first. Where LanguageTool flags a word's spelling, its suggestion wins over ours.
    Every span is first widened to whole grapheme clusters (see :mod:`.graphemes`): no match ends
    between a letter and its accent or inside an emoji sequence.
    """
    snapper = Snapper(doc.text)
    concerned = token_gate.concerned(doc)  # the rules that may find something (most texts: few or none)
    candidates = [
        _whole_graphemes(snapper, f) for i, rule in enumerate(RULES) if concerned >> i & 1 for f in _timed(rule, doc)
    ]
    extra = [_whole_graphemes(snapper, f) for f in extra]
    if extra:
        their_spelling = _KeptSpans()
        for f in extra:
            if f.category == "spelling" and their_spelling.admits(f):
                their_spelling.add(f)
        candidates = [f for f in candidates if f.category != "spelling" or their_spelling.admits(f)] + list(extra)
    # On the same span, a word another rule recognised (an accusation, an insult) is not also a typo.
    candidates.sort(key=lambda f: (SEVERITY_RANK[f.severity], -f.length, f.category == "spelling", f.offset))
    kept, spans = [], _KeptSpans()
    for f in candidates:
        if spans.admits(f):
            spans.add(f)
            kept.append(f)
    kept.sort(key=lambda f: (f.offset, SEVERITY_RANK[f.severity], f.length))
    return kept


def _whole_graphemes(snapper: Snapper, f: Finding) -> Finding:
    start, end = snapper.snap(f.offset, f.end)
    if (start, end) == (f.offset, f.end):
        return f
    return dataclasses.replace(f, offset=start, length=end - start)


def message(language: str, finding: Finding) -> str:
    """The finding's advice in the review's language, from ``data/<language>/<category>.yaml``."""
    if finding.message is not None:
        return finding.message
    messages = load(language, finding.category).get("messages", {})
    return messages[finding.rule_id].format(**finding.params)


def check(text: str, language: str = "auto", languagetool: LanguageToolEngine | None = None) -> dict:
    """Check a review; returns ``{"language", "matches", "summary", "engines", "coverage", "hints"}``.

    See the README for each field.

    ``languagetool``: an engine to ask as well (the service passes the configured one); it is asked in the
    background while the built-in rules run, and never delays the answer past its timeout.
    """
    language = resolve_language(text, language)
    pending = (languagetool or NO_LANGUAGETOOL).start(text, language)
    doc = Document(text, language)
    languagetool_status, their_findings = pending.result()
    findings = find(doc, their_findings)
    matches = [
        {
            "offset": f.offset,
            "length": f.length,
            "category": f.category,
            "rule_id": f.rule_id,
            "severity": f.severity,
            "message": message(language, f),
            "replacements": list(f.replacements),
            "source": f.source,
        }
        for f in findings
    ]
    counts = {s: sum(f.severity == s for f in findings) for s in (ERROR, WARNING, HINT)}
    summary = {
        "errors": counts[ERROR],
        "warnings": counts[WARNING],
        "hints": counts[HINT],
        "publishable": counts[ERROR] == 0,
    }
    engines = {"vesko": "ok", "languagetool": languagetool_status}
    covered = coverage.coverage(doc)
    return {
        "language": language,
        "matches": matches,
        "summary": summary,
        "engines": engines,
        "coverage": covered,
        "hints": coverage.hints(covered, language),
    }
