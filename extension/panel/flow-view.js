// The guided flow, one question at a time: the step's input, the progress, Back and Next.
import { canContinue, isRequired, optionsOf, progress, visibleSteps } from "../src/flow.js";
import { t } from "../src/i18n.js";
import { validAnswers } from "./draft.js";
import { fill, h, uid } from "./dom.js";

/**
 * Renders into `root`; calls onChange({answers, stepId}) whenever either changes (to save them) and
 * onCompose(answers) when the buyer finishes the last step.
 */
export function createFlowView(root, { onChange, onCompose }) {
  let flow = null;
  let answers = {};
  let stepId = null;

  const title = h("h2", { id: "flow-title", class: "flow-title" });
  const intro = h("p", { class: "flow-intro" });
  const progressText = h("p", { id: "progress-text", class: "progress-text" });
  const progressBar = h("progress", { id: "progress-bar", "aria-labelledby": "progress-text" });
  const body = h("div", { id: "step-body", class: "step-body" });
  const back = h("button", { type: "button", id: "back", class: "secondary", onclick: goBack });
  const next = h("button", { type: "submit", id: "next", class: "primary" });
  const form = h("form", { id: "step-form", novalidate: true, onsubmit: submit, onkeydown: enterMovesOn },
    body, h("div", { class: "nav" }, back, next));
  fill(root, title, intro, h("div", { class: "progress" }, progressText, progressBar), form);

  const steps = () => visibleSteps(flow, answers);
  const currentIndex = () => Math.max(steps().findIndex((s) => s.id === stepId), 0);
  const current = () => steps()[currentIndex()];

  function show(state) {
    flow = state.flow;
    answers = validAnswers(flow, state.answers ?? {});
    stepId = state.stepId ?? flow.steps[0].id;
    title.textContent = flow.title;
    render();
  }

  function render({ focus = false } = {}) {
    const step = current();
    stepId = step.id;
    intro.textContent = flow.intro;
    intro.hidden = currentIndex() !== 0;
    fill(body, renderStep(step));
    updateNav();
    if (focus) (body.querySelector("input:checked, input, textarea") ?? next).focus();
  }

  function updateNav() {
    const step = current();
    const { current: number, total } = progress(flow, answers, currentIndex());
    progressText.textContent = t("stepOf", number, total);
    progressBar.max = total;
    progressBar.value = number;
    back.textContent = t("back");
    back.disabled = currentIndex() === 0;
    const last = currentIndex() === steps().length - 1;
    next.textContent = last ? t("composeButton") : t("next");
    next.disabled = !canContinue(step, answers);
  }

  function setAnswer(step, value) {
    const empty = value === "" || (Array.isArray(value) && value.length === 0);
    answers = { ...answers };
    if (empty) delete answers[step.id];
    else answers[step.id] = value;
    answers = validAnswers(flow, answers); // a new product kind drops the old kind's reasons
    updateNav();
    onChange({ answers, stepId });
  }

  function submit(event) {
    event.preventDefault();
    const step = current();
    if (!canContinue(step, answers)) return;
    const index = currentIndex();
    const all = steps();
    if (index === all.length - 1) {
      onCompose(answers);
      return;
    }
    stepId = all[index + 1].id;
    onChange({ answers, stepId });
    render({ focus: true });
  }

  function goBack() {
    const index = currentIndex();
    if (index === 0) return;
    stepId = steps()[index - 1].id;
    onChange({ answers, stepId });
    render({ focus: true });
  }

  // Enter moves on from any control but a textarea (where it starts a new line) and buttons (which act).
  function enterMovesOn(event) {
    if (event.key !== "Enter" || event.isComposing) return;
    const tag = event.target.tagName;
    if (tag === "TEXTAREA" || tag === "BUTTON") return;
    event.preventDefault();
    form.requestSubmit();
  }

  function describedBy(step) {
    const helpId = uid("help");
    const help = step.help ? h("p", { id: helpId, class: "help" }, step.help) : null;
    const required = isRequired(step, answers) ? null : h("span", { class: "optional" }, ` ${t("optional")}`);
    return { help, helpId: help ? helpId : null, required };
  }

  function renderStep(step) {
    const renderers = { rating: ratingStep, single: choiceStep, multi: choiceStep, text: textStep, pairs: pairsStep, date: dateStep };
    return (renderers[step.type] ?? noteStep)(step);
  }

  function group(step, ...content) {
    const { help, helpId, required } = describedBy(step);
    return h("fieldset", { class: `step step-${step.type}`, "aria-describedby": helpId ?? undefined },
      h("legend", { class: "question" }, step.question, required), help, ...content);
  }

  function ratingStep(step) {
    const name = uid(step.id);
    const value = answers[step.id];
    const labels = [];
    const row = h("div", { class: "stars" });
    for (let n = 1; n <= 5; n++) {
      const id = `${name}-${n}`;
      const label = h("label", { for: id, class: n <= (value ?? 0) ? "star on" : "star", title: t(`ratingStars${n}`) },
        h("span", { "aria-hidden": "true" }, "★"), h("span", { class: "visually-hidden" }, t(`ratingStars${n}`)));
      labels.push(label);
      row.append(h("input", { type: "radio", class: "visually-hidden", name, id, value: String(n), checked: value === n,
        onchange: () => {
          labels.forEach((l, i) => l.classList.toggle("on", i < n));
          setAnswer(step, n);
        } }), label);
    }
    return group(step, row);
  }

  function choiceStep(step) {
    const multi = step.type === "multi";
    const name = uid(step.id);
    const chosen = answers[step.id];
    const list = h("div", { class: "options" });
    for (const option of optionsOf(step, answers)) {
      const input = h("input", {
        type: multi ? "checkbox" : "radio", name, value: option.id,
        checked: multi ? (chosen ?? []).includes(option.id) : chosen === option.id,
        onchange: () => {
          if (!multi) return setAnswer(step, option.id);
          const picked = [...list.querySelectorAll("input:checked")].map((i) => i.value);
          setAnswer(step, picked);
        },
      });
      list.append(h("label", { class: "option" }, input, h("span", {}, option.label)));
    }
    return group(step, list);
  }

  function textStep(step) {
    const { help, helpId, required } = describedBy(step);
    const id = uid(step.id);
    const counterId = uid("count");
    const max = step.max_length ?? 1000;
    const counter = h("p", { id: counterId, class: "counter" });
    const count = (text) => { counter.textContent = t("charCount", [...text].length, max); };
    const area = h("textarea", {
      id, rows: 4, maxlength: max, placeholder: step.placeholder ?? "", value: answers[step.id] ?? "",
      "aria-describedby": [helpId, counterId].filter(Boolean).join(" "),
      oninput: (e) => { count(e.target.value); setAnswer(step, e.target.value.trim() ? e.target.value : ""); },
    });
    count(area.value);
    return h("div", { class: "step step-text" },
      h("label", { for: id, class: "question" }, step.question, required), help, area, counter);
  }

  function dateStep(step) {
    const { help, helpId, required } = describedBy(step);
    const id = uid(step.id);
    const today = new Date().toISOString().slice(0, 10);
    const input = h("input", { type: "date", id, max: today, value: answers[step.id] ?? "",
      "aria-describedby": helpId ?? undefined, oninput: (e) => setAnswer(step, e.target.value) });
    return h("div", { class: "step step-date" }, h("label", { for: id, class: "question" }, step.question, required), help, input);
  }

  function pairsStep(step) {
    const labels = step.pair_labels ?? { expected: "", actual: "" };
    const max = step.max_items ?? 5;
    let rows = (answers[step.id] ?? []).map((p) => ({ ...p }));
    if (rows.length === 0) rows = [{ expected: "", actual: "" }];
    const list = h("div", { class: "pairs" });
    const add = h("button", { type: "button", class: "secondary add-row", onclick: () => {
      rows.push({ expected: "", actual: "" });
      draw();
      list.querySelector(".pair:last-child input")?.focus();
    } }, t("addRow"));
    const save = () => setAnswer(step, rows.filter((p) => p.expected.trim() || p.actual.trim()));
    function draw() {
      fill(list, rows.map((pair, index) => {
        const n = index + 1;
        const field = (key) => {
          const id = uid(`${step.id}-${key}`);
          return h("div", { class: "pair-field" },
            h("label", { for: id }, labels[key], rows.length > 1 ? h("span", { class: "visually-hidden" }, ` (${n})`) : null),
            h("input", { type: "text", id, value: pair[key] ?? "", oninput: (e) => { pair[key] = e.target.value; save(); } }));
        };
        const remove = h("button", { type: "button", class: "link remove-row", onclick: () => {
          rows.splice(index, 1);
          if (rows.length === 0) rows.push({ expected: "", actual: "" });
          save();
          draw();
          add.focus();
        } }, t("removeRow"), h("span", { class: "visually-hidden" }, ` ${n}`));
        return h("div", { class: "pair" }, field("expected"), field("actual"), remove);
      }));
      add.disabled = rows.length >= max;
    }
    draw();
    return group(step, list, add);
  }

  function noteStep(step) {
    return h("div", { class: "step step-note", role: "note" },
      h("h3", { class: "question" }, step.question), step.help ? h("p", { class: "help" }, step.help) : null);
  }

  return { show, answers: () => answers, stepId: () => stepId };
}
