// Runs IN THE PAGE (scripting.executeScript serialises the function): no imports, no outer variables.
// Writes the draft into the page's review form the way typing would, so React/Vue forms keep it, and
// NEVER submits: the buyer reads the form and presses the marketplace's own button.
// The adapter vocabulary is described in inspect.js (the two cannot share code: each is sent alone).
export function fillPage(adapter, values) {
  const EDITABLE = "textarea, input:not([type]), input[type='text'], [contenteditable=''], [contenteditable='true'], [contenteditable='plaintext-only']";
  const HIGHLIGHT = "data-vesko-highlight"; // holds the element's own inline style while ours is shown

  function queryAll(selector, root = document) {
    try {
      return [...root.querySelectorAll(selector)];
    } catch {
      return [];
    }
  }

  function visible(el) {
    if (!el.isConnected || !el.getClientRects().length) return false;
    const style = getComputedStyle(el);
    return style.visibility !== "hidden" && style.display !== "none";
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

  // The generic adapter: the box the buyer is in, else the largest one on the page.
  function fallbackField(taken) {
    const active = document.activeElement;
    if (active && active !== document.body && active.matches(EDITABLE) && visible(active) && !taken.has(active)) return active;
    const area = (el) => el.getBoundingClientRect().width * el.getBoundingClientRect().height;
    const boxes = queryAll("textarea, [contenteditable=''], [contenteditable='true'], [contenteditable='plaintext-only']")
      .filter((el) => visible(el) && !taken.has(el) && !el.disabled && !el.readOnly);
    return boxes.sort((a, b) => area(b) - area(a))[0] ?? null;
  }

  // React keeps its own copy of an input's value and only reports a change when the DOM value differs
  // from it, so the value goes through the prototype's setter (not React's per-node one), then the events
  // a keystroke would send. Vue and plain pages listen to the same events.
  function setControlValue(el, text) {
    el.focus({ preventScroll: true });
    const prototype = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(prototype, "value").set.call(el, text);
    el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // Rich editors (Draft.js, ProseMirror, Lexical...) rebuild their DOM from their own model; insertText
  // goes through their beforeinput handling like a paste. A plain contenteditable takes the text directly.
  function setEditableText(el, text) {
    el.focus({ preventScroll: true });
    const range = document.createRange();
    range.selectNodeContents(el);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    let inserted = false;
    try {
      inserted = document.execCommand("insertText", false, text);
    } catch {
      inserted = false;
    }
    if (!inserted || !el.textContent.trim()) {
      el.textContent = text;
      el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text }));
    }
  }

  function write(el, text) {
    if (el.isContentEditable) setEditableText(el, text);
    else setControlValue(el, text);
  }

  // A green ring that fades, then the element's own inline style comes back. The saved style lives on the
  // element, so a second fill before the first fades does not save our ring as "the original".
  function highlight(el) {
    if (!el.hasAttribute(HIGHLIGHT)) {
      el.setAttribute(HIGHLIGHT, JSON.stringify({ outline: el.style.outline, outlineOffset: el.style.outlineOffset, transition: el.style.transition }));
    }
    el.style.transition = "none"; // the ring appears at once; only its fading is animated
    el.style.outline = "3px solid rgba(22, 128, 60, 0.95)";
    el.style.outlineOffset = "2px";
    setTimeout(() => {
      el.style.transition = "outline-color 1s ease-out";
      el.style.outlineColor = "rgba(22, 128, 60, 0)";
    }, 1200);
    setTimeout(() => {
      const saved = el.getAttribute(HIGHLIGHT);
      if (saved === null) return;
      Object.assign(el.style, JSON.parse(saved));
      el.removeAttribute(HIGHLIGHT);
    }, 2400);
  }

  function ratingControl(candidates, stars) {
    for (const candidate of candidates ?? []) {
      if (candidate.includes("{n}")) {
        const [el] = queryAll(candidate.replaceAll("{n}", String(stars)));
        if (el) return el;
      } else {
        const all = queryAll(candidate);
        if (all.length >= 5 && all[stars - 1]) return all[stars - 1];
      }
    }
    return null;
  }

  function clickLikeAPerson(el) {
    // A hidden radio is chosen through its label when it has one; hover first for widgets that paint on it.
    const target = el.matches("input") && !visible(el) && el.labels?.[0] ? el.labels[0] : el;
    target.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    target.click();
  }

  const filled = [];
  const missing = [];
  const touched = [];
  const taken = new Set();
  for (const [name, candidates] of Object.entries(adapter.fields ?? {})) {
    const text = values?.[name];
    if (typeof text !== "string" || !text.trim()) continue;
    let el = findField(candidates, taken);
    if (!el && adapter.fallback) el = fallbackField(taken);
    if (!el) {
      missing.push(name);
      continue;
    }
    taken.add(el);
    write(el, text);
    filled.push(name);
    touched.push(el);
  }
  // Values the adapter has no field for (e.g. "pros" on a one-box form) are missing too: the panel says so.
  for (const [name, value] of Object.entries(values ?? {})) {
    if (name !== "rating" && !(name in (adapter.fields ?? {})) && typeof value === "string" && value.trim()) missing.push(name);
  }

  const stars = Number(values?.rating);
  if (Number.isInteger(stars) && stars >= 1 && stars <= 5) {
    const control = ratingControl(adapter.rating, stars);
    if (control) {
      clickLikeAPerson(control);
      filled.push("rating");
      touched.push(control.matches("input") && control.labels?.[0] ? control.labels[0] : control);
    } else {
      missing.push("rating");
    }
  }

  touched.forEach(highlight);
  if (touched.length) touched[0].scrollIntoView({ block: "center", behavior: "smooth" });
  // Leave the caret in the last box written, where the buyer would go on typing; never press submit.
  return { filled, missing };
}
