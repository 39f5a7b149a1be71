// The one cross-browser shim: Firefox has a promise-based `browser`, Chromium a promise-capable `chrome`.
// Everything else imports `api` from here and never touches either global directly.
export const api = globalThis.browser ?? globalThis.chrome;

// Chromium's side panel and Firefox's sidebar are opened differently; both are optional features.
export const hasSidePanel = Boolean(api?.sidePanel);
export const hasSidebar = Boolean(api?.sidebarAction);
