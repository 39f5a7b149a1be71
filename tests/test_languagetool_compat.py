"""LanguageTool's own clients, pointed at Vesko, get Vesko's review checks (and LanguageTool's behind it)."""
import json

import language_tool_python
import pytest

from tests.languagetool_replay import recorded
from tests.live_service import running


@pytest.fixture(scope="module")
def vesko_url():
    with running(RATE_LIMIT="") as url:
        yield url


def test_language_tool_python_checks_a_review_through_vesko(vesko_url):
    tool = language_tool_python.LanguageTool("ru-RU", remote_server=vesko_url)
    text = "😀 Звоните +7 916 123-45-67!!!"
    matches = tool.check(text)
    assert [(m.rule_id, text[m.offset : m.offset + m.error_length]) for m in matches] == [
        ("PHONE_NUMBER", "+7 916 123-45-67"),
        ("SHOUTING_PUNCTUATION", "!!!"),
    ]
    assert matches[1].replacements == ["!"]
    assert tool.correct("Ужаааасно!!!") == "Ужасно!"


def test_language_tool_python_in_english(vesko_url):
    tool = language_tool_python.LanguageTool("en-US", remote_server=vesko_url)
    assert [m.rule_id for m in tool.check("Visit cheap-shop.com for a better price")] == ["LINK_DOMAIN"]


def test_languagetool_findings_pass_through_vesko(languagetool_server):
    """A LanguageTool client → Vesko → a LanguageTool server: both engines' findings come back."""
    with running(RATE_LIMIT="", LANGUAGETOOL=languagetool_server.url) as url:
        tool = language_tool_python.LanguageTool("en-US", remote_server=url)
        text = recorded("check_en.json")["text"]
        rule_ids = [m.rule_id for m in tool.check(text)]
    assert rule_ids == ["MORFOLOGIK_RULE_EN_US", "COMMA_PARENTHESIS_WHITESPACE", "EN_A_VS_AN"]


def test_offsets_are_utf16_like_languagetools(client):
    text = "😀😀 Звоните 89161234567"
    body = client.post("/v2/check", data={"text": text, "language": "ru-RU"}).get_json()
    match = body["matches"][0]
    assert (match["offset"], match["length"]) == (13, 11)  # two emoji are four UTF-16 units
    context = match["context"]
    units = context["text"].encode("utf-16-le")[2 * context["offset"] : 2 * (context["offset"] + context["length"])]
    assert units.decode("utf-16-le") == "89161234567"
    assert match["rule"]["category"]["id"] == "VESKO_MODERATION"
    assert body["language"]["code"] == "ru-RU"


def test_annotated_text_skips_markup(client):
    data = {"annotation": [{"markup": "<b>"}, {"text": "Пишите на ivan@mail.ru"}, {"markup": "</b>"}]}
    body = client.post("/v2/check", data={"data": json.dumps(data), "language": "auto"}).get_json()
    assert [(m["rule"]["id"], m["offset"]) for m in body["matches"]] == [("EMAIL", 13)]


def test_languages_lists_what_vesko_checks(client):
    codes = {lang["longCode"] for lang in client.get("/v2/languages").get_json()}
    assert {"ru-RU", "en-US"} <= codes


@pytest.mark.parametrize(
    "form, status",
    [
        ({"language": "ru-RU"}, 400),
        ({"text": "Gut", "language": "de-DE"}, 400),
        ({"data": "{not json", "language": "ru"}, 400),
        ({"text": "а" * 20001, "language": "ru"}, 413),
    ],
)
def test_bad_requests_get_the_error_shape(client, form, status):
    response = client.post("/v2/check", data=form)
    assert response.status_code == status
    assert set(response.get_json()) == {"code", "status", "message"}
