"""Writes the review draft from the buyer's answers, shaped for the marketplace's form.

Every sentence comes from the flow's data (``prompts/<language>.yaml``): the option's ``phrase``, or a
``compose.sentences`` template around the buyer's own words. The buyer's words are inserted as written:
trimmed, the first letter capitalised and the final punctuation completed, nothing else changed.
"""
from __future__ import annotations

import datetime
import re

from . import answers as answer_rules, checks, prompts

SECTIONS = ("pros", "cons", "comment")
# The end of a sentence, possibly followed by closing quotes or brackets; emoticons end one too.
SENTENCE_END_RE = re.compile(r"(?:[.!?…]|\){2,}|[\U0001F300-\U0001FAFF\u2600-\u27BF]\uFE0F?)[»\"”’')\]]*$")


def finish(text: str) -> str:
    """The buyer's words as a sentence: trimmed, capitalised, with final punctuation."""
    text = text.strip()
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    if not SENTENCE_END_RE.search(text):
        text += "."
    return text


def format_date(iso: str, compose: dict) -> str:
    date = datetime.date.fromisoformat(iso)
    return compose["date_format"].format(
        day=date.day, month=date.month, year=date.year, month_name=compose["months"][date.month - 1]
    )


def _sentences(step: dict, value, compose: dict, kind: str | None) -> list[str]:
    """What one answer says in the draft."""
    kind_of = step["type"]
    if kind_of in ("single", "multi"):
        chosen = value if isinstance(value, list) else [value]
        by_id = {o["id"]: o for o in prompts.options(step, kind)}
        return [by_id[i].get("phrase", by_id[i]["label"]) for i in chosen if by_id[i].get("phrase", by_id[i]["label"])]
    if kind_of == "text":
        return [compose["sentences"][step["id"]].format(text=finish(value))]
    if kind_of == "date":
        return [compose["sentences"][step["id"]].format(date=format_date(value, compose))]
    if kind_of == "pairs":
        return [compose["expectation"].format(expected=finish(p["expected"]), actual=finish(p["actual"])) for p in value]
    return []


def _title(parts: dict[str, list[str]], rating: int | None, compose: dict) -> str:
    """A headline: the first concrete reason (the first good point for 4-5 stars), else by rating."""
    rating = rating or 3
    first = (parts["pros"] if rating >= 4 else parts["cons"]) or parts["cons"] or parts["pros"]
    if first and len(first[0]) <= 80:
        return first[0].rstrip(".!…")
    return compose["titles"]["low" if rating <= 2 else "middle" if rating == 3 else "high"]


def compose(language: str, raw_answers: dict, marketplace: str, languagetool=None) -> dict:
    """The draft for ``marketplace``: ``{"text", "sections", "title", "rating", "check"}``."""
    flow = prompts.flow(language)
    given = answer_rules.validate(language, raw_answers)
    wording = flow["compose"]
    kind = given.get("kind")
    parts: dict[str, list[str]] = {section: [] for section in SECTIONS}
    for step in flow["steps"]:
        if "section" in step and step["id"] in given:
            parts[step["section"]] += _sentences(step, given[step["id"]], wording, kind)
    joined = {section: " ".join(sentences) for section, sentences in parts.items()}
    rating = given.get("rating")
    layout = prompts.forms()[marketplace]["layout"]
    title = None
    if layout == "sections":
        sections = joined
        text = "\n".join(f"{wording['sections'][s]}: {joined[s]}" for s in SECTIONS if joined[s])
    elif layout == "body":
        title = _title(parts, rating, wording)
        leads = wording["leads"]
        paragraphs = [f"{leads['cons']}: {joined['cons']}" if joined["cons"] else ""]
        paragraphs += [f"{leads['pros']}: {joined['pros']}" if joined["pros"] else "", joined["comment"]]
        sections = {"body": "\n\n".join(p for p in paragraphs if p)}
        text = f"{title}\n\n{sections['body']}"
    else:
        lines = [wording["rating_line"].format(rating=rating)] if rating else []
        lines += [f"{wording['sections'][s]}: {joined[s]}" for s in SECTIONS if joined[s]]
        sections = {"text": "\n".join(lines)}
        text = sections["text"]
    return {
        "text": text,
        "sections": sections,
        "title": title,
        "rating": rating,
        "check": checks.check(text, language, languagetool),
    }
