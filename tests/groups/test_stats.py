"""The organiser reads the group's figures: they match a count by hand, filters narrow them, and no
group ever sees another's submissions."""
from collections import Counter

import pytest

from tests.groups.stories import SELLERS, fifty, submission


@pytest.fixture
def group_with_fifty(create_group, submit):
    group = create_group()
    for body in fifty():
        response = submit(group, body)
        assert response.status_code == 201, response.get_json()
    return group


def test_the_figures_match_a_hand_count(group_with_fifty, read_as_admin):
    bodies = [body["answers"] for body in fifty()]
    response = read_as_admin(group_with_fifty)
    assert response.status_code == 200, response.get_json()
    stats = response.get_json()
    ratings = Counter(a["rating"] for a in bodies)
    assert stats["count"] == 50
    assert stats["rating"]["distribution"] == {str(r): ratings[r] for r in range(1, 6)}
    assert stats["rating"]["average"] == round(sum(a["rating"] for a in bodies) / 50, 2)
    recommending = sum(a["recommend"] in ("yes", "reservations") for a in bodies)
    assert stats["recommend"]["yes"] == {"count": recommending, "share": recommending / 50}
    assert stats["recommend"]["unknown"]["count"] == 0
    assert {o["id"]: o["count"] for o in stats["buy_again"]["options"]} == Counter(a["buy_again"] for a in bodies)
    unmet = sum("expectations" in a for a in bodies)
    assert stats["unmet_expectations"] == {"count": unmet, "share": unmet / 50}
    reasons = Counter(r for a in bodies for r in a.get("disappointed", []))
    assert {r["reason"]: r["count"] for r in stats["reasons"]} == reasons
    assert stats["reasons"][0]["count"] == max(reasons.values())
    assert {s["seller"]: s["count"] for s in stats["by_seller"]} == Counter(b["seller"] for b in fifty())
    assert sum(p["count"] for p in stats["by_product"]) == 50
    assert sum(w["count"] for w in stats["weekly"]) == 50


def test_labels_are_in_the_groups_language(create_group, submit, read_as_admin):
    russian, english = create_group("Русская"), create_group("English one", language="en")
    for group in (russian, english):
        assert submit(group, submission(3)).status_code == 201  # answered in Russian, ids are shared
    labels = {}
    for name, group in (("ru", russian), ("en", english)):
        stats = read_as_admin(group).get_json()
        labels[name] = ({r["label"] for r in stats["reasons"]}, stats["recommend"]["options"][0]["label"])
    assert "The size was off" in labels["en"][0] and labels["en"][1] == "Yes"
    assert not labels["ru"][0] & labels["en"][0] and labels["ru"][1] != "Yes"


def test_filters_narrow_the_figures(group_with_fifty, read_as_admin):
    bodies = fifty()
    by_seller = read_as_admin(group_with_fifty, seller=SELLERS[0]).get_json()
    assert by_seller["count"] == sum(b["seller"] == SELLERS[0] for b in bodies)
    assert [s["seller"] for s in by_seller["by_seller"]] == [SELLERS[0]]
    marketplace = read_as_admin(group_with_fifty, marketplace="wildberries").get_json()
    assert marketplace["count"] == sum(b["marketplace"] == "wildberries" for b in bodies)
    product = read_as_admin(group_with_fifty).get_json()["by_product"][0]
    assert read_as_admin(group_with_fifty, product=product["product"]).get_json()["count"] == product["count"]
    assert read_as_admin(group_with_fifty, since="2000-01-01", until="2999-12-31").get_json()["count"] == 50
    assert read_as_admin(group_with_fifty, until="2000-01-01").get_json()["count"] == 0
    wrong_order = read_as_admin(group_with_fifty, since="2030-01-02", until="2030-01-01")
    assert wrong_order.status_code == 422 and "until" in wrong_order.get_json()["errors"]


def test_an_empty_group_has_zero_figures(create_group, read_as_admin):
    stats = read_as_admin(create_group()).get_json()
    assert stats["count"] == 0 and stats["rating"]["average"] is None and stats["weekly"] == []


def test_one_group_never_sees_anothers_data(group_with_fifty, create_group, submit, read_as_admin):
    other = create_group("Другая группа")
    assert submit(other, submission(0)).status_code == 201  # the same review, in another group: not a duplicate
    assert read_as_admin(other).get_json()["count"] == 1
    assert read_as_admin(group_with_fifty).get_json()["count"] == 50
    # Another group's token opens nothing here, for stats or export.
    for what in ("stats", "export"):
        response = read_as_admin(group_with_fifty, what, token=other["admin_token"])
        assert response.status_code == 403 and response.get_json()["code"] == 403
    exported = read_as_admin(other, "export", format="ndjson").get_data(as_text=True).splitlines()
    assert len(exported) == 1


@pytest.mark.parametrize("what", ["stats", "export"])
def test_wrong_or_missing_tokens_get_the_error_shape(create_group, read_as_admin, client, what):
    group = create_group()
    missing = read_as_admin(group, what, token="")
    assert missing.status_code == 401 and missing.headers["WWW-Authenticate"].startswith("Bearer")
    wrong = read_as_admin(group, what, token="not-the-token")
    assert wrong.status_code == 403
    basic = client.get(f"/api/v1/groups/{group['slug']}/{what}", headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert basic.status_code == 401
    unknown = read_as_admin({**group, "slug": "nobody"}, what)
    assert unknown.status_code == 404
    for response in (missing, wrong, basic, unknown):
        assert set(response.get_json()) == {"code", "status", "message"} and response.get_json()["message"]
