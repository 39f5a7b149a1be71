"""Flask extensions, created here and bound to the app in ``create_app``."""
from flask_cors import CORS
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_smorest import Api

api = Api()
cors = CORS()
# Limits are per client address and kept in memory by default (no request content is stored).
limiter = Limiter(key_func=get_remote_address)


def limit_from_setting(name: str, **options):
    """A rate limit whose value is the setting ``name`` (Flask-Limiter syntax); an empty setting turns it off."""
    from flask import current_app

    return limiter.limit(lambda: current_app.config[name], exempt_when=lambda: not current_app.config[name], **options)
