"""LanguageTool's own API (``/v2/check``, ``/v2/languages``) answered by Vesko.

Any LanguageTool client (its browser add-on with a custom server, editor plugins, language-tool-python with
``remote_server``) pointed at Vesko gets Vesko's review checks, and LanguageTool's when one is configured.
"""
import json

from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from marshmallow import EXCLUDE, Schema, fields

from .. import __version__, checks
from ..checks import lt_format
from ..extensions import limit_from_setting
from .schemas import MAX_TEXT_LENGTH

blp = Blueprint(
    "languagetool", __name__, url_prefix="/v2", description="LanguageTool-compatible API for LanguageTool clients."
)


class LanguageToolCheckSchema(Schema):
    class Meta:
        unknown = EXCLUDE  # clients also send motherTongue, enabledRules, level...: accepted, not used

    text = fields.String(metadata={"description": "The text to check (form field, as in LanguageTool's API)."})
    data = fields.String(
        metadata={"description": 'Instead of text: {"annotation": [{"text": "..."}, {"markup": "<b>"}]}; markup is skipped.'}
    )
    language = fields.String(load_default="auto", metadata={"example": "ru-RU"})


def _language(code: str) -> str:
    """LanguageTool's codes (ru-RU, en-US, en-GB, auto) to ours."""
    short = code.split("-")[0].lower()
    if short == "auto" or short in checks.languages():
        return short
    abort(400, message=f"Language {code!r} is not supported; use auto, ru-RU or en-US (see /v2/languages).")


def _annotated_text(data: str) -> str:
    """LanguageTool's annotated text: markup becomes spaces of the same length, so offsets still fit."""
    try:
        parts = json.loads(data)["annotation"]
        return "".join(p["text"] if "text" in p else " " * len(p["markup"]) for p in parts)
    except (ValueError, KeyError, TypeError):
        abort(400, message='The field \'data\' must be JSON like {"annotation": [{"text": "..."}, {"markup": "<b>"}]}.')


@blp.route("/check")
class LanguageToolCheck(MethodView):
    decorators = [limit_from_setting("RATE_LIMIT")]

    @blp.arguments(LanguageToolCheckSchema, location="form")
    @blp.response(200)
    def post(self, args):
        """Check a text and answer in LanguageTool's format (offsets in UTF-16 code units)."""
        text = args.get("text")
        if text is None and "data" in args:
            text = _annotated_text(args["data"])
        if text is None:
            abort(400, message="Send the text to check in the form field 'text' (or 'data').")
        if len(text) > MAX_TEXT_LENGTH:
            abort(413, message=f"The text is too long: at most {MAX_TEXT_LENGTH} characters.")
        language = _language(args["language"])
        try:
            result = checks.check(text, language, current_app.extensions["vesko.languagetool"])
        except checks.UnsupportedLanguage as error:
            abort(400, message=str(error))
        return lt_format.as_languagetool_response(text, result, __version__, auto=language == "auto")


@blp.route("/languages")
class LanguageToolLanguages(MethodView):
    @blp.response(200)
    def get(self):
        """The languages Vesko checks, as LanguageTool lists them."""
        return lt_format.languages()
