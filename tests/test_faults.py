"""Faults around the service that tests/test_languagetool.py does not cover.

- LanguageTool answering well-formed JSON with nonsense in it (null messages, spans outside the text,
  replacements that are not strings): its findings are dropped or cleaned, never a 500 or a response
  that breaks the API's schema.
- LanguageTool hanging (accepts the connection, never answers) behind the real service (gunicorn, over
  loopback HTTP): the check answers within the timeout plus a margin, says "unavailable", and the next
  checks do not wait at all (the circuit breaker).
"""
import json
import socket
import threading
import time
import urllib.request

import pytest

from server.checks import check
from server.checks.languagetool import LanguageToolEngine
from tests.languagetool_replay import ReplayServer, recorded
from tests.live_service import running

RU = recorded("check_ru.json")["text"]


def lt_match(**overrides):
    match = {
        "message": "Possible typo",
        "offset": 0,
        "length": 3,
        "replacements": [{"value": "ok"}],
        "rule": {"id": "X_RULE", "category": {"id": "TYPOS"}, "issueType": "misspelling"},
    }
    match.update(overrides)
    return match


NONSENSE = [
    lt_match(message=None),
    lt_match(message=42),
    lt_match(offset=-5, length=3),
    lt_match(offset=10_000, length=5),
    lt_match(offset=2, length=-1),
    lt_match(offset=1, length=10_000),
    lt_match(replacements=[{"value": None}, {"value": 5}, {}, "x"]),
    lt_match(rule={"id": None, "category": {"id": "NO_SUCH_CATEGORY"}}),
    lt_match(offset="7", length="2"),
]


class NonsenseServer(ReplayServer):
    """A LanguageTool that answers 200 with one of the NONSENSE matches (and a good one)."""

    match = NONSENSE[0]

    def answer_check(self, form):
        self.checks += 1
        body = {"language": {"code": "ru-RU"}, "matches": [self.match, lt_match(offset=0, length=2)]}
        return 200, "application/json", json.dumps(body).encode()


@pytest.fixture
def nonsense_server():
    server = NonsenseServer()
    yield server
    server.close()


@pytest.mark.parametrize("match", NONSENSE, ids=range(len(NONSENSE)))
def test_nonsense_from_languagetool_never_breaks_the_answer(nonsense_server, match):
    nonsense_server.match = match
    text = "Куртка хорошая"
    result = check(text, "ru", LanguageToolEngine(nonsense_server.url, timeout=2, retry_after=30))
    json.dumps(result, ensure_ascii=False).encode()
    for m in result["matches"]:
        assert 0 <= m["offset"] and 1 <= m["length"] and m["offset"] + m["length"] <= len(text)
        assert isinstance(m["message"], str) and m["message"]
        assert isinstance(m["rule_id"], str) and m["rule_id"]
        assert all(isinstance(r, str) for r in m["replacements"])


def test_nonsense_through_the_api_still_matches_the_schema(nonsense_server):
    from server import create_app
    from server.api.schemas import CheckResponseSchema

    app = create_app({"TESTING": True, "RATE_LIMIT": "", "LANGUAGETOOL": nonsense_server.url})
    client = app.test_client()
    for match in NONSENSE:
        nonsense_server.match = match
        response = client.post("/api/v1/check", json={"text": f"Куртка хорошая {match['offset']}", "language": "ru"})
        assert response.status_code == 200, (match, response.get_json())
        assert CheckResponseSchema().validate(response.get_json()) == {}


class HangingServer:
    """Accepts connections and never answers (a LanguageTool stuck in a GC pause or a dead proxy)."""

    def __init__(self):
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(64)
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        self._held = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self._closed:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            self._held.append(connection)  # never read, never answered

    def close(self):
        self._closed = True
        for connection in self._held:
            connection.close()
        self._socket.close()


def post_json(url, payload, timeout=15):
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


LT_TIMEOUT = 1.0
MARGIN = 2.0  # gunicorn, a loaded CI machine and the check itself


@pytest.fixture(scope="module")
def service_with_hanging_languagetool():
    hanging = HangingServer()
    try:
        with running(LANGUAGETOOL=hanging.url, LANGUAGETOOL_TIMEOUT=str(LT_TIMEOUT), LANGUAGETOOL_RETRY="60", RATE_LIMIT="") as url:
            yield url
    finally:
        hanging.close()


def test_a_hanging_languagetool_costs_at_most_its_timeout_over_http(service_with_hanging_languagetool):
    url = f"{service_with_hanging_languagetool}/api/v1/check"
    started = time.monotonic()
    body = post_json(url, {"text": "ЭТО ПРОСТО УЖАС!!! Куртка порвалась", "language": "ru"})
    first = time.monotonic() - started
    assert first < LT_TIMEOUT + MARGIN
    assert body["engines"] == {"vesko": "ok", "languagetool": "unavailable"}
    assert {"SHOUTING_CAPS", "SHOUTING_PUNCTUATION"} <= {m["rule_id"] for m in body["matches"]}
    started = time.monotonic()
    again = post_json(url, {"text": "Другой текст отзыва", "language": "ru"})
    assert time.monotonic() - started < LT_TIMEOUT  # the breaker is open: no waiting at all
    assert again["engines"]["languagetool"] == "unavailable"


def test_a_10_mb_upload_over_http_is_refused_without_waiting_for_the_body(service_with_hanging_languagetool):
    host, port = service_with_hanging_languagetool.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as connection:
        connection.sendall(
            b"POST /api/v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 10485760\r\nConnection: close\r\n\r\n" + b'{"text": "' + b"a" * 1000
        )
        started = time.monotonic()
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = connection.recv(4096)
            if not chunk:
                break
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert time.monotonic() - started < 2.0  # the other 10 MB were never awaited
