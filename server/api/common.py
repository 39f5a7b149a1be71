"""What the JSON endpoints share: refusing bodies not sent as JSON, and documenting the errors they answer."""
from flask import request
from werkzeug.exceptions import UnsupportedMediaType

from flask_smorest.error_handler import ErrorSchema


def require_json():
    """415 for a body that is not declared as JSON (before webargs reads it as "missing fields")."""
    if request.method in {"POST", "PUT", "PATCH"} and not request.is_json:
        raise UnsupportedMediaType()


def documents_body_errors(blp):
    """Adds the errors any JSON-body endpoint may answer to its OpenAPI description, in the one error shape."""

    def decorate(view):
        for status, description in (
            (400, "The body is not valid JSON."),
            (413, "The body is larger than VESKO_MAX_BODY_BYTES."),
            (415, "The body is not declared as JSON."),
            (429, "Too many requests; see Retry-After."),
        ):
            view = blp.alt_response(status, schema=ErrorSchema, description=description)(view)
        return view

    return decorate
