from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from flask_smorest.error_handler import ErrorSchema
from marshmallow import Schema, fields, pre_load, validate

from .. import answers, compose, prompts
from ..extensions import limit_from_setting
from .common import documents_body_errors, require_json
from .schemas import CheckResponseSchema, without_lone_surrogates

blp = Blueprint("compose", __name__, url_prefix="/api/v1", description="Write the review draft from the answers.")
blp.before_request(require_json)


class ComposeRequestSchema(Schema):
    language = fields.String(
        required=True,
        validate=validate.OneOf(prompts.languages(), error="No guided flow in {input!r}; use one of: {choices}."),
        metadata={"example": "ru"},
    )
    answers = fields.Dict(
        keys=fields.String(), required=True, metadata={"description": "Step id -> answer (see GET /api/v1/flows/<language>)."}
    )
    marketplace = fields.String(
        load_default="generic",
        validate=validate.OneOf(tuple(prompts.forms()), error="Unknown marketplace {input!r}; use one of: {choices}."),
        metadata={"example": "ozon"},
    )

    @pre_load
    def _no_lone_surrogates(self, data, **kwargs):
        """Half an emoji ("\\ud83d") in an answer would make the draft impossible to send back."""
        return without_lone_surrogates(data)


class ComposeResponseSchema(Schema):
    text = fields.String(required=True, metadata={"description": "The whole draft, as checked."})
    sections = fields.Dict(
        keys=fields.String(), values=fields.String(), required=True,
        metadata={"description": "The form's fields: pros/cons/comment, body, or text."},
    )
    title = fields.String(allow_none=True, required=True, metadata={"description": "Headline, for forms that have one."})
    rating = fields.Integer(allow_none=True, required=True)
    check = fields.Nested(CheckResponseSchema, required=True)


@blp.route("/compose")
class Compose(MethodView):
    decorators = [limit_from_setting("RATE_LIMIT")]

    @blp.arguments(ComposeRequestSchema)
    @blp.response(200, ComposeResponseSchema)
    @blp.alt_response(422, schema=ErrorSchema, description="Unknown steps or options, wrong types, missing required answers.")
    @documents_body_errors(blp)
    def post(self, args):
        """The draft for the marketplace's form, with the check of its wording."""
        try:
            return compose.compose(
                args["language"], args["answers"], args["marketplace"], current_app.extensions["vesko.languagetool"]
            )
        except answers.InvalidAnswers as error:
            wrong = ", ".join(error.errors)
            abort(422, message=f"Some answers are not valid ({wrong}): see errors.", errors={"answers": error.errors})
