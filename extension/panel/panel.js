// The side panel (Chromium) / sidebar (Firefox): which product the tab shows, the guided flow, then the
// draft with its live check. State that must survive closing the panel lives in storage (store.js).
import { createClient } from "../src/api.js";
import { api } from "../src/browser.js";
import { loadLanguage, t, translatePage } from "../src/i18n.js";
import { MSG } from "../src/protocol.js";
import { loadSettings } from "../src/settings.js";
import { visibleSteps } from "../src/flow.js";
import { productKey } from "./draft.js";
import { createFlowView } from "./flow-view.js";
import { createReview } from "./review.js";
import { createShareView } from "./share-view.js";
import { bundledLanguages, forgetReview, loadFlow, loadForms, loadReview, saveReview } from "./store.js";

const $ = (id) => document.getElementById(id);
// Opened as a tab (tests, or a browser without a side panel), the panel works on the tab given in its URL.
const FIXED_TAB = Number(new URLSearchParams(location.search).get("tab")) || null;

const ctx = { settings: null, language: "en", client: null, forms: null, flow: null, tabId: null, page: null, key: null, review: null };
let flowView;
let review;
let share;

function setStatus(state, detail = "") {
  const line = $("server-status");
  line.dataset.state = state;
  const host = (() => { try { return new URL(ctx.settings.serverUrl).host; } catch { return ctx.settings.serverUrl; } })();
  line.textContent = {
    online: t("serverOnline", host),
    offline: t("serverOffline", host),
    error: t("serverError", detail),
  }[state] ?? "";
}

async function activeTabId() {
  if (FIXED_TAB) return FIXED_TAB;
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Ask the service worker what the tab shows, and say it in the header. */
async function detect() {
  $("product-detecting").hidden = false;
  $("product-found").hidden = true;
  $("product-missing").hidden = true;
  let reply;
  try {
    reply = await api.runtime.sendMessage({ type: MSG.INSPECT_PAGE, tabId: ctx.tabId });
  } catch (error) {
    reply = { ok: false, detail: String(error) };
  }
  ctx.page = reply?.ok ? reply : null;
  const product = ctx.page?.marketplace ? ctx.page.product : null;
  $("product-detecting").hidden = true;
  $("redetect").hidden = false;
  if (product) {
    $("product-title").textContent = product.title || t("unnamedProduct");
    $("product-marketplace").textContent = t("onMarketplace", ctx.page.name ?? ctx.page.marketplace);
    $("product-found").hidden = false;
  } else {
    $("product-missing").hidden = false;
  }
  ctx.key = productKey(ctx.page);
}

const save = () => saveReview(ctx.key, ctx.review);

function showView(name) {
  $("flow-view").hidden = name !== "flow";
  $("editor-view").hidden = name !== "editor";
  if (name !== "editor") share?.reset();
}

/** Show the saved review of the current product: its draft if there is one, else the flow where it was left. */
async function showReview() {
  review?.cancel();
  ctx.review = await loadReview(ctx.key);
  if (ctx.review.draft) {
    showView("editor");
    review.open();
    review.checkNow();
  } else {
    showView("flow");
    flowView.show({ flow: ctx.flow, answers: ctx.review.answers, stepId: ctx.review.stepId });
  }
}

async function loadEverything() {
  ctx.settings = await loadSettings();
  ctx.language = await loadLanguage(ctx.settings.uiLanguage);
  translatePage();
  ctx.client = createClient(ctx.settings.serverUrl);
  ctx.forms ??= await loadForms();
  const flowLanguage = (await bundledLanguages()).includes(ctx.language) ? ctx.language : "en";
  const { flow, offline, error } = await loadFlow(ctx.client, flowLanguage);
  ctx.flow = flow;
  setStatus(offline ? "offline" : error ? "error" : "online", error?.message);
}

async function boot() {
  await loadEverything();
  flowView = createFlowView($("flow-view"), {
    onChange: ({ answers, stepId }) => {
      Object.assign(ctx.review, { answers, stepId });
      save();
    },
    onCompose: async (answers) => {
      $("next").disabled = true;
      await review.compose(answers);
      showView("editor");
      $("editor-heading").focus();
    },
  });
  review = createReview(ctx, { setStatus, save, onOpen: () => share.reset() });
  share = createShareView(ctx, { currentText: () => review.text() });
  ctx.tabId = await activeTabId();
  await detect();
  await showReview();
  wireControls();
  followSettingsAndTabs();
}

function wireControls() {
  $("editor-heading").tabIndex = -1;
  $("redetect").addEventListener("click", async () => {
    const before = ctx.key;
    await detect();
    if (ctx.key !== before) await showReview();
  });
  $("start-over").addEventListener("click", async () => {
    await forgetReview(ctx.key);
    await showReview();
    $("flow-view").querySelector("input, textarea")?.focus();
  });
  $("change-answers").addEventListener("click", async () => {
    ctx.review.draft = null;
    ctx.review.stepId = visibleSteps(ctx.flow, ctx.review.answers).at(-1)?.id ?? null;
    await save();
    await showReview();
    $("next").focus();
  });
  $("open-options").addEventListener("click", (event) => {
    event.preventDefault();
    api.runtime.openOptionsPage();
  });
}

function followSettingsAndTabs() {
  // Settings changed in the options page: language, server or hidden categories apply at once.
  api.storage.onChanged.addListener(async (changes, area) => {
    if (area !== "local" || !changes.settings) return;
    const before = ctx.settings;
    await loadEverything();
    if (before.uiLanguage !== ctx.settings.uiLanguage || before.serverUrl !== ctx.settings.serverUrl) {
      await detect();
      await showReview();
    } else {
      review.refresh();
      // A group set up, changed or left in the options: the box shows (unticked) or goes.
      if (JSON.stringify(before.group ?? null) !== JSON.stringify(ctx.settings.group ?? null)) share.reset();
    }
  });
  if (FIXED_TAB) return;
  // In the side panel, follow the buyer to another tab or page.
  const follow = async (tabId) => {
    ctx.tabId = tabId;
    const before = ctx.key;
    await detect();
    if (ctx.key !== before) await showReview();
  };
  api.tabs.onActivated.addListener(({ tabId }) => follow(tabId));
  api.tabs.onUpdated.addListener((tabId, change) => {
    if (tabId === ctx.tabId && change.status === "complete") follow(tabId);
  });
}

boot().catch((error) => {
  const box = $("panel-error");
  box.hidden = false;
  box.textContent = t("panelFailed", String(error?.message ?? error));
  console.warn("Vesko panel:", error);
});
