// @ts-check
// The weekly demand profile: a 7 × 24 grid of hourly ACU values, shaded by
// value. Edited with a pointer (press and drag across hours to set them to
// the paint value) or from the keyboard (the ARIA grid pattern: one tab stop,
// arrow keys move, digits type a value, + and − step by 0.5, Delete sets 0,
// Space applies the paint value). Changes are announced in a live region.

const HOURS = 24;
const CELLS = 7 * HOURS;
const STEP = 0.5;
const LEVELS = 8;

const hourText = (h) => `${String(h).padStart(2, "0")}:00`;
const valueFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });

function node(tag, attrs = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "text") element.textContent = value;
    else if (name === "className") element.className = value;
    else if (value !== undefined && value !== null) element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

/**
 * The grid's markup: a header row of hours, a row per day, a cell per hour
 * (each with its scenario path, for the core's errors), and the live
 * region and readout beside it.
 */
function gridMarkup({ days, path, labelledBy, describedBy }) {
  const status = node("p", { className: "visually-hidden", role: "status", id: "weekly-status", "data-testid": "weekly-status" });
  const readout = node("p", { className: "weekly-readout", id: "weekly-readout", "aria-hidden": "true", "data-testid": "weekly-readout" });
  /** @type {HTMLElement[]} */
  const cells = [];
  const head = node("tr", {}, [node("td", { className: "weekly-corner" })]);
  for (let h = 0; h < HOURS; h++) {
    head.append(
      node("th", { scope: "col", className: h % 3 === 0 ? "hour-mark" : "" }, [
        node("span", { "aria-hidden": "true", text: String(h).padStart(2, "0") }),
        node("span", { className: "visually-hidden", text: hourText(h) }),
      ]),
    );
  }
  const rows = days.map((day, d) => {
    const row = node("tr", {}, [
      node("th", { scope: "row" }, [node("span", { "aria-hidden": "true", text: day.slice(0, 3) }), node("span", { className: "visually-hidden", text: day })]),
    ]);
    for (let h = 0; h < HOURS; h++) {
      const i = d * HOURS + h;
      const cell = node("td", {
        role: "gridcell",
        id: `weekly-${i}`,
        tabindex: i === 0 ? "0" : "-1",
        "data-weekly": String(i),
        "data-path": path(i),
        "data-describedby": "",
      }, [node("span", { className: "visually-hidden" })]);
      cells.push(cell);
      row.append(cell);
    }
    return row;
  });
  const table = node("table", { className: "weekly-grid", role: "grid", "aria-labelledby": labelledBy, "aria-describedby": describedBy, "data-testid": "weekly-grid" }, [
    node("thead", {}, [head]),
    node("tbody", {}, rows),
  ]);
  return { table, cells, status, readout };
}

/**
 * A grid's state while it is on the page.
 * @typedef {object} Grid
 * @property {string[]} days
 * @property {() => number | null} brush
 * @property {() => void} onChange
 * @property {HTMLElement} table
 * @property {HTMLElement[]} cells
 * @property {HTMLElement} status
 * @property {HTMLElement} readout
 * @property {(number | null)[]} values
 * @property {number} max the largest value (the shading is relative to it)
 * @property {number} active the cell with the tab stop
 * @property {{ index: number, text: string, before: number | null } | null} typing digits typed into the active cell since it was focused
 * @property {{ pointerId: number, last: number, count: number, value: number, first: number } | null} drag the drag in progress
 */

/** @param {Grid} g @param {number} i */
const name = (g, i) => `${g.days[Math.floor(i / HOURS)]} ${hourText(i % HOURS)}`;
/** @param {number | null} value */
const shown = (value) => (value === null || !Number.isFinite(value) ? "no value" : `${valueFormat.format(value)} ACU`);
/** @param {(number | null)[]} values */
const largest = (values) => Math.max(0, .../** @type {number[]} */ (values.filter((v) => v !== null && Number.isFinite(v))));

/** @param {Grid} g @param {number | null} value */
function level(g, value) {
  if (value === null || !Number.isFinite(value)) return "none";
  if (value <= 0) return "0";
  return String(Math.max(1, Math.round((Math.min(value, g.max) / g.max) * LEVELS)));
}

/** @param {Grid} g @param {number} i */
function drawCell(g, i) {
  const cell = g.cells[i];
  const value = g.values[i];
  const text = shown(value);
  const label = /** @type {ChildNode} */ (cell.firstChild);
  if (label.textContent !== text) label.textContent = text;
  cell.dataset.level = level(g, value);
}

