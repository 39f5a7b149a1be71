// The named messages exchanged between the panel and the service worker. Every message is
// {type: MSG.X, ...payload}; every reply is {ok: true, ...result} or {ok: false, error: "code", detail}.
export const MSG = Object.freeze({
  // panel -> background: which marketplace and product the tab shows, and which review fields it has.
  INSPECT_PAGE: "vesko/inspect-page", // {tabId} -> {ok, marketplace, product: {title, id, seller, url}, fields: [names]}
  // panel -> background: write the draft into the page's review form (never submits it).
  FILL_PAGE: "vesko/fill-page", // {tabId, marketplace, values: {pros, cons, comment, title, body, text, rating}} -> {ok, filled, missing}
});

export const ERRORS = Object.freeze({
  NO_TAB: "no-tab", // no tab to work on
  NOT_ALLOWED: "not-allowed", // the browser refused to run on this page (its own pages, the store, no permission)
  UNKNOWN_MESSAGE: "unknown-message",
});
