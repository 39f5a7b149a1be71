// adapterFor on real marketplace addresses, and the shape every adapter must keep: plain JSON (it travels
// through scripting.executeScript), the layout prompts/forms.yaml gives, selectors a browser can parse.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { ADAPTERS, adapterFor } from "../../extension/src/adapters/index.js";

const FORMS_YAML = readFileSync(new URL("../../prompts/forms.yaml", import.meta.url), "utf-8");
/** prompts/forms.yaml is flat ("id: {layout: x}"), so a line pattern reads it without a YAML parser. */
const LAYOUTS = Object.fromEntries([...FORMS_YAML.matchAll(/^(\w+):\s*\{\s*layout:\s*(\w+)\s*\}/gm)].map((m) => [m[1], m[2]]));
const FIELDS = { sections: ["pros", "cons", "comment"], body: ["title", "body"], text: ["text"] };

const PRODUCT_PAGES = [
  ["https://www.ozon.ru/product/naushniki-sony-wh-1000xm5-chernyy-1234567890/", "ozon"],
  ["https://www.ozon.ru/product/1234567890/?asb=1&sh=abc", "ozon"],
  ["https://ozon.ru/product/smartfon-apple-iphone-15-128-gb-1194473917/reviews/", "ozon"],
  ["https://www.wildberries.ru/catalog/123456789/detail.aspx?targetUrl=GP", "wildberries"],
  ["https://www.wildberries.ru/catalog/123456789/feedbacks", "wildberries"],
  ["https://global.wildberries.ru/catalog/123456789/detail.aspx", "wildberries"],
  ["https://market.yandex.ru/product--robot-pylesos-xiaomi-s10/1779185093?sku=101", "yandex_market"],
  ["https://market.yandex.ru/card/robot-pylesos-xiaomi-s10/1779185093", "yandex_market"],
  ["https://aliexpress.ru/item/1005006123456789.html?sku_id=1", "aliexpress"],
  ["https://www.aliexpress.com/item/1005006123456789.html", "aliexpress"],
  ["https://www.amazon.com/review/create-review?asin=B0BXYCS74H&channel=glance-detail", "amazon"],
  ["https://www.amazon.com/Sony-WH-1000XM5-Canceling-Headphones/dp/B09XS7JWHH/ref=sr_1_1", "amazon"],
  ["https://www.amazon.co.uk/dp/B09XS7JWHH", "amazon"],
  ["https://www.amazon.de/gp/product/B09XS7JWHH", "amazon"],
  ["https://www.ebay.com/itm/265123456789", "ebay"],
  ["https://www.ebay.com/itm/Apple-iPhone-13-128GB/265123456789?hash=item1", "ebay"],
  ["https://www.ebay.co.uk/urw/Apple-iPhone-13/product-reviews/24023700375?_itm=265123456789", "ebay"],
];

const NOT_PRODUCT_PAGES = [
  "https://www.ozon.ru/",
  "https://www.ozon.ru/category/naushniki-15547/",
  "https://www.ozon.ru/cart",
  "https://www.wildberries.ru/",
  "https://www.wildberries.ru/catalog/elektronika/noutbuki",
  "https://market.yandex.ru/catalog--noutbuki/54544/list",
  "https://market.yandex.ru/search?text=iphone",
  "https://aliexpress.ru/",
  "https://aliexpress.ru/wholesale?SearchText=baseus",
  "https://www.amazon.com/",
  "https://www.amazon.com/s?k=headphones",
  "https://www.ebay.com/sch/i.html?_nkw=iphone",
];

test("marketplace product and review pages get their adapter", () => {
  for (const [url, id] of PRODUCT_PAGES) {
    assert.equal(adapterFor(url)?.id, id, url);
    assert.equal(adapterFor(url, { anySite: true })?.id, id, `${url} (any site on)`);
  }
});

test("a marketplace's other pages get none, even with any site on", () => {
  for (const url of NOT_PRODUCT_PAGES) {
    assert.equal(adapterFor(url), null, url);
    assert.equal(adapterFor(url, { anySite: true }), null, `${url} (any site on)`);
  }
});

test("other sites get the generic adapter only with any site on", () => {
  for (const url of ["https://shop.example.test/kettle-kt-6120", "https://www.dns-shop.ru/product/123/", "http://example.org/"]) {
    assert.equal(adapterFor(url), null, url);
    assert.equal(adapterFor(url, { anySite: true })?.id, "generic", url);
  }
});

