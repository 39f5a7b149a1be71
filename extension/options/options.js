// The options page: server address (with a connection test), language, shown check categories, the
// "any site" mode, the buyer's group. Every control saves as soon as it changes (the addresses on their
// Save button); nothing here leaves the browser except the connection test, which asks the server the
// buyer typed. Saving a group sends nothing: a review is shared only from the panel, one at a time.
import { ApiError, OfflineError, createClient } from "../src/api.js";
import { api } from "../src/browser.js";
import { parseGroupAddress } from "../src/groups.js";
import { loadLanguage, t, translatePage } from "../src/i18n.js";
import { loadSettings, originPattern, saveSettings } from "../src/settings.js";

export const CATEGORIES = ["profanity", "insult", "threat", "personal_data", "link", "advertising", "shouting",
  "accusation", "spelling", "vague", "grammar", "punctuation", "style"];
const ANY_SITE_ORIGINS = ["https://*/*", "http://*/*"];

const $ = (id) => document.getElementById(id);
let settings;

function say(element, message, state = "") {
  element.dataset.state = state;
  element.textContent = message;
}

function announceSaved() {
  say($("saved"), t("saved"));
  setTimeout(() => { $("saved").textContent = ""; }, 2500);
}

/** The typed server address, or null (with the reason shown) when it is not an http(s) URL. */
function typedServerUrl() {
  const raw = $("server-url").value.trim();
  try {
    const url = new URL(raw);
    if (url.protocol === "http:" || url.protocol === "https:") return raw.replace(/\/+$/, "");
  } catch { /* falls through */ }
  say($("server-result"), t("invalidUrl"), "error");
  $("server-url").setAttribute("aria-invalid", "true");
  $("server-url").focus();
  return null;
}

/**
 * Ask for the host permission of the server the buyer typed. Called first thing in a click handler: the
 * browser shows its prompt only during the user's gesture. Already-granted origins resolve at once.
 */
function requestServerPermission(url) {
  return api.permissions.request({ origins: [originPattern(url)] }).catch(() => false);
}

async function saveServer(event) {
  event.preventDefault();
  const url = typedServerUrl();
  if (!url) return;
  if (!(await requestServerPermission(url))) return say($("server-result"), t("permissionDenied"), "error");
  $("server-url").removeAttribute("aria-invalid");
  settings = await saveSettings({ serverUrl: url });
  say($("server-result"), "");
  announceSaved();
}

async function testConnection() {
  const url = typedServerUrl();
  if (!url) return;
  const permitted = requestServerPermission(url);
  $("server-url").removeAttribute("aria-invalid");
  say($("server-result"), t("testing"));
  if (!(await permitted)) return say($("server-result"), t("permissionDenied"), "error");
  try {
    const health = await createClient(url).health();
    if (health?.status !== "ok") throw new ApiError(200, { message: t("connectionBadAnswer") });
    say($("server-result"), t("connectionOk", health.version ?? "?"), "ok");
    if (url !== settings.serverUrl) {
      settings = await saveSettings({ serverUrl: url });
      announceSaved();
    }
  } catch (error) {
    const reason = error instanceof OfflineError ? t("connectionUnreachable")
      : error instanceof ApiError && error.status !== 200 ? t("connectionBadAnswer") : error.message;
    say($("server-result"), t("connectionFailed", reason), "error");
  }
}

function renderCategories() {
  const hidden = new Set(settings.hiddenCategories);
  $("category-list").replaceChildren(...CATEGORIES.map((category) => {
    const input = document.createElement("input");
    input.type = "checkbox";
    input.value = category;
    input.checked = !hidden.has(category);
    input.addEventListener("change", saveCategories);
    const label = document.createElement("label");
    const text = document.createElement("span");
    text.textContent = t(`category_${category}`);
    label.append(input, text);
    return label;
  }));
}

async function saveCategories() {
  const hiddenCategories = [...$("category-list").querySelectorAll("input")].filter((i) => !i.checked).map((i) => i.value);
  settings = await saveSettings({ hiddenCategories });
  announceSaved();
}

async function changeLanguage() {
  settings = await saveSettings({ uiLanguage: $("ui-language").value });
  await loadLanguage(settings.uiLanguage);
  translatePage();
  renderCategories();
  announceSaved();
}

async function toggleAnySite() {
  const box = $("any-site");
  if (box.checked) {
    const granted = await api.permissions.request({ origins: ANY_SITE_ORIGINS }).catch(() => false);
    if (!granted) {
      box.checked = false;
      return say($("any-site-result"), t("anySiteDenied"), "error");
    }
  } else {
    // Give the access back; the server's own origin stays granted separately.
    await api.permissions.remove({ origins: ANY_SITE_ORIGINS }).catch(() => false);
  }
  say($("any-site-result"), "");
  settings = await saveSettings({ anySite: box.checked });
  announceSaved();
}

const GROUP_ADDRESS_ERRORS = { empty: "groupAddressEmpty", invalid: "groupAddressInvalid", "no-group": "groupAddressNoGroup" };

function rejectGroupField(id, message) {
  say($("group-result"), message, "error");
  $(id).setAttribute("aria-invalid", "true");
  $(id).focus();
}

/**
 * Save the group. The host permission for the group's server (when it is not the checking server) is
 * requested before anything is awaited: the browser shows its prompt only during the click itself.
 */
async function saveGroup(event) {
  event.preventDefault();
  for (const id of ["group-address", "group-join-code"]) $(id).removeAttribute("aria-invalid");
  const address = $("group-address").value.trim();
  const parsed = parseGroupAddress(address, settings.serverUrl);
  if (parsed.error) return rejectGroupField("group-address", t(GROUP_ADDRESS_ERRORS[parsed.error]));
  const joinCode = $("group-join-code").value.trim().toUpperCase();
  if (!joinCode) return rejectGroupField("group-join-code", t("groupJoinCodeEmpty"));
  const sameServer = originPattern(parsed.serverUrl) === originPattern(settings.serverUrl);
  const permitted = sameServer || (await requestServerPermission(parsed.serverUrl));
  if (!permitted) return say($("group-result"), t("groupPermissionDenied"), "error");
  settings = await saveSettings({ group: { address, serverUrl: parsed.serverUrl, slug: parsed.slug, joinCode } });
  $("group-join-code").value = joinCode;
  $("forget-group").hidden = false;
  say($("group-result"), t("groupSaved", parsed.slug, new URL(parsed.serverUrl).host), "ok");
}

async function forgetGroup() {
  settings = await saveSettings({ group: null });
  $("group-address").value = "";
  $("group-join-code").value = "";
  $("forget-group").hidden = true;
  say($("group-result"), t("groupForgotten"), "ok");
  $("group-address").focus();
}

async function init() {
  settings = await loadSettings();
  await loadLanguage(settings.uiLanguage);
  translatePage();
  $("server-url").value = settings.serverUrl;
  $("ui-language").value = settings.uiLanguage;
  $("any-site").checked = settings.anySite;
  renderCategories();
  $("group-address").value = settings.group?.address ?? "";
  $("group-join-code").value = settings.group?.joinCode ?? "";
  $("forget-group").hidden = !settings.group;
  $("server-form").addEventListener("submit", saveServer);
  $("test-connection").addEventListener("click", testConnection);
  $("ui-language").addEventListener("change", changeLanguage);
  $("any-site").addEventListener("change", toggleAnySite);
  $("group-form").addEventListener("submit", saveGroup);
  $("forget-group").addEventListener("click", forgetGroup);
}

init();
