"""Vesko: helps buyers write honest, factual reviews that marketplaces keep."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Flask costs ~80 ms to import: only the service needs it, not `vesko check`
    from flask import Flask


def __getattr__(name: str) -> str:
    """``__version__``, read on first use: importlib.metadata costs ~20 ms that `vesko check` does not need."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("vesko")
    except PackageNotFoundError:  # running from a source tree that was not installed
        value = "0.0.0"
    globals()["__version__"] = value
    return value


# Any installed copy of the extension, in Chromium and Firefox (their ids differ per install in Firefox).
EXTENSION_ORIGINS = (r"chrome-extension://[a-p]{32}", r"moz-extension://[0-9a-f-]{36}")


def create_app(config: dict | None = None) -> Flask:
    """Application factory; gunicorn calls it as ``gunicorn "server:create_app()"``."""
    from flask import Flask

    from . import __version__, checks, config as settings, dashboard, docs, errors, observability, security
    from .api import BLUEPRINTS
    from .checks.languagetool import LanguageToolEngine
    from .db import db
    from .extensions import api, cors, limiter

    app = Flask(__name__, instance_relative_config=True)
    app.config.update(settings.from_env())
    app.config.update(
        API_TITLE="Vesko",
        API_VERSION=__version__,
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/api",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="docs",
        OPENAPI_SWAGGER_UI_URL=docs.ASSETS_URL,
        JSON_SORT_KEYS=False,
    )
    app.config.update(config or {})
    if app.config["ENV"] == "production" and not app.config["SECRET_KEY"]:
        raise RuntimeError("VESKO_SECRET_KEY is required in production: set it to a long random string.")
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_BODY_BYTES"]
    app.config["RATELIMIT_HEADERS_ENABLED"] = True
    # If Redis (shared counters) fails, count per process and log it rather than refuse requests: a limiter
    # outage must not take the checker down (fail open; see docs/self-hosting.md).
    app.config["RATELIMIT_IN_MEMORY_FALLBACK_ENABLED"] = True
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    observability.configure_logging(app.config["LOG_LEVEL"])

    api.init_app(app)
    errors.init_app(app)  # after api.init_app: replaces flask-smorest's error handler with ours
    origins = [*EXTENSION_ORIGINS, *app.config["CORS_ORIGINS"]]
    cors.init_app(
        app,
        resources={r"/api/*": {"origins": origins}, r"/v2/*": {"origins": origins}},
        expose_headers=["ETag", "Retry-After", "X-Request-Id"],  # the extension revalidates flows, backs off on 429
        supports_credentials=False,  # the API takes no cookies: a browser never sends them cross-origin
    )
    limiter.init_app(app)
    db.init_app(app)
    for blueprint in BLUEPRINTS:
        api.register_blueprint(blueprint)
    app.register_blueprint(docs.assets)
    dashboard.init_app(app)  # the organisers' pages; signs their sessions with SECRET_KEY
    observability.init_app(app)
    security.init_app(app)
    checks.warm_up()
    app.extensions["vesko.languagetool"] = LanguageToolEngine(
        app.config["LANGUAGETOOL"], app.config["LANGUAGETOOL_TIMEOUT"], app.config["LANGUAGETOOL_RETRY"]
    )
    return app
