// The draft's pure logic: which fields a marketplace's form has, how they are joined into the one text the
// server checks, and how the server's matches map back to the field they fall in. No browser APIs here,
// so tests/extension/panel-logic.test.js runs it under Node.
import { withRanges } from "../src/offsets.js";
import { optionsOf, visibleSteps } from "../src/flow.js";

export const FIELDS_BY_LAYOUT = Object.freeze({
  sections: ["pros", "cons", "comment"],
  body: ["title", "body"],
  text: ["text"],
});

export function fieldsOf(layout) {
  return FIELDS_BY_LAYOUT[layout] ?? FIELDS_BY_LAYOUT.text;
}

/** The editor's values from a compose result ({sections, title}). */
export function valuesFromComposed(layout, composed) {
  const values = {};
  for (const field of fieldsOf(layout)) {
    values[field] = field === "title" ? composed.title ?? "" : composed.sections?.[field] ?? "";
  }
  return values;
}

/**
 * The whole draft as one text, joined the way the composer joins it (so the check sees what a reader
 * will), and where each field's value lies in it: segments of {field, start, end} in UTF-16 units.
 */
export function joinDraft(layout, values, headings = {}) {
  const segments = [];
  let text = "";
  const append = (field, prefix, value) => {
    text += prefix;
    segments.push({ field, start: text.length, end: text.length + value.length });
    text += value;
  };
  if (layout === "sections") {
    for (const field of FIELDS_BY_LAYOUT.sections) {
      const value = values[field] ?? "";
      if (!value.trim()) continue;
      append(field, `${text ? "\n" : ""}${headings[field] ?? field}: `, value);
    }
  } else if (layout === "body") {
    append("title", "", values.title ?? "");
    append("body", "\n\n", values.body ?? "");
  } else {
    append("text", "", values.text ?? "");
  }
  return { text, segments };
}

/**
 * The matches of a check of `joined.text`, per field, with `start`/`end` in UTF-16 units of that field's
 * value. A match that spills over a field's edge (into a heading or the next field) is clipped to the
 * field and loses its replacements, which were written for the whole span.
 */
export function matchesByField(joined, matches) {
  const byField = {};
  for (const segment of joined.segments) byField[segment.field] = [];
  for (const match of withRanges(joined.text, matches)) {
    const segment = joined.segments.find((s) => match.start < s.end && match.end > s.start);
    if (!segment) continue; // only in a heading or a separator
    const start = Math.max(match.start, segment.start);
    const end = Math.min(match.end, segment.end);
    const clipped = start !== match.start || end !== match.end;
    byField[segment.field].push({
      ...match,
      field: segment.field,
      start: start - segment.start,
      end: end - segment.start,
      replacements: clipped ? [] : match.replacements ?? [],
    });
  }
  return byField;
}

/**
 * The answers with choices that no longer exist dropped: after the product kind changes, the reasons
 * picked for the old kind are not options any more, and the server would refuse them.
 */
export function validAnswers(flow, answers) {
  const kept = { ...answers };
  for (const step of flow.steps) {
    if (step.type !== "single" && step.type !== "multi") continue;
    if (kept[step.id] === undefined) continue;
    const ids = new Set(optionsOf(step, kept).map((o) => o.id));
    if (step.type === "single" && !ids.has(kept[step.id])) delete kept[step.id];
    if (step.type === "multi") {
      const chosen = (kept[step.id] ?? []).filter((id) => ids.has(id));
      if (chosen.length) kept[step.id] = chosen;
      else delete kept[step.id];
    }
  }
  return kept;
}

/** Where the buyer is: the index of step `stepId` among the visible steps (the first if it is hidden now). */
export function stepIndex(flow, answers, stepId) {
  const index = visibleSteps(flow, answers).findIndex((s) => s.id === stepId);
  return Math.max(index, 0);
}

/** The key answers are kept under: one review per product, whichever tab shows it. */
export function productKey(page) {
  if (!page?.marketplace) return "page:none";
  const product = page.product ?? {};
  const id = product.id || product.url || page.url || "";
  return `${page.marketplace}:${id}`;
}

/** Ready to publish: the server finds nothing a marketplace removes a review for. */
export function isReady(check) {
  return Boolean(check) && check.summary?.publishable === true;
}

const SEVERITY_RANK = { error: 3, warning: 2, hint: 1 };

/** Non-overlapping pieces of `text`: {text, match|null}; where matches overlap, the earlier one wins. */
export function highlightPieces(text, matches) {
  const pieces = [];
  let at = 0;
  const sorted = [...matches].sort((a, b) => a.start - b.start || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  for (const match of sorted) {
    const start = Math.max(match.start, at);
    if (match.end <= start) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), match: null });
    pieces.push({ text: text.slice(start, match.end), match });
    at = match.end;
  }
  pieces.push({ text: text.slice(at), match: null });
  return pieces;
}
