// The buyer's consumer group: where it lives (parsed from the address its organisers share) and sharing one
// review with it. Nothing is sent unless the buyer ticks the box for that review and presses the button.
// No browser APIs here, so tests/extension/groups.test.js runs it under Node.

// The server's slug rule (server/groups.py SLUG_RE): lower-case letters, digits and dashes, up to 64.
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const TIMEOUT_MS = 10000;

const withoutTrailingSlash = (text) => text.replace(/\/+$/, "");

/**
 * Where the group lives, from what the buyer pasted: the group page's address as organisers share it
 * (https://vesko.example.org/groups/parents-chat, with or without https://, a path prefix, a trailing
 * slash or the API's /api/v1/groups/<slug>/... form), or only the group's short name (parents-chat), which
 * means a group on the checking server. → {serverUrl, slug}, or {error: "empty" | "invalid" | "no-group"}.
 */
export function parseGroupAddress(input, checkingServerUrl) {
  const raw = String(input ?? "").trim();
  if (!raw) return { error: "empty" };
  if (SLUG.test(raw.toLowerCase())) {
    return checkingServerUrl ? { serverUrl: withoutTrailingSlash(checkingServerUrl), slug: raw.toLowerCase() } : { error: "invalid" };
  }
  let url;
  try {
    // People paste "vesko.example.org/groups/x" as often as the full link; the https:// is implied.
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return { error: "invalid" };
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname || url.username || url.password) {
    return { error: "invalid" };
  }
  const segments = url.pathname.split("/").filter(Boolean);
  const at = segments.lastIndexOf("groups");
  if (at === -1 || at + 1 >= segments.length) return { error: "no-group" };
  let slug;
  try {
    slug = decodeURIComponent(segments[at + 1]).toLowerCase();
  } catch {
    return { error: "no-group" };
  }
  if (!SLUG.test(slug)) return { error: "no-group" };
  // The server may live under a path (https://example.org/vesko/groups/x); the API form ends in /api/v1.
  const prefix = segments.slice(0, at);
  if (prefix.at(-2) === "api" && prefix.at(-1) === "v1") prefix.splice(-2);
  const path = prefix.length ? `/${prefix.join("/")}` : "";
  return { serverUrl: `${url.origin}${path}`, slug };
}

/** Seconds to wait from a Retry-After header (seconds or an HTTP date), or null when there is none. */
function retryAfterSeconds(header, now) {
  if (!header) return null;
  if (/^\s*\d+\s*$/.test(header)) return Number(header);
  const when = Date.parse(header);
  return Number.isNaN(when) ? null : Math.max(0, Math.ceil((when - now) / 1000));
}

/**
 * Share one review with the group: POST /api/v1/groups/<slug>/submissions with the join code.
 * group: {serverUrl, slug, joinCode}; submission: the request body (README, "Consumer groups").
 * Never throws for what the buyer can meet; resolves to one outcome for the panel to say:
 *   {outcome: "shared", id} | {outcome: "duplicate"} (409) | {outcome: "too-many", retryAfter: seconds|null}
 *   | {outcome: "join-code"} (401/403) | {outcome: "no-group"} (404) | {outcome: "refused", message} (422, others)
 *   | {outcome: "unreachable"} (network error, timeout, or an answer that is not the group's server's JSON)
 */
export async function submitToGroup(group, submission, { fetchImpl = globalThis.fetch, timeoutMs = TIMEOUT_MS, now = Date.now } = {}) {
  const url = `${withoutTrailingSlash(group.serverUrl)}/api/v1/groups/${encodeURIComponent(group.slug)}/submissions`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response;
  try {
    response = await fetchImpl(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Vesko-Join-Code": group.joinCode },
      body: JSON.stringify(submission),
      signal: controller.signal,
      credentials: "omit", // the group needs no cookie of the buyer's, and the server stores none
    });
  } catch {
    return { outcome: "unreachable" };
  } finally {
    clearTimeout(timer);
  }
  const body = await response.json().catch(() => null);
  switch (response.status) {
    case 201:
    case 200:
      return body && Number.isInteger(body.id) ? { outcome: "shared", id: body.id } : { outcome: "unreachable" };
    case 409:
      return { outcome: "duplicate" };
    case 429:
      return { outcome: "too-many", retryAfter: retryAfterSeconds(response.headers.get("Retry-After"), now()) };
    case 401:
    case 403:
      return { outcome: "join-code" };
    case 404:
      // A Vesko server says which group it lacks; a 404 page of some other site means a wrong address.
      return body?.code === 404 ? { outcome: "no-group" } : { outcome: "unreachable" };
    default:
      return body?.message ? { outcome: "refused", message: body.message } : { outcome: "unreachable" };
  }
}
