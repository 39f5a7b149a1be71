"""A local stand-in for a LanguageTool server (LanguageTool itself cannot run on these machines).

It replays the responses in tests/fixtures/languagetool/ (see the README there) over real HTTP, and can
misbehave the ways a real server does: be slow, answer garbage, refuse with 426 (rate limit) or 500.
"""
from __future__ import annotations

import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "languagetool"
OK, SLOW, GARBAGE, RATE_LIMITED, FAILING = "ok", "slow", "garbage", "426", "500"


def recorded(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


class ReplayServer:
    def __init__(self):
        self.mode = OK
        self.delay = 2.0
        self.checks = 0  # /v2/check requests received
        self.responses = {r["text"]: r["response"] for r in (recorded("check_ru.json"), recorded("check_en.json"))}
        self.languages = recorded("languages.json")
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._server.block_on_close = False  # a "slow" answer still sleeping must not hold the test up
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self):
        self._server.shutdown()
        self._server.server_close()

    def answer_check(self, form: dict) -> tuple[int, str, bytes]:
        self.checks += 1
        if self.mode == SLOW:
            time.sleep(self.delay)
        if self.mode == GARBAGE:
            return 200, "text/html", b"<html><body>Bad gateway</body></html>"
        if self.mode == RATE_LIMITED:
            return 426, "text/plain", b"Error: Upgrade Required: rate limit exceeded"
        if self.mode == FAILING:
            return 500, "text/plain", b"Error: Internal Server Error"
        text = form.get("text", "")
        response = self.responses.get(text) or {
            **self.responses[next(iter(self.responses))],
            "matches": [],
        }
        return 200, "application/json", json.dumps(response, ensure_ascii=False).encode()

    def _handler(self):
        replay = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def _send(self, status, content_type, body):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                if self.path.startswith("/v2/languages"):
                    self._send(200, "application/json", json.dumps(replay.languages).encode())
                else:
                    self._send(404, "text/plain", b"Not found")

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                if self.path.startswith("/v2/check"):
                    self._send(*replay.answer_check(form))
                else:
                    self._send(404, "text/plain", b"Not found")

        return Handler
