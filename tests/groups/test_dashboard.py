"""The organiser's dashboard at /groups/<slug>: they sign in with the admin token, see the group's figures,
narrow them with filters and download the export, all through a signed session cookie. Forms need the
session's CSRF token, and a session of one group never opens another's."""
import csv
import io
import json
import re
from collections import Counter

import pytest

from tests.groups.stories import PHONE, fifty

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def group_with_fifty(create_group, submit):
    group = create_group()
    for body in fifty():
        assert submit(group, body).status_code == 201
    return group


def csrf_of(page) -> str:
    return CSRF.search(page.get_data(as_text=True)).group(1)


def sign_in(client, group, token=None):
    """The organiser opens the sign-in page, pastes the token and sends the form."""
    form = client.get(f"/groups/{group['slug']}/login")
    assert form.status_code == 200
    token = group["admin_token"] if token is None else token
    return client.post(f"/groups/{group['slug']}/login", data={"token": token, "csrf_token": csrf_of(form)})


def page_of(client, group, **filters):
    response = client.get(f"/groups/{group['slug']}", query_string=filters)
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def shown_count(html: str) -> int:
    return int(re.search(r'id="figure-count">(\d+)<', html).group(1))


def test_the_organiser_signs_in_with_the_admin_token_and_sees_the_figures(client, group_with_fifty):
    slug = group_with_fifty["slug"]
    first_visit = client.get(f"/groups/{slug}")
    assert first_visit.status_code == 303 and first_visit.headers["Location"].endswith(f"/groups/{slug}/login")

    signed_in = sign_in(client, group_with_fifty)
    assert signed_in.status_code == 303 and signed_in.headers["Location"].endswith(f"/groups/{slug}")
    cookie = signed_in.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/groups/" in cookie
    assert "Secure" not in cookie  # plain http in development; see the https test below
    assert group_with_fifty["admin_token"] not in cookie

    html = page_of(client, group_with_fifty)
    assert "Общество защиты прав потребителей" in html and "Распределение оценок" in html  # the group's language
    assert shown_count(html) == 50
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg"') == 6  # every chart drawn
    ratings = Counter(body["answers"]["rating"] for body in fifty())
    rating_table = html[html.index('id="chart-rating"') : html.index('id="chart-stances"')]
    for stars, count in ratings.items():
        assert f"<th scope=\"row\">{stars} ★</th><td>{count}</td>" in rating_table
    assert client.get(f"/groups/{slug}").headers["Cache-Control"] == "no-store"


def test_the_session_cookie_is_secure_over_https(client, create_group):
    group = create_group()
    form = client.get(f"/groups/{group['slug']}/login", base_url="https://vesko.example")
    assert "Secure" in form.headers["Set-Cookie"]


def test_a_wrong_token_is_refused_and_signs_nobody_in(client, group_with_fifty):
    refused = sign_in(client, group_with_fifty, token="not-the-token")
    assert refused.status_code == 403
    assert "Это не токен администратора этой группы" in refused.get_data(as_text=True)
    assert client.get(f"/groups/{group_with_fifty['slug']}").status_code == 303


def test_forms_without_the_sessions_csrf_token_are_refused(client, group_with_fifty):
    slug = group_with_fifty["slug"]
    client.get(f"/groups/{slug}/login")  # a session with a token exists; the forged form does not carry it
    forged = client.post(f"/groups/{slug}/login", data={"token": group_with_fifty["admin_token"]})
    assert forged.status_code == 400 and forged.content_type.startswith("text/html")
    wrong = client.post(f"/groups/{slug}/login", data={"token": group_with_fifty["admin_token"], "csrf_token": "guess"})
    assert wrong.status_code == 400
    assert client.get(f"/groups/{slug}").status_code == 303  # still signed out

    assert sign_in(client, group_with_fifty).status_code == 303
    assert client.post(f"/groups/{slug}/logout").status_code == 400  # a forged sign-out does nothing either
    assert client.get(f"/groups/{slug}").status_code == 200


def test_signing_in_starts_a_new_session_and_signing_out_ends_it(client, group_with_fifty):
    slug = group_with_fifty["slug"]
    before = csrf_of(client.get(f"/groups/{slug}/login"))
    sign_in(client, group_with_fifty)
    page = client.get(f"/groups/{slug}")
    assert csrf_of(page) != before
    signed_out = client.post(f"/groups/{slug}/logout", data={"csrf_token": csrf_of(page)})
    assert signed_out.status_code == 303 and signed_out.headers["Location"].endswith("/login")
    assert client.get(f"/groups/{slug}").status_code == 303


