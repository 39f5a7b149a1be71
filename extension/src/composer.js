// The draft written on the client, for when the server cannot be reached. It follows server/compose.py
// step by step on the same data; tests/fixtures/compose_cases.json holds drafts both must write alike.
import { isEmpty, optionsOf, visibleSteps } from "./flow.js";

const SECTIONS = ["pros", "cons", "comment"];
const SENTENCE_END = /(?:[.!?…]|\){2,}|[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}]\uFE0F?)[»"”’')\]]*$/u;

/** The buyer's words as a sentence: trimmed, capitalised, with final punctuation. */
export function finish(text) {
  let result = text.trim();
  const first = result.charAt(0);
  if (first && first !== first.toUpperCase() && first === first.toLowerCase()) {
    result = first.toUpperCase() + result.slice(1);
  }
  return SENTENCE_END.test(result) ? result : `${result}.`;
}

function pad(number) {
  return String(number).padStart(2, "0");
}

export function formatDate(iso, wording) {
  const [year, month, day] = iso.split("-").map(Number);
  return wording.date_format
    .replace("{day:02}", pad(day))
    .replace("{month:02}", pad(month))
    .replace("{day}", String(day))
    .replace("{month_name}", wording.months[month - 1])
    .replace("{year}", String(year));
}

function sentences(step, value, wording, answers) {
  if (step.type === "single" || step.type === "multi") {
    const chosen = Array.isArray(value) ? value : [value];
    return optionsOf(step, answers)
      .filter((o) => chosen.includes(o.id)) // in the flow's order, as the server writes them
      .map((o) => o.phrase ?? o.label)
      .filter((phrase) => phrase !== "");
  }
  if (step.type === "text") return [wording.sentences[step.id].replace("{text}", finish(value))];
  if (step.type === "date") return [wording.sentences[step.id].replace("{date}", formatDate(value, wording))];
  if (step.type === "pairs") {
    return value.map((p) => wording.expectation.replace("{expected}", finish(p.expected)).replace("{actual}", finish(p.actual)));
  }
  return [];
}

function headline(parts, rating, wording) {
  const stars = rating ?? 3;
  const preferred = stars >= 4 ? parts.pros : parts.cons;
  const first = preferred.length ? preferred : parts.cons.length ? parts.cons : parts.pros;
  if (first.length && first[0].length <= 80) return first[0].replace(/[.!…]+$/u, "");
  return wording.titles[stars <= 2 ? "low" : stars === 3 ? "middle" : "high"];
}

/** {text, sections, title, rating} for `marketplace`, like POST /api/v1/compose without the check. */
export function compose(flow, forms, answers, marketplace) {
  const wording = flow.compose;
  const parts = { pros: [], cons: [], comment: [] };
  for (const step of visibleSteps(flow, answers)) {
    const value = answers[step.id];
    if (!step.section || isEmpty(value)) continue;
    parts[step.section].push(...sentences(step, value, wording, answers));
  }
  const joined = Object.fromEntries(SECTIONS.map((s) => [s, parts[s].join(" ")]));
  const rating = answers.rating ?? null;
  const layout = (forms[marketplace] ?? forms.generic).layout;
  if (layout === "sections") {
    const text = SECTIONS.filter((s) => joined[s]).map((s) => `${wording.sections[s]}: ${joined[s]}`).join("\n");
    return { text, sections: joined, title: null, rating };
  }
  if (layout === "body") {
    const title = headline(parts, rating, wording);
    const paragraphs = [
      joined.cons ? `${wording.leads.cons}: ${joined.cons}` : "",
      joined.pros ? `${wording.leads.pros}: ${joined.pros}` : "",
      joined.comment,
    ].filter(Boolean);
    const body = paragraphs.join("\n\n");
    return { text: `${title}\n\n${body}`, sections: { body }, title, rating };
  }
  const lines = rating ? [wording.rating_line.replace("{rating}", String(rating))] : [];
  lines.push(...SECTIONS.filter((s) => joined[s]).map((s) => `${wording.sections[s]}: ${joined[s]}`));
  const text = lines.join("\n");
  return { text, sections: { text }, title: null, rating };
}
