// The server counts offsets in Unicode code points; JavaScript strings index UTF-16 code units.
// An emoji is one code point but two units, so every range must be converted before use.

/** A function mapping a code-point offset of `text` to its UTF-16 index. */
export function codePointsToUtf16(text) {
  const indices = [];
  let unit = 0;
  for (const character of text) {
    indices.push(unit);
    unit += character.length;
  }
  indices.push(unit);
  return (offset) => indices[Math.min(Math.max(offset, 0), indices.length - 1)];
}

/** Matches from /api/v1/check with `start`/`end` added in UTF-16 units of `text`. */
export function withRanges(text, matches) {
  const toUtf16 = codePointsToUtf16(text);
  return matches.map((match) => ({
    ...match,
    start: toUtf16(match.offset),
    end: toUtf16(match.offset + match.length),
  }));
}

/** `text` with one match's span replaced (by its UTF-16 range). */
export function applyReplacement(text, match, replacement) {
  return text.slice(0, match.start) + replacement + text.slice(match.end);
}
