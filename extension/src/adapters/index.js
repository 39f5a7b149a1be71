// Which adapter serves a page. Adapters are data (one file per marketplace); this picks one by host and path.
import aliexpress from "./aliexpress.js";
import amazon from "./amazon.js";
import ebay from "./ebay.js";
import generic from "./generic.js";
import ozon from "./ozon.js";
import wildberries from "./wildberries.js";
import yandexMarket from "./yandex_market.js";

/** Every adapter, marketplaces first; the generic one last (it matches no host of its own). */
export const ADAPTERS = Object.freeze([ozon, wildberries, yandexMarket, aliexpress, amazon, ebay, generic]);

// Pages served from the machine itself: fixtures and local shops get the generic adapter without the
// "any site" switch, so it can be tried (and tested) without granting access to every site.
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

function hostMatches(hostname, suffix) {
  return hostname === suffix || hostname.endsWith(`.${suffix}`);
}

/**
 * The adapter for `url`, or null.
 * A marketplace's adapter needs its host and one of its product/review paths: its home page or a
 * catalogue has no review form, so the panel says "open a product" instead of pretending.
 * On a marketplace host whose path is not a product page the answer is null even with anySite: the
 * generic adapter would only guess worse than the marketplace's own.
 */
export function adapterFor(url, { anySite = false } = {}) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  const hostname = parsed.hostname.toLowerCase();
  const where = parsed.pathname + parsed.search;
  for (const adapter of ADAPTERS) {
    if (!adapter.hosts.some((suffix) => hostMatches(hostname, suffix))) continue;
    return adapter.paths.some((pattern) => new RegExp(pattern).test(where)) ? adapter : null;
  }
  return anySite || LOCAL_HOSTS.has(hostname) ? generic : null;
}
