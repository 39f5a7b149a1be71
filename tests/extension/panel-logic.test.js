// The panel's pure logic: joining the draft's fields into the checked text and mapping the server's
// matches (code points of the whole text) back to each field (UTF-16 units of its own value).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import {
  fieldsOf, highlightPieces, isReady, joinDraft, matchesByField, productKey, stepIndex, validAnswers, valuesFromComposed,
} from "../../extension/panel/draft.js";
import { compose } from "../../extension/src/composer.js";

const HEADINGS = { pros: "Достоинства", cons: "Недостатки", comment: "Комментарий" };
/** A server-style match (offset/length in code points) of `needle` in `text`. */
function matchOf(text, needle, extra = {}) {
  const unitIndex = text.indexOf(needle);
  assert.notEqual(unitIndex, -1, needle);
  return { offset: [...text.slice(0, unitIndex)].length, length: [...needle].length, category: "profanity",
    severity: "error", replacements: ["ерунда"], message: "m", ...extra };
}

test("fields per layout", () => {
  assert.deepEqual(fieldsOf("sections"), ["pros", "cons", "comment"]);
  assert.deepEqual(fieldsOf("body"), ["title", "body"]);
  assert.deepEqual(fieldsOf("text"), ["text"]);
  assert.deepEqual(fieldsOf("unknown"), ["text"]);
});

test("sections are joined as the composer joins them, empty ones left out", () => {
  const joined = joinDraft("sections", { pros: "Цвет.", cons: "", comment: "Не рекомендую." }, HEADINGS);
  assert.equal(joined.text, "Достоинства: Цвет.\nКомментарий: Не рекомендую.");
  assert.deepEqual(joined.segments.map((s) => s.field), ["pros", "comment"]);
  assert.equal(joined.text.slice(joined.segments[1].start, joined.segments[1].end), "Не рекомендую.");
});

// The bundled flow is written by the build (scripts/build_extension.py).
const BUNDLED_RU = new URL("../../dist/chrome/prompts/ru.json", import.meta.url);
test("the joined draft equals the composer's text for every layout", { skip: !existsSync(BUNDLED_RU) && "build first" }, () => {
  const flow = JSON.parse(readFileSync(BUNDLED_RU, "utf8"));
  const forms = { ozon: { layout: "sections" }, amazon: { layout: "body" }, generic: { layout: "text" } };
  const answers = { rating: 2, kind: "clothing", disappointed: ["size"], good: ["color"], recommend: "no", buy_again: "no" };
  for (const marketplace of Object.keys(forms)) {
    const composed = compose(flow, forms, answers, marketplace);
    const layout = forms[marketplace].layout;
    assert.equal(joinDraft(layout, valuesFromComposed(layout, composed), flow.compose.sections).text, composed.text, marketplace);
  }
});

test("matches map back to their field, with emoji before them counted right", () => {
  const values = { pros: "Цвет 😀 яркий.", cons: "Ткань 😀😀 говно, швы кривые.", comment: "" };
  const joined = joinDraft("sections", values, HEADINGS);
  const byField = matchesByField(joined, [matchOf(joined.text, "говно")]);
  assert.deepEqual(byField.pros, []);
  const [match] = byField.cons;
  assert.equal(match.field, "cons");
  assert.equal(values.cons.slice(match.start, match.end), "говно");
  assert.deepEqual(match.replacements, ["ерунда"]);
});

test("a match in a heading is dropped; one spilling over a field's edge is clipped and loses replacements", () => {
  const values = { title: "Size is off", body: "Bad fabric" };
  const joined = joinDraft("body", values, {});
  assert.equal(joined.text, "Size is off\n\nBad fabric");
  const spill = { offset: 8, length: 8, category: "shouting", severity: "warning", replacements: ["x"] };
  const byField = matchesByField(joined, [spill]);
  assert.equal(byField.title.length, 1);
  assert.equal(values.title.slice(byField.title[0].start, byField.title[0].end), "off");
  assert.deepEqual(byField.title[0].replacements, []);
  const inHeading = joinDraft("sections", { pros: "ok" }, HEADINGS);
  assert.deepEqual(matchesByField(inHeading, [{ offset: 0, length: 5, replacements: [] }]).pros, []);
});

test("highlight pieces cover the text once, overlapping matches do not repeat text", () => {
  const text = "abc def ghi";
  const pieces = highlightPieces(text, [
    { start: 4, end: 7, severity: "warning" }, { start: 0, end: 3, severity: "error" }, { start: 5, end: 9, severity: "hint" },
  ]);
  assert.equal(pieces.map((p) => p.text).join(""), text);
  assert.deepEqual(pieces.filter((p) => p.match).map((p) => p.text), ["abc", "def", " g"]);
});

test("answers for another product kind's options are dropped", () => {
  const flow = { steps: [
    { id: "kind", type: "single", options: [{ id: "clothing" }, { id: "food" }] },
    { id: "disappointed", type: "multi", options_by_kind: { clothing: [{ id: "size" }], food: [{ id: "taste" }] } },
  ] };
  assert.deepEqual(validAnswers(flow, { kind: "food", disappointed: ["size", "taste"] }), { kind: "food", disappointed: ["taste"] });
  assert.deepEqual(validAnswers(flow, { kind: "food", disappointed: ["size"] }), { kind: "food" });
  assert.deepEqual(validAnswers(flow, { kind: "toys" }), {});
  assert.equal(stepIndex({ steps: [{ id: "a" }, { id: "b" }] }, {}, "b"), 1);
  assert.equal(stepIndex({ steps: [{ id: "a" }] }, {}, "gone"), 0);
});

test("product keys, composed values, readiness", () => {
  assert.equal(productKey({ marketplace: "ozon", product: { id: "123" } }), "ozon:123");
  assert.equal(productKey({ marketplace: "amazon", product: { url: "u" } }), "amazon:u");
  assert.equal(productKey(null), "page:none");
  assert.deepEqual(valuesFromComposed("body", { title: "T", sections: { body: "B" } }), { title: "T", body: "B" });
  assert.equal(isReady({ summary: { publishable: true } }), true);
  assert.equal(isReady({ summary: { publishable: false } }), false);
  assert.equal(isReady(null), false);
});
