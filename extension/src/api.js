// The Vesko server's HTTP API, from the extension's pages. Only called after the buyer opens Vesko.

export class OfflineError extends Error {
  constructor(cause) {
    super("The Vesko server cannot be reached");
    this.name = "OfflineError";
    this.cause = cause;
  }
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.body = body;
  }
}

export function createClient(baseUrl, { timeoutMs = 8000, fetchImpl = globalThis.fetch } = {}) {
  const root = baseUrl.replace(/\/+$/, "");

  async function send(path, { method = "GET", body, headers = {} } = {}) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response;
    try {
      response = await fetchImpl(`${root}${path}`, {
        method,
        headers: body === undefined ? headers : { "Content-Type": "application/json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
    } catch (error) {
      throw new OfflineError(error);
    } finally {
      clearTimeout(timer);
    }
    if (response.status === 304) return { response, data: null };
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, data);
    return { response, data };
  }

  const request = async (path, options) => (await send(path, options)).data;

  /** The flow and its ETag; given the ETag of a cached copy, {notModified: true} while it is current. */
  async function flow(language, etag) {
    const { response, data } = await send(`/api/v1/flows/${language}`, { headers: etag ? { "If-None-Match": etag } : {} });
    if (response.status === 304) return { notModified: true, etag };
    return { flow: data, etag: response.headers.get("ETag") };
  }

  return {
    health: () => request("/api/v1/health"),
    flows: () => request("/api/v1/flows"),
    flow,
    check: (text, language = "auto") => request("/api/v1/check", { method: "POST", body: { text, language } }),
    compose: (language, answers, marketplace) =>
      request("/api/v1/compose", { method: "POST", body: { language, answers, marketplace } }),
  };
}
