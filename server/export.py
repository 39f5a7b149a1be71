"""A group's submissions as CSV, JSON or NDJSON, streamed row by row in constant memory.

Columns are always the same, in the same order: the submission's own fields, then the flow's steps in the
flow's order, then the review text. Column names are these stable ids (``rating``, ``disappointed``...),
the same for every group and language, so a spreadsheet formula or a script keeps working when a flow's
wording changes; the values are what the buyer saw: the option labels in the group's language. Several
options are joined with "; " in CSV and are lists in JSON; an "expected → actual" pair likewise.

CSV starts with a UTF-8 byte order mark: without it Excel reads UTF-8 as the local code page and
Cyrillic turns into mojibake; LibreOffice accepts it either way.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Iterator

from sqlalchemy import Engine, select

from . import prompts
from .models import Group, Submission
from .stats import conditions

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "ndjson": "application/x-ndjson",
}
FIELDS = ("id", "created_at", "language", "marketplace", "seller", "product", "product_title", "product_url",
          "product_external_id")
BATCH = 1000  # rows fetched per round trip and written per chunk


def columns(language: str) -> list[str]:
    steps = [step_id for step_id, step in prompts.steps(language).items() if step["type"] != "note"]
    return [*FIELDS, *steps, "text"]


class Labels:
    """Option id -> label in the group's language, per step and product kind."""

    def __init__(self, language: str):
        self.steps = prompts.steps(language)
        self._cache: dict[tuple[str, str | None], dict[str, str]] = {}

    def of(self, step_id: str, kind: str | None, option: str) -> str:
        key = (step_id, kind)
        if key not in self._cache:
            self._cache[key] = {o["id"]: o["label"] for o in prompts.options(self.steps[step_id], kind)}
        return self._cache[key].get(option, option)  # an option a later flow dropped keeps its id

    def render(self, step_id: str, value, kind: str | None):
        kind_of = self.steps[step_id]["type"]
        if kind_of == "single":
            return self.of(step_id, kind, value)
        if kind_of == "multi":
            return [self.of(step_id, kind, v) for v in value]
        return value


def records(engine: Engine, group: Group, filters: dict) -> Iterator[dict]:
    """Each submission as an ordered mapping of ``columns``; one server-side cursor, BATCH rows at a time."""
    labels, order = Labels(group.language), columns(group.language)
    query = select(Submission.__table__).where(*conditions(group, filters)).order_by(Submission.created_at, Submission.id)
    with engine.connect() as connection:
        result = connection.execution_options(stream_results=True, yield_per=BATCH).execute(query)
        for row in result.mappings():
            answers, kind = row["answers"], row["answers"].get("kind")
            record = {
                "id": row["id"],
                "created_at": row["created_at"].isoformat(timespec="seconds") + "Z",
                "language": row["language"],
                "marketplace": row["marketplace"],
                "seller": row["seller"],
                "product": row["product_key"],
                "product_title": row["product_title"],
                "product_url": row["product_url"],
                "product_external_id": row["product_external_id"],
            }
            for step_id in order[len(FIELDS) : -1]:
                value = answers.get(step_id)
                record[step_id] = None if value is None else labels.render(step_id, value, kind)
            record["text"] = row["text"]
            yield record


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(f"{v['expected']} → {v['actual']}" if isinstance(v, dict) else str(v) for v in value)
    return str(value)


def as_csv(rows: Iterable[dict], header: list[str]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(header)
    for i, row in enumerate(rows, 1):
        writer.writerow([_cell(row[column]) for column in header])
        if i % BATCH == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def as_ndjson(rows: Iterable[dict]) -> Iterator[bytes]:
    for row in rows:
        yield (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")


def as_json(rows: Iterable[dict]) -> Iterator[bytes]:
    """One JSON array, written as it goes."""
    separator = "[\n"
    for row in rows:
        yield (separator + json.dumps(row, ensure_ascii=False)).encode("utf-8")
        separator = ",\n"
    yield ("[]\n" if separator == "[\n" else "\n]\n").encode("utf-8")


def stream(engine: Engine, group: Group, filters: dict, format: str) -> Iterator[bytes]:
    rows = records(engine, group, filters)
    if format == "csv":
        return as_csv(rows, columns(group.language))
    return as_ndjson(rows) if format == "ndjson" else as_json(rows)
