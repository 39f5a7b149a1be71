from flask import request
from werkzeug.exceptions import UnsupportedMediaType


def require_json():
    """415 for a body that is not declared as JSON (before webargs reads it as "missing fields")."""
    if request.method in {"POST", "PUT", "PATCH"} and not request.is_json:
        raise UnsupportedMediaType()