test("local pages get the generic adapter for trying it out and for tests", () => {
  for (const url of ["http://127.0.0.1:8765/", "http://localhost:3000/product/1", "http://[::1]:8000/"]) {
    assert.equal(adapterFor(url)?.id, "generic", url);
  }
});

test("look-alike hosts, browser pages and garbage get nothing", () => {
  for (const url of [
    "https://notozon.ru/product/x-1234567890/",
    "https://ozon.ru.evil.example/product/x-1234567890/",
    "https://amazon.com.example.test/dp/B09XS7JWHH",
    "chrome://extensions/",
    "about:blank",
    "file:///tmp/index.html",
    "",
    "not a url",
  ]) {
    assert.equal(adapterFor(url), null, url);
  }
});

test("the shop list matches prompts/forms.yaml", () => {
  assert.deepEqual(ADAPTERS.map((a) => a.id).sort(), Object.keys(LAYOUTS).sort());
  assert.equal(ADAPTERS.at(-1).id, "generic", "generic comes last");
});

for (const adapter of ADAPTERS) {
  test(`adapter ${adapter.id} is plain data of the right shape`, () => {
    // Survives the structured clone executeScript uses, unchanged.
    assert.deepEqual(JSON.parse(JSON.stringify(adapter)), adapter);
    assert.deepEqual(structuredClone(adapter), adapter);
    assert.equal(typeof adapter.id, "string");
    assert.equal(typeof adapter.name, "string");
    assert.equal(adapter.layout, LAYOUTS[adapter.id], "layout as in prompts/forms.yaml");
    assert.deepEqual(Object.keys(adapter.fields).sort(), [...FIELDS[adapter.layout]].sort(), "one entry per field of the layout");
    for (const key of ["hosts", "paths", "rating"]) assert.ok(Array.isArray(adapter[key]), key);
    for (const pattern of adapter.paths) assert.doesNotThrow(() => new RegExp(pattern), pattern);
    for (const key of ["title", "seller", "idFromUrl", "id"]) assert.ok(Array.isArray(adapter.product[key]), `product.${key}`);
    for (const pattern of [...adapter.product.idFromUrl, ...(adapter.product.idPattern ? [adapter.product.idPattern] : [])]) {
      const compiled = new RegExp(pattern);
      assert.ok(/\((?!\?)/.test(compiled.source), `${pattern} captures the id in group 1`);
    }
    assert.ok(adapter.product.title.length > 0, "a way to find the title");
    assert.ok(adapter.rating.length > 0, "a way to set the stars");
    for (const [name, candidates] of Object.entries(adapter.fields)) {
      assert.ok(candidates.length > 0, `candidates for ${name}`);
      for (const candidate of candidates) assert.equal(typeof candidate, "string", `${name}: ${candidate}`);
    }
    if (adapter.id !== "generic") assert.ok(adapter.hosts.length > 0 && adapter.paths.length > 0, "hosts and paths");
  });
}

test("product ids come out of real addresses", () => {
  const cases = [
    ["ozon", "/product/naushniki-sony-wh-1000xm5-chernyy-1234567890/", "1234567890"],
    ["ozon", "/product/1234567890/", "1234567890"],
    ["wildberries", "/catalog/123456789/detail.aspx?targetUrl=GP", "123456789"],
    ["yandex_market", "/product--robot-pylesos-xiaomi-s10/1779185093?sku=101", "1779185093"],
    ["yandex_market", "/card/robot-pylesos-xiaomi-s10/1779185093", "1779185093"],
    ["aliexpress", "/item/1005006123456789.html?sku_id=1", "1005006123456789"],
    ["amazon", "/review/create-review?asin=B0BXYCS74H&channel=glance-detail", "B0BXYCS74H"],
    ["amazon", "/Sony-WH-1000XM5/dp/B09XS7JWHH/ref=sr_1_1", "B09XS7JWHH"],
    ["ebay", "/itm/Apple-iPhone-13-128GB/265123456789?hash=item1", "265123456789"],
    ["ebay", "/itm/265123456789", "265123456789"],
  ];
  for (const [id, where, expected] of cases) {
    const adapter = ADAPTERS.find((a) => a.id === id);
    const found = adapter.product.idFromUrl.map((p) => new RegExp(p).exec(where)?.[1]).find(Boolean);
    assert.equal(found, expected, `${id} ${where}`);
  }
});
