"""The organiser downloads every submission: CSV that Excel opens, JSON and NDJSON, no personal data."""
import csv
import io
import json

import pytest

from server.export import columns
from tests.groups.stories import fifty


@pytest.fixture
def group_with_fifty(create_group, submit):
    group = create_group()
    for body in fifty():
        assert submit(group, body).status_code == 201
    return group


def test_csv_has_a_bom_a_stable_header_and_every_submission(group_with_fifty, read_as_admin):
    response = read_as_admin(group_with_fifty, "export", format="csv")
    assert response.status_code == 200 and response.is_streamed
    assert response.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in response.headers["Content-Disposition"]
    data = response.get_data()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == columns("ru")
    assert rows[0][:3] == ["id", "created_at", "language"] and rows[0][-1] == "text"
    assert len(rows) == 51
    assert b"916" not in data and b"anna.petrova" not in data
    assert "[скрыто]" in data.decode("utf-8-sig")


def test_values_are_the_flows_labels_in_the_groups_language(group_with_fifty, read_as_admin):
    rows = list(csv.DictReader(io.StringIO(read_as_admin(group_with_fifty, "export").get_data(as_text=True).lstrip("\ufeff"))))
    second = rows[1]  # submission(1): fabric and seams, recommend with reservations
    assert second["kind"] == "Одежда и обувь"
    assert second["disappointed"].count("; ") == 1
    assert second["recommend"] != "reservations"
    assert "→" in rows[0]["expectations"]


@pytest.mark.parametrize("fmt", ["json", "ndjson"])
def test_json_and_ndjson_hold_every_submission_without_personal_data(group_with_fifty, read_as_admin, fmt):
    response = read_as_admin(group_with_fifty, "export", format=fmt)
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    records = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
    assert len(records) == 50 and len({r["id"] for r in records}) == 50
    assert all(list(r) == columns("ru") for r in records)
    assert "916" not in text and "anna.petrova" not in text
    assert isinstance(records[1]["disappointed"], list)


def test_an_empty_export_is_still_valid(create_group, read_as_admin):
    group = create_group()
    assert json.loads(read_as_admin(group, "export", format="json").get_data(as_text=True)) == []
    assert read_as_admin(group, "export", format="ndjson").get_data() == b""
    assert read_as_admin(group, "export", format="xml").status_code == 422


def test_the_export_takes_the_same_filters_as_the_stats(group_with_fifty, read_as_admin):
    text = read_as_admin(group_with_fifty, "export", format="ndjson", marketplace="wildberries").get_data(as_text=True)
    assert len(text.splitlines()) == sum(b["marketplace"] == "wildberries" for b in fifty())
