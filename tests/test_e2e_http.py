"""End to end over real HTTP: the service as `make run` starts it (gunicorn), a client sending reviews."""
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/v1/health", timeout=1) as response:
                assert json.loads(response.read())["status"] == "ok"
                return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server at {url} did not come up")
            time.sleep(0.1)


@pytest.fixture(scope="module")
def server_url():
    port = _free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "--bind", f"127.0.0.1:{port}", "--workers", "1", "server:create_app()"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


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
    port = _free_port()
    vesko = Path(sys.executable).with_name("vesko")
    process = subprocess.Popen([str(vesko), "serve", "--port", str(port)], stderr=subprocess.DEVNULL)
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}", process)
    finally:
        process.terminate()
        process.wait(timeout=10)
