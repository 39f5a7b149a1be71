"""Vesko's findings in LanguageTool's ``/v2/check`` response format, for LanguageTool clients.

LanguageTool counts offsets in UTF-16 code units (as JavaScript strings do); Vesko in code points. Every
offset and length here is converted, including the ones inside ``context``.
"""
from __future__ import annotations

import re

from .languagetool import _mapping

CONTEXT_CHARS = 40
SENTENCE_END_RE = re.compile(r"[.!?…]+\s+|\n+")
LANGUAGE_NAMES = {"ru": ("Russian", "ru-RU"), "en": ("English (US)", "en-US")}


def utf16_length(text: str) -> int:
    return len(text) + sum(ord(ch) > 0xFFFF for ch in text)


def _sentence(text: str, offset: int) -> str:
    start = 0
    for m in SENTENCE_END_RE.finditer(text):
        if m.end() > offset:
            return text[start : m.start() + len(m.group().rstrip())].strip()
        start = m.end()
    return text[start:].strip()


def _match(text: str, m: dict) -> dict:
    start, end = m["offset"], m["offset"] + m["length"]
    looks = _mapping()["as_languagetool"][m["category"]]
    context_start = max(0, start - CONTEXT_CHARS)
    return {
        "message": m["message"],
        "shortMessage": "",
        "replacements": [{"value": r} for r in m["replacements"]],
        "offset": utf16_length(text[:start]),
        "length": utf16_length(text[start:end]),
        "context": {
            "text": text[context_start : end + CONTEXT_CHARS],
            "offset": utf16_length(text[context_start:start]),
            "length": utf16_length(text[start:end]),
        },
        "sentence": _sentence(text, start),
        "type": {"typeName": "UnknownWord" if m["category"] == "spelling" else "Other"},
        "rule": {
            "id": m["rule_id"],
            "description": f"Vesko: {m['category']}" if m["source"] == "vesko" else m["rule_id"],
            "issueType": looks["issue_type"],
            "category": {"id": looks["category"], "name": looks["name"]},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def as_languagetool_response(text: str, result: dict, version: str, auto: bool) -> dict:
    """``result`` (the body of /api/v1/check for ``text``) as LanguageTool would have answered."""
    name, code = LANGUAGE_NAMES.get(result["language"], (result["language"], result["language"]))
    return {
        "software": {
            "name": "Vesko",
            "version": version,
            "buildDate": "",
            "apiVersion": 1,
            "premium": False,
            "status": "",
        },
        # LanguageTool configured but not answering: the client is told the result is incomplete.
        "warnings": {"incompleteResults": result["engines"]["languagetool"] == "unavailable"},
        "language": {
            "name": name,
            "code": code,
            "detectedLanguage": {"name": name, "code": code, "confidence": 0.9 if auto else 1.0},
        },
        "matches": [_match(text, m) for m in result["matches"]],
    }


def languages() -> list[dict]:
    """``GET /v2/languages``: what a LanguageTool client may ask for."""
    return [
        {"name": "Russian", "code": "ru", "longCode": "ru-RU"},
        {"name": "English", "code": "en", "longCode": "en"},
        {"name": "English (US)", "code": "en", "longCode": "en-US"},
        {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    ]
