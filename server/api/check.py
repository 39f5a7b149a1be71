from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from flask_smorest.error_handler import ErrorSchema

from .. import checks
from ..extensions import limit_from_setting
from .schemas import CheckRequestSchema, CheckResponseSchema
from .common import documents_body_errors, require_json

blp = Blueprint("check", __name__, url_prefix="/api/v1", description="Check a review's wording.")
blp.before_request(require_json)



@blp.route("/check")
class Check(MethodView):
    decorators = [limit_from_setting("RATE_LIMIT")]

    @blp.arguments(CheckRequestSchema)
    @blp.response(200, CheckResponseSchema)
    @blp.alt_response(422, schema=ErrorSchema, description="Invalid request or unsupported language.")
    @documents_body_errors(blp)
    def post(self, args):
        """Find what gets a review removed: profanity, insults, threats, personal data, links, ads, shouting."""
        try:
            return checks.check(args["text"], args["language"], current_app.extensions["vesko.languagetool"])
        except checks.UnsupportedLanguage as error:
            abort(422, message=str(error), errors={"language": [str(error)]})
