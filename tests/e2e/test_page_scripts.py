"""The page functions (extension/src/page/inspect.js, fill.js) with the real adapters, on each marketplace's
fixture page, through the real extension.

How: the test opens an extension page (the extension's own manifest.json, a chrome-extension:// document
that has `chrome.runtime` like the panel has) and sends the panel's messages from it (protocol.js:
vesko/inspect-page, vesko/fill-page). The service worker answers them as it answers the panel: background.js
picks the adapter with adapterFor(tab.url), runs inspectPage / fillPage in the tab with
chrome.scripting.executeScript, and replies. So the adapter data crosses the same structured clone, and
the page functions run in the same isolated world, as for a buyer; nothing is re-implemented here.
The pages' own scripts record what they saw (window.__formState, React's window.__reactState).
"""
from __future__ import annotations

import re
import time

import pytest


INSPECT = "vesko/inspect-page"
FILL = "vesko/fill-page"

RU = {
    "pros": "Держит заряд три дня, удобно сидят даже в очках.",
    "cons": "Чехол быстро пачкается.",
    "comment": "Пользуюсь месяц: в метро шумоподавление справляется, звонки слышно хорошо.",
}
EN = {
    "title": "Great sound, weak case",
    "body": "I have used them for a month. Noise canceling works on the subway; the case scuffs easily.",
}
TEXT_RU = "Пользуюсь месяц. Держит заряд три дня, чехол быстро пачкается."

# site, host, path, expected product, fields, values, where the page keeps each field's state
SITES = [
    pytest.param(
        "www.ozon.ru", "/product/naushniki-sony-wh-1000xm5-chernyy-1234567890/",
        {"title": "Наушники Sony WH-1000XM5, чёрный", "id": "1234567890", "seller": "Электроника Плюс"},
        RU, {"pros": "positive", "cons": "negative", "comment": "comment"}, id="ozon"),
    pytest.param(
        "www.wildberries.ru", "/catalog/123456789/detail.aspx?targetUrl=GP",
        {"title": "Кроссовки Air Zoom Pegasus 40", "id": "123456789", "seller": "ООО «Спортмир»"},
        RU, {"pros": "pros", "cons": "cons", "comment": "comment"}, id="wildberries"),
    pytest.param(
        "market.yandex.ru", "/product--robot-pylesos-xiaomi-robot-vacuum-s10/1779185093",
        {"title": "Робот-пылесос Xiaomi Robot Vacuum S10, белый", "id": "1779185093", "seller": "Технопарк"},
        RU, {"pros": "pro", "cons": "contra", "comment": "comment"}, id="yandex_market"),
    pytest.param(
        "aliexpress.ru", "/item/1005006123456789.html",
        {"title": "Беспроводная зарядка Baseus 15 Вт для iPhone и Samsung", "id": "1005006123456789",
         "seller": "Baseus Official Store"},
        {"text": TEXT_RU}, {"text": "text"}, id="aliexpress"),
    pytest.param(
        "www.amazon.com", "/review/create-review?asin=B0BXYCS74H&channel=glance-detail",
        # The real create-review page names no seller.
        {"title": "Sony WH-1000XM5 Wireless Noise Canceling Headphones, Black", "id": "B0BXYCS74H", "seller": None},
        EN, {"title": "title", "body": "body"}, id="amazon"),
    pytest.param(
        "www.ebay.com", "/itm/Apple-iPhone-13-128GB-Unlocked/265123456789",
        {"title": "Apple iPhone 13 128GB Unlocked - Midnight", "id": "265123456789", "seller": "techdeals-usa"},
        EN, {"title": "title", "body": "body"}, id="ebay"),
    pytest.param(
        "127.0.0.1", "/kettle-kt-6120",
        {"title": "Чайник электрический Kitfort KT-6120", "id": "KT-6120-WHT", "seller": "Kitfort"},
        {"text": TEXT_RU}, {"text": "text"}, id="generic"),
]
MARKETPLACE = {"www.ozon.ru": "ozon", "www.wildberries.ru": "wildberries", "market.yandex.ru": "yandex_market",
               "aliexpress.ru": "aliexpress", "www.amazon.com": "amazon", "www.ebay.com": "ebay", "127.0.0.1": "generic"}


class Extension:
    """Sends the panel's messages to the service worker, as the panel does."""

    def __init__(self, browser):
        self.browser = browser

    def inspect(self, tab) -> dict:
        return self.browser.send({"type": INSPECT, "tabId": self.browser.tab_id(tab)})

    def fill(self, tab, values: dict) -> dict:
        return self.browser.send({"type": FILL, "tabId": self.browser.tab_id(tab), "values": values})


@pytest.fixture
def extension(browser):
    return Extension(browser)


