"""Consumer groups: members submit with the group's join code, organisers read stats and exports with
the admin token. One group never sees another's data: every query starts from the group the slug names,
after its code or token was checked.
"""
from __future__ import annotations

import datetime
import hashlib

from flask import Response, request
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from .. import export, groups, stats, submissions
from ..db import db
from ..extensions import limit_from_setting
from ..models import Group
from .group_schemas import ExportQuerySchema, FiltersSchema, StatsSchema, SubmissionCreatedSchema, SubmissionSchema
from .common import require_json

blp = Blueprint("groups", __name__, url_prefix="/api/v1", description="Consumer groups: shared submissions, stats, export.")
blp.before_request(require_json)

JOIN_CODE_HEADER = "X-Vesko-Join-Code"
BEARER_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="vesko"'}


def _join_code_key() -> str:
    """The per-group limit's key: a hash, so the limiter's storage never holds a join code."""
    code = request.headers.get(JOIN_CODE_HEADER, "")
    return "join:" + hashlib.sha256(f"{request.view_args.get('slug')}:{code}".encode()).hexdigest()[:24]


def _group(session, slug: str) -> Group:
    group = groups.find(session, slug)
    if group is None:
        abort(404, message=f"There is no group {slug!r}.")
    return group


def _member_group(session, slug: str) -> Group:
    group = _group(session, slug)
    code = request.headers.get(JOIN_CODE_HEADER, "").strip()
    if not code:
        abort(401, message=f"Send the group's join code in the {JOIN_CODE_HEADER} header.")
    if not groups.join_code_matches(group, code):
        abort(403, message="This join code is not the group's. Ask the group's organisers for the current one.")
    return group


def _admin_group(session, slug: str) -> Group:
    group = _group(session, slug)
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        abort(401, message="Send the group's admin token: Authorization: Bearer <token>.", headers=BEARER_CHALLENGE)
    if not groups.token_matches(group, token.strip()):
        abort(403, message="This admin token is not the group's (it may have been rotated).")
    return group


@blp.route("/groups/<slug>/submissions")
class Submissions(MethodView):
    decorators = [
        limit_from_setting("SUBMISSION_RATE_LIMIT"),
        limit_from_setting("SUBMISSION_RATE_LIMIT_PER_GROUP", key_func=_join_code_key),
    ]

    @blp.arguments(SubmissionSchema)
    @blp.response(201, SubmissionCreatedSchema)
    @blp.doc(parameters=[{"in": "header", "name": JOIN_CODE_HEADER, "required": True, "schema": {"type": "string"}}])
    @blp.alt_response(401, description="No join code.")
    @blp.alt_response(403, description="Not this group's join code.")
    @blp.alt_response(404, description="No such group.")
    @blp.alt_response(409, description="The same review of the same product within 24 hours.")
    @blp.alt_response(422, description="Invalid fields or answers.")
    @blp.alt_response(429, description="Too many submissions from this address or with this join code.")
    def post(self, data, slug):
        """Share a structured review with a group. Personal data in free text is removed before storing."""
        with db.session() as session, session.begin():
            group = _member_group(session, slug)
            try:
                return {"id": submissions.store(session, group, data)}
            except submissions.InvalidSubmission as error:
                abort(422, message="Some fields are not valid: see errors.", errors=error.errors)
            except submissions.DuplicateSubmission:
                abort(409, message="This review of this product was already shared with the group in the last 24 hours.")


@blp.route("/groups/<slug>/stats")
class Stats(MethodView):
    decorators = [limit_from_setting("RATE_LIMIT")]

    @blp.arguments(FiltersSchema, location="query")
    @blp.response(200, StatsSchema)
    @blp.alt_response(401, description="No admin token.")
    @blp.alt_response(403, description="Not this group's admin token.")
    @blp.alt_response(404, description="No such group.")
    def get(self, filters, slug):
        """The group's figures, counted by the database; labels in the group's language. Admin token."""
        with db.session() as session:
            return stats.summary(session, _admin_group(session, slug), filters)


@blp.route("/groups/<slug>/export")
class Export(MethodView):
    decorators = [limit_from_setting("RATE_LIMIT")]

    @blp.arguments(ExportQuerySchema, location="query")
    @blp.response(200, description="Every submission matching the filters, streamed; CSV in UTF-8 with a BOM.")
    @blp.alt_response(401, description="No admin token.")
    @blp.alt_response(403, description="Not this group's admin token.")
    @blp.alt_response(404, description="No such group.")
    def get(self, query, slug):
        """All the group's submissions as csv, json or ndjson, in a stable column order. Admin token."""
        with db.session() as session:
            group = _admin_group(session, slug)
        fmt = query.pop("format")
        body = export.stream(db.engine, group, query, fmt)
        filename = f"{group.slug}-{datetime.date.today().isoformat()}.{fmt}"
        return Response(
            body,
            content_type=export.FORMATS[fmt],
            headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
        )
