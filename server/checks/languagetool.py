"""LanguageTool as a second engine: grammar, punctuation, style and spelling from a LanguageTool server.

Configured by ``VESKO_LANGUAGETOOL``: ``off`` (the default: built-in checks only), ``local`` (language-tool-python
downloads and starts LanguageTool; needs Java and internet) or a server URL. The engine must never make a
check slow or fail:

* every request runs in a worker thread and the caller waits at most ``timeout`` seconds in all (connecting,
  a slow answer, a trickling body): then the answer goes out without LanguageTool (``"unavailable"``);
* a circuit breaker: after a failure, LanguageTool is not asked again for ``retry_after`` seconds, so a dead
  server costs nothing after the first failure;
* a small cache keyed by a hash of (language, text): re-checking the same draft (the extension checks while
  the buyer types) does not ask again. Only hashes and LanguageTool's findings are kept, in memory.

language-tool-python does the talking (server URL handling, starting a local server, language tags). We read
its raw JSON rather than its ``Match`` objects because LanguageTool counts offsets in UTF-16 code units and
``Match`` does not convert them exactly when a text has several emoji; we convert both offset and length.
"""
from __future__ import annotations

import collections
import concurrent.futures
import functools
import hashlib
import logging
import threading
import time
import urllib.parse

from .lexicon import DATA_DIR, read_yaml
from .rules.base import Finding

log = logging.getLogger(__name__)

OFF, OK, UNAVAILABLE = "off", "ok", "unavailable"
SOURCE = "languagetool"
LONG_CODES = {"ru": "ru-RU", "en": "en-US"}
#: Categories only LanguageTool reports (spelling is also built in).
LANGUAGETOOL_CATEGORIES = ("grammar", "punctuation", "style")


class Unavailable(Exception):
    """LanguageTool did not give a usable answer."""


@functools.cache
def _mapping() -> dict:
    return read_yaml(DATA_DIR / "languagetool.yaml")


def utf16_to_code_points(text: str):
    """A function turning a UTF-16 offset of ``text`` into a code-point offset."""
    if text.isascii() or max(text) <= "\uffff":
        return lambda offset: offset
    boundaries = []  # boundaries[utf16 offset] = code point offset, for every code point start and the end
    for index, ch in enumerate(text):
        boundaries.append(index)
        if ord(ch) > 0xFFFF:
            boundaries.append(index + 1)  # the second unit of a surrogate pair: round up past the character
    boundaries.append(len(text))
    return lambda offset: boundaries[min(max(offset, 0), len(boundaries) - 1)]


def to_findings(text: str, response: dict) -> list[Finding]:
    """LanguageTool's ``/v2/check`` JSON as Vesko findings (category, severity, code-point spans)."""
    mapping = _mapping()
    convert = utf16_to_code_points(text)
    findings = []
    for match in response["matches"]:
        rule = match["rule"]
        category = mapping["categories"].get(rule["category"]["id"]) or mapping["issue_types"].get(
            rule.get("issueType", ""), mapping["default_category"]
        )
        # A server that is not quite LanguageTool (a proxy, another version) may send spans outside the
        # text, a null message or odd replacements: such a match is dropped or cleaned, never passed on.
        start = min(max(convert(int(match["offset"])), 0), len(text))
        end = min(max(convert(int(match["offset"]) + int(match["length"])), 0), len(text))
        message, rule_id = match.get("message"), rule.get("id")
        if end <= start or not (isinstance(message, str) and message and isinstance(rule_id, str) and rule_id):
            continue
        replacements = [r.get("value") if isinstance(r, dict) else None for r in match.get("replacements") or []]
        findings.append(
            Finding(
                offset=start,
                length=end - start,
                category=category,
                rule_id=rule_id,
                severity=mapping["severities"][category],
                replacements=tuple(r for r in replacements if isinstance(r, str))[:5],
                message=message,
                source=SOURCE,
            )
        )
    return findings


