// "Also share with my group": an opt-in under the draft, shown only when the buyer set up a group in the
// options. The box starts unticked every time the draft is opened and after every share, and nothing is
// sent until the buyer presses the button: sharing is one explicit decision per review, never a side
// effect of Insert or Copy. Sharing reads the draft and never changes it, so no outcome can lose it.
import { answersToSend } from "../src/flow.js";
import { submitToGroup } from "../src/groups.js";
import { language, t } from "../src/i18n.js";

// The server's limits (server/api/group_schemas.py): a longer field would get the whole review refused.
const LIMITS = { url: 2000, title: 300, external_id: 100, seller: 200 };

const $ = (id) => document.getElementById(id);
const clip = (value, max) => (typeof value === "string" && value.trim() ? [...value.trim()].slice(0, max).join("") : undefined);

/** The product's address without its query and fragment: tracking parameters never leave the browser. */
function plainUrl(href) {
  try {
    const url = new URL(href);
    if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
    return clip(`${url.origin}${url.pathname}`, LIMITS.url);
  } catch {
    return undefined;
  }
}

/** "in 2 minutes" / "через 2 минуты", in the panel's language, with its plural rules. */
function inTime(seconds) {
  const format = new Intl.RelativeTimeFormat(language(), { numeric: "always" });
  if (seconds < 60) return format.format(Math.max(1, seconds), "second");
  if (seconds < 3600) return format.format(Math.ceil(seconds / 60), "minute");
  return format.format(Math.ceil(seconds / 3600), "hour");
}

/** ctx: the panel's shared state; currentText(): the draft as one text, as the buyer edited it. */
export function createShareView(ctx, { currentText }) {
  const box = $("share-consent");
  const send = $("share-send");
  const result = $("share-result");
  let sending = false;

  const group = () => {
    const g = ctx.settings?.group;
    return g?.serverUrl && g?.slug && g?.joinCode ? g : null;
  };
  const host = (g) => { try { return new URL(g.serverUrl).host; } catch { return g.serverUrl; } };

  /** The product as the page shows it, or null when the page named none (the server needs one of three). */
  function product() {
    const shown = ctx.page?.marketplace ? ctx.page.product ?? {} : {};
    const found = { url: plainUrl(shown.url), title: clip(shown.title, LIMITS.title), external_id: clip(shown.id, LIMITS.external_id) };
    return found.url || found.title || found.external_id ? found : null;
  }

  function say(message, state = "") {
    result.dataset.state = state;
    result.textContent = message;
  }

  const showButton = (shown) => { send.hidden = !shown; };

  /** Back to the unticked box: called whenever a draft is opened and when the group settings change. */
  function reset() {
    const g = group();
    $("share").hidden = !g || !ctx.review?.draft;
    box.checked = false;
    showButton(false);
    say("");
    if (!g) return;
    $("share-label").textContent = t("shareConsent", g.slug);
    const known = Boolean(product());
    box.disabled = !known;
    $("share-help").textContent = known ? t("shareHelp") : t("shareNeedsProduct");
  }

  function submission() {
    const answers = answersToSend(ctx.flow, ctx.review.answers);
    const draft = ctx.review.draft;
    const rating = Number.isInteger(answers.rating) ? answers.rating : undefined;
    const text = currentText();
    return {
      language: ctx.flow.language,
      marketplace: draft.marketplace,
      product: product(),
      seller: clip(ctx.page?.product?.seller, LIMITS.seller),
      rating,
      answers,
      text: text.trim() ? text : undefined,
    };
  }

  function outcomeMessage(answer, g) {
    switch (answer.outcome) {
      case "shared": return [t("shareDone", g.slug), "ok"];
      case "duplicate": return [t("shareDuplicate"), "ok"];
      case "too-many": return [answer.retryAfter ? t("shareTooMany", inTime(answer.retryAfter)) : t("shareTooManyLater"), "error"];
      case "join-code": return [t("shareJoinCode"), "error"];
      case "no-group": return [t("shareNoGroup", g.slug, host(g)), "error"];
      case "refused": return [t("shareRefused", answer.message), "error"];
      default: return [t("shareUnreachable", host(g)), "error"];
    }
  }

  async function share() {
    const g = group();
    if (!g || !box.checked || sending || !product()) return;
    sending = true;
    send.disabled = true;
    say(t("sharing"));
    let answer;
    try {
      answer = await submitToGroup(g, submission());
    } catch (error) {
      console.warn("Vesko: sharing with the group failed", error);
      answer = { outcome: "unreachable" };
    } finally {
      sending = false;
      send.disabled = false;
    }
    say(...outcomeMessage(answer, g));
    if (answer.outcome === "shared" || answer.outcome === "duplicate") {
      // Done: the next share is a new decision. Focus leaves the button before it hides.
      box.checked = false;
      box.focus();
      showButton(false);
    }
  }

  box.addEventListener("change", () => {
    showButton(box.checked);
    say("");
  });
  send.addEventListener("click", share);

  return { reset };
}
