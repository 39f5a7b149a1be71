"""All configuration in one place: ``VESKO_*`` environment variables, overridable by the mapping
passed to ``create_app(config)`` (tests do that). The README's configuration table lists the same keys.
"""
from __future__ import annotations

import os
from typing import Any, Callable, Mapping


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


# name: (default, parser, meaning). Flask config keys drop the VESKO_ prefix.
SETTINGS: dict[str, tuple[Any, Callable[[str], Any], str]] = {
    "ENV": ("development", str, "production makes VESKO_SECRET_KEY mandatory (`vesko serve --production` sets it)."),
    "HOST": ("127.0.0.1", str, "Address `vesko serve` and `make run` listen on."),
    "PORT": (8000, int, "Port `vesko serve` and `make run` listen on."),
    "MAX_BODY_BYTES": (262_144, int, "Largest request body accepted; larger ones get 413."),
    "RATE_LIMIT": ("120/minute;2000/hour", str, "Requests per client address for the checking endpoints (Flask-Limiter syntax); empty turns it off."),
    "RATELIMIT_STORAGE_URI": ("memory://", str, "Where rate-limit counters live: memory:// (per process) or redis://host:6379/0, shared by all workers and instances. If Redis fails, limits fall back to per-process counters with a logged warning."),
    "CORS_ORIGINS": ([], _list, "Web origins allowed to call the API from a browser besides the extension's (chrome-extension://, moz-extension:// are always allowed), e.g. the dashboard's if served elsewhere; comma-separated. Never *."),
    "LOG_LEVEL": ("INFO", str, "Logging level. Review text is never logged."),
    "METRICS": (False, _bool, "Prometheus metrics at /metrics (requests and latency per endpoint, time per checker rule, LanguageTool state): on/off."),
    "WORKERS": (0, int, "`vesko serve --production`: gunicorn worker processes; 0 means CPU cores + 1."),
    "THREADS": (2, int, "`vesko serve --production`: threads per worker."),
    "FORWARDED_ALLOW_IPS": ("127.0.0.1", str, "Proxies whose X-Forwarded-* headers gunicorn trusts (the TLS reverse proxy's address; * behind a private proxy)."),
    "PROMPTS_DIR": ("", str, "Folder with the guided flows and questions (prompts/); empty means the one beside server/ in this checkout."),
    "LANGUAGETOOL": ("off", str, "LanguageTool for grammar, punctuation and style: off, local (language-tool-python starts it; needs Java and internet), or a server URL such as http://127.0.0.1:8010."),
    "LANGUAGETOOL_TIMEOUT": (3.0, float, "Seconds a check waits for LanguageTool before answering without it."),
    "LANGUAGETOOL_RETRY": (30.0, float, "Seconds LanguageTool is left alone after a failure (circuit breaker)."),
    "DATABASE_URL": ("", str, "Where groups and their submissions are stored: empty means the SQLite file instance/vesko.db; postgresql+psycopg://user@host/db for PostgreSQL."),
    "SUBMISSION_RATE_LIMIT": ("60/minute;1000/day", str, "Submissions per client address (Flask-Limiter syntax; the address is only a counter key, never stored); empty turns it off."),
    "SUBMISSION_RATE_LIMIT_PER_GROUP": ("300/minute;20000/day", str, "Submissions per join code, so a leaked code cannot flood a group; empty turns it off."),
    "SECRET_KEY": ("", str, "Signs the dashboard's session cookies: a long random string, the same for every worker. Empty (development only): a random key per process, so sessions reset on restart."),
}


def setting(name: str, environ: Mapping[str, str] | None = None) -> Any:
    """One setting, for code that runs outside an app (the checker used as a library)."""
    return from_env(environ)[name]


def from_env(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    environ = os.environ if environ is None else environ
    config = {}
    for name, (default, parse, _) in SETTINGS.items():
        raw = environ.get(f"VESKO_{name}")
        try:
            config[name] = default if raw is None else parse(raw)
        except ValueError as error:
            raise ValueError(f"VESKO_{name}={raw!r} is not valid: {error}") from None
    return config
