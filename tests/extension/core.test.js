// The extension's pure logic, without a browser: offsets, timing, the flow's rules, the API client.
import assert from "node:assert/strict";
import { test } from "node:test";

import { ApiError, OfflineError, createClient } from "../../extension/src/api.js";
import { holds, answersToSend, canContinue, visibleSteps, progress } from "../../extension/src/flow.js";
import { applyReplacement, codePointsToUtf16, withRanges } from "../../extension/src/offsets.js";
import { STALE, debounce, latestOnly } from "../../extension/src/schedule.js";
import { originPattern } from "../../extension/src/settings.js";
import { browserLanguage } from "../../extension/src/i18n.js";

test("code-point offsets from the server become UTF-16 ranges, emoji and all", () => {
  const cases = [
    // [text, code-point offset, length, expected substring]
    ["Звоните 89161234567", 8, 11, "89161234567"],
    ["😀 ЭТО УЖАС", 2, 3, "ЭТО"],
    ["👨‍👩‍👧 и 👍🏽 блин", 11, 4, "блин"],
    ["é\u0301 ok 😀😀 bad", 9, 3, "bad"],
  ];
  for (const [text, offset, length, expected] of cases) {
    const [match] = withRanges(text, [{ offset, length }]);
    assert.equal(text.slice(match.start, match.end), expected, text);
  }
  assert.equal(codePointsToUtf16("ab")(99), 2, "offsets past the end stay at the end");
});

test("a replacement lands exactly on the flagged span", () => {
  const text = "😀 Ужаааасно!!!";
  const [match] = withRanges(text, [{ offset: 2, length: 9 }]);
  assert.equal(applyReplacement(text, match, "Ужасно"), "😀 Ужасно!!!");
});

test("debounce waits for the pause and uses the last arguments", () => {
  const pending = new Map();
  let id = 0;
  const timers = {
    setTimeout: (fn) => (pending.set(++id, fn), id),
    clearTimeout: (timer) => pending.delete(timer),
  };
  const calls = [];
  const typed = debounce((text) => calls.push(text), 400, timers);
  typed("У");
  typed("Уж");
  typed("Ужас");
  assert.equal(pending.size, 1);
  [...pending.values()][0]();
  assert.deepEqual(calls, ["Ужас"]);
});

test("a slow old answer does not overwrite a newer one", async () => {
  const resolvers = [];
  const check = latestOnly((text) => new Promise((resolve) => resolvers.push(() => resolve(text))));
  const first = check("старый текст");
  const second = check("новый текст");
  resolvers[1]();
  resolvers[0]();
  assert.equal(await second, "новый текст");
  assert.equal(await first, STALE);
});

const flow = {
  steps: [
    { id: "rating", type: "rating", required: true },
    { id: "good", type: "multi", required: true, optional_if: { step: "rating", in: [1] }, options: [{ id: "a", label: "A" }] },
    { id: "recommend", type: "single", required: true, options: [{ id: "yes" }, { id: "no" }] },
    { id: "to_whom", type: "text", required: false, show_if: { step: "recommend", in: ["yes"] } },
    { id: "usage", type: "single", required: false, show_if: { step: "kind", in: ["food"], not: true }, options: [] },
    { id: "pairs", type: "pairs", required: false },
    { id: "photos", type: "note", required: false },
  ],
};

test("conditions show and hide steps as the server's rules do", () => {
  assert.equal(holds({ step: "recommend", in: ["yes"] }, { recommend: "yes" }), true);
  assert.equal(holds({ step: "good", in: ["a"] }, { good: ["b", "a"] }), true);
  assert.equal(holds({ step: "kind", in: ["food"], not: true }, { kind: "food" }), false);
  assert.deepEqual(visibleSteps(flow, { recommend: "no", kind: "food" }).map((s) => s.id), ["rating", "good", "recommend", "pairs", "photos"]);
  assert.equal(canContinue(flow.steps[1], { rating: 1, good: [] }), true, "good points are optional for one star");
  assert.equal(canContinue(flow.steps[1], { rating: 2, good: [] }), false);
  assert.deepEqual(progress(flow, { recommend: "yes" }, 2), { current: 3, total: 7 });
});

test("only the answers of visible steps are sent, without empty ones", () => {
  const answers = {
    rating: 2, good: [], recommend: "no", to_whom: "всем", usage: "weeks", kind: "food",
    pairs: [{ expected: "до колена", actual: "выше" }, { expected: "", actual: "" }],
  };
  assert.deepEqual(answersToSend(flow, answers), { rating: 2, recommend: "no", pairs: [{ expected: "до колена", actual: "выше" }] });
});

function fakeFetch(handler) {
  const seen = [];
  const fetchImpl = async (url, init) => {
    seen.push({ url, ...init });
    return handler(url, init);
  };
  return { seen, fetchImpl };
}

const json = (status, body, headers = {}) =>
  new Response(body === null ? null : JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

test("the client posts JSON and returns the body", async () => {
  const { seen, fetchImpl } = fakeFetch(() => json(200, { language: "ru", matches: [] }));
  const client = createClient("http://127.0.0.1:8000/", { fetchImpl });
  assert.deepEqual(await client.check("Норм", "ru"), { language: "ru", matches: [] });
  assert.equal(seen[0].url, "http://127.0.0.1:8000/api/v1/check");
  assert.deepEqual(JSON.parse(seen[0].body), { text: "Норм", language: "ru" });
});

test("a server that cannot be reached is an OfflineError; an error answer an ApiError", async () => {
  const offline = createClient("http://127.0.0.1:9", { fetchImpl: async () => { throw new TypeError("Failed to fetch"); } });
  await assert.rejects(offline.health(), OfflineError);
  const failing = createClient("http://x", { fetchImpl: async () => json(422, { code: 422, message: "text: required" }) });
  await assert.rejects(failing.check(""), (error) => error instanceof ApiError && error.status === 422 && error.message === "text: required");
});

test("a cached flow is revalidated with its ETag", async () => {
  const { seen, fetchImpl } = fakeFetch((url, init) =>
    init.headers["If-None-Match"] === '"v1"' ? new Response(null, { status: 304 }) : json(200, { steps: [] }, { ETag: '"v1"' }));
  const client = createClient("http://x", { fetchImpl });
  assert.deepEqual(await client.flow("ru"), { flow: { steps: [] }, etag: '"v1"' });
  assert.deepEqual(await client.flow("ru", '"v1"'), { notModified: true, etag: '"v1"' });
  assert.equal(seen.length, 2);
});

test("settings helpers", () => {
  assert.equal(originPattern("https://vesko.example.org:8443/base"), "https://vesko.example.org/*");
  assert.equal(browserLanguage("ru-RU"), "ru");
  assert.equal(browserLanguage("de"), "en");
});
