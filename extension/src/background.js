// The service worker (Chromium) / event page (Firefox). Listeners are registered at the top level so the
// browser can wake the worker for them; the worker keeps no state of its own.
import { adapterFor } from "./adapters/index.js";
import { api, hasSidePanel } from "./browser.js";
import { inspectPage } from "./page/inspect.js";
import { fillPage } from "./page/fill.js";
import { ERRORS, MSG } from "./protocol.js";
import { loadSettings } from "./settings.js";

if (hasSidePanel) {
  // Chromium: the toolbar button opens the side panel (and grants activeTab on the page).
  api.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
} else {
  // Firefox: the toolbar button toggles the sidebar.
  api.action.onClicked.addListener(() => api.sidebarAction.toggle());
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  handle(message).then(sendResponse, (error) => sendResponse({ ok: false, error: ERRORS.NOT_ALLOWED, detail: String(error) }));
  return true; // the answer comes asynchronously
});

async function handle(message) {
  switch (message?.type) {
    case MSG.INSPECT_PAGE:
      return inspect(message.tabId);
    case MSG.FILL_PAGE:
      return fill(message.tabId, message.values);
    default:
      return { ok: false, error: ERRORS.UNKNOWN_MESSAGE };
  }
}

async function adapterOfTab(tabId) {
  if (typeof tabId !== "number") return { error: ERRORS.NO_TAB };
  const tab = await api.tabs.get(tabId);
  const { anySite } = await loadSettings();
  return { tab, adapter: adapterFor(tab.url ?? "", { anySite }) };
}

async function run(tabId, func, args) {
  const [injection] = await api.scripting.executeScript({ target: { tabId }, func, args });
  return injection?.result;
}

async function inspect(tabId) {
  const { tab, adapter, error } = await adapterOfTab(tabId);
  if (error) return { ok: false, error };
  if (!adapter) return { ok: true, marketplace: null, product: null, fields: [], url: tab.url ?? null };
  const found = await run(tabId, inspectPage, [adapter]);
  return { ok: true, marketplace: adapter.id, name: adapter.name, layout: adapter.layout, ...found };
}

async function fill(tabId, values) {
  const { adapter, error } = await adapterOfTab(tabId);
  if (error) return { ok: false, error };
  if (!adapter) return { ok: false, error: ERRORS.NOT_ALLOWED };
  return { ok: true, ...(await run(tabId, fillPage, [adapter, values])) };
}
