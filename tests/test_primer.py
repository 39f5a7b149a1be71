"""The primer: the common tokens' facts handed to the gates before the first review, and never a different answer.

A primed value is only a shortcut: the gate's value for a token must be what scanning it afresh gives, a token
not primed must be scanned, and a checker whose files changed must not read an old primer.
"""
from __future__ import annotations

import pytest

from server.checks import check, primer, token_gate
from server.checks.document import Document
from server.checks.rules import spelling_gate


@pytest.fixture(scope="module")
def primed_ru():
    return primer.primed("ru")[0]


@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_primed_value_is_what_scanning_the_token_gives(language):
    tokens, _ = primer.primed(language)
    words = list(tokens.values)
    sample = words[:150] + words[len(words) // 2 :][:50] + ["7", "42", "999", "!!!", ")))", "-", "а", "я"]
    checked = 0
    for word in sample:
        if word not in tokens.values:
            continue
        for token in primer._shapes(word):
            assert tokens.get(token) == token_gate.scan(language, token), token
            checked += 1
    assert checked > 1000


@pytest.mark.parametrize(
    "token",
    [
        "ПЛАТЬЕ",  # shouted: not a primed shape
        "платье!!",  # a tail of two marks
        "(платье",  # a mark before the word
        "плаТЬЕ",
        "рекамендую",  # a typo
        "1000",
    ],
)
def test_a_token_not_primed_is_scanned(primed_ru, token):
    assert primed_ru.get(token) is None


@pytest.mark.parametrize("token", ["платье", "Платье", "платье,", "Платье.", "платье!", "всё", "Всё", "и", "И", "44", ")))"])
def test_common_words_are_primed_as_reviews_write_them(primed_ru, token):
    assert primed_ru.get(token) == token_gate.scan("ru", token)


def test_a_primed_process_answers_as_an_unprimed_one():
    texts = [
        "Платье хорошее, размер подошёл. Рекомендую!",
        "Ужас!!! Продавец обманул, звоните 8 916 123-45-67, пишите в телеграм @shop",
        "Качество хуёвое, ткань тонкая. Не берите",
        "Good dress, I recommend it. The seller is a scammer!!!",
    ]
    primer.prime(["ru", "en"])
    primed_answers = [check(text) for text in texts]
    gates = {language: token_gate._gate(language) for language in ("ru", "en")}
    kept = {language: gate.primed for language, gate in gates.items()}
    try:
        for gate in gates.values():
            gate.tokens.clear()
            gate.primed = {}
        assert [check(text) for text in texts] == primed_answers
    finally:
        for language, gate in gates.items():
            gate.tokens.clear()
            gate.primed = kept[language]


def test_the_spelling_gate_knows_the_common_words_beforehand():
    primer.prime(["ru"])
    assert {"платье", "размер", "и"} <= spelling_gate._NEVER["ru"]
    assert "рекамендую" not in spelling_gate._NEVER["ru"]


def test_a_changed_checker_file_is_a_new_primer(tmp_path, monkeypatch):
    (tmp_path / "rule.py").write_text("A = 1\n")
    monkeypatch.setattr(primer, "_CHECKER", tmp_path)
    first = primer._fingerprint("ru")
    (tmp_path / "rule.py").write_text("A = 2\n")
    second = primer._fingerprint("ru")
    (tmp_path / "words.yaml").write_text("- a\n")  # a data file added
    assert len({first, second, primer._fingerprint("ru")}) == 3


def test_the_spelling_rule_looks_only_at_the_words_it_may_report():
    doc = Document("Платье малинький, но милое. Платье", "ru")
    found = spelling_gate.occurrences(doc, {"малинький", "платье"})
    assert [(w.text, w.start) for w in found] == [("Платье", 0), ("малинький", 7), ("Платье", 28)]