def test_filters_narrow_the_figures_and_the_latest_submissions(client, group_with_fifty):
    sign_in(client, group_with_fifty)
    html = page_of(client, group_with_fifty, marketplace="wildberries")
    assert shown_count(html) == sum(body["marketplace"] == "wildberries" for body in fifty())
    latest = html[html.index('<table class="latest">') :]
    rows = latest.count("<tr>") - 1  # the header row
    assert rows == 17 and latest.count("<td>Wildberries</td>") == 17
    assert '<option value="wildberries" selected>' in html

    assert shown_count(page_of(client, group_with_fifty, since="2999-01-01")) == 0
    wrong = page_of(client, group_with_fifty, since="yesterday", seller="ООО Ромашка")
    assert "Этот фильтр не применён" in wrong  # said on the page; the valid filter still applies
    assert shown_count(wrong) == sum(body["seller"] == "ООО Ромашка" for body in fifty())


def test_the_latest_submissions_are_twenty_and_without_personal_data(client, group_with_fifty):
    sign_in(client, group_with_fifty)
    latest = page_of(client, group_with_fifty).split('<table class="latest">')[1]
    assert latest.count("<tr>") - 1 == 20
    assert "[скрыто]" in latest and PHONE not in latest and "916" not in latest


def test_a_session_of_another_group_does_not_open_this_one(client, group_with_fifty, create_group):
    other = create_group("Другая группа")
    assert sign_in(client, other).status_code == 303
    assert shown_count(page_of(client, other)) == 0
    slug = group_with_fifty["slug"]
    assert client.get(f"/groups/{slug}").status_code == 303
    assert client.get(f"/groups/{slug}/export/csv").status_code == 303


def test_rotating_the_token_signs_the_dashboard_out(client, group_with_fifty, vesko):
    sign_in(client, group_with_fifty)
    assert vesko("groups", "rotate-token", group_with_fifty["slug"]).exit_code == 0
    assert client.get(f"/groups/{group_with_fifty['slug']}").status_code == 303


def test_the_export_downloads_through_the_session(client, group_with_fifty):
    slug = group_with_fifty["slug"]
    assert client.get(f"/groups/{slug}/export/csv").status_code == 303  # not signed in
    sign_in(client, group_with_fifty)
    page = page_of(client, group_with_fifty, marketplace="ozon")
    assert f'href="/groups/{slug}/export/csv?marketplace=ozon"' in page
    assert group_with_fifty["admin_token"] not in page

    download = client.get(f"/groups/{slug}/export/csv")
    assert download.status_code == 200 and "attachment" in download.headers["Content-Disposition"]
    text = download.get_data().decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 50 and PHONE not in text

    ozon = json.loads(client.get(f"/groups/{slug}/export/json", query_string={"marketplace": "ozon"}).get_data())
    assert len(ozon) == sum(body["marketplace"] == "ozon" for body in fifty())
    ndjson = client.get(f"/groups/{slug}/export/ndjson").get_data(as_text=True).splitlines()
    assert len(ndjson) == 50


def test_pages_are_in_the_groups_language(client, create_group):
    english = create_group("Parents of School 5", language="en")
    page = client.get(f"/groups/{english['slug']}/login").get_data(as_text=True)
    assert '<html lang="en">' in page and '<label for="token">Admin token</label>' in page


def test_the_pages_need_no_script_no_inline_style_and_no_other_site(client, group_with_fifty):
    sign_in(client, group_with_fifty)
    html = page_of(client, group_with_fifty)
    assert "<script" not in html and "<style" not in html and " style=" not in html
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers
    addresses = re.findall(r'(?:href|src)="([^"]*)"', html)
    assert addresses and all(address.startswith("/") for address in addresses)
    assert set(re.findall(r"https?://[^\s\"'<>)]+", html)) == {"http://www.w3.org/2000/svg"}  # only the SVG namespace
    styles = client.get("/groups/charts.css")
    assert styles.status_code == 200 and ".pygal-chart" in styles.get_data(as_text=True)
    assert "http" not in styles.get_data(as_text=True)


def test_dashboard_errors_are_pages_and_the_api_keeps_its_json(client, group_with_fifty):
    missing = client.get("/groups/no-such-group/login")
    assert missing.status_code == 404 and missing.content_type.startswith("text/html")
    assert "<h1" in missing.get_data(as_text=True)
    wrong_method = client.get(f"/groups/{group_with_fifty['slug']}/logout")
    assert wrong_method.status_code == 405 and "POST" in wrong_method.headers["Allow"]
    api = client.get("/api/v1/groups/no-such-group/stats", headers={"Authorization": "Bearer x"})
    assert api.status_code == 404 and api.get_json()["code"] == 404
    assert client.get("/v2/nothing").is_json
