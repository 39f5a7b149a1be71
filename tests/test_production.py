"""The production setup, in process: refusing to start without a secret, headers, request ids, logs, metrics,
readiness, and the deployment files agreeing with the code."""
import json
import logging
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from server import create_app
from server.cli import main
from server.config import SETTINGS

ROOT = Path(__file__).parent.parent


def test_production_refuses_to_start_without_a_secret_key():
    with pytest.raises(RuntimeError, match="VESKO_SECRET_KEY is required"):
        create_app({"ENV": "production", "SECRET_KEY": ""})
    assert create_app({"ENV": "production", "SECRET_KEY": "x" * 40, "RATE_LIMIT": ""}).config["ENV"] == "production"


def test_vesko_serve_production_says_what_is_missing(monkeypatch):
    monkeypatch.delenv("VESKO_SECRET_KEY", raising=False)
    result = CliRunner().invoke(main, ["serve", "--production"])
    assert result.exit_code == 2 and "VESKO_SECRET_KEY" in result.output


@pytest.mark.parametrize(
    "path, csp_has",
    [("/api/v1/health", "default-src 'none'"), ("/api/docs", "script-src 'self' 'unsafe-inline'"), ("/groups/nope", "script-src 'self';")],
)
def test_security_headers_on_every_kind_of_answer(client, path, csp_has):
    response = client.get(path)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert csp_has in response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_a_request_id_is_honoured_or_made(client):
    given = client.get("/api/v1/health", headers={"X-Request-Id": "proxy-7f3a.1"})
    assert given.headers["X-Request-Id"] == "proxy-7f3a.1"
    made = client.get("/api/v1/health", headers={"X-Request-Id": "bad id; drop table"})
    assert re.fullmatch(r"[0-9a-f]{32}", made.headers["X-Request-Id"])


def test_access_logs_are_json_without_query_or_review_text(app, capsys):
    logging.getLogger().handlers[0].stream = __import__("sys").stderr  # capsys swapped stderr after app start
    client = app.test_client()
    client.post("/api/v1/check?token=secret", json={"text": "Мой телефон 89161234567"}, headers={"X-Request-Id": "r-42"})
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")]
    access = [line for line in lines if line.get("message") == "request"]
    assert access and access[-1]["request_id"] == "r-42" and access[-1]["path"] == "/api/v1/check"
    assert access[-1]["status"] == 200 and "ms" in access[-1]
    everything = json.dumps(lines, ensure_ascii=False)
    assert "89161234567" not in everything and "secret" not in everything


def test_metrics_are_off_unless_enabled(client):
    assert client.get("/metrics").status_code == 404


def test_metrics_count_requests_and_time_rules():
    client = create_app({"TESTING": True, "RATE_LIMIT": "", "METRICS": True}).test_client()
    client.post("/api/v1/check", json={"text": "ЭТО ПРОСТО УЖАС!!!"})
    body = client.get("/metrics").get_data(as_text=True)
    assert re.search(r'vesko_requests_total\{endpoint="/api/v1/check",method="POST",status="200"\} [1-9]', body)
    assert 'vesko_rule_seconds_count{rule="shouting"}' in body
    assert "vesko_languagetool_up -1.0" in body


def test_ready_when_the_database_answers(client):
    body = client.get("/api/v1/ready").get_json()
    assert body == {"status": "ready", "database": "ok", "languagetool": "off"}


def test_not_ready_without_the_database():
    app = create_app({"TESTING": True, "DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none"})
    response = app.test_client().get("/api/v1/ready")
    assert response.status_code == 503
    assert response.get_json()["errors"] == {"database": ["unavailable"]}


def compose_file() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def test_compose_names_only_settings_vesko_has():
    vesko = compose_file()["services"]["vesko"]
    named = {key.removeprefix("VESKO_") for key in vesko["environment"]}
    assert named <= set(SETTINGS), named - set(SETTINGS)
    assert {"SECRET_KEY", "DATABASE_URL", "RATELIMIT_STORAGE_URI", "LANGUAGETOOL"} <= named


def test_compose_wires_the_services_it_names():
    services = compose_file()["services"]
    assert set(services) == {"vesko", "postgres", "redis", "languagetool"}
    environment = services["vesko"]["environment"]
    assert "@postgres:5432/" in environment["VESKO_DATABASE_URL"]
    assert environment["VESKO_RATELIMIT_STORAGE_URI"].startswith("redis://redis:6379")
    assert environment["VESKO_LANGUAGETOOL"] == "http://languagetool:8010"
    assert set(services["vesko"]["depends_on"]) == {"postgres", "redis", "languagetool"}
    assert services["vesko"]["ports"] == ["127.0.0.1:8000:8000"]  # behind a TLS proxy, never open
    assert environment["VESKO_ENV"] == "production" and "VESKO_SECRET_KEY:?" in environment["VESKO_SECRET_KEY"]


def test_dockerfile_copies_what_exists_and_runs_as_a_user():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    for source in re.findall(r"^COPY (?!--from)(.+) \S+$", dockerfile, re.MULTILINE):
        for path in source.split():
            assert (ROOT / path).exists(), path
    assert re.search(r"^USER vesko$", dockerfile, re.MULTILINE)
    assert "/api/v1/health" in dockerfile and "vesko serve --production" in dockerfile
    for name in re.findall(r"VESKO_(\w+)=", dockerfile):
        assert name in SETTINGS
