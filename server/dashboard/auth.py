"""Signing organisers in to a group's dashboard: Flask's signed session cookie, and a CSRF token per session.

The session holds the group's slug, a *grant* and the CSRF token; never the admin token. The grant is a
one-way digest of the group's stored token hash, so rotating the token (``vesko groups rotate-token``)
signs every dashboard session out at once, and a leaked cookie tells nothing about the token.

CSRF: every POST form carries the session's token in a hidden field, compared in constant time. The login
form is protected the same way: opening it gives the browser a session holding a fresh token, so a page
on another site cannot sign a browser in to a group of the attacker's choosing. Signing in (and out)
starts a new session with a new token. SameSite=Lax keeps the cookie off other sites' POSTs as well.
"""
from __future__ import annotations

import datetime
import hashlib
import hmac
import logging
import secrets

from flask import request, session
from flask.sessions import SecureCookieSessionInterface

from .. import groups
from ..models import Group

log = logging.getLogger(__name__)

CSRF_FIELD = "csrf_token"
# An organiser's working day; the signature's timestamp is checked against it even without "remember me".
SESSION_LIFETIME = datetime.timedelta(hours=8)


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed cookie, marked Secure whenever the page itself came over https."""

    def get_cookie_secure(self, app) -> bool:
        # Behind a TLS-terminating proxy, request.is_secure needs the proxy's X-Forwarded-Proto (ProxyFix).
        return bool(app.config["SESSION_COOKIE_SECURE"] or request.is_secure)


def init_app(app, pages_prefix: str) -> None:
    if not app.config.get("SECRET_KEY"):
        # Development only: a key of this process. A production refusal comes later (see README).
        app.config["SECRET_KEY"] = secrets.token_hex(32)
        log.warning(
            "VESKO_SECRET_KEY is not set: dashboard sessions are signed with a random key of this process, "
            "so they reset on restart and are not shared between workers. Set VESKO_SECRET_KEY in production."
        )
    app.session_interface = SessionInterface()
    app.config.update(
        SESSION_COOKIE_NAME="vesko_dashboard",
        SESSION_COOKIE_PATH=pages_prefix + "/",  # the API authenticates with tokens: it never gets this cookie
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",  # links from e-mail or chat still open the dashboard signed in
        PERMANENT_SESSION_LIFETIME=SESSION_LIFETIME,
    )


def _grant(group: Group) -> str:
    return hashlib.sha256(f"vesko-dashboard:{group.id}:{group.admin_token_hash}".encode()).hexdigest()


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


def sign_in(group: Group, token: str) -> bool:
    """True and a new session for ``group`` when ``token`` is its admin token (compared in constant time)."""
    if not groups.token_matches(group, token.strip()):
        return False
    session.clear()
    session.update(group=group.slug, grant=_grant(group), csrf=secrets.token_urlsafe(32))
    return True


def signed_in(group: Group) -> bool:
    return session.get("group") == group.slug and _same(session.get("grant", ""), _grant(group))


def sign_out() -> None:
    session.clear()


def csrf_token() -> str:
    """This session's token for the forms; the first form a browser opens starts its session."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def csrf_valid() -> bool:
    expected, given = session.get("csrf", ""), request.form.get(CSRF_FIELD, "")
    return bool(expected) and _same(expected, given)
