"""The API's one error shape, for every status:

``{"code": 422, "status": "Unprocessable Entity", "message": "...", "errors": {...}}``

``errors`` appears only when there are field errors. No HTML page and no traceback ever leaves the API
(``/api/``, LanguageTool's ``/v2/``, and every other address). The one exception is the organisers'
dashboard under ``/groups/``: people read those pages, so its errors are an HTML page in the same words.
"""
from __future__ import annotations

import json.decoder
import logging
import os
from http import HTTPStatus

from flask import current_app, jsonify, request
from werkzeug.exceptions import HTTPException, InternalServerError

from . import dashboard

log = logging.getLogger(__name__)

DEFAULT_MESSAGES = {
    400: "The request body is not valid JSON.",
    404: "There is nothing at this address. The API lives under /api/v1/; see /api/docs.",
    405: "This address does not accept that method.",
    413: "The request body is too large.",
    415: "Send the body as JSON with the header Content-Type: application/json.",
    422: "The request is not valid.",
    429: "Too many requests. Wait a little and try again.",
    500: "Something went wrong on our side. Nothing was stored; please try again.",
}


def error_response(code: int, message: str | None = None, errors: dict | None = None, headers=None):
    body = {
        "code": code,
        "status": _status_name(code),
        "message": message or DEFAULT_MESSAGES.get(code, _status_name(code)),
    }
    if errors:
        body["errors"] = errors
    response = jsonify(body)
    response.status_code = code
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _status_name(code: int) -> str:
    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return "Error"


def _field_errors(data: dict | None) -> dict | None:
    """webargs nests errors by location ({"json": {"text": [...]}}); clients want the fields."""
    errors = (data or {}).get("errors") or (data or {}).get("messages")
    if isinstance(errors, dict) and set(errors) <= {"json", "form", "query", "headers", "files", "view_args"}:
        flat = {}
        for fields in errors.values():
            flat.update(fields if isinstance(fields, dict) else {"_schema": fields})
        errors = flat
    return errors or None


def _summary(errors: dict) -> str:
    """'text: Length must be between 1 and 20000.' - the first problems in one line."""
    parts = []
    for field, problems in errors.items():
        if isinstance(problems, dict):
            problems = [f"{k}: {v}" for k, v in problems.items()]
        parts.append(f"{field}: {' '.join(map(str, problems))}")
    return "; ".join(parts)


def handle_http_exception(error: HTTPException):
    data = getattr(error, "data", None) or {}
    errors = _field_errors(data)
    message = data.get("message")
    if errors and error.code == 400:
        errors = None  # the body could not be parsed: there are no fields to point at
    if not message and errors:
        message = _summary(errors)
    if error.code == 413:
        message = f"The request body is too large: the limit is {current_app.config['MAX_CONTENT_LENGTH']} bytes."
    headers = dict(data.get("headers") or {})
    if error.code == 429 and error.description:
        message = message or f"Too many requests: the limit is {error.description}. Wait a little and try again."
    if _is_dashboard_page():
        response = dashboard.error_page(error.code or 500)
        response.headers.update(headers)
    else:
        response = error_response(error.code or 500, message, errors, headers)
    # Keep what werkzeug already set (Allow for 405, Retry-After for 429).
    for name in ("Allow", "Retry-After"):
        for header_name, value in error.get_headers():
            if header_name == name:
                response.headers[name] = value
    return response


def _is_dashboard_page() -> bool:
    return request.path.startswith(dashboard.PREFIX + "/")


def _json_gave_up(error: Exception) -> bool:
    """Did the JSON decoder itself fail on a well-formed but hostile body?

    ``json.loads`` raises RecursionError for deeply nested arrays ("[[[[...") and ValueError for a
    number of more than 4,300 digits; the request parsers only catch JSONDecodeError, so without
    this such a body would be a 500.
    """
    if not isinstance(error, (RecursionError, ValueError)):
        return False
    decoder = os.path.normcase(json.decoder.__file__)
    tb = error.__traceback__
    while tb is not None:
        if os.path.normcase(tb.tb_frame.f_code.co_filename) == decoder:
            return True
        tb = tb.tb_next
    return False


def handle_unexpected(error: Exception):
    if isinstance(error, HTTPException):
        return handle_http_exception(error)
    if _json_gave_up(error):
        return error_response(400, "The request body is not valid JSON: it is nested too deeply or holds a number too long.")
    # The traceback goes to the log, never to the client; request bodies are not logged.
    log.exception("Unhandled error")
    return handle_http_exception(InternalServerError())


def init_app(app):
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(Exception, handle_unexpected)