def open_site(browser, host: str, path: str):
    page = browser.page(host, path)
    page.wait_for_selector("textarea, [contenteditable='true']")  # the React form renders after load
    return page


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


@pytest.mark.parametrize(("host", "path", "product", "values", "state_keys"), SITES)
def test_inspect_finds_the_product_and_the_review_fields(browser, extension, host, path, product, values, state_keys):
    page = open_site(browser, host, path)
    reply = extension.inspect(page)
    assert reply["ok"], reply
    assert reply["marketplace"] == MARKETPLACE[host]
    assert reply["product"] == {**product, "url": page.url}
    assert sorted(reply["fields"]) == sorted(values)
    assert reply["rating"] is True


@pytest.mark.parametrize(("host", "path", "product", "values", "state_keys"), SITES)
def test_fill_writes_what_the_page_sees_and_never_submits(browser, extension, host, path, product, values, state_keys):
    page = open_site(browser, host, path)
    url_before = page.url
    reply = extension.fill(page, {**values, "rating": 4})
    assert reply["ok"], reply
    assert sorted(reply["filled"]) == sorted([*values, "rating"])
    assert reply["missing"] == []

    # The page's own code (its input/change listeners, React's onChange) saw every value and the stars.
    state_name = "__reactState" if host == "www.wildberries.ru" else "__formState"
    state = page.evaluate(f"() => window.{state_name}")
    for field, key in state_keys.items():
        assert squash(state[key]) == squash(values[field]), field
    assert state["rating"] == 4

    # Nothing was sent and the page did not move.
    assert page.evaluate("() => window.__submitted") is False
    assert page.url == url_before

    # What was written is ringed, so the buyer sees it.
    ringed = page.locator("[data-vesko-highlight]")
    assert ringed.count() == len(values) + 1  # the text boxes and the chosen star
    assert "solid" in ringed.first.evaluate("(el) => el.style.outline")
    browser.screenshot(page, f"fill-{MARKETPLACE[host]}")


def test_react_counters_render_from_state(browser, extension):
    page = open_site(browser, "www.wildberries.ru", "/catalog/123456789/detail.aspx")
    extension.fill(page, {**RU, "rating": 5})
    for field, text in RU.items():
        assert page.locator(f"[data-counter='{field}']").inner_text() == f"Символов: {len(text)}"
    assert page.locator(".rating-value").get_attribute("data-rating") == "5"
    # React re-rendered from its state: the submit button, disabled until a rating is chosen, is enabled.
    assert page.locator("button[type='submit']").is_enabled()
    assert page.evaluate("() => window.__submitted") is False


def test_the_highlight_fades_and_the_page_style_comes_back(browser, extension):
    page = open_site(browser, "www.ozon.ru", "/product/naushniki-sony-wh-1000xm5-chernyy-1234567890/")
    box = page.locator("textarea[name='positive']")
    box.evaluate("(el) => { el.style.outline = '1px dashed rgb(1, 2, 3)'; }")
    extension.fill(page, {"pros": RU["pros"]})
    assert "solid" in box.evaluate("(el) => el.style.outline")
    time.sleep(3)
    assert box.evaluate("(el) => el.style.outline") == "rgb(1, 2, 3) dashed 1px"
    assert page.locator("[data-vesko-highlight]").count() == 0


def test_fill_reports_values_the_form_has_no_box_for(browser, extension):
    page = open_site(browser, "aliexpress.ru", "/item/1005006123456789.html")
    reply = extension.fill(page, {"pros": RU["pros"], "text": TEXT_RU})
    assert reply["filled"] == ["text"]
    assert reply["missing"] == ["pros"]


def test_generic_falls_back_to_the_largest_box(browser, extension):
    page = open_site(browser, "127.0.0.1", "/")
    # A shop whose editor has no name at all: the generic adapter takes the largest editable box.
    page.evaluate("() => document.querySelector('.editor').removeAttribute('aria-label')")
    assert extension.inspect(page)["fields"] == ["text"]
    reply = extension.fill(page, {"text": TEXT_RU})
    assert reply["filled"] == ["text"]
    assert squash(page.evaluate("() => window.__formState.text")) == TEXT_RU
    assert page.locator("input[name='author']").input_value() == ""


def test_pages_without_an_adapter_get_no_marketplace(browser, extension):
    # (Another shop, e.g. shop.example.test, cannot be asked: without its host permission the extension
    # does not even see the tab's address, which is the point; adapters.test.js covers adapterFor there.)
    for host, path in [("www.ozon.ru", "/category/naushniki-15547/"), ("www.wildberries.ru", "/")]:
        page = browser.page(host, path)
        reply = extension.inspect(page)
        assert reply["ok"] and reply["marketplace"] is None and reply["fields"] == [], (host, reply)
