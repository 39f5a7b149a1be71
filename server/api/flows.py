from flask import jsonify, request
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from marshmallow import Schema, fields

from .. import prompts

blp = Blueprint("flows", __name__, url_prefix="/api/v1", description="The guided review's questions, per language.")
MAX_AGE = 3600  # flows change with a deployment; the extension also keeps a bundled copy


class FlowLanguageSchema(Schema):
    code = fields.String(required=True, metadata={"example": "ru"})
    name = fields.String(required=True, metadata={"example": "Русский"})
    title = fields.String(required=True, metadata={"example": "Отзыв по существу"})


class FlowListSchema(Schema):
    languages = fields.List(fields.Nested(FlowLanguageSchema), required=True)


@blp.route("/flows")
class Flows(MethodView):
    @blp.response(200, FlowListSchema)
    def get(self):
        """The languages the guided review is available in."""
        return {
            "languages": [
                {"code": code, "name": prompts.flow(code)["name"], "title": prompts.flow(code)["title"]}
                for code in prompts.languages()
            ]
        }


@blp.route("/flows/<language>")
class Flow(MethodView):
    @blp.response(200, description="The flow: steps with questions, help, options and hints (see prompts/schema.json).")
    @blp.alt_response(304, description="Not modified since the ETag the client has.")
    @blp.alt_response(404, description="No flow in that language.")
    def get(self, language):
        """One language's flow, with an ETag and caching headers."""
        if language not in prompts.languages():
            abort(404, message=f"No guided flow in {language!r}; available: {', '.join(prompts.languages())}.")
        response = jsonify(prompts.flow(language))
        response.set_etag(prompts.flow_etag(language))
        response.cache_control.public = True
        response.cache_control.max_age = MAX_AGE
        return response.make_conditional(request)