/** @param {Grid} g */
function drawAll(g) {
  g.max = largest(g.values);
  for (let i = 0; i < CELLS; i++) drawCell(g, i);
  showReadout(g, g.active);
}

/** @param {Grid} g @param {number} i */
function showReadout(g, i) {
  g.readout.textContent = `${name(g, i)}: ${shown(g.values[i])}`;
}

/**
 * Sets hour `i`; redraws every cell when the largest value changes (the shading is relative to it).
 * @param {Grid} g @param {number} i @param {number | null} value
 */
function set(g, i, value) {
  if (g.values[i] === value) return false;
  g.values[i] = value;
  if (largest(g.values) !== g.max) drawAll(g);
  else drawCell(g, i);
  showReadout(g, i);
  return true;
}

/** @param {Grid} g @param {number} i */
function focusCell(g, i, { preventScroll = false } = {}) {
  if (i !== g.active) {
    g.cells[g.active].tabIndex = -1;
    g.active = i;
  }
  g.cells[i].tabIndex = 0;
  if (document.activeElement !== g.cells[i]) g.cells[i].focus({ preventScroll });
  showReadout(g, i);
}

/** @param {Grid} g @param {string} text */
function announce(g, text) {
  g.status.textContent = text;
}

/** @param {Grid} g @param {number} i @param {number | null} value */
function edit(g, i, value) {
  if (set(g, i, value)) g.onChange();
  announce(g, `${name(g, i)}: ${shown(value)}`);
}

/** @param {Grid} g @param {EventTarget | null} target */
function cellIndex(g, target) {
  const cell = /** @type {HTMLElement | null} */ (/** @type {HTMLElement | null} */ (target)?.closest?.("td[data-weekly]") ?? null);
  return cell && g.table.contains(cell) ? Number(cell.dataset.weekly) : null;
}

/**
 * Where an arrow, Home, End, PageUp or PageDown key moves from cell `i` (the ARIA grid pattern).
 * @param {KeyboardEvent} event @param {number} i
 * @returns {number | undefined}
 */
function keyMove(event, i) {
  const [d, h] = [Math.floor(i / HOURS), i % HOURS];
  /** @type {Record<string, number>} */
  const moves = {
    ArrowLeft: d * HOURS + Math.max(0, h - 1),
    ArrowRight: d * HOURS + Math.min(HOURS - 1, h + 1),
    ArrowUp: Math.max(0, d - 1) * HOURS + h,
    ArrowDown: Math.min(6, d + 1) * HOURS + h,
    Home: event.ctrlKey ? 0 : d * HOURS,
    End: event.ctrlKey ? CELLS - 1 : d * HOURS + HOURS - 1,
    PageUp: h,
    PageDown: 6 * HOURS + h,
  };
  return event.key in moves ? moves[event.key] : undefined;
}

