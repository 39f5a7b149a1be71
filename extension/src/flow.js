// The guided flow's rules on the client: which steps show, which are required, and how far the buyer is.
// The same rules as server/answers.py, on the same data (prompts/<lang>.yaml, bundled as JSON).

/** Whether a show_if/optional_if condition holds for these answers. */
export function holds(condition, answers) {
  if (!condition) return false;
  const value = answers[condition.step];
  const values = Array.isArray(value) ? value : [value];
  const found = values.some((v) => condition.in.includes(v));
  return found !== Boolean(condition.not);
}

export const isShown = (step, answers) => !step.show_if || holds(step.show_if, answers);
export const isRequired = (step, answers) => step.required && !holds(step.optional_if, answers);

export function isEmpty(value) {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0) ||
    (typeof value === "string" && value.trim() === "");
}

/** The step's options: its own, or those of the chosen product kind. */
export function optionsOf(step, answers) {
  return step.options ?? step.options_by_kind?.[answers.kind] ?? [];
}

/** The steps to show now, in order. */
export function visibleSteps(flow, answers) {
  return flow.steps.filter((step) => isShown(step, answers));
}

/** Whether the buyer may go on from `step`: a required step needs an answer. */
export function canContinue(step, answers) {
  return !isRequired(step, answers) || !isEmpty(answers[step.id]);
}

/** The answers of visible steps only (what is sent to compose), without empty ones. */
export function answersToSend(flow, answers) {
  const kept = {};
  for (const step of visibleSteps(flow, answers)) {
    const value = answers[step.id];
    if (step.type === "note" || isEmpty(value)) continue;
    kept[step.id] = step.type === "pairs" ? value.filter((p) => p.expected?.trim() && p.actual?.trim()) : value;
    if (step.type === "pairs" && kept[step.id].length === 0) delete kept[step.id];
  }
  return kept;
}

/** {done, total} for the progress indicator: answered visible steps out of all visible ones. */
export function progress(flow, answers, currentIndex) {
  const total = visibleSteps(flow, answers).length;
  return { current: Math.min(currentIndex + 1, total), total };
}
