"""Vesko's wording checker: ``check(text, language)`` → the body of ``POST /api/v1/check``.

The checker is a pipeline of small rule modules (``server/checks/rules``) that share one interface
(:mod:`server.checks.rules.base`). Their words and patterns are data files in ``data/<language>/``.
"""
from __future__ import annotations

from .document import Document
from .language import UnsupportedLanguage, detect
from .lexicon import languages, load
from .rules import RULES
from .rules.base import ERROR, HINT, SEVERITY_RANK, WARNING, Finding

__all__ = ["check", "find", "languages", "UnsupportedLanguage", "CATEGORIES"]

#: The stable public category ids (listed in the README).
CATEGORIES = tuple(rule.category for rule in RULES)


def resolve_language(text: str, language: str = "auto") -> str:
    if language == "auto":
        return detect(text)
    if language not in languages():
        raise UnsupportedLanguage(language)
    return language


def find(doc: Document) -> list[Finding]:
    """Every rule's findings, without duplicates, in text order.

    A finding is dropped when an already kept finding of the same category overlaps it, or when a
    kept finding at least as severe covers its whole span (an e-mail is personal data, not also a
    link). Severe and long findings are kept first.
    """
    candidates = [f for rule in RULES for f in rule.find(doc)]
    candidates.sort(key=lambda f: (SEVERITY_RANK[f.severity], -f.length, f.offset))
    kept: list[Finding] = []
    for f in candidates:
        if any(
            (k.category == f.category and k.offset < f.end and f.offset < k.end)
            or (k.offset <= f.offset and f.end <= k.end)
            for k in kept
        ):
            continue
        kept.append(f)
    kept.sort(key=lambda f: (f.offset, SEVERITY_RANK[f.severity], f.length))
    return kept


def message(language: str, finding: Finding) -> str:
    """The finding's advice in the review's language, from ``data/<language>/<category>.yaml``."""
    messages = load(language, finding.category).get("messages", {})
    return messages[finding.rule_id].format(**finding.params)


def check(text: str, language: str = "auto") -> dict:
    """Check a review; returns ``{"language", "matches", "summary"}`` (see the README)."""
    language = resolve_language(text, language)
    findings = find(Document(text, language))
    matches = [
        {
            "offset": f.offset,
            "length": f.length,
            "category": f.category,
            "rule_id": f.rule_id,
            "severity": f.severity,
            "message": message(language, f),
            "replacements": list(f.replacements),
            "source": "vesko",
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
    return {"language": language, "matches": matches, "summary": summary}
