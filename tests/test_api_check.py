"""POST /api/v1/check, the service's first job, and the service around it."""
from server.checks import check


def test_health_says_ok_with_the_version(client):
    body = client.get("/api/v1/health").get_json()
    assert body["status"] == "ok"
    assert body["version"].count(".") == 2


def test_a_calm_factual_review_is_publishable(check_review):
    body = check_review("Куртка порвалась по шву через неделю носки. Продавец на вопрос не ответил.")
    assert body["matches"] == []
    assert body["summary"] == {"errors": 0, "warnings": 0, "hints": 0, "publishable": True}
    assert body["engines"] == {"vesko": "ok", "languagetool": "off"}


def test_coverage_tells_which_of_the_four_points_the_review_makes(check_review):
    body = check_review("Куртка маломерит: на фото длиннее. Молния сломалась через неделю. Не рекомендую, больше не закажу.")
    assert body["coverage"] == {"disappointment": True, "expectations": True, "recommend": "no", "buy_again": "no"}
    assert body["hints"] == []


def test_hints_ask_about_the_missing_points_in_the_review_language(check_review):
    body = check_review("The zipper broke after a week.")
    assert body["coverage"] == {"disappointment": True, "expectations": False, "recommend": None, "buy_again": None}
    assert [h["point"] for h in body["hints"]] == ["expectations", "recommend", "buy_again"]
    assert all(h["question"].endswith("?") and h["question"].isascii() for h in body["hints"])
    ru = check_review("Молния сломалась через неделю.")["hints"]
    assert all(any("а" <= ch <= "я" for ch in h["question"]) for h in ru)


def test_every_match_has_the_documented_fields(check_review):
    body = check_review("ЭТО ПРОСТО УЖАС, НЕ БЕРИТЕ!!!")
    assert body["matches"]
    for match in body["matches"]:
        assert set(match) == {"offset", "length", "category", "rule_id", "severity", "message", "replacements", "source"}
        assert match["source"] == "vesko"
    assert body["summary"]["warnings"] == len(body["matches"])


def test_offsets_count_code_points_after_emoji_and_combining_marks(check_review):
    # 👍🏽 is two code points, "й" written as и + U+0306 is two, 👨‍👩‍👧 is five.
    prefix = "👍🏽 Отличнои\u0306 👨‍👩‍👧. "
    text = prefix + "НЕ БЕРИТЕ ЭТО!!!"
    body = check_review(text)
    caps = next(m for m in body["matches"] if m["category"] == "shouting" and m["rule_id"] == "SHOUTING_CAPS")
    assert caps["offset"] == len(prefix) == 20
    assert text[caps["offset"] : caps["offset"] + caps["length"]] == "НЕ БЕРИТЕ ЭТО"


def test_matches_are_sorted_by_offset(check_review):
    body = check_review("Ужаааасно!!! Я В ШОКЕ ОТ КАЧЕСТВА")
    offsets = [m["offset"] for m in body["matches"]]
    assert offsets == sorted(offsets) and len(offsets) == 3


def test_language_is_detected_and_can_be_forced(check_review):
    assert check_review("Great jacket, but the zipper broke")["language"] == "en"
    assert check_review("Отличная куртка, но молния сломалась")["language"] == "ru"
    assert check_review("Great jacket", language="ru")["language"] == "ru"


def test_messages_speak_the_review_language(check_review):
    ru = check_review("Ужаааасно")["matches"][0]["message"]
    en = check_review("Sooooo bad")["matches"][0]["message"]
    assert any("а" <= ch <= "я" for ch in ru)
    assert not any("а" <= ch <= "я" for ch in en)


def test_the_view_returns_exactly_the_python_api(check_review):
    text = "НЕ БЕРИТЕ!!! Ужаааасно 😡😡😡😡"
    assert check_review(text) == check(text)


def test_openapi_document_describes_the_check_endpoint(client):
    spec = client.get("/api/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert "/api/v1/check" in spec["paths"] and "/api/v1/health" in spec["paths"]


def test_docs_page_loads_everything_from_the_service_itself(client):
    page = client.get("/api/docs").get_data(as_text=True)
    assert "http://" not in page and "https://" not in page
    for asset in ("swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js"):
        assert f"/api/docs/assets/{asset}" in page
        assert client.get(f"/api/docs/assets/{asset}").status_code == 200


def test_browser_extensions_may_call_the_api_and_other_sites_may_not(client):
    extension = "chrome-extension://" + "mkhjbdcafkpbnhaemmjmlgpfigoogepj"[:32]
    response = client.post("/api/v1/check", json={"text": "Норм"}, headers={"Origin": extension})
    assert response.headers["Access-Control-Allow-Origin"] == extension
    firefox = "moz-extension://0b1d3a5e-7c9f-4e2a-9b8d-6f4c2a1e3d5b"
    assert client.post("/api/v1/check", json={"text": "Норм"}, headers={"Origin": firefox}).headers[
        "Access-Control-Allow-Origin"] == firefox
    stranger = client.post("/api/v1/check", json={"text": "Норм"}, headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in stranger.headers
    assert "Access-Control-Allow-Credentials" not in stranger.headers


def test_the_service_root_leads_to_the_docs(client):
    response = client.get("/")
    assert response.status_code == 302 and response.headers["Location"].endswith("/api/docs")
