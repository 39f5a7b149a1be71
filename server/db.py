"""The database: plain SQLAlchemy 2 engines and sessions, bound to the app in ``create_app``.

Plain SQLAlchemy rather than Flask-SQLAlchemy because the same code runs without an app: the ``vesko
groups``/``vesko db`` commands, Alembic and the benchmark open an engine from ``VESKO_DATABASE_URL``
directly, and the export streams from its own connection after the view has returned.
"""
from __future__ import annotations

import functools
from pathlib import Path

from flask import current_app
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session

from .config import setting

SQLITE_FILE = "vesko.db"


@functools.cache
def instance_path() -> Path:
    """The instance folder Flask gives this app (``instance/`` beside ``server/`` in a checkout)."""
    from flask import Flask

    return Path(Flask(__name__.split(".")[0], instance_relative_config=True).instance_path)


def database_url(configured: str = "") -> str:
    """``configured`` (VESKO_DATABASE_URL), or the embedded SQLite file in the instance folder."""
    return configured or f"sqlite:///{instance_path() / SQLITE_FILE}"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # pre_ping: a PostgreSQL restart must not turn the next request into a 500.
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection, _record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")  # deleting a group deletes its submissions
    cursor.execute("PRAGMA journal_mode=WAL")  # gunicorn's workers read while one writes
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def engine_from_environment() -> Engine:
    """For the command line: the same database the server uses."""
    return make_engine(database_url(setting("DATABASE_URL")))


class Database:
    """Created once at module level, bound to each app in ``create_app`` like the other extensions."""

    def init_app(self, app) -> None:
        app.extensions["vesko.db"] = make_engine(database_url(app.config["DATABASE_URL"]))

    @property
    def engine(self) -> Engine:
        return current_app.extensions["vesko.db"]

    def session(self) -> Session:
        """A short unit of work: ``with db.session() as session, session.begin(): ...``."""
        return Session(self.engine, expire_on_commit=False)


db = Database()
