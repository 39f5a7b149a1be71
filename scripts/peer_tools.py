"""The tools of the peer benchmark (scripts/bench_peers.py), each called the way its users call it.

Each tool's ``run(text, language)`` returns (seconds spent in the tool, findings); ``recall_flag`` and
``alarm_flag`` read the findings as that benchmark's definitions say (see its docstring).
"""
from __future__ import annotations

import http.client
import json
import subprocess
import sys
import time
from pathlib import Path

from server.checks import check, warm_up

ROOT = Path(__file__).resolve().parent.parent
TONE = {"profanity", "insult", "threat"}
PROSELINT_OFFENSIVE = ("social_awareness.nword", "social_awareness.lgbtq.offensive")

class Tool:
    name = ""
    languages = ("en",)
    coverage = "en"

    def run(self, text: str, language: str) -> tuple[float, list]:
        """(seconds spent in the tool, findings)."""
        raise NotImplementedError

    def recall_flag(self, findings) -> bool | None:
        raise NotImplementedError

    def alarm_flag(self, findings) -> bool:
        return bool(findings)

    def close(self) -> None:
        pass


class VeskoInProcess(Tool):
    name, languages, coverage = "Vesko (in-process)", ("en", "ru"), "ru, en"

    def __init__(self):
        warm_up()

    def run(self, text, language):
        start = time.perf_counter()
        body = check(text, language)
        return time.perf_counter() - start, body["matches"]

    def recall_flag(self, matches):
        return any(m["category"] in TONE and m["severity"] == "error" for m in matches)

    alarm_flag = recall_flag


class VeskoHTTP(VeskoInProcess):
    name = "Vesko (HTTP, gunicorn)"

    def __init__(self):
        from tests.live_service import running

        self._service = running(RATE_LIMIT="", LOG_LEVEL="WARNING")
        url = self._service.__enter__()
        host, port = url.removeprefix("http://").split(":")
        self._conn = http.client.HTTPConnection(host, int(port), timeout=30)
        self._headers = {"Content-Type": "application/json", "Connection": "keep-alive"}

    def run(self, text, language):
        body = json.dumps({"text": text, "language": language}, ensure_ascii=False).encode()
        start = time.perf_counter()
        self._conn.request("POST", "/api/v1/check", body, self._headers)
        response = self._conn.getresponse()
        data = response.read()
        elapsed = time.perf_counter() - start
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}: {data[:200]!r}")
        return elapsed, json.loads(data)["matches"]

    def close(self):
        self._conn.close()
        self._service.__exit__(None, None, None)


class Proselint(Tool):
    name = "proselint"

    def __init__(self):
        try:
            import proselint  # noqa: F401
        except ImportError:
            sys.exit("proselint is not installed: .venv/bin/pip install proselint (a bench-only dependency)")
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile

        CheckRegistry().register_many(__register__)
        self._lint_file = LintFile

    def run(self, text, language):
        start = time.perf_counter()
        results = self._lint_file("<review>", text).lint()
        return time.perf_counter() - start, [r.check_result.check_path for r in results]

    def recall_flag(self, paths):
        return any(p.startswith(PROSELINT_OFFENSIVE) for p in paths)


class NodeRunner:
    """One Node process for the npm peers (scripts/peers_runner.mjs)."""

    def __init__(self):
        self.process = subprocess.Popen(
            ["node", str(ROOT / "scripts" / "peers_runner.mjs")],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )

    def ask(self, tool: str, text: str) -> tuple[float, list]:
        self.process.stdin.write(json.dumps({"tool": tool, "text": text}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the Node runner stopped (npm install? see scripts/peers_runner.mjs)")
        answer = json.loads(line)
        return answer["ns"] / 1e9, answer["findings"]

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


class Alex(Tool):
    name = "alex"

    def __init__(self, node: NodeRunner):
        self.node = node

    def run(self, text, language):
        return self.node.ask("alex", text)

    def recall_flag(self, findings):
        return bool(findings)


class AlexProfanities(Alex):
    """Not a separate run: alex's findings from retext-profanities alone (a reading of the same messages)."""

    name = "alex, profanities only"

    @staticmethod
    def recall_flag(findings):
        return any(source == "retext-profanities" for source, _ in findings)

    alarm_flag = recall_flag


class WriteGood(Alex):
    name = "write-good"

    def run(self, text, language):
        return self.node.ask("write-good", text)

    def recall_flag(self, findings):
        return None  # no profanity or insult check


class LanguageTool(VeskoInProcess):
    name = "Vesko + LanguageTool"

    def __init__(self, setting: str):
        from server.checks.languagetool import LanguageToolEngine

        super().__init__()
        self.engine = LanguageToolEngine(setting, timeout=10.0, cache_size=0)

    def run(self, text, language):
        start = time.perf_counter()
        body = check(text, language, self.engine)
        if body.get("engines", {}).get("languagetool") != "ok":
            raise RuntimeError(f"LanguageTool did not answer: {body.get('engines')}")
        return time.perf_counter() - start, body["matches"]

    def alarm_flag(self, matches):
        return any(m.get("source") != "vesko" for m in matches)
