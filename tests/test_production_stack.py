"""The production configuration over real HTTP, as docker-compose.yml wires it but without Docker:
`vesko serve --production` (gunicorn, several workers) with PostgreSQL, Redis and a LanguageTool server on loopback.
Then the faults: Redis gone, PostgreSQL restarted in the middle of a run of submissions.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from server.db import make_engine
from server.migrations import upgrade
from tests.live_service import running

POSTGRES_URL = os.environ.get("VESKO_TEST_POSTGRES_URL", "")


def reachable(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


needs_stack = pytest.mark.skipif(
    not POSTGRES_URL or not reachable(6379),
    reason="needs PostgreSQL (VESKO_TEST_POSTGRES_URL) and Redis on 127.0.0.1:6379, as in CI",
)


@pytest.fixture
def postgres_database():
    """A fresh PostgreSQL schema at the latest revision; dropped afterwards."""
    schema = f"vesko_prod_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL, pool_pre_ping=True)  # survives the restart test's PostgreSQL restart
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    yield url
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def request(url, body=None, headers=None, method=None):
    data = None if body is None else json.dumps(body).encode()
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    req = urllib.request.Request(url, data=data, headers=all_headers, method=method or ("POST" if data else "GET"))
    try:
        with urllib.request.urlopen(req, timeout=15) as response:
            raw = response.read()
            return response.status, response.headers, raw
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def create_group(database_url: str) -> dict:
    vesko = Path(sys.executable).with_name("vesko")
    out = subprocess.run(
        [str(vesko), "groups", "create", "--name", "Production test", "--json"],
        env={**os.environ, "VESKO_DATABASE_URL": database_url}, capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout)


def submission(n: int) -> dict:
    return {
        "language": "ru", "marketplace": "ozon", "seller": "ООО Ромашка",
        "product": {"url": "https://www.ozon.ru/product/123456/", "title": "Платье", "external_id": "123456"},
        "answers": {"rating": 2, "kind": "clothing", "disappointed": ["size"], "good": ["color"],
                    "recommend": "no", "buy_again": "no"},
        "text": f"Отзыв номер {n}: размер меньше заявленного.",
    }


PRODUCTION = dict(SECRET_KEY="s" * 48, METRICS="on", WORKERS="2", THREADS="2", RATE_LIMIT="",
                  SUBMISSION_RATE_LIMIT="", SUBMISSION_RATE_LIMIT_PER_GROUP="")


def production(**settings):
    vesko = Path(sys.executable).with_name("vesko")
    return running([str(vesko), "serve", "--production", "--port", "{port}"], **{**PRODUCTION, **settings})


@needs_stack
def test_the_production_stack_serves_checks_submissions_stats_and_metrics(postgres_database, languagetool_server):
    group = create_group(postgres_database)
    with production(DATABASE_URL=postgres_database, RATELIMIT_STORAGE_URI="redis://127.0.0.1:6379/0",
                    LANGUAGETOOL=languagetool_server.url) as url:
        status, _, body = request(f"{url}/api/v1/ready")
        assert status == 200 and json.loads(body) == {"status": "ready", "database": "ok", "languagetool": "ok"}
        for _ in range(20):
            status, headers, body = request(f"{url}/api/v1/check", {"text": "Звоните 89161234567"})
            assert status == 200 and headers["X-Request-Id"]
        assert json.loads(body)["engines"] == {"vesko": "ok", "languagetool": "ok"}
        joined = {"X-Vesko-Join-Code": group["join_code"]}
        assert request(f"{url}/api/v1/groups/{group['slug']}/submissions", submission(1), joined)[0] == 201
        status, _, body = request(f"{url}/api/v1/groups/{group['slug']}/stats", headers={"Authorization": f"Bearer {group['admin_token']}"})
        assert status == 200 and json.loads(body)["count"] == 1
        _, _, metrics = request(f"{url}/metrics")
        metrics = metrics.decode()
        # Summed over both workers: all 20 checks are counted, whichever worker served them.
        line = next(l for l in metrics.splitlines() if l.startswith('vesko_requests_total{endpoint="/api/v1/check",method="POST",status="200"}'))
        assert float(line.split()[-1]) == 20.0
        assert 'vesko_rule_seconds_count{rule="personal_data"}' in metrics


@needs_stack
def test_rate_limits_are_shared_through_redis_and_fail_open_without_it(postgres_database):
    import redis

    redis.Redis(host="127.0.0.1", port=6379, db=11).flushdb()  # db 11: this test's counters only
    with production(DATABASE_URL=postgres_database, RATELIMIT_STORAGE_URI="redis://127.0.0.1:6379/11",
                    RATE_LIMIT="5/minute") as url:
        statuses = [request(f"{url}/api/v1/check", {"text": "Норм"})[0] for _ in range(8)]
        assert statuses.count(200) == 5 and statuses.count(429) == 3  # 2 workers, one shared count
    with production(DATABASE_URL=postgres_database, RATELIMIT_STORAGE_URI="redis://127.0.0.1:1/0", RATE_LIMIT="100/minute") as url:
        assert request(f"{url}/api/v1/check", {"text": "Норм"})[0] == 200  # Redis unreachable: served anyway


def restart_postgres() -> None:
    version = sorted(os.listdir("/etc/postgresql"))[0]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"], check=True, timeout=60)


@needs_stack
@pytest.mark.skipif(shutil.which("pg_ctlcluster") is None or os.geteuid() != 0, reason="restarting PostgreSQL needs root and pg_ctlcluster")
def test_a_postgres_restart_loses_and_duplicates_no_submission(postgres_database):
    group = create_group(postgres_database)
    sent: dict[int, int] = {}  # submission number -> final status

    def member(url):
        joined = {"X-Vesko-Join-Code": group["join_code"]}
        for n in range(40):
            for attempt in range(40):  # a member's client retries what was not acknowledged
                try:
                    status = request(f"{url}/api/v1/groups/{group['slug']}/submissions", submission(n), joined)[0]
                except OSError:
                    status = 0
                if status in (201, 409):
                    sent[n] = status
                    break
                time.sleep(0.25)
            time.sleep(0.05)

    with production(DATABASE_URL=postgres_database) as url:
        worker = threading.Thread(target=member, args=(url,))
        worker.start()
        time.sleep(0.5)
        restart_postgres()
        worker.join(timeout=120)
        assert len(sent) == 40, "every submission was eventually acknowledged"
        status, _, body = request(f"{url}/api/v1/groups/{group['slug']}/export?format=json",
                                  headers={"Authorization": f"Bearer {group['admin_token']}"})
    texts = [row["text"] for row in json.loads(body)]
    assert sorted(texts) == sorted(submission(n)["text"] for n in range(40))  # none lost, none twice
