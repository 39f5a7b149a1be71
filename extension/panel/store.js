// Where the panel's data comes from and where the buyer's answers are kept.
import { OfflineError } from "../src/api.js";
import { api } from "../src/browser.js";

// Answers live only as long as the browser session; storage.session is missing in older browsers.
const sessionArea = api.storage.session ?? api.storage.local;
const FLOW_CACHE = (language) => `flowCache:${language}`;
const PRODUCT = (key) => `review:${key}`;

async function bundled(file) {
  const response = await fetch(api.runtime.getURL(`prompts/${file}`));
  return response.json();
}

/** The marketplaces' forms: always the bundled copy (the server has no endpoint for them). */
export const loadForms = () => bundled("forms.json");

/** The languages that have a bundled flow. */
export const bundledLanguages = () => bundled("index.json");

/**
 * The flow in `language`: from the server (revalidating the cached copy with its ETag), else the cached
 * copy, else the one bundled with the extension. `offline` says the server could not be reached.
 */
export async function loadFlow(client, language) {
  const cached = (await api.storage.local.get(FLOW_CACHE(language)))[FLOW_CACHE(language)];
  try {
    const answer = await client.flow(language, cached?.etag);
    if (answer.notModified && cached) return { flow: cached.flow, offline: false };
    await api.storage.local.set({ [FLOW_CACHE(language)]: { flow: answer.flow, etag: answer.etag } });
    return { flow: answer.flow, offline: false };
  } catch (error) {
    const offline = error instanceof OfflineError;
    if (!offline) console.warn("Vesko: the server's flow was refused, using a local copy", error);
    return { flow: cached?.flow ?? (await bundled(`${language}.json`)), offline, error: offline ? null : error };
  }
}

/** The saved review of one product: {answers, stepId, draft}. */
export async function loadReview(key) {
  return (await sessionArea.get(PRODUCT(key)))[PRODUCT(key)] ?? { answers: {}, stepId: null, draft: null };
}

export async function saveReview(key, review) {
  await sessionArea.set({ [PRODUCT(key)]: review });
}

export async function forgetReview(key) {
  await sessionArea.remove(PRODUCT(key));
}
