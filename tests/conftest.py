import os

import pytest

from server import create_app

try:  # the reliability tests' settings (tests/test_properties.py, tests/test_schemathesis.py)
    from hypothesis import settings
except ImportError:  # pragma: no cover - hypothesis is in the [test] extra
    pass
else:
    # CI: the same examples on every run (no flaky reds), no example database written to the checkout.
    settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
    # Locally: new examples each run; a failure prints the blob that replays it (@reproduce_failure).
    settings.register_profile("dev", database=None, print_blob=True)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


@pytest.fixture
def app():
    return create_app({"TESTING": True, "RATE_LIMIT": ""})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def check_review(client):
    """The buyer's action: send a review to the checker and get the JSON back (asserting 200)."""

    def send(text, language="auto"):
        response = client.post("/api/v1/check", json={"text": text, "language": language})
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    return send


@pytest.fixture
def languagetool_server():
    """A replaying LanguageTool server on a free local port (see tests/languagetool_replay.py)."""
    from tests.languagetool_replay import ReplayServer

    server = ReplayServer()
    yield server
    server.close()
