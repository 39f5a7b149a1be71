"""The checker's data: every supported language says everything every rule can report."""
import pytest

from server.checks import languages, load
from server.checks.rules import RULES


def test_russian_and_english_are_supported():
    assert {"ru", "en"} <= set(languages())


@pytest.mark.parametrize("category", [rule.category for rule in RULES])
def test_every_language_has_the_same_messages_for_a_category(category):
    keys = {language: set(load(language, category).get("messages", {})) for language in languages()}
    assert keys["en"], f"no messages for {category}"
    assert all(k == keys["en"] for k in keys.values()), keys


@pytest.mark.parametrize("language", ["ru", "en"])
def test_language_profiles_have_what_detection_needs(language):
    profile = load(language, "language")
    assert profile["script"] in {"cyrillic", "latin"}
    assert len(profile["common_words"]) >= 30
