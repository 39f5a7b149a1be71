// The buyer's settings, in storage.local. Nothing here leaves the browser.
import { api } from "./browser.js";

export const DEFAULTS = Object.freeze({
  serverUrl: "http://127.0.0.1:8000",
  uiLanguage: "auto", // "auto" follows the browser; or "ru", "en"
  hiddenCategories: [], // check categories the buyer chose not to see (e.g. "spelling")
  anySite: false, // the generic adapter on every site (needs the optional <all_urls>-like permission)
  group: null, // {address, server, slug, joinCode}: where "share with my group" sends a review, when the buyer opts in
});

export async function loadSettings() {
  const stored = await api.storage.local.get("settings");
  return { ...DEFAULTS, ...(stored.settings ?? {}) };
}

export async function saveSettings(changes) {
  const settings = { ...(await loadSettings()), ...changes };
  await api.storage.local.set({ settings });
  return settings;
}

/** The server's origin pattern for a host permission request, e.g. "https://vesko.example.org/*". */
export function originPattern(serverUrl) {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
