// The draft's editor: one textarea per field of the marketplace's form. Behind each textarea lies a
// mirrored layer with the same text, font and wrapping, where findings are <mark>ed; the textarea itself is
// transparent, so the buyer types in a real, accessible text box and sees the underlines through it.
import { t } from "../src/i18n.js";
import { applyReplacement } from "../src/offsets.js";
import { fieldsOf, highlightPieces } from "./draft.js";
import { fill, h, uid } from "./dom.js";

/** onInput(values, field) on every edit. */
export function createEditorView(root, { onInput }) {
  let boxes = {}; // field -> {area, backdrop}
  let matches = {};

  function show({ layout, values, headings }) {
    boxes = {};
    matches = {};
    const fields = fieldsOf(layout).map((field) => {
      const id = uid(`field-${field}`);
      const backdrop = h("div", { class: "backdrop", "aria-hidden": "true" });
      const area = h("textarea", {
        id, class: "draft-field", rows: field === "title" ? 1 : 2, spellcheck: false, value: values[field] ?? "",
        dataset: { field },
        oninput: () => {
          matches[field] = []; // the old ranges no longer fit; the next check brings new ones
          sync(field);
          onInput(currentValues(), field);
        },
        onscroll: () => { backdrop.scrollTop = area.scrollTop; },
        onkeydown: field === "title" ? (e) => { if (e.key === "Enter") e.preventDefault(); } : undefined,
      });
      boxes[field] = { area, backdrop };
      const heading = headings[field] ?? t(`field_${field}`);
      return h("div", { class: "field", dataset: { field } },
        h("label", { for: id, class: "field-label" }, heading),
        h("div", { class: "editor-box" }, backdrop, area));
    });
    fill(root, fields);
    for (const field of Object.keys(boxes)) sync(field);
  }

  // Re-grow the textarea to its content (so neither layer ever scrolls) and redraw the marks.
  function sync(field) {
    const { area, backdrop } = boxes[field];
    area.style.height = "auto";
    const border = area.offsetHeight - area.clientHeight;
    area.style.height = `${area.scrollHeight + border}px`;
    const pieces = highlightPieces(area.value, matches[field] ?? []);
    fill(backdrop, pieces.map((piece) => piece.match
      ? h("mark", { class: `sev-${piece.match.severity}`, dataset: { category: piece.match.category } }, piece.text)
      : piece.text));
    // A trailing newline has no height in a div unless something follows it.
    if (area.value.endsWith("\n")) backdrop.append("\u200b");
    backdrop.scrollTop = area.scrollTop;
  }

  const resize = new ResizeObserver(() => Object.keys(boxes).forEach(sync));
  resize.observe(root);

  function currentValues() {
    return Object.fromEntries(Object.entries(boxes).map(([field, { area }]) => [field, area.value]));
  }

  /** Show these matches (field -> matches with start/end in that field's value). */
  function setMatches(byField) {
    matches = byField;
    for (const field of Object.keys(boxes)) sync(field);
  }

  /** Replace one match's span in its field, as if the buyer had typed it. */
  function replace(match, replacement) {
    const box = boxes[match.field];
    if (!box) return;
    const { area } = box;
    area.value = applyReplacement(area.value, match, replacement);
    matches[match.field] = [];
    sync(match.field);
    area.focus();
    area.setSelectionRange(match.start + replacement.length, match.start + replacement.length);
  }

  /** Put the caret on a match's span, so the buyer can rewrite it. */
  function select(match) {
    const area = boxes[match.field]?.area;
    if (!area) return;
    area.focus();
    area.setSelectionRange(match.start, match.end);
  }

  return { show, setMatches, replace, select, values: currentValues };
}
