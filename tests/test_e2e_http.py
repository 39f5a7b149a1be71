"""End to end over real HTTP: the service as `make run` starts it (gunicorn), a client sending reviews."""
import json
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.live_service import running


@pytest.fixture(scope="module")
def server_url():
    with running() as url:
        yield url


def post(url, body: bytes, content_type="application/json"):
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_buyer_checks_a_review_over_http(server_url):
    status, body = post(f"{server_url}/api/v1/check", json.dumps({"text": "НЕ БЕРИТЕ!!! Ужаааасно"}).encode())
    assert status == 200
    assert body["language"] == "ru"
    assert {m["rule_id"] for m in body["matches"]} == {"SHOUTING_CAPS", "SHOUTING_PUNCTUATION", "SHOUTING_STRETCHED"}


def test_broken_json_over_http_gets_the_error_shape(server_url):
    status, body = post(f"{server_url}/api/v1/check", b'{"text": ')
    assert status == 400 and body["code"] == 400 and body["message"]


def test_vesko_serve_runs_the_development_server():
    vesko = Path(sys.executable).with_name("vesko")
    with running([str(vesko), "serve", "--port", "{port}"]) as url:
        with urllib.request.urlopen(f"{url}/api/v1/health", timeout=5) as response:
            assert json.loads(response.read())["status"] == "ok"
