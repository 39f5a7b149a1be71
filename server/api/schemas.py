"""Marshmallow schemas shared by the checking endpoints."""
import re

from marshmallow import Schema, fields, validate

from ..checks import CATEGORIES, languages

MAX_TEXT_LENGTH = 20_000
SEVERITIES = ("error", "warning", "hint")


def language_field(**kwargs):
    choices = ("auto", *languages())
    return fields.String(
        load_default="auto",
        validate=validate.OneOf(choices, error="Language {input!r} is not supported yet; use one of: {choices}."),
        metadata={"description": "ru, en, or auto to detect it from the text.", "example": "auto"},
        **kwargs,
    )


class Text(fields.String):
    """A string field that replaces lone surrogates with U+FFFD.

    JSON may carry half of an emoji ("\\ud83d"): a UTF-16 text cut in the middle of a pair, as a
    browser's maxlength does. Python keeps it as one code point that cannot be encoded, so echoing it
    in a match's message or replacement would fail; U+FFFD is also one code point, so offsets into
    the submitted text do not move.
    """

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        return replace_lone_surrogates(text)


SURROGATE_RE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(text: str) -> str:
    """Every surrogate code point becomes U+FFFD (json.loads already joins the valid pairs)."""
    return text if text.isascii() else SURROGATE_RE.sub("\ufffd", text)


def without_lone_surrogates(data):
    """``data`` parsed from JSON with :func:`replace_lone_surrogates` applied to every string in it
    (keys too), for schemas whose free text is nested ({"answers": {...}}). Iterative: the body may
    be as deep as the JSON decoder allows."""
    def clean(value):
        if isinstance(value, str):
            return replace_lone_surrogates(value)
        if isinstance(value, dict):
            copy = {}
            pending.append((value, copy))
            return copy
        if isinstance(value, list):
            copy = []
            pending.append((value, copy))
            return copy
        return value

    pending: list = []
    root = clean(data)
    while pending:
        source, target = pending.pop()
        if isinstance(source, dict):
            for key, value in source.items():
                target[clean(key)] = clean(value)
        else:
            target.extend(clean(value) for value in source)
    return root


class CheckRequestSchema(Schema):
    text = Text(
        required=True,
        validate=validate.Length(min=1, max=MAX_TEXT_LENGTH),
        metadata={"description": "The review, 1 to 20,000 characters.", "example": "Куртка порвалась через неделю!!!"},
    )
    language = language_field()


class MatchSchema(Schema):
    offset = fields.Integer(required=True, metadata={"description": "Start, in Unicode code points of the submitted text."})
    length = fields.Integer(required=True, metadata={"description": "Length, in Unicode code points."})
    category = fields.String(required=True, metadata={"enum": list(CATEGORIES)})
    rule_id = fields.String(required=True)
    severity = fields.String(required=True, metadata={"enum": list(SEVERITIES)})
    message = fields.String(required=True, metadata={"description": "What to do, in the review's language."})
    replacements = fields.List(fields.String(), required=True)
    source = fields.String(required=True, metadata={"enum": ["vesko", "languagetool"]})


class SummarySchema(Schema):
    errors = fields.Integer(required=True)
    warnings = fields.Integer(required=True)
    hints = fields.Integer(required=True)
    publishable = fields.Boolean(required=True, metadata={"description": "False while any error remains."})


ENGINE_STATES = ("ok", "unavailable", "off")


class EnginesSchema(Schema):
    vesko = fields.String(required=True, metadata={"enum": ["ok"]})
    languagetool = fields.String(
        required=True,
        metadata={"enum": list(ENGINE_STATES), "description": "off unless VESKO_LANGUAGETOOL is set; unavailable when it did not answer in time."},
    )


STANCES = ("yes", "no")


class CoverageSchema(Schema):
    disappointment = fields.Boolean(required=True, metadata={"description": "Names at least one concrete thing that was wrong."})
    expectations = fields.Boolean(required=True, metadata={"description": "Says what was promised or shown and what came instead."})
    recommend = fields.String(required=True, allow_none=True, metadata={"enum": [*STANCES, None], "description": "The buyer's stance towards other buyers; null when not stated."})
    buy_again = fields.String(required=True, allow_none=True, metadata={"enum": [*STANCES, None], "description": "Would buy again / come back; null when not stated."})


class HintSchema(Schema):
    point = fields.String(required=True, metadata={"enum": ["disappointment", "expectations", "recommend", "buy_again"]})
    question = fields.String(required=True, metadata={"description": "What to ask the buyer, in the review's language."})


class CheckResponseSchema(Schema):
    language = fields.String(required=True)
    matches = fields.List(fields.Nested(MatchSchema), required=True)
    summary = fields.Nested(SummarySchema, required=True)
    engines = fields.Nested(EnginesSchema, required=True)
    coverage = fields.Nested(CoverageSchema, required=True)
    hints = fields.List(fields.Nested(HintSchema), required=True)
