"""The guided flows in prompts/: valid against the schema, the same in every language, served with caching."""
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from server import prompts

PROMPTS = Path(__file__).parent.parent / "prompts"
SCHEMA = json.loads((PROMPTS / "schema.json").read_text(encoding="utf-8"))
LANGUAGES = sorted(p.stem for p in PROMPTS.glob("??.yaml"))


def shape(flow: dict) -> dict:
    """Everything about a flow that must not differ between languages (ids, types, rules), not the words."""
    steps = []
    for step in flow["steps"]:
        options = {"": [o["id"] for o in step.get("options", [])]}
        options.update({kind: [o["id"] for o in opts] for kind, opts in step.get("options_by_kind", {}).items()})
        rules = {k: step.get(k) for k in ("type", "required", "optional_if", "show_if", "section", "coverage_point", "max_items")}
        steps.append((step["id"], json.dumps(rules, sort_keys=True), json.dumps(options, sort_keys=True)))
    return {"steps": steps, "sentences": sorted(flow["compose"]["sentences"])}


def test_russian_and_english_flows_exist():
    assert {"ru", "en"} <= set(LANGUAGES) == set(prompts.languages())


def test_the_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["additionalProperties"] is False


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_flow_follows_the_schema(language):
    flow = yaml.safe_load((PROMPTS / f"{language}.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(flow, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert flow["language"] == language


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_every_language_has_the_same_steps_options_and_rules(language):
    assert shape(prompts.flow(language)) == shape(prompts.flow("en"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_coverage_point_is_asked_once_with_a_hint(language):
    points = [s["coverage_point"] for s in prompts.flow(language)["steps"] if "coverage_point" in s]
    assert sorted(points) == ["buy_again", "disappointment", "expectations", "recommend"]
    assert set(prompts.questions(language)) == set(points)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_flow_covers_what_the_buyer_must_be_asked(language):
    steps = prompts.steps(language)
    kinds = [o["id"] for o in steps["kind"]["options"]]
    assert kinds == ["clothing", "electronics", "beauty", "home", "food", "kids", "services", "other"]
    for adapting in ("disappointed", "good"):
        assert set(steps[adapting]["options_by_kind"]) == set(kinds)
    assert steps["good"]["optional_if"] == {"step": "rating", "in": [1]}
    assert {"order_date", "usage", "seller_contact", "returned", "photos", "expectations"} <= set(steps)
    assert all(step["help"] and step["question"] for step in steps.values())


def test_a_broken_flow_file_is_refused_with_the_reason(tmp_path, monkeypatch):
    broken = tmp_path / "prompts"
    shutil.copytree(PROMPTS, broken)
    flow = yaml.safe_load((broken / "en.yaml").read_text(encoding="utf-8"))
    flow["steps"][0]["colour"] = "red"
    (broken / "en.yaml").write_text(yaml.safe_dump(flow, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("VESKO_PROMPTS_DIR", str(broken))
    for cached in (prompts.flow, prompts.languages, prompts._validator):
        cached.cache_clear()
    try:
        with pytest.raises(prompts.FlowError, match="steps/0.*colour"):
            prompts.flow("en")
    finally:
        monkeypatch.undo()
        for cached in (prompts.flow, prompts.languages, prompts._validator):
            cached.cache_clear()


def test_flows_lists_the_languages_with_their_titles(client):
    body = client.get("/api/v1/flows").get_json()
    assert {"code": "ru", "name": "Русский", "title": "Отзыв по существу"} in body["languages"]
    assert [lang["code"] for lang in body["languages"]] == LANGUAGES


def test_a_flow_is_served_with_an_etag_and_can_be_revalidated(client):
    response = client.get("/api/v1/flows/ru")
    assert response.status_code == 200
    assert response.get_json()["steps"][0]["id"] == "rating"
    assert "max-age=3600" in response.headers["Cache-Control"]
    again = client.get("/api/v1/flows/ru", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_an_unknown_language_is_404_in_the_error_shape(client):
    response = client.get("/api/v1/flows/de")
    assert response.status_code == 404
    assert response.get_json()["message"].startswith("No guided flow in 'de'")
