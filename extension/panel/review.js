// The draft after the flow: compose it (on the server, or locally when it is unreachable), edit it with a
// live check, and put it into the page's review form or on the clipboard.
import { ApiError, OfflineError } from "../src/api.js";
import { api } from "../src/browser.js";
import { compose as composeLocally } from "../src/composer.js";
import { answersToSend } from "../src/flow.js";
import { t } from "../src/i18n.js";
import { MSG } from "../src/protocol.js";
import { STALE, debounce, latestOnly } from "../src/schedule.js";
import { fieldsOf, joinDraft, matchesByField, valuesFromComposed } from "./draft.js";
import { createEditorView } from "./editor-view.js";
import { createFindingsView } from "./findings-view.js";

const CHECK_DELAY_MS = 400;
const MAX_CHECK_LENGTH = 20000; // the server's limit, in code points

const $ = (id) => document.getElementById(id);

/**
 * ctx: the panel's shared state ({client, flow, forms, language, page, tabId, settings, review});
 * hooks: setStatus(state, detail) for the server status line, save() to keep ctx.review, onOpen() after the
 * editor shows a draft (the group share box starts unticked).
 */
export function createReview(ctx, { setStatus, save, onOpen = () => {} }) {
  let lastCheck = null; // {check, joined} of the text on screen, to redraw when settings change
  const editor = createEditorView($("editor-fields"), { onInput: edited });
  const findings = createFindingsView($("check-body"), {
    onReplace: (match, replacement) => {
      editor.replace(match, replacement);
      edited(editor.values());
      scheduleCheck.cancel();
      checkNow();
    },
    onSelect: (match) => editor.select(match),
  });
  const runCheck = latestOnly((text, language) => ctx.client.check(text, language));
  const scheduleCheck = debounce(() => checkNow(), CHECK_DELAY_MS);

  const headings = () => ctx.flow.compose.sections;
  const draft = () => ctx.review.draft;
  const labels = () => Object.fromEntries(fieldsOf(draft().layout).map((f) => [f, headings()[f] ?? t(`field_${f}`)]));

  function marketplaceAndLayout() {
    const marketplace = ctx.page?.marketplace && ctx.forms[ctx.page.marketplace] ? ctx.page.marketplace : "generic";
    return { marketplace, layout: ctx.forms[marketplace].layout };
  }

  /** Write the draft from the answers; the server's own check comes with it when it answers. */
  async function compose(answers) {
    const { marketplace, layout } = marketplaceAndLayout();
    const toSend = answersToSend(ctx.flow, answers);
    let composed;
    try {
      composed = await ctx.client.compose(ctx.flow.language, toSend, marketplace);
      setStatus("online");
    } catch (error) {
      if (!(error instanceof OfflineError || error instanceof ApiError)) throw error;
      setStatus(error instanceof OfflineError ? "offline" : "error", error.message);
      composed = composeLocally(ctx.flow, ctx.forms, toSend, marketplace);
    }
    ctx.review.draft = { marketplace, layout, values: valuesFromComposed(layout, composed), rating: composed.rating ?? null };
    await save();
    open();
    // The compose answer holds the check of exactly this text; otherwise check it now.
    const joined = joinDraft(layout, draft().values, headings());
    if (composed.check && composed.text === joined.text) showCheck(composed.check, joined);
    else checkNow();
  }

  /** Show the editor with the saved draft. */
  function open() {
    editor.show({ layout: draft().layout, values: draft().values, headings: headings() });
    findings.clear();
    $("action-result").textContent = "";
    const canFill = Boolean(ctx.page?.marketplace);
    $("insert").disabled = !canFill;
    $("insert").title = canFill ? "" : t("insertNeedsPage");
    onOpen();
  }

  function edited(values) {
    draft().values = values;
    save();
    scheduleCheck();
  }

  async function checkNow() {
    const joined = joinDraft(draft().layout, editor.values(), headings());
    if (!joined.text.trim()) return findings.clear();
    if ([...joined.text].length > MAX_CHECK_LENGTH) {
      findings.clear();
      $("action-result").textContent = t("tooLongToCheck");
      return;
    }
    findings.setState("checking");
    let check;
    try {
      check = await runCheck(joined.text, ctx.flow.language);
    } catch (error) {
      if (error instanceof OfflineError) {
        setStatus("offline");
        findings.setState("offline");
        return;
      }
      if (error instanceof ApiError) return setStatus("error", error.message);
      throw error;
    }
    setStatus("online");
    // A newer check is on its way, or the text changed while this one ran: these offsets no longer fit.
    if (check === STALE || joinDraft(draft().layout, editor.values(), headings()).text !== joined.text) return;
    showCheck(check, joined);
  }

  function showCheck(check, joined) {
    lastCheck = { check, joined };
    const hidden = ctx.settings.hiddenCategories ?? [];
    const byField = matchesByField(joined, check.matches);
    const visible = Object.fromEntries(Object.entries(byField).map(([f, ms]) => [f, ms.filter((m) => !hidden.includes(m.category))]));
    editor.setMatches(visible);
    findings.setState("idle");
    findings.show({ check, byField, values: editor.values(), labels: labels(), hidden });
  }

  /** The fields' values for the page (+ the rating), as protocol.js's FILL_PAGE expects them. */
  function valuesForPage() {
    const values = { ...editor.values() };
    if (draft().rating) values.rating = draft().rating;
    return values;
  }

  async function insert() {
    const result = $("action-result");
    result.textContent = t("inserting");
    let reply;
    try {
      reply = await api.runtime.sendMessage({ type: MSG.FILL_PAGE, tabId: ctx.tabId, marketplace: draft().marketplace, values: valuesForPage() });
    } catch (error) {
      reply = { ok: false, detail: String(error) };
    }
    if (!reply?.ok) {
      result.textContent = t("insertFailed");
      return;
    }
    const names = (fields) => fields.map((f) => (f === "rating" ? t("field_rating") : labels()[f] ?? t(`field_${f}`))).join(", ");
    const parts = [];
    if (reply.filled?.length) parts.push(t("filledFields", names(reply.filled)));
    if (reply.missing?.length) parts.push(t("missingFields", names(reply.missing)));
    if (!reply.filled?.length) parts.push(t("insertNothing"));
    result.textContent = parts.join(" ");
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(text());
      $("action-result").textContent = t("copied");
    } catch {
      $("action-result").textContent = t("copyFailed");
    }
  }

  $("insert").addEventListener("click", insert);
  $("copy").addEventListener("click", copy);

  /** Redraw the last check (after the buyer hid or showed categories). */
  function refresh() {
    if (!draft()) return;
    const current = joinDraft(draft().layout, editor.values(), headings());
    if (lastCheck?.joined.text === current.text) showCheck(lastCheck.check, lastCheck.joined);
    else checkNow();
  }

  /** The draft as one text, as the buyer edited it (what Copy copies). */
  const text = () => joinDraft(draft().layout, editor.values(), headings()).text;

  return { compose, open, checkNow, refresh, text, cancel: () => scheduleCheck.cancel() };
}