def _client_class():
    import language_tool_python

    class Client(language_tool_python.LanguageTool):
        """One try per request: our own deadline and breaker decide about retries."""

        def _query_server(self, url, params=None, num_tries=1, method="get"):
            return super()._query_server(url, params, num_tries=1, method=method)

        def check_raw(self, text: str) -> dict:
            url = urllib.parse.urljoin(self._url, "check")
            return self._query_server(url, self._create_params(text), method="post")

    return Client


class LanguageToolEngine:
    def __init__(self, setting: str = OFF, timeout: float = 3.0, retry_after: float = 30.0, cache_size: int = 256):
        self.setting = setting.strip() or OFF
        self.timeout = timeout
        self.retry_after = retry_after
        self._cache: collections.OrderedDict[str, list[Finding]] = collections.OrderedDict()
        self._cache_size = cache_size
        self._clients: dict[str, object] = {}
        self._client_lock = threading.Lock()
        self._open_until = 0.0  # the breaker: no request before this monotonic time
        self._pool = (
            concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="languagetool")
            if self.enabled
            else None
        )

    @property
    def enabled(self) -> bool:
        return self.setting != OFF

    @property
    def state(self) -> str:
        """off, unavailable (the breaker is open after a failure) or ok (asked as usual)."""
        if not self.enabled:
            return OFF
        return UNAVAILABLE if time.monotonic() < self._open_until else OK

    def start(self, text: str, language: str) -> "Pending":
        """Ask LanguageTool in the background; ``Pending.result()`` gives ``(status, findings)``."""
        if not self.enabled:
            return Pending.done(OFF)
        key = hashlib.sha256(f"{language}\0{text}".encode()).hexdigest()
        if key in self._cache:
            self._cache.move_to_end(key)
            return Pending.done(OK, self._cache[key])
        if time.monotonic() < self._open_until:
            return Pending.done(UNAVAILABLE)
        future = self._pool.submit(self._ask, text, language)
        return Pending(self, key, future, time.monotonic() + self.timeout)

    def _client(self, language: str):
        client = self._clients.get(language)
        if client is not None:
            return client
        # Creating a client asks the server for its languages (and in `local` mode starts LanguageTool):
        # one thread does it; requests arriving meanwhile are answered without LanguageTool.
        if not self._client_lock.acquire(blocking=False):
            raise Unavailable("LanguageTool client is being set up")
        try:
            Client = _client_class()
            Client._TIMEOUT = self.timeout
            remote = None if self.setting == "local" else self.setting
            client = Client(LONG_CODES.get(language, language), remote_server=remote)
            self._clients[language] = client
            return client
        finally:
            self._client_lock.release()

    def _ask(self, text: str, language: str) -> list[Finding]:
        try:
            response = self._client(language).check_raw(text)
            return to_findings(text, response)
        except Exception as error:  # any failure of a third-party server or library: we answer without it
            raise Unavailable(type(error).__name__) from error

    def _remember(self, key: str, findings: list[Finding]) -> None:
        self._cache[key] = findings
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def _trip(self, reason: str) -> None:
        self._open_until = time.monotonic() + self.retry_after
        log.warning("LanguageTool unavailable (%s); not asking again for %.0f s", reason, self.retry_after)


class Pending:
    """A LanguageTool answer on its way, with the deadline the caller will wait until."""

    def __init__(self, engine=None, key=None, future=None, deadline=0.0, status=OFF, findings=()):
        self.engine, self.key, self.future, self.deadline = engine, key, future, deadline
        self.status, self.findings = status, list(findings)

    @classmethod
    def done(cls, status: str, findings=()) -> "Pending":
        return cls(status=status, findings=findings)

    def result(self) -> tuple[str, list[Finding]]:
        if self.future is None:
            return self.status, self.findings
        try:
            findings = self.future.result(timeout=max(0.0, self.deadline - time.monotonic()))
        except concurrent.futures.TimeoutError:
            self.engine._trip("timeout")
            return UNAVAILABLE, []
        except Unavailable as error:
            self.engine._trip(str(error.__cause__ or error))
            return UNAVAILABLE, []
        self.engine._remember(self.key, findings)
        return OK, findings
