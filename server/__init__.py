"""Vesko: helps buyers write honest, factual reviews that marketplaces keep."""
from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version

from flask import Flask

try:
    __version__ = version("vesko")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"


def create_app(config: dict | None = None) -> Flask:
    """Application factory; gunicorn calls it as ``gunicorn "server:create_app()"``."""
    from . import config as settings, dashboard, docs, errors
    from .api import BLUEPRINTS
    from . import checks
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
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_BODY_BYTES"]
    app.config["RATELIMIT_STORAGE_URI"] = app.config["RATE_LIMIT_STORAGE"]
    app.config["RATELIMIT_HEADERS_ENABLED"] = True
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    logging.basicConfig(level=app.config["LOG_LEVEL"])
    logging.getLogger("pymorphy3").setLevel(logging.WARNING)

    api.init_app(app)
    errors.init_app(app)  # after api.init_app: replaces flask-smorest's error handler with ours
    cors.init_app(
        app,
        resources={r"/api/*": {"origins": app.config["CORS_ORIGINS"]}, r"/v2/*": {"origins": app.config["CORS_ORIGINS"]}},
        expose_headers=["ETag", "Retry-After"],  # the extension revalidates flows and backs off on 429
    )
    limiter.init_app(app)
    db.init_app(app)
    for blueprint in BLUEPRINTS:
        api.register_blueprint(blueprint)
    app.register_blueprint(docs.assets)
    dashboard.init_app(app)  # the organisers' pages; signs their sessions with SECRET_KEY
    checks.warm_up()
    app.extensions["vesko.languagetool"] = LanguageToolEngine(
        app.config["LANGUAGETOOL"], app.config["LANGUAGETOOL_TIMEOUT"], app.config["LANGUAGETOOL_RETRY"]
    )
    return app
