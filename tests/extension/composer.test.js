// The offline composer writes exactly what the server writes (tests/fixtures/compose_cases.json, which
// tests/test_compose.py checks against server/compose.py), from the flows bundled into the built extension.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";

import { compose, finish } from "../../extension/src/composer.js";

const root = new URL("../../", import.meta.url);
const bundled = new URL("dist/chrome/prompts/", root);
const read = (url) => JSON.parse(readFileSync(url, "utf-8"));

test("the offline composer matches the server on every shared case", { skip: !existsSync(bundled) && "build the extension first (make extension)" }, () => {
  const forms = read(new URL("forms.json", bundled));
  const cases = read(new URL("tests/fixtures/compose_cases.json", root));
  assert.ok(cases.length >= 24);
  for (const c of cases) {
    const flow = read(new URL(`${c.language}.json`, bundled));
    const draft = compose(flow, forms, c.answers, c.marketplace);
    assert.equal(draft.text, c.text, `${c.language}/${c.marketplace}`);
    assert.deepEqual(draft.sections, c.sections);
    assert.equal(draft.title, c.title);
  }
});

test("the buyer's words are finished like the server does", () => {
  for (const [written, inserted] of [
    ["  после первой стирки села  ", "После первой стирки села."],
    ["Ок!", "Ок!"],
    ["всё супер)))", "Всё супер)))"],
    ["сказали: «ждите»", "Сказали: «ждите»."],
    ["5 stars anyway 👍", "5 stars anyway 👍"],
  ]) {
    assert.equal(finish(written), inserted);
  }
});
