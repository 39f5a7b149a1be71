// UI strings from _locales/<lang>/messages.json. The language follows the browser unless the buyer picked
// one in the options, which chrome.i18n cannot do, so the catalogues are read directly.
import { api } from "./browser.js";

export const UI_LANGUAGES = ["ru", "en"];
let catalogue = {};
let current = "en";

export function browserLanguage(uiLanguage = api?.i18n?.getUILanguage?.() ?? "en") {
  const short = uiLanguage.toLowerCase().split(/[-_]/)[0];
  return UI_LANGUAGES.includes(short) ? short : "en";
}

export async function loadLanguage(choice = "auto") {
  current = choice === "auto" ? browserLanguage() : choice;
  const response = await fetch(api.runtime.getURL(`_locales/${current}/messages.json`));
  catalogue = await response.json();
  return current;
}

export function language() {
  return current;
}

/** The message `key` with $1, $2... replaced by `substitutions` (as chrome.i18n.getMessage does). */
export function t(key, ...substitutions) {
  const entry = catalogue[key];
  if (!entry) return key;
  return entry.message.replace(/\$(\d)/g, (_, n) => String(substitutions[Number(n) - 1] ?? ""));
}

/** Fill every [data-i18n] element's text and [data-i18n-attr="attr:key"] attributes under `root`. */
export function translatePage(root = document) {
  for (const element of root.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of element.dataset.i18nAttr.split(",")) {
      const [attribute, key] = pair.split(":");
      element.setAttribute(attribute.trim(), t(key.trim()));
    }
  }
  document.documentElement.lang = current;
}