/** @param {Grid} g @param {KeyboardEvent} event */
function onKeydown(g, event) {
  const i = cellIndex(g, event.target);
  if (i === null) return;
  const move = keyMove(event, i);
  if (move !== undefined) {
    event.preventDefault();
    g.typing = null;
    focusCell(g, move);
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const value = g.values[i] ?? 0;
  if (/^[0-9.]$/.test(event.key)) {
    event.preventDefault();
    if (g.typing?.index !== i) g.typing = { index: i, text: "", before: g.values[i] };
    if (g.typing.text.length >= 8 || (event.key === "." && g.typing.text.includes("."))) return;
    g.typing.text += event.key;
    const typed = g.typing.text === "." ? 0 : Number(g.typing.text);
    if (Number.isFinite(typed)) edit(g, i, typed);
  } else if (event.key === "+" || event.key === "=") {
    event.preventDefault();
    g.typing = null;
    edit(g, i, Number((value + STEP).toFixed(6)));
  } else if (event.key === "-" || event.key === "_") {
    event.preventDefault();
    g.typing = null;
    edit(g, i, Math.max(0, Number((value - STEP).toFixed(6))));
  } else if (event.key === "Backspace") {
    event.preventDefault();
    if (g.typing?.index === i && g.typing.text.length > 1) {
      g.typing.text = g.typing.text.slice(0, -1);
      edit(g, i, g.typing.text === "." ? 0 : Number(g.typing.text));
    } else {
      g.typing = null;
      edit(g, i, 0);
    }
  } else if (event.key === "Delete") {
    event.preventDefault();
    g.typing = null;
    edit(g, i, 0);
  } else if (event.key === " ") {
    event.preventDefault();
    g.typing = null;
    const paint = g.brush();
    if (paint === null) announce(g, "Enter a paint value of 0 or more first.");
    else edit(g, i, paint);
  } else if (event.key === "Escape" && g.typing?.index === i) {
    event.preventDefault();
    const before = g.typing.before;
    g.typing = null;
    edit(g, i, before);
  } else if (event.key === "Enter") {
    g.typing = null;
  }
}

/**
 * Pointer painting: press on an hour and drag across others; the hours
 * between two cells the pointer reported are filled too, so that a fast drag
 * leaves no holes.
 * @param {Grid} g
 */
function followPointer(g) {
  const { table } = g;
  /** @param {number} i */
  const paint = (i) => {
    const drag = /** @type {NonNullable<Grid["drag"]>} */ (g.drag);
    if (set(g, i, drag.value)) {
      drag.count++;
      g.onChange();
    }
  };
  table.addEventListener("pointerdown", (event) => {
    const i = cellIndex(g, event.target);
    if (i === null || event.button !== 0) return;
    const value = g.brush();
    if (value === null) {
      announce(g, "Enter a paint value of 0 or more first.");
      return;
    }
    event.preventDefault();
    g.typing = null;
    g.drag = { pointerId: event.pointerId, last: i, count: 0, value, first: i };
    table.setPointerCapture?.(event.pointerId);
    focusCell(g, i, { preventScroll: true });
    paint(i);
  });
  table.addEventListener("pointermove", (event) => {
    const drag = g.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    const i = cellIndex(g, document.elementFromPoint(event.clientX, event.clientY));
    if (i === null || i === drag.last) return;
    const [d0, h0, d1, h1] = [Math.floor(drag.last / HOURS), drag.last % HOURS, Math.floor(i / HOURS), i % HOURS];
    const steps = Math.max(Math.abs(d1 - d0), Math.abs(h1 - h0));
    for (let s = 1; s <= steps; s++) {
      paint(Math.round(d0 + ((d1 - d0) * s) / steps) * HOURS + Math.round(h0 + ((h1 - h0) * s) / steps));
    }
    drag.last = i;
    focusCell(g, i, { preventScroll: true });
  });
  /** @param {PointerEvent} event */
  const endDrag = (event) => {
    if (!g.drag || event.pointerId !== g.drag.pointerId) return;
    const { count, value, first, last } = g.drag;
    g.drag = null;
    if (first === last) announce(g, `${name(g, first)}: ${shown(value)}`);
    else announce(g, `${count} ${count === 1 ? "hour" : "hours"} set to ${shown(value)}, ${name(g, first)} to ${name(g, last)}`);
  };
  table.addEventListener("pointerup", endDrag);
  table.addEventListener("pointercancel", endDrag);
  table.addEventListener("lostpointercapture", endDrag);
}

/**
 * Builds the grid. `days` are the day names from Monday; `brush()` returns
 * the paint value (or `null` when it is unusable); `onChange()` is called
 * after every edit; `path(i)` is the scenario path of hour `i`.
 * @param {{ days: string[], brush: () => number | null, onChange: () => void, path: (i: number) => string, labelledBy: string, describedBy: string }} options
 */
export function weeklyGrid({ days, brush, onChange, path, labelledBy, describedBy }) {
  const { table, cells, status, readout } = gridMarkup({ days, path, labelledBy, describedBy });
  /** @type {Grid} */
  const g = { days, brush, onChange, table, cells, status, readout, values: new Array(CELLS).fill(0), max: 0, active: 0, typing: null, drag: null };
  table.addEventListener("focusin", (event) => {
    const i = cellIndex(g, event.target);
    if (i === null) return;
    if (g.typing?.index !== i) g.typing = null;
    focusCell(g, i);
  });
  table.addEventListener("keydown", (event) => onKeydown(g, event));
  followPointer(g);
  table.addEventListener("pointerover", (event) => {
    const i = cellIndex(g, event.target);
    if (i !== null && !g.drag) showReadout(g, i);
  });
  table.addEventListener("pointerleave", () => {
    if (!g.drag) showReadout(g, g.active);
  });
  return {
    table,
    readout,
    status,
    /** The 168 values (a copy); `null` where a link left an hour empty. */
    get values() {
      return g.values.slice();
    },
    /**
     * Replaces every value; a missing one is `null`.
     * @param {unknown[]} next
     */
    setAll(next) {
      g.values = Array.from({ length: CELLS }, (_, i) => {
        const v = next[i];
        return typeof v === "number" ? v : v === undefined || v === null || v === "" ? null : Number(v);
      });
      g.typing = null;
      drawAll(g);
    },
  };
}
