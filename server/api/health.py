from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from marshmallow import Schema, fields
from sqlalchemy import text

from .. import __version__
from ..db import db

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


class ReadySchema(Schema):
    status = fields.String(required=True, metadata={"example": "ready"})
    database = fields.String(required=True, metadata={"enum": ["ok", "unavailable"]})
    languagetool = fields.String(required=True, metadata={"enum": ["off", "ok", "unavailable"]})


def database_state() -> str:
    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return "ok"
    except Exception:  # any driver error means: not now
        return "unavailable"


@blp.route("/ready")
class Ready(MethodView):
    @blp.response(200, ReadySchema)
    @blp.alt_response(503, description="The database is unreachable: take this instance out of rotation.")
    def get(self):
        """Readiness: the database answers. LanguageTool's state is reported, but checks work without it."""
        state = {"database": database_state(), "languagetool": current_app.extensions["vesko.languagetool"].state}
        if state["database"] != "ok":
            abort(503, message="Not ready: the database is unreachable.", errors={"database": ["unavailable"]})
        return {"status": "ready", **state}
