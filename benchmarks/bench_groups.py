"""Speed of a consumer group's stats and export on 1,000,000 submissions (``make bench``).

Seeds one group with VESKO_BENCH_SUBMISSIONS submissions (default 1,000,000) over a year, with about
1.4 disappointment reasons each, by bulk inserts (SQLite) or COPY (PostgreSQL), then times the real
endpoints through the app: GET /stats without and with filters (median of several runs) and a full CSV
export (median, with the growth of the process's peak memory while it streams). Runs on SQLite always
and on PostgreSQL when one answers at VESKO_BENCH_POSTGRES_URL (default: the local test server), in a
schema of its own that is dropped afterwards.
"""
from __future__ import annotations

import datetime
import json
import os
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, make_url, text
from sqlalchemy.orm import Session

from server import create_app
from server.db import make_engine
from server.groups import create as create_group
from server.migrations import upgrade
from server.submissions import monday

COUNT = int(os.environ.get("VESKO_BENCH_SUBMISSIONS", "1000000"))
POSTGRES_URL = os.environ.get("VESKO_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
STATS_RUNS = int(os.environ.get("VESKO_BENCH_STATS_RUNS", "5"))
EXPORT_RUNS = int(os.environ.get("VESKO_BENCH_EXPORT_RUNS", "3"))
CHUNK = 50_000
SELLERS = [f"Продавец {n}" for n in range(200)]
REASONS = ["size", "fabric", "seams", "color", "after_wash", "defect", "smell"]
START = datetime.datetime(2025, 11, 1)
COLUMNS = ("group_id", "created_at", "week", "language", "marketplace", "product_key", "product_url", "product_title",
           "product_external_id", "seller", "rating", "kind", "recommend", "buy_again", "has_unmet_expectations",
           "answers", "text", "fingerprint")


def rows(group_id: int, first_id: int, count: int, rng: random.Random):
    """``count`` submissions (id, columns...) and their reasons (submission_id, reason, kind)."""
    submissions, reasons = [], []
    for sid in range(first_id, first_id + count):
        rating = rng.choice((1, 1, 2, 2, 3, 4, 5))
        picked = rng.sample(REASONS, rng.choice((0, 1, 1, 2, 3))) if rating < 4 else []
        recommend = rng.choice(("yes", "reservations", "no", "no"))
        buy_again = rng.choice(("yes", "only_if", "no", "no"))
        unmet = rng.random() < 0.3
        answers = {"rating": rating, "kind": "clothing", "disappointed": picked, "recommend": recommend, "buy_again": buy_again}
        if unmet:
            answers["expectations"] = [{"expected": "до колена", "actual": "выше колена"}]
        created = START + datetime.timedelta(seconds=rng.randrange(365 * 86400))
        product = rng.randrange(5000)
        marketplace = ("ozon", "wildberries", "yandex_market")[product % 3]
        submissions.append((
            sid, group_id, created, monday(created), "ru", marketplace, f"{marketplace}:{product}",
            f"https://example.test/product/{product}", f"Товар {product}", str(product), SELLERS[product % len(SELLERS)],
            rating, "clothing", recommend, buy_again, unmet, json.dumps(answers, ensure_ascii=False),
            f"Отзыв {sid}: размер не совпал, ткань тонкая.", f"{sid:064x}",
        ))
        reasons.extend((sid, reason, "clothing", group_id) for reason in picked)
    return submissions, reasons


def seed_sqlite(engine, group_id: int) -> None:
    rng, connection = random.Random(6), engine.raw_connection()
    placeholders = ",".join("?" * (len(COLUMNS) + 1))
    cursor = connection.cursor()
    for first in range(1, COUNT + 1, CHUNK):
        submissions, reasons = rows(group_id, first, min(CHUNK, COUNT - first + 1), rng)
        cursor.executemany(
            f"INSERT INTO submissions (id, {', '.join(COLUMNS)}) VALUES ({placeholders})",
            [(*row[:2], row[2].isoformat(sep=" "), row[3].isoformat(), *row[4:]) for row in submissions],
        )
        cursor.executemany("INSERT INTO submission_reasons (submission_id, reason, kind, group_id) VALUES (?, ?, ?, ?)", reasons)
        connection.commit()
    cursor.execute("ANALYZE")
    connection.close()


def seed_postgres(engine, group_id: int) -> None:
    rng, connection = random.Random(6), engine.raw_connection()
    with connection.cursor() as cursor:
        for first in range(1, COUNT + 1, CHUNK):
            submissions, reasons = rows(group_id, first, min(CHUNK, COUNT - first + 1), rng)
            with cursor.copy(f"COPY submissions (id, {', '.join(COLUMNS)}) FROM STDIN") as copy:
                for row in submissions:
                    copy.write_row(row)
            with cursor.copy("COPY submission_reasons (submission_id, reason, kind, group_id) FROM STDIN") as copy:
                for row in reasons:
                    copy.write_row(row)
            connection.commit()
        cursor.execute("SELECT setval(pg_get_serial_sequence('submissions', 'id'), %s)", (COUNT,))
    connection.commit()
    connection.close()
    # VACUUM cannot run in a transaction; it sets the visibility map (index-only scans), ANALYZE the statistics.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as autocommit:
        autocommit.execute(text("VACUUM ANALYZE"))


def median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(name: str, url: str, seed) -> None:
    engine = make_engine(url)
    upgrade(engine)
    with Session(engine) as session, session.begin():
        group = create_group(session, "Бенчмарк", "bench")
        create_group(session, "Другая", "other")  # an empty neighbour: every query must select by group
    with engine.connect() as connection:
        group_id = connection.execute(text("SELECT id FROM groups WHERE slug = 'bench'")).scalar_one()
    start = time.perf_counter()
    seed(engine, group_id)
    print(f"{name}: seeded {COUNT:,} submissions in {time.perf_counter() - start:.1f} s")
    engine.dispose()

    app = create_app({"DATABASE_URL": url, "RATE_LIMIT": "", "LOG_LEVEL": "WARNING"})
    client = app.test_client()
    headers = {"Authorization": f"Bearer {group.admin_token}"}

    def stats(**query):
        response = client.get("/api/v1/groups/bench/stats", query_string=query, headers=headers)
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    assert stats()["count"] == COUNT
    cases = {
        "stats, no filter": {},
        "stats, seller": {"seller": SELLERS[7]},
        "stats, marketplace + 3 months": {"marketplace": "ozon", "since": "2026-02-01", "until": "2026-04-30"},
        "stats, one product": {"product": "ozon:42"},
    }
    for label, query in cases.items():
        stats(**query)  # warm the caches once
        print(f"{name}: {label:32} median {median_ms(lambda: stats(**query), STATS_RUNS):8.1f} ms ({STATS_RUNS} runs)")

    def export():
        response = client.get("/api/v1/groups/bench/export", query_string={"format": "csv"}, headers=headers)
        size = sum(len(chunk) for chunk in response.response)
        response.close()
        export.bytes = size

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    took = median_ms(export, EXPORT_RUNS)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Constant memory: streaming the whole export must not lift the process's peak above what seeding needed.
    print(f"{name}: full CSV export ({export.bytes / 2**20:.0f} MiB) median {took / 1000:8.1f} s ({EXPORT_RUNS} runs); "
          f"peak RSS {before / 1024:.0f} MiB before, {after / 1024:.0f} MiB after")
    app.extensions["vesko.db"].dispose()


def postgres_reachable() -> bool:
    try:
        with create_engine(POSTGRES_URL, connect_args={"connect_timeout": 2}).connect():
            return True
    except Exception:  # noqa: BLE001 - any failure means "not here"
        return False


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        measure("SQLite", f"sqlite:///{Path(folder) / 'bench.db'}", seed_sqlite)
    if not postgres_reachable():
        print(f"!! PostgreSQL is not reachable at {make_url(POSTGRES_URL).render_as_string()}: its figures are SKIPPED")
        return
    schema = "vesko_bench"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"))
    try:
        url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        measure("PostgreSQL", url.render_as_string(hide_password=False), seed_postgres)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


if __name__ == "__main__":
    main()
