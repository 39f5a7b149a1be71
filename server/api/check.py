from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from flask_smorest.error_handler import ErrorSchema

from .. import checks
from ..extensions import limiter
from .schemas import CheckRequestSchema, CheckResponseSchema
from .json_only import require_json

blp = Blueprint("check", __name__, url_prefix="/api/v1", description="Check a review's wording.")
blp.before_request(require_json)


def _rate_limit() -> str:
    return current_app.config["RATE_LIMIT"]


@blp.route("/check")
class Check(MethodView):
    decorators = [limiter.limit(_rate_limit, exempt_when=lambda: not current_app.config["RATE_LIMIT"])]

    @blp.arguments(CheckRequestSchema)
    @blp.response(200, CheckResponseSchema)
    @blp.alt_response(422, schema=ErrorSchema, description="Invalid request or unsupported language.")
    @blp.alt_response(400, schema=ErrorSchema, description="The body is not valid JSON.")
    @blp.alt_response(413, schema=ErrorSchema, description="The body is larger than VESKO_MAX_BODY_BYTES.")
    @blp.alt_response(415, schema=ErrorSchema, description="The body is not declared as JSON.")
    @blp.alt_response(429, schema=ErrorSchema, description="Too many requests from this address; see Retry-After.")
    def post(self, args):
        """Find what gets a review removed: profanity, insults, threats, personal data, links, ads, shouting."""
        try:
            return checks.check(args["text"], args["language"], current_app.extensions["vesko.languagetool"])
        except checks.UnsupportedLanguage as error:
            abort(422, message=str(error), errors={"language": [str(error)]})
