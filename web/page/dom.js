// @ts-check
// The page's DOM helpers: lookups, an element builder, and a differ that
// changes only what a new result changes (so the browser lays out little).

/** The element with `id`; a missing one is a bug in the page, reported at once. */
export function $(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing element #${id}`);
  return element;
}

/** An input, select or textarea by id (the form's controls all have a `value`). */
export function control(id) {
  return /** @type {HTMLInputElement} */ ($(id));
}

export const form = /** @type {HTMLFormElement} */ ($("scenario-form"));
export const results = $("results");

/** Sets a node's text only when it differs (an unchanged text then costs no layout). */
export function setText(node, text) {
  if (node.textContent === text) return;
  if (node.childNodes.length === 1 && node.firstChild?.nodeType === Node.TEXT_NODE) node.firstChild.nodeValue = text;
  else node.textContent = text;
}

/** Shows or hides a node, touching it only when that changes. */
export function setHidden(node, hidden) {
  if (node.hidden !== hidden) node.hidden = hidden;
}

/** Opens every disclosure around `node`, so that it can be seen. */
export function openAround(node) {
  for (let details = node.closest("details"); details; details = details.parentElement?.closest("details") ?? null) details.open = true;
}

/**
 * Makes `from` like `to` (same tag, attributes, text and children), changing only what differs.
 * @param {ChildNode} from
 * @param {Node} to
 */
function morph(from, to) {
  if (from.nodeType !== to.nodeType || from.nodeName !== to.nodeName) {
    from.replaceWith(to);
    return;
  }
  if (!(from instanceof Element) || !(to instanceof Element)) {
    if (from.nodeValue !== to.nodeValue) from.nodeValue = to.nodeValue;
    return;
  }
  for (const { name } of [...from.attributes]) if (!to.hasAttribute(name)) from.removeAttribute(name);
  for (const { name, value } of to.attributes) if (from.getAttribute(name) !== value) from.setAttribute(name, value);
  morphChildren(from, [...to.childNodes]);
}

/**
 * Gives `parent` the children `next`, reusing the nodes it has: a new result
 * that differs in a few numbers changes a few text nodes and attributes, not
 * whole tables or charts, so the browser lays out and paints little.
 * @param {Element} parent
 * @param {Node[]} next
 */
export function morphChildren(parent, next) {
  const old = [...parent.childNodes];
  next.forEach((node, i) => {
    if (i < old.length) morph(old[i], node);
    else parent.append(node);
  });
  for (let i = next.length; i < old.length; i++) old[i].remove();
}

/**
 * @typedef {{ className?: string, text?: string, attrs?: Record<string, string | number | boolean | null | undefined> }} ElementOptions
 */

/**
 * An element with optional class, text and attributes.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {ElementOptions} [options]
 * @param {(Node | string)[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, { className, text, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...children);
  return node;
}

/** Whether two plain values are the same data. */
export const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** The value of the checked radio button of group `name`, if any. */
export function checkedValue(name) {
  return /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name="${name}"]:checked`))?.value;
}

/** Checks the radio button of group `name` with `value`. */
export function setChecked(name, value) {
  for (const radio of form.querySelectorAll(`input[name="${name}"]`)) /** @type {HTMLInputElement} */ (radio).checked = /** @type {HTMLInputElement} */ (radio).value === value;
}

/** Sets a control's value: `undefined` and `null` as empty. */
export function setValue(id, value) {
  control(id).value = value === undefined || value === null ? "" : String(value);
}
