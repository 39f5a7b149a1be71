"""The organisers' dashboard at /groups/<slug>: sign in with the admin token, see the group's figures as
charts, filter them, read the latest submissions, download the export. Server-rendered HTML, no script.

The views are thin: the figures come from ``server.stats`` and ``server.export`` (the API's own), the
session and CSRF from ``auth``, the charts from ``charts``, the page's wording from ``strings.yaml``.
"""
from __future__ import annotations

import datetime
import functools
from pathlib import Path

import yaml
from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, url_for

from .. import export, groups, stats
from ..db import db
from ..extensions import limiter
from ..models import Group
from . import auth, charts, figures

PREFIX = "/groups"
bp = Blueprint("dashboard", __name__, url_prefix=PREFIX)
NO_STORE = {"Cache-Control": "no-store"}  # a group's figures are nobody else's, proxies included


@functools.cache
def _all_strings() -> dict:
    with (Path(__file__).parent / "strings.yaml").open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def strings(language: str) -> dict:
    """The page's wording in ``language``, English for a language the file does not have yet."""
    return _all_strings().get(language) or _all_strings()["en"]


def init_app(app) -> None:
    auth.init_app(app, PREFIX)
    app.register_blueprint(bp)


@bp.context_processor
def _forms():
    return {"csrf_field": auth.CSRF_FIELD, "csrf_token": auth.csrf_token}


def _group(session, slug: str) -> Group:
    return groups.find(session, slug) or abort(404)


def _signed_in_group(session, slug: str) -> Group:
    """The group, if this browser signed in to it; otherwise off to its sign-in page."""
    group = _group(session, slug)
    if not auth.signed_in(group):
        abort(redirect(url_for(".sign_in", slug=slug), 303))
    return group


def _page(template: str, status: int = 200, **context) -> Response:
    return Response(render_template(template, **context), status, headers=NO_STORE)


def _rate_limit() -> str:
    return current_app.config["RATE_LIMIT"]


@bp.get("/charts.css")
def chart_styles():
    return Response(charts.stylesheet(), mimetype="text/css", headers={"Cache-Control": "public, max-age=86400"})


@bp.get("/<slug>/login")
def sign_in(slug: str):
    with db.session() as session:
        group = _group(session, slug)
    if auth.signed_in(group):
        return redirect(url_for(".dashboard", slug=slug), 303)
    return _page("dashboard/login.html", group=group, t=strings(group.language))


@bp.post("/<slug>/login")
@limiter.limit(_rate_limit, exempt_when=lambda: not _rate_limit())  # tokens cannot be guessed; still, no hammering
def sign_in_with_token(slug: str):
    with db.session() as session:
        group = _group(session, slug)
    if not auth.csrf_valid():
        abort(400)
    if not auth.sign_in(group, request.form.get("token", "")):
        t = strings(group.language)
        return _page("dashboard/login.html", 403, group=group, t=t, error=t["wrong_token"])
    return redirect(url_for(".dashboard", slug=slug), 303)


@bp.post("/<slug>/logout")
def sign_out(slug: str):
    if not auth.csrf_valid():
        abort(400)
    auth.sign_out()
    return redirect(url_for(".sign_in", slug=slug), 303)


@bp.get("/<slug>")
def dashboard(slug: str):
    filters, filter_errors = figures.read_filters(request.args)
    with db.session() as session:
        group = _signed_in_group(session, slug)
        summary = stats.summary(session, group, filters)
        latest = figures.latest(session, group, filters)
        choices = figures.choices(session, group)
    t = strings(group.language)
    return _page(
        "dashboard/page.html",
        group=group, t=t, summary=summary, charts=charts.all_charts(summary, t), latest=latest, choices=choices,
        filters=filters, filter_errors=filter_errors, export_args=figures.query_args(filters),
    )


@bp.get("/<slug>/export/<any(csv, json, ndjson):fmt>")
def download(slug: str, fmt: str):
    """The API's export, through the session: the admin token never goes into a URL or a page."""
    filters, filter_errors = figures.read_filters(request.args)
    with db.session() as session:
        group = _signed_in_group(session, slug)
    if filter_errors:
        abort(400)
    filename = f"{group.slug}-{datetime.date.today().isoformat()}.{fmt}"
    return Response(
        export.stream(db.engine, group, filters, fmt),
        content_type=export.FORMATS[fmt],
        headers={"Content-Disposition": f'attachment; filename="{filename}"', **NO_STORE},
    )


def error_page(code: int) -> Response:
    """The HTML error page of the dashboard's addresses (the API answers JSON), in the reader's language."""
    t = strings(request.accept_languages.best_match(list(_all_strings()), default="en"))
    message = t["errors"].get(code) or t["errors"][500]
    # A way back, except from a group that is not there.
    slug = (request.view_args or {}).get("slug") if code != 404 else None
    return _page("dashboard/error.html", code, t=t, code=code, message=message, slug=slug)
