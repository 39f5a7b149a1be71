// What the live check found: a summary (announced), the list of findings with one-click replacements,
// and the checklist of the four points a useful review covers.
import { t } from "../src/i18n.js";
import { fill, h } from "./dom.js";

const COVERAGE_POINTS = ["disappointment", "expectations", "recommend", "buy_again"];
const MAX_REPLACEMENTS = 3;

/** onReplace(match, replacement), onSelect(match). */
export function createFindingsView(root, { onReplace, onSelect }) {
  const summary = h("p", { id: "check-summary", class: "check-summary", role: "status", "aria-live": "polite" });
  const list = h("ul", { id: "findings", class: "findings", "aria-labelledby": "findings-heading" });
  const listHeading = h("h3", { id: "findings-heading", class: "visually-hidden" });
  const coverageHeading = h("h3", { id: "coverage-heading", class: "coverage-heading" });
  const coverage = h("ul", { id: "coverage", class: "coverage", "aria-labelledby": "coverage-heading" });
  fill(root, summary, listHeading, list, coverageHeading, coverage);

  /** Findings are hidden until a check answers; `state` is "checking", "offline" or "idle". */
  function setState(state) {
    root.dataset.state = state;
    if (state === "checking" && !root.dataset.checked) summary.textContent = t("checking");
    if (state === "offline") {
      summary.className = "check-summary offline";
      summary.textContent = t("checkOffline");
      fill(list);
      fill(coverage);
      coverageHeading.hidden = true;
    }
  }

  /**
   * Show a check: `byField` holds its matches per field (start/end in that field's value), `values` the
   * fields' text, `labels` their names; categories in `hidden` are left out.
   */
  function show({ check, byField, values, labels, hidden = [] }) {
    root.dataset.checked = "yes";
    listHeading.textContent = t("findingsHeading");
    const shown = Object.values(byField).flat().filter((m) => !hidden.includes(m.category));
    const multipleFields = Object.keys(byField).length > 1;
    fill(list, shown.map((match) => finding(match, values[match.field] ?? "", multipleFields ? labels[match.field] : null)));
    const errors = shown.filter((m) => m.severity === "error").length;
    const ready = check.summary?.publishable === true && errors === 0;
    summary.className = `check-summary ${ready ? "ready" : "not-ready"}`;
    summary.textContent = ready
      ? (shown.length ? t("readyWithNotes", shown.length) : t("readyToPublish"))
      : t("notReady", errors, shown.length - errors);
    showCoverage(check);
  }

  function finding(match, text, fieldLabel) {
    const fragment = text.slice(match.start, match.end);
    const replacements = (match.replacements ?? []).slice(0, MAX_REPLACEMENTS);
    return h("li", { class: `finding sev-${match.severity}`, dataset: { category: match.category, rule: match.rule_id } },
      h("p", { class: "finding-head" },
        h("span", { class: `badge sev-${match.severity}` }, t(`severity_${match.severity}`)),
        " ",
        h("span", { class: "category" }, t(`category_${match.category}`)),
        fieldLabel ? h("span", { class: "where" }, ` · ${fieldLabel}`) : null),
      h("p", { class: "fragment" },
        h("button", { type: "button", class: "link show-fragment", title: t("showInText"),
          "aria-label": t("showFragment", fragment), onclick: () => onSelect(match) }, `«${fragment}»`)),
      h("p", { class: "message" }, match.message),
      replacements.length
        ? h("div", { class: "replacements" }, replacements.map((replacement) =>
          h("button", { type: "button", class: "replacement", "aria-label": t("replaceWith", fragment, replacement),
            onclick: () => onReplace(match, replacement) }, replacement)))
        : null);
  }

  function showCoverage(check) {
    coverageHeading.hidden = false;
    coverageHeading.textContent = t("coverageHeading");
    const questions = Object.fromEntries((check.hints ?? []).map((hint) => [hint.point, hint.question]));
    fill(coverage, COVERAGE_POINTS.map((point) => {
      const value = check.coverage?.[point];
      const covered = value !== false && value !== null && value !== undefined;
      const stance = typeof value === "string" ? ` (${t(`stance_${value}`)})` : "";
      return h("li", { class: covered ? "covered" : "missing", dataset: { point } },
        h("span", { class: "mark", "aria-hidden": "true" }, covered ? "✓" : "✗"),
        h("span", { class: "visually-hidden" }, covered ? t("coveredYes") : t("coveredNo")),
        h("span", { class: "point" }, t(`coverage_${point}`), stance),
        !covered && questions[point] ? h("p", { class: "hint-question" }, questions[point]) : null);
    }));
  }

  function clear() {
    delete root.dataset.checked;
    summary.textContent = "";
    fill(list);
    fill(coverage);
    coverageHeading.hidden = true;
  }

  return { show, setState, clear };
}
