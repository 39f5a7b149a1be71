"""Every error the API can give has one shape: {"code", "status", "message"[, "errors"]} and is JSON."""
import pytest

from server import create_app


def assert_error_shape(response, code):
    assert response.status_code == code
    assert response.is_json, response.get_data(as_text=True)[:200]
    body = response.get_json()
    assert body["code"] == code
    assert isinstance(body["status"], str) and body["status"]
    assert isinstance(body["message"], str) and body["message"]
    assert set(body) <= {"code", "status", "message", "errors"}
    assert "Traceback" not in response.get_data(as_text=True)
    return body


def test_malformed_json_is_400(client):
    response = client.post("/api/v1/check", data='{"text": "обрыв', content_type="application/json")
    body = assert_error_shape(response, 400)
    assert "errors" not in body


def test_unknown_address_is_404(client):
    assert_error_shape(client.get("/api/v1/nothing-here"), 404)


def test_wrong_method_is_405_and_says_what_is_allowed(client):
    response = client.get("/api/v1/check")
    assert_error_shape(response, 405)
    assert "POST" in response.headers["Allow"]


def test_body_too_large_is_413():
    app = create_app({"TESTING": True, "MAX_BODY_BYTES": 1000, "RATE_LIMIT": ""})
    response = app.test_client().post("/api/v1/check", json={"text": "а" * 2000})
    body = assert_error_shape(response, 413)
    assert "1000" in body["message"]


def test_default_body_limit_fits_the_longest_review_with_escapes(client):
    # 20,000 emoji sent as \ud83d\ude00 escapes are 240 KB of JSON; they must not be refused as too large.
    response = client.post("/api/v1/check", data='{"text": "' + "\\ud83d\\ude00" * 10000 + '"}', content_type="application/json")
    assert response.status_code == 200


def test_form_body_is_415(client):
    assert_error_shape(client.post("/api/v1/check", data={"text": "Хорошая куртка"}), 415)


@pytest.mark.parametrize(
    "payload, field",
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "а" * 20001}, "text"),
        ({"text": 42}, "text"),
        ({"text": "Хорошо", "language": "de"}, "language"),
        ({"text": "Хорошо", "mood": "angry"}, "mood"),
    ],
)
def test_invalid_request_is_422_with_field_errors(client, payload, field):
    body = assert_error_shape(client.post("/api/v1/check", json=payload), 422)
    assert field in body["errors"]
    assert field in body["message"]


def test_longest_allowed_review_is_accepted(client):
    assert client.post("/api/v1/check", json={"text": "а" * 20000}).status_code == 200


def test_review_in_an_unsupported_language_is_422_saying_so(client):
    body = assert_error_shape(client.post("/api/v1/check", json={"text": "Das ist nicht gut und sehr teuer"}), 422)
    assert "'de'" in body["message"] and "ru" in body["message"]


def test_too_many_requests_is_429_in_the_same_shape():
    app = create_app({"TESTING": True, "RATE_LIMIT": "2/minute"})
    client = app.test_client()
    for _ in range(2):
        assert client.post("/api/v1/check", json={"text": "Норм"}).status_code == 200
    response = client.post("/api/v1/check", json={"text": "Норм"})
    body = assert_error_shape(response, 429)
    assert "2 per 1 minute" in body["message"]
    assert int(response.headers["Retry-After"]) > 0


def test_unexpected_failure_is_500_without_a_traceback(app, caplog):
    @app.get("/api/v1/boom")
    def boom():
        raise RuntimeError("secret internals")

    response = app.test_client().get("/api/v1/boom")
    body = assert_error_shape(response, 500)
    assert "secret internals" not in body["message"]
    assert "RuntimeError" in caplog.text  # the operator still sees it in the log
