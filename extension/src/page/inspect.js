// Runs IN THE PAGE (scripting.executeScript serialises the function): no imports, no outer variables.
// It only reads: which product the page shows and which review fields are there and visible.
//
// Adapter vocabulary (see adapters/*.js), shared with fill.js:
//   selectors, tried in order; "sel@attr" reads an attribute instead of the text;
//   "label:A|B" finds an editable box whose accessible name (aria-label, placeholder, <label>,
//   aria-labelledby, title) contains A or B (case-insensitive);
//   rating selectors with "{n}" name the control for N stars, without it the Nth match is N stars.
export function inspectPage(adapter) {
  const EDITABLE = "textarea, input:not([type]), input[type='text'], [contenteditable=''], [contenteditable='true'], [contenteditable='plaintext-only']";

  function queryAll(selector, root = document) {
    try {
      return [...root.querySelectorAll(selector)];
    } catch {
      return []; // a selector this browser does not understand must not break the others
    }
  }

  function visible(el) {
    if (!el.isConnected || !el.getClientRects().length) return false;
    const style = getComputedStyle(el);
    return style.visibility !== "hidden" && style.display !== "none";
  }

  function squash(text) {
    return (text ?? "").replace(/\s+/g, " ").trim();
  }

  function readFirst(candidates) {
    for (const candidate of candidates ?? []) {
      const at = candidate.lastIndexOf("@");
      const attribute = at > 0 && !candidate.slice(at).includes("]") ? candidate.slice(at + 1) : null;
      const selector = attribute ? candidate.slice(0, at) : candidate;
      for (const el of queryAll(selector)) {
        const value = squash(attribute ? el.getAttribute(attribute) : el.textContent);
        if (value) return value;
      }
    }
    return null;
  }

  function productId(product) {
    const where = location.pathname + location.search;
    for (const pattern of product.idFromUrl ?? []) {
      const match = new RegExp(pattern).exec(where);
      if (match?.[1]) return match[1];
    }
    const text = readFirst(product.id);
    if (!text || !product.idPattern) return text; // e.g. a shop's own SKU, "KT-6120-WHT", is the id as it stands
    const match = new RegExp(product.idPattern).exec(text); // "Артикул: 1234567890" -> "1234567890"
    return match ? match[1] : text;
  }

  function accessibleName(el) {
    const parts = [el.getAttribute("aria-label"), el.getAttribute("placeholder"), el.getAttribute("title")];
    for (const label of el.labels ?? []) parts.push(label.textContent);
    for (const id of (el.getAttribute("aria-labelledby") ?? "").split(/\s+/).filter(Boolean)) {
      parts.push(document.getElementById(id)?.textContent);
    }
    return parts.filter(Boolean).join(" ").toLowerCase();
  }

  function editableIn(el) {
    return el.matches(EDITABLE) ? el : el.querySelector(EDITABLE);
  }

  function findField(candidates, taken) {
    for (const candidate of candidates ?? []) {
      const matches = candidate.startsWith("label:")
        ? queryAll(EDITABLE).filter((el) => candidate.slice(6).toLowerCase().split("|").some((word) => accessibleName(el).includes(word)))
        : queryAll(candidate);
      for (const match of matches) {
        const el = editableIn(match);
        if (el && !taken.has(el) && visible(el) && !el.disabled && !el.readOnly) return el;
      }
    }
    return null;
  }

  function fallbackField(taken) {
    const active = document.activeElement;
    if (active && active !== document.body && active.matches(EDITABLE) && visible(active) && !taken.has(active)) return active;
    const area = (el) => el.getBoundingClientRect().width * el.getBoundingClientRect().height;
    const boxes = queryAll("textarea, [contenteditable=''], [contenteditable='true'], [contenteditable='plaintext-only']")
      .filter((el) => visible(el) && !taken.has(el) && !el.disabled && !el.readOnly);
    return boxes.sort((a, b) => area(b) - area(a))[0] ?? null;
  }

  function hasRating(candidates) {
    return (candidates ?? []).some((candidate) =>
      candidate.includes("{n}") ? queryAll(candidate.replaceAll("{n}", "5")).length > 0 : queryAll(candidate).length >= 5,
    );
  }

  const taken = new Set();
  const fields = [];
  for (const [name, candidates] of Object.entries(adapter.fields ?? {})) {
    let el = findField(candidates, taken);
    if (!el && adapter.fallback) el = fallbackField(taken);
    if (el) {
      taken.add(el);
      fields.push(name);
    }
  }
  const product = adapter.product ?? {};
  return {
    product: { title: readFirst(product.title), id: productId(product), seller: readFirst(product.seller), url: location.href },
    fields,
    rating: hasRating(adapter.rating),
  };
}
