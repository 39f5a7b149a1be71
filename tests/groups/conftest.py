"""Storage-layer fixtures: every test here runs on SQLite and, when VESKO_TEST_POSTGRES_URL is set, on
PostgreSQL, each in a database of its own (a temporary file; a fresh schema dropped afterwards).

Actions are what the people in the story do: the organiser creates a group with the command line,
members submit through the API, the organiser reads the stats and the export with the admin token.
"""
from __future__ import annotations

import json
import os
import uuid

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, make_url, text

from server import create_app
from server.cli import main
from server.db import make_engine
from server.migrations import upgrade

POSTGRES_URL = os.environ.get("VESKO_TEST_POSTGRES_URL", "")
NO_LIMITS = {"RATE_LIMIT": "", "SUBMISSION_RATE_LIMIT": "", "SUBMISSION_RATE_LIMIT_PER_GROUP": ""}


BACKENDS = ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]


def pytest_terminal_summary(terminalreporter):
    if not POSTGRES_URL:
        terminalreporter.write_line(
            "!! The storage tests ran on SQLite only: set VESKO_TEST_POSTGRES_URL (make test does when PostgreSQL "
            "answers on 127.0.0.1:5432) to run them on PostgreSQL too.", yellow=True, bold=True,
        )


@pytest.fixture(params=BACKENDS)
def empty_database(request, tmp_path):
    """The URL of an empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'vesko.db'}"
        return
    schema = f"vesko_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        # Every connection of the test sees only its own schema.
        url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def database_url(empty_database):
    """A database at the latest revision, as `vesko db upgrade` leaves it."""
    engine = make_engine(empty_database)
    upgrade(engine)
    engine.dispose()
    return empty_database


@pytest.fixture
def app(database_url):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, **NO_LIMITS})
    yield app
    app.extensions["vesko.db"].dispose()


@pytest.fixture
def vesko(database_url):
    """Runs the `vesko` command against the test database; returns the click result."""

    def run(*args, input=None):
        return CliRunner().invoke(main, list(args), input=input, env={"VESKO_DATABASE_URL": database_url})

    return run


@pytest.fixture
def create_group(vesko):
    """The organiser's action: `vesko groups create --json`; returns {slug, join_code, admin_token}."""

    def create(name="Общество защиты прав потребителей", **options):
        args = ["groups", "create", "--name", name, "--json"]
        for option, value in options.items():
            args += [f"--{option}", value]
        result = vesko(*args)
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    return create


@pytest.fixture
def submit(client):
    """A member's action: share a review with a group; returns the response."""

    def send(group, body, join_code=None, **headers):
        code = group["join_code"] if join_code is None else join_code
        if code:
            headers["X-Vesko-Join-Code"] = code
        return client.post(f"/api/v1/groups/{group['slug']}/submissions", json=body, headers=headers)

    return send


@pytest.fixture
def read_as_admin(client):
    """The organiser's action: GET stats or export with the admin token."""

    def read(group, what="stats", token=None, **query):
        token = group["admin_token"] if token is None else token
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return client.get(f"/api/v1/groups/{group['slug']}/{what}", query_string=query, headers=headers)

    return read
