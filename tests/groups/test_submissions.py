"""A member shares a review with the group: stored without personal data, once, and never without the code."""
import datetime
import json

import pytest
from sqlalchemy import inspect, select

from server import create_app, groups, submissions
from server.models import Submission, SubmissionReason
from tests.groups.conftest import NO_LIMITS
from tests.groups.stories import PHONE, submission


def stored(app, submission_id):
    engine = app.extensions["vesko.db"]
    with engine.connect() as connection:
        row = connection.execute(select(Submission.__table__).where(Submission.id == submission_id)).mappings().one()
        reasons = connection.execute(
            select(SubmissionReason.reason).where(SubmissionReason.submission_id == submission_id)
        ).scalars().all()
    return dict(row), sorted(reasons)


def test_a_member_shares_a_review_and_gets_its_id(create_group, submit, app):
    group = create_group()
    response = submit(group, submission(1))
    assert response.status_code == 201, response.get_json()
    row, reasons = stored(app, response.get_json()["id"])
    assert (row["rating"], row["kind"], row["recommend"], row["buy_again"]) == (2, "clothing", "reservations", "no")
    assert reasons == ["fabric", "seams"]
    assert row["seller"] == "ИП Лютиков" and row["product_key"] == "ozon:200"


def test_personal_data_is_removed_from_every_free_text(create_group, submit, app):
    group = create_group()
    body = submission(0)  # text and expectations carry a phone, the detail an e-mail
    body["seller"] = f"Продавец, тел. {PHONE}"
    response = submit(group, body)
    assert response.status_code == 201, response.get_json()
    row, _ = stored(app, response.get_json()["id"])
    everything = json.dumps(row, ensure_ascii=False, default=str)
    assert "916" not in everything and "anna.petrova" not in everything
    assert row["text"] == "Отзыв номер 0: размер не совпал. Звоните [скрыто]"
    assert row["answers"]["expectations"] == [{"expected": "длина до колена", "actual": "выше колена, пишите [скрыто]"}]
    assert row["answers"]["disappointed_detail"] == "катышки после стирки, мой email [скрыто]"
    assert row["seller"] == "Продавец, тел. [скрыто]"


def test_english_reviews_get_the_english_token():
    assert submissions.redact("Call me at +1 415 555 2671", "en") == "Call me at [removed]"


def test_nothing_identifies_the_member(create_group, submit, app):
    group = create_group()
    response = submit(group, submission(0), **{"X-Forwarded-For": "203.0.113.7", "Cookie": "session=abc"})
    row, _ = stored(app, response.get_json()["id"])
    assert "?" not in row["product_url"]  # tracking parameters are dropped with the query
    columns = {c["name"] for c in inspect(app.extensions["vesko.db"]).get_columns("submissions")}
    assert not columns & {"ip", "ip_address", "remote_addr", "cookie", "user_agent", "account", "email"}
    assert "203.0.113.7" not in json.dumps(row, default=str) and "127.0.0.1" not in json.dumps(row, default=str)


def test_the_same_review_twice_within_a_day_is_refused(create_group, submit):
    group = create_group()
    assert submit(group, submission(2)).status_code == 201
    again = submission(2)
    again["text"] = "  ОТЗЫВ номер 2 — размер не совпал!! "  # the same words, written differently
    response = submit(group, again)
    assert response.status_code == 409
    assert response.get_json()["code"] == 409 and "24 hours" in response.get_json()["message"]
    other_product = {**submission(2), "product": {"external_id": "999"}}
    assert submit(group, other_product).status_code == 201


def test_the_same_review_a_day_later_is_accepted(create_group, app):
    group_secrets = create_group()
    body = submission(4)
    body["marketplace"], body["rating"] = "ozon", None
    with app.app_context():
        from server.db import db

        with db.session() as session, session.begin():
            group = groups.find(session, group_secrets["slug"])
            yesterday = datetime.datetime(2026, 1, 1, 12)
            submissions.store(session, group, body, now=yesterday)
            with pytest.raises(submissions.DuplicateSubmission):
                submissions.store(session, group, body, now=yesterday + datetime.timedelta(hours=23))
            assert submissions.store(session, group, body, now=yesterday + datetime.timedelta(hours=25))


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda b: b["answers"].pop("kind"), "answers"),
        (lambda b: b["answers"].update(colour="red"), "answers"),
        (lambda b: b.update(rating=5), "rating"),
        (lambda b: b.update(product={}), "product"),
        (lambda b: b.update(language="de"), "language"),
        (lambda b: b.update(marketplace="shop"), "marketplace"),
    ],
)
def test_invalid_submissions_get_422_with_the_field(create_group, submit, change, field):
    body = submission(1)
    change(body)
    response = submit(create_group(), body)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]


def test_without_the_right_join_code_nothing_is_stored(create_group, submit, read_as_admin):
    group, other = create_group("First"), create_group("Second")
    missing = submit(group, submission(1), join_code="")
    wrong = submit(group, submission(1), join_code=other["join_code"])
    unknown = submit({**group, "slug": "no-such-group"}, submission(1))
    assert (missing.status_code, wrong.status_code, unknown.status_code) == (401, 403, 404)
    for response in (missing, wrong, unknown):
        assert set(response.get_json()) == {"code", "status", "message"}
    assert read_as_admin(group).get_json()["count"] == 0


def test_the_join_code_is_accepted_in_lower_case_without_dashes(create_group, submit):
    group = create_group()
    assert submit(group, submission(1), join_code=group["join_code"].lower().replace("-", "")).status_code == 201


def test_rate_limits_per_address_and_per_join_code(create_group, database_url):
    limits = {**NO_LIMITS, "SUBMISSION_RATE_LIMIT": "3/minute"}
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, **limits})
    client, group = app.test_client(), create_group()
    url = f"/api/v1/groups/{group['slug']}/submissions"
    statuses = [client.post(url, json=submission(i), headers={"X-Vesko-Join-Code": group["join_code"]}).status_code for i in range(4)]
    assert statuses == [201, 201, 201, 429]
    other_address = client.post(url, json=submission(9), headers={"X-Vesko-Join-Code": group["join_code"]},
                                environ_base={"REMOTE_ADDR": "198.51.100.2"})
    assert other_address.status_code == 201
    app.extensions["vesko.db"].dispose()

    per_code = create_app({"TESTING": True, "DATABASE_URL": database_url, **NO_LIMITS, "SUBMISSION_RATE_LIMIT_PER_GROUP": "2/minute"})
    client = per_code.test_client()
    statuses = [
        client.post(url, json=submission(10 + i), headers={"X-Vesko-Join-Code": group["join_code"]},
                    environ_base={"REMOTE_ADDR": f"198.51.100.{10 + i}"}).status_code
        for i in range(3)
    ]
    assert statuses == [201, 201, 429]
    limited = client.post(url, json=submission(20), headers={"X-Vesko-Join-Code": group["join_code"]})
    assert limited.get_json()["code"] == 429 and limited.headers.get("Retry-After")
    per_code.extensions["vesko.db"].dispose()
