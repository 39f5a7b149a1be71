"""What an operator sees: a request id on every request, structured JSON logs, Prometheus metrics.

* ``X-Request-Id``: honoured when the client (or a proxy) sends a sane one, generated otherwise, returned in
  every response and written in every log line of that request.
* Logs are JSON lines. The access line has method, path (never the query string), status, duration and request id:
  no body, no review text, no client address.
* ``/metrics`` (only with ``VESKO_METRICS=on``): request counts and latency per endpoint, the checker's time per
  rule, LanguageTool's state. Under gunicorn with several workers, set ``PROMETHEUS_MULTIPROC_DIR`` so the
  numbers are summed over workers (gunicorn.conf.py does it for ``vesko serve --production``).
"""
from __future__ import annotations

import logging
import os
import re
import time
import uuid

from flask import Flask, Response, g, request
from pythonjsonlogger.json import JsonFormatter

REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._-]{1,128}$")
log = logging.getLogger("vesko.access")


class RequestIdFilter(logging.Filter):
    """Adds the current request's id to every log record made while serving it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            record.request_id = g.get("request_id")
        except RuntimeError:  # outside a request
            record.request_id = None
        return True


def configure_logging(level: str) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s", timestamp=False))
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    logging.getLogger("pymorphy3").setLevel(logging.WARNING)


class Metrics:
    """The Prometheus instruments, created once per process."""

    def __init__(self):
        from prometheus_client import Counter, Gauge, Histogram

        self.requests = Counter("vesko_requests_total", "HTTP requests", ["endpoint", "method", "status"])
        self.latency = Histogram(
            "vesko_request_seconds", "HTTP request latency", ["endpoint"],
            buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
        )
        self.rule_seconds = Histogram(
            "vesko_rule_seconds", "Time one checker rule takes on one text", ["rule"],
            buckets=(0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3),
        )
        self.languagetool = Gauge(
            "vesko_languagetool_up", "LanguageTool: 1 usable, 0 unavailable, -1 off", multiprocess_mode="liveall"
        )


_metrics: Metrics | None = None


def metrics() -> Metrics:
    global _metrics
    if _metrics is None:
        _metrics = Metrics()
    return _metrics


LANGUAGETOOL_VALUE = {"ok": 1, "unavailable": 0, "off": -1}


def _metrics_view():
    from flask import current_app
    from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest, multiprocess

    metrics().languagetool.set(LANGUAGETOOL_VALUE[current_app.extensions["vesko.languagetool"].state])
    registry = REGISTRY
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)


def init_app(app: Flask) -> None:
    enabled = app.config["METRICS"]

    @app.before_request
    def start():
        given = request.headers.get("X-Request-Id", "")
        g.request_id = given if REQUEST_ID_RE.match(given) else uuid.uuid4().hex
        g.started = time.perf_counter()

    @app.after_request
    def finish(response):
        response.headers["X-Request-Id"] = g.get("request_id", "")
        elapsed = time.perf_counter() - g.get("started", time.perf_counter())
        endpoint = request.url_rule.rule if request.url_rule else "unmatched"  # bounded label values
        log.info(
            "request",
            extra={"method": request.method, "path": request.path, "status": response.status_code,
                   "ms": round(elapsed * 1000, 2), "endpoint": endpoint},
        )
        if enabled:
            metrics().requests.labels(endpoint, request.method, str(response.status_code)).inc()
            metrics().latency.labels(endpoint).observe(elapsed)
        return response

    if enabled:
        from .checks import pipeline_timer

        pipeline_timer(lambda rule, seconds: metrics().rule_seconds.labels(rule).observe(seconds))
        app.add_url_rule("/metrics", "metrics", _metrics_view)
