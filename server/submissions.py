"""A member's submission: validated against the flow, cleaned of personal data, stored once.

What is stored is what the group's statistics and export show, nothing else: no IP address, cookie or
account. Every free-text field (the review, the flow's text and "expected/actual" answers, the product
title and the seller) goes through the checker's ``personal_data`` rule first and each phone, e-mail,
card or passport number becomes ``[скрыто]``/``[removed]`` (``redaction`` in its data file). The product
URL loses its query and fragment: tracking parameters can identify the buyer.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import re
import unicodedata
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import answers as flow_answers, prompts
from .checks import lexicon
from .checks.rules.personal_data import personal_data_spans
from .models import Group, Submission, SubmissionReason, utcnow

DUPLICATE_WINDOW = datetime.timedelta(hours=24)
PRODUCT_KEY_LENGTH = 300


class InvalidSubmission(ValueError):
    def __init__(self, errors: dict):
        self.errors = errors
        super().__init__("; ".join(errors))


class DuplicateSubmission(Exception):
    """The same review of the same product reached this group less than 24 hours ago."""


def redact(text: str, language: str) -> str:
    token = lexicon.load(language, "personal_data")["redaction"]
    for span in reversed(personal_data_spans(text, language)):
        text = text[: span.start] + token + text[span.end :]
    return text


def redact_answers(language: str, answers: dict) -> dict:
    """The cleaned answers with personal data removed from every free-text step."""
    steps = prompts.steps(language)
    redacted = dict(answers)
    for step_id, value in answers.items():
        kind_of = steps[step_id]["type"]
        if kind_of == "text":
            redacted[step_id] = redact(value, language)
        elif kind_of == "pairs":
            redacted[step_id] = [{side: redact(text, language) for side, text in pair.items()} for pair in value]
    return redacted


def clean_url(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url.strip())
    return f"{parts.scheme}://{parts.netloc}{parts.path}" if parts.netloc else None


def normalise(text: str) -> str:
    """Case, punctuation and spacing do not make a review different."""
    return " ".join(re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", text).casefold()).split())


def product_key(marketplace: str, url: str | None, title: str | None, external_id: str | None) -> str:
    """What "the same product" means: the marketplace's id, else the page address, else the title."""
    if external_id and external_id.strip():
        key = f"{marketplace}:{external_id.strip()}"
    elif url:
        parts = urlsplit(url)
        key = f"{parts.netloc.lower()}{parts.path.rstrip('/')}"
    else:
        key = f"{marketplace}:{normalise(title or '')}"
    if len(key) > PRODUCT_KEY_LENGTH:  # long addresses: keep them apart by a hash of the whole
        key = key[: PRODUCT_KEY_LENGTH - 65] + "#" + hashlib.sha256(key.encode()).hexdigest()
    return key


def fingerprint(text: str | None, answers: dict) -> str:
    """The normalised review text; without one, the answers themselves."""
    basis = normalise(text) if text and text.strip() else json.dumps(answers, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def monday(moment: datetime.datetime) -> datetime.date:
    return moment.date() - datetime.timedelta(days=moment.weekday())


def _validated(data: dict) -> dict:
    language = data["language"]
    try:
        answers = flow_answers.validate(language, data["answers"])
    except flow_answers.InvalidAnswers as error:
        raise InvalidSubmission({"answers": error.errors}) from error
    rating = data.get("rating")
    if rating is not None and rating != answers.get("rating"):
        raise InvalidSubmission({"rating": ["Must be the same as answers.rating."]})
    return answers


def _optional(value: str | None, language: str) -> str | None:
    value = (value or "").strip()
    return redact(value, language) if value else None


def store(session: Session, group: Group, data: dict, now: datetime.datetime | None = None) -> int:
    """Stores one submission (the request body, already checked by the schema); returns its id."""
    language, marketplace, product = data["language"], data["marketplace"], data["product"]
    answers = redact_answers(language, _validated(data))
    text = _optional(data.get("text"), language)
    url = clean_url(product.get("url"))
    key = product_key(marketplace, url, product.get("title"), product.get("external_id"))
    print_ = fingerprint(text, answers)
    now = now or utcnow()
    duplicate = select(Submission.id).where(
        Submission.group_id == group.id,
        Submission.product_key == key,
        Submission.fingerprint == print_,
        Submission.created_at > now - DUPLICATE_WINDOW,
    )
    if session.scalar(duplicate.limit(1)) is not None:
        raise DuplicateSubmission()
    submission = Submission(
        group_id=group.id,
        created_at=now,
        week=monday(now),
        language=language,
        marketplace=marketplace,
        product_key=key,
        product_url=url,
        product_title=_optional(product.get("title"), language),
        product_external_id=(product.get("external_id") or "").strip() or None,
        seller=_optional(data.get("seller"), language),
        rating=answers["rating"],
        kind=answers["kind"],
        recommend=answers.get("recommend"),
        buy_again=answers.get("buy_again"),
        has_unmet_expectations=bool(answers.get("expectations")),
        answers=answers,
        text=text,
        fingerprint=print_,
    )
    session.add(submission)
    session.flush()
    session.add_all(
        SubmissionReason(submission_id=submission.id, reason=reason, kind=answers["kind"], group_id=group.id)
        for reason in answers.get("disappointed", [])
    )
    return submission.id
