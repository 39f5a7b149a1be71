// The buyer's group: the address organisers share, parsed into the group's server and slug, and the
// outcomes of sharing one review (what the panel tells the buyer), against a stand-in fetch.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseGroupAddress, submitToGroup } from "../../extension/src/groups.js";

const CHECKING = "http://127.0.0.1:8000";

test("the group page's address gives the server and the slug", () => {
  const expected = { serverUrl: "https://vesko.example.org", slug: "parents-chat" };
  for (const input of [
    "https://vesko.example.org/groups/parents-chat",
    "https://vesko.example.org/groups/parents-chat/",
    "  https://vesko.example.org/groups/parents-chat?utm_source=chat#top ",
    "vesko.example.org/groups/parents-chat",
    "https://vesko.example.org/groups/Parents-Chat",
    "https://vesko.example.org/api/v1/groups/parents-chat/submissions",
    "https://vesko.example.org/groups/parents-chat/stats",
  ]) assert.deepEqual(parseGroupAddress(input, CHECKING), expected, input);
});

test("a port, plain http and a path prefix are kept", () => {
  assert.deepEqual(parseGroupAddress("http://127.0.0.1:5000/groups/school-5", CHECKING), { serverUrl: "http://127.0.0.1:5000", slug: "school-5" });
  assert.deepEqual(parseGroupAddress("https://example.org/vesko/groups/school-5", CHECKING), { serverUrl: "https://example.org/vesko", slug: "school-5" });
  assert.deepEqual(parseGroupAddress("https://example.org/vesko/api/v1/groups/school-5", CHECKING), { serverUrl: "https://example.org/vesko", slug: "school-5" });
});

test("the group's short name alone means a group on the checking server", () => {
  assert.deepEqual(parseGroupAddress("parents-chat", `${CHECKING}/`), { serverUrl: CHECKING, slug: "parents-chat" });
  assert.deepEqual(parseGroupAddress("School-5", CHECKING), { serverUrl: CHECKING, slug: "school-5" });
  assert.deepEqual(parseGroupAddress("school-5", ""), { error: "invalid" });
});

test("what is not a group address says why", () => {
  assert.deepEqual(parseGroupAddress("", CHECKING), { error: "empty" });
  assert.deepEqual(parseGroupAddress("   ", CHECKING), { error: "empty" });
  assert.deepEqual(parseGroupAddress(null, CHECKING), { error: "empty" });
  assert.deepEqual(parseGroupAddress("https://vesko.example.org/", CHECKING), { error: "no-group" });
  assert.deepEqual(parseGroupAddress("https://vesko.example.org/groups/", CHECKING), { error: "no-group" });
  assert.deepEqual(parseGroupAddress("https://vesko.example.org/groups/родители", CHECKING), { error: "no-group" });
  assert.deepEqual(parseGroupAddress("https://vesko.example.org/groups/-bad-", CHECKING), { error: "no-group" });
  assert.deepEqual(parseGroupAddress("ftp://vesko.example.org/groups/x", CHECKING), { error: "invalid" });
  assert.deepEqual(parseGroupAddress("https://user:pw@vesko.example.org/groups/x", CHECKING), { error: "invalid" });
  assert.deepEqual(parseGroupAddress("родительский чат", CHECKING), { error: "invalid" });
  assert.deepEqual(parseGroupAddress("http://[bad/groups/x", CHECKING), { error: "invalid" });
});

/** A fetch that answers once with `status` and `body`, and remembers the request. */
function answering(status, body, headers = {}) {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url, init });
    return new Response(body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body),
      { status, headers: { "Content-Type": "application/json", ...headers } });
  };
  return { calls, fetchImpl };
}

const GROUP = { serverUrl: "https://vesko.example.org/", slug: "parents-chat", joinCode: "K7QF-9XMP-2ABD" };
const SUBMISSION = { language: "ru", marketplace: "ozon", product: { url: "https://www.ozon.ru/product/1/" }, answers: { rating: 2 }, rating: 2 };

test("sharing posts the submission with the join code", async () => {
  const { calls, fetchImpl } = answering(201, { id: 7 });
  assert.deepEqual(await submitToGroup(GROUP, SUBMISSION, { fetchImpl }), { outcome: "shared", id: 7 });
  assert.equal(calls.length, 1);
  assert.equal(calls[0].url, "https://vesko.example.org/api/v1/groups/parents-chat/submissions");
  assert.equal(calls[0].init.method, "POST");
  assert.equal(calls[0].init.headers["X-Vesko-Join-Code"], "K7QF-9XMP-2ABD");
  assert.equal(calls[0].init.headers["Content-Type"], "application/json");
  assert.deepEqual(JSON.parse(calls[0].init.body), SUBMISSION);
});

test("each answer of the server becomes one outcome", async () => {
  const outcome = async (...args) => submitToGroup(GROUP, SUBMISSION, { fetchImpl: answering(...args).fetchImpl, now: () => Date.parse("2026-11-12T10:00:00Z") });
  assert.deepEqual(await outcome(409, { code: 409, message: "already" }), { outcome: "duplicate" });
  assert.deepEqual(await outcome(429, { code: 429 }, { "Retry-After": "90" }), { outcome: "too-many", retryAfter: 90 });
  assert.deepEqual(await outcome(429, { code: 429 }, { "Retry-After": "Thu, 12 Nov 2026 10:05:00 GMT" }), { outcome: "too-many", retryAfter: 300 });
  assert.deepEqual(await outcome(429, { code: 429 }), { outcome: "too-many", retryAfter: null });
  assert.deepEqual(await outcome(401, { code: 401 }), { outcome: "join-code" });
  assert.deepEqual(await outcome(403, { code: 403 }), { outcome: "join-code" });
  assert.deepEqual(await outcome(404, { code: 404, message: "There is no group" }), { outcome: "no-group" });
  assert.deepEqual(await outcome(404, "<html>Not found</html>"), { outcome: "unreachable" });
  assert.deepEqual(await outcome(422, { code: 422, message: "Some fields are not valid" }), { outcome: "refused", message: "Some fields are not valid" });
  assert.deepEqual(await outcome(502, "<html>Bad gateway</html>"), { outcome: "unreachable" });
  assert.deepEqual(await outcome(201, "<html>captive portal</html>"), { outcome: "unreachable" });
});

test("a network failure or a timeout is 'unreachable', never an exception", async () => {
  const failing = async () => { throw new TypeError("Failed to fetch"); };
  assert.deepEqual(await submitToGroup(GROUP, SUBMISSION, { fetchImpl: failing }), { outcome: "unreachable" });
  const hanging = (url, init) => new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(new Error("aborted"))));
  assert.deepEqual(await submitToGroup(GROUP, SUBMISSION, { fetchImpl: hanging, timeoutMs: 20 }), { outcome: "unreachable" });
});
