// A tiny element builder: the panel builds its views from data, never from HTML strings (no innerHTML,
// so nothing from a page, the server or the buyer can ever become markup).

/** h("button", {type: "button", class: "x", onclick: fn, dataset: {a: 1}}, "text", child, ...) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else if (name === "class") element.className = value;
    else if (name === "value" || (name in element && typeof value !== "string")) element[name] = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return element;
}

let counter = 0;
/** A unique id for label/aria wiring. */
export const uid = (prefix) => `${prefix}-${++counter}`;

/** Replace an element's content. */
export function fill(element, ...children) {
  element.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return element;
}
