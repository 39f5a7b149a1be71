// Message routing in the service worker, with a fake browser API: the panel's named messages reach the right
// page function on the right tab, with the adapter of that tab's site; anything else gets a clear error.
import assert from "node:assert/strict";
import { test } from "node:test";

const calls = { executeScript: [], panelBehavior: [] };
let onMessage = null;
const tabs = {
  7: { id: 7, url: "https://www.ozon.ru/product/naushniki-sony-1234567890/" },
  8: { id: 8, url: "https://www.ozon.ru/" },
};

globalThis.chrome = {
  sidePanel: { setPanelBehavior: async (behavior) => calls.panelBehavior.push(behavior) },
  action: { onClicked: { addListener() {} } },
  runtime: { onMessage: { addListener: (listener) => (onMessage = listener) } },
  tabs: { get: async (id) => tabs[id] },
  storage: { local: { get: async () => ({ settings: {} }) } },
  scripting: {
    executeScript: async ({ target, func, args }) => {
      calls.executeScript.push({ tabId: target.tabId, func: func.name, adapter: args[0].id, values: args[1] });
      return [{ result: func.name === "inspectPage" ? { product: { title: "Наушники" }, fields: ["pros"] } : { filled: ["pros"], missing: [] } }];
    },
  },
};

await import("../../extension/src/background.js");
const { MSG, ERRORS } = await import("../../extension/src/protocol.js");

function send(message) {
  return new Promise((resolve) => assert.equal(onMessage(message, {}, resolve), true));
}

test("the toolbar button opens the side panel, set up when the worker starts", () => {
  assert.deepEqual(calls.panelBehavior, [{ openPanelOnActionClick: true }]);
});

test("inspect runs the page function with the tab's marketplace adapter", async () => {
  const reply = await send({ type: MSG.INSPECT_PAGE, tabId: 7 });
  assert.deepEqual(reply, { ok: true, marketplace: "ozon", name: "Ozon", layout: "sections", product: { title: "Наушники" }, fields: ["pros"] });
  assert.deepEqual(calls.executeScript.at(-1), { tabId: 7, func: "inspectPage", adapter: "ozon", values: undefined });
});

test("fill sends the values to the tab's page", async () => {
  const reply = await send({ type: MSG.FILL_PAGE, tabId: 7, values: { pros: "Тихие" } });
  assert.deepEqual(reply, { ok: true, filled: ["pros"], missing: [] });
  assert.deepEqual(calls.executeScript.at(-1).values, { pros: "Тихие" });
});

test("a page that is not a product page is recognised as such, without running anything", async () => {
  const before = calls.executeScript.length;
  const reply = await send({ type: MSG.INSPECT_PAGE, tabId: 8 });
  assert.equal(reply.ok, true);
  assert.equal(reply.marketplace, null);
  assert.equal(calls.executeScript.length, before);
});

test("unknown messages and missing tabs get named errors", async () => {
  assert.deepEqual(await send({ type: "vesko/launch-rockets" }), { ok: false, error: ERRORS.UNKNOWN_MESSAGE });
  assert.deepEqual(await send({ type: MSG.INSPECT_PAGE }), { ok: false, error: ERRORS.NO_TAB });
});
