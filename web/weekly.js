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
 * Builds the grid. `days` are the day names from Monday; `brush()` returns
 * the paint value (or `null` when it is unusable); `onChange()` is called
 * after every edit; `path(i)` is the scenario path of hour `i`.
 */
export function weeklyGrid({ days, brush, onChange, path, labelledBy, describedBy }) {
  /** @type {(number | null)[]} */
  let values = new Array(CELLS).fill(0);
  let max = 0;
  let active = 0;
  /** Digits typed into the active cell since it was focused: `{ index, text, before }`. */
  let typing = null;
  /** The drag in progress: `{ pointerId, last, count, value }`. */
  let drag = null;

  const status = node("p", { className: "visually-hidden", role: "status", id: "weekly-status", "data-testid": "weekly-status" });
  const readout = node("p", { className: "weekly-readout", id: "weekly-readout", "aria-hidden": "true", "data-testid": "weekly-readout" });
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

  const name = (i) => `${days[Math.floor(i / HOURS)]} ${hourText(i % HOURS)}`;
  const shown = (value) => (value === null || !Number.isFinite(value) ? "no value" : `${valueFormat.format(value)} ACU`);

  function level(value) {
    if (value === null || !Number.isFinite(value)) return "none";
    if (value <= 0) return "0";
    return String(Math.max(1, Math.round((Math.min(value, max) / max) * LEVELS)));
  }

  function drawCell(i) {
    const cell = cells[i];
    const value = values[i];
    const text = shown(value);
    if (cell.firstChild.textContent !== text) cell.firstChild.textContent = text;
    cell.dataset.level = level(value);
  }

  function drawAll() {
    max = Math.max(0, .../** @type {number[]} */ (values.filter((v) => v !== null && Number.isFinite(v))));
    for (let i = 0; i < CELLS; i++) drawCell(i);
    showReadout(active);
  }

  function showReadout(i) {
    readout.textContent = `${name(i)}: ${shown(values[i])}`;
  }

  /** Sets hour `i`; redraws every cell when the largest value changes (the shading is relative to it). */
  function set(i, value) {
    if (values[i] === value) return false;
    values[i] = value;
    const newMax = Math.max(0, .../** @type {number[]} */ (values.filter((v) => v !== null && Number.isFinite(v))));
    if (newMax !== max) drawAll();
    else drawCell(i);
    showReadout(i);
    return true;
  }

  function focusCell(i, { preventScroll = false } = {}) {
    if (i !== active) {
      cells[active].tabIndex = -1;
      active = i;
    }
    cells[i].tabIndex = 0;
    if (document.activeElement !== cells[i]) cells[i].focus({ preventScroll });
    showReadout(i);
  }

  const announce = (text) => {
    status.textContent = text;
  };

  function edit(i, value) {
    if (set(i, value)) onChange();
    announce(`${name(i)}: ${shown(value)}`);
  }

  const cellIndex = (target) => {
    const cell = /** @type {HTMLElement | null} */ (/** @type {HTMLElement | null} */ (target)?.closest?.("td[data-weekly]") ?? null);
    return cell && table.contains(cell) ? Number(cell.dataset.weekly) : null;
  };

  table.addEventListener("focusin", (event) => {
    const i = cellIndex(event.target);
    if (i === null) return;
    if (typing?.index !== i) typing = null;
    focusCell(i);
  });

  table.addEventListener("keydown", (event) => {
    const i = cellIndex(event.target);
    if (i === null) return;
    const [d, h] = [Math.floor(i / HOURS), i % HOURS];
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
    if (event.key in moves) {
      event.preventDefault();
      typing = null;
      focusCell(moves[event.key]);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const value = values[i] ?? 0;
    if (/^[0-9.]$/.test(event.key)) {
      event.preventDefault();
      if (typing?.index !== i) typing = { index: i, text: "", before: values[i] };
      if (typing.text.length >= 8 || (event.key === "." && typing.text.includes("."))) return;
      typing.text += event.key;
      const typed = typing.text === "." ? 0 : Number(typing.text);
      if (Number.isFinite(typed)) edit(i, typed);
    } else if (event.key === "+" || event.key === "=") {
      event.preventDefault();
      typing = null;
      edit(i, Number((value + STEP).toFixed(6)));
    } else if (event.key === "-" || event.key === "_") {
      event.preventDefault();
      typing = null;
      edit(i, Math.max(0, Number((value - STEP).toFixed(6))));
    } else if (event.key === "Backspace") {
      event.preventDefault();
      if (typing?.index === i && typing.text.length > 1) {
        typing.text = typing.text.slice(0, -1);
        edit(i, typing.text === "." ? 0 : Number(typing.text));
      } else {
        typing = null;
        edit(i, 0);
      }
    } else if (event.key === "Delete") {
      event.preventDefault();
      typing = null;
      edit(i, 0);
    } else if (event.key === " ") {
      event.preventDefault();
      typing = null;
      const paint = brush();
      if (paint === null) announce("Enter a paint value of 0 or more first.");
      else edit(i, paint);
    } else if (event.key === "Escape" && typing?.index === i) {
      event.preventDefault();
      const before = typing.before;
      typing = null;
      edit(i, before);
    } else if (event.key === "Enter") {
      typing = null;
    }
  });

  // Pointer painting: press on an hour and drag across others.
  const paint = (i) => {
    if (set(i, drag.value)) {
      drag.count++;
      onChange();
    }
  };

  table.addEventListener("pointerdown", (event) => {
    const i = cellIndex(event.target);
    if (i === null || event.button !== 0) return;
    const value = brush();
    if (value === null) {
      announce("Enter a paint value of 0 or more first.");
      return;
    }
    event.preventDefault();
    typing = null;
    drag = { pointerId: event.pointerId, last: i, count: 0, value, first: i };
    table.setPointerCapture?.(event.pointerId);
    focusCell(i, { preventScroll: true });
    paint(i);
  });

  table.addEventListener("pointermove", (event) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const i = cellIndex(document.elementFromPoint(event.clientX, event.clientY));
    if (i === null || i === drag.last) return;
    // Fill the hours between the last cell and this one, so that a fast drag leaves no holes.
    const [d0, h0, d1, h1] = [Math.floor(drag.last / HOURS), drag.last % HOURS, Math.floor(i / HOURS), i % HOURS];
    const steps = Math.max(Math.abs(d1 - d0), Math.abs(h1 - h0));
    for (let s = 1; s <= steps; s++) {
      paint(Math.round(d0 + ((d1 - d0) * s) / steps) * HOURS + Math.round(h0 + ((h1 - h0) * s) / steps));
    }
    drag.last = i;
    focusCell(i, { preventScroll: true });
  });

  const endDrag = (event) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const { count, value, first, last } = drag;
    drag = null;
    if (first === last) announce(`${name(first)}: ${shown(value)}`);
    else announce(`${count} ${count === 1 ? "hour" : "hours"} set to ${shown(value)}, ${name(first)} to ${name(last)}`);
  };
  table.addEventListener("pointerup", endDrag);
  table.addEventListener("pointercancel", endDrag);
  table.addEventListener("lostpointercapture", endDrag);

  table.addEventListener("pointerover", (event) => {
    const i = cellIndex(event.target);
    if (i !== null && !drag) showReadout(i);
  });
  table.addEventListener("pointerleave", () => {
    if (!drag) showReadout(active);
  });

  return {
    table,
    readout,
    status,
    /** The 168 values (a copy); `null` where a link left an hour empty. */
    get values() {
      return values.slice();
    },
    /** Replaces every value; a missing one is `null`. */
    setAll(next) {
      values = Array.from({ length: CELLS }, (_, i) => {
        const v = next[i];
        return typeof v === "number" ? v : v === undefined || v === null || v === "" ? null : Number(v);
      });
      typing = null;
      drawAll();
    },
  };
}
