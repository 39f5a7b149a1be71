import pytest

from server import create_app


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
