from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from .. import __version__

blp = Blueprint("health", __name__, url_prefix="/api/v1", description="Is the service up?")


class HealthSchema(Schema):
    status = fields.String(required=True, metadata={"example": "ok"})
    version = fields.String(required=True, metadata={"example": __version__})


@blp.route("/health")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    def get(self):
        """Liveness: the process answers."""
        return {"status": "ok", "version": __version__}
