"""LanguageTool as a second engine: its findings merged with ours, and never a slow or failed check.

Runs against tests/languagetool_replay.py, a local server replaying LanguageTool responses.
"""
import os
import socket
import time

import pytest

from server import create_app
from server.checks import check
from server.checks.languagetool import LanguageToolEngine, utf16_to_code_points
from tests.languagetool_replay import FAILING, GARBAGE, RATE_LIMITED, SLOW, recorded

RU = recorded("check_ru.json")["text"]
EN = recorded("check_en.json")["text"]


def from_languagetool(result):
    return [
        (m["category"], m["rule_id"], m["severity"], result_text_span(result, m))
        for m in result["matches"]
        if m["source"] == "languagetool"
    ]


def result_text_span(result, match):
    return result["_text"][match["offset"] : match["offset"] + match["length"]]


def checked(text, engine, language="auto"):
    result = check(text, language, engine)
    result["_text"] = text
    return result


@pytest.fixture
def engine(languagetool_server):
    return LanguageToolEngine(languagetool_server.url, timeout=0.5, retry_after=30)


def test_languagetool_findings_are_merged_with_code_point_spans(engine):
    result = checked(RU, engine)
    assert result["engines"] == {"vesko": "ok", "languagetool": "ok"}
    assert from_languagetool(result) == [
        ("spelling", "MORFOLOGIK_RULE_RU_RU", "warning", "сламалась"),
        ("punctuation", "COMMA_PARENTHESIS_WHITESPACE", "hint", " ,"),
    ]
    spelling = next(m for m in result["matches"] if m["rule_id"] == "MORFOLOGIK_RULE_RU_RU")
    assert spelling["replacements"] == ["сломалась", "сломалось"]
    assert spelling["message"] == "Возможно, найдена орфографическая ошибка."


def test_english_categories_map_to_ours(engine):
    assert from_languagetool(checked(EN, engine)) == [
        ("spelling", "MORFOLOGIK_RULE_EN_US", "warning", "recieved"),
        ("punctuation", "COMMA_PARENTHESIS_WHITESPACE", "hint", " ,"),
        ("spelling", "EN_A_VS_AN", "warning", "a umbrella"),
    ]


def test_one_finding_per_misspelled_word_when_both_engines_flag_it(engine):
    result = checked(RU, engine)
    on_the_word = [m for m in result["matches"] if result_text_span(result, m) == "сламалась"]
    assert [m["source"] for m in on_the_word] == ["languagetool"]


def test_off_by_default_and_says_so():
    result = check("Хорошая куртка")
    assert result["engines"] == {"vesko": "ok", "languagetool": "off"}


def test_a_dead_server_costs_nothing_after_the_first_failure():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}"
    engine = LanguageToolEngine(url, timeout=0.5)
    first = checked("ЭТО ПРОСТО УЖАС!!!", engine)
    assert first["engines"]["languagetool"] == "unavailable"
    assert {m["rule_id"] for m in first["matches"]} == {"SHOUTING_CAPS", "SHOUTING_PUNCTUATION"}
    assert engine.start("Другой текст", "ru").future is None  # the breaker is open: not even a request


def test_a_slow_server_does_not_hold_the_answer(engine, languagetool_server):
    languagetool_server.mode, languagetool_server.delay = SLOW, 3.0
    started = time.monotonic()
    result = checked(RU, engine)
    assert time.monotonic() - started < 0.5 + 0.5  # the timeout plus a generous margin for a loaded machine
    assert result["engines"]["languagetool"] == "unavailable"
    assert not from_languagetool(result)


@pytest.mark.parametrize("mode", [GARBAGE, RATE_LIMITED, FAILING])
def test_a_misbehaving_server_is_unavailable_not_an_error(engine, languagetool_server, mode):
    languagetool_server.mode = mode
    result = checked(RU, engine)
    assert result["engines"]["languagetool"] == "unavailable"
    assert result["summary"]["publishable"] is True


def test_the_server_is_asked_again_after_the_pause(languagetool_server):
    engine = LanguageToolEngine(languagetool_server.url, timeout=0.5, retry_after=0.2)
    languagetool_server.mode = FAILING
    assert checked(RU, engine)["engines"]["languagetool"] == "unavailable"
    languagetool_server.mode = "ok"
    time.sleep(0.25)
    assert checked(RU, engine)["engines"]["languagetool"] == "ok"


def test_the_same_draft_is_not_sent_twice(engine, languagetool_server):
    checked(RU, engine)
    checked(RU, engine)
    assert languagetool_server.checks == 1


@pytest.mark.parametrize(
    "text, utf16_offset, code_point_offset",
    [
        ("abc", 2, 2),
        ("😀a", 2, 1),
        ("😀😀a😀b", 5, 3),
        ("😀😀a😀b", 7, 4),
        ("я😀", 3, 2),
        ("é\u0301x", 2, 2),
    ],
)
def test_utf16_offsets_become_code_points(text, utf16_offset, code_point_offset):
    assert utf16_to_code_points(text)(utf16_offset) == code_point_offset


def test_the_service_uses_the_configured_server(languagetool_server):
    app = create_app({"TESTING": True, "RATE_LIMIT": "", "LANGUAGETOOL": languagetool_server.url})
    body = app.test_client().post("/api/v1/check", json={"text": EN}).get_json()
    assert body["engines"]["languagetool"] == "ok"
    assert "MORFOLOGIK_RULE_EN_US" in {m["rule_id"] for m in body["matches"]}


@pytest.mark.skipif(
    not os.environ.get("VESKO_TEST_LANGUAGETOOL_URL"), reason="set VESKO_TEST_LANGUAGETOOL_URL to test a real server"
)
def test_a_real_languagetool_server():
    engine = LanguageToolEngine(os.environ["VESKO_TEST_LANGUAGETOOL_URL"], timeout=10)
    result = checked("I recieved it yesterday and it is a great jacket , but a umbrella was missing.", engine)
    assert result["engines"]["languagetool"] == "ok"
    spans = {result_text_span(result, m) for m in result["matches"] if m["source"] == "languagetool"}
    assert "recieved" in spans
