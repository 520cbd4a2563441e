// @ts-check
// A price book on the page: the JSON that `acumen prices import` or
// `acumen prices fetch` writes, chosen or dropped, used for every estimate
// before the built-in catalog (the bill names it as the source of the
// prices it supplies) and remembered in this browser. It never goes into the
// URL: a book can be large, and a link stays a scenario.
import { $, el, setHidden } from "./dom.js";
import { fileRefused } from "./format.js";
import { hooks } from "./state.js";

/** Where this browser keeps the book. */
const BOOK_KEY = "acumen.priceBook";

/** Largest book the page takes (an `--all` book of every region is far below it). */
const MAX_BOOK_BYTES = 8 * 1024 * 1024;

/** @type {Record<string, any> | null} */
let book = null;

/** The book in use, if any. */
export const priceBook = () => book;

/**
 * True when `value` looks like a price book rather than a CloudWatch export:
 * an object with the book's `entries` list and its `name` (the AWS CLI's
 * JSON has `MetricDataResults` or `Datapoints`).
 * @param {unknown} value
 */
export function isPriceBook(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Array.isArray(/** @type {any} */ (value).entries) && typeof (/** @type {any} */ (value).name) === "string";
}

/** The book remembered in this browser, if any (storage may be off). */
function remembered() {
  try {
    const saved = JSON.parse(localStorage.getItem(BOOK_KEY) ?? "null");
    return isPriceBook(saved) ? saved : null;
  } catch {
    return null;
  }
}

/** The regions a book has prices for, in order. */
function regionsOf(value) {
  const codes = [...(value.entries ?? []), ...(value.instanceClasses ?? [])].map((e) => e?.region).filter((r) => typeof r === "string");
  return [...new Set(codes)];
}

/** Shows which book is in use, or how to load one. */
function show() {
  const status = $("price-book-status");
  const remove = $("price-book-remove");
  if (!book) {
    status.textContent = "None: prices come from the built-in catalog.";
    setHidden(remove, true);
    return;
  }
  const regions = regionsOf(book);
  const shown = regions.length > 4 ? `${regions.slice(0, 4).join(", ")} and ${regions.length - 4} more` : regions.join(", ");
  status.textContent = `${book.name}${book.asOf ? ` as of ${book.asOf}` : ""}: ${book.entries.length} prices${regions.length ? ` for ${shown}` : ""}. Used before the built-in catalog; the bill names it where it supplies a price.`;
  setHidden(remove, false);
}

/**
 * Uses `text` (a book's JSON) from a file named `name`; a file that is not a
 * book changes nothing and says why. The core checks the prices themselves
 * when it estimates (an error names the book's field).
 * @param {string} text
 * @param {string} name
 */
export function useBookText(text, name) {
  const error = $("price-book-error");
  setHidden(error, true);
  let value;
  try {
    if (text.length > MAX_BOOK_BYTES) throw new Error(`the file has ${(text.length / 1048576).toFixed(1)} MB; the page takes price books of up to 8 MB`);
    value = JSON.parse(text);
    if (!isPriceBook(value)) throw new Error("not a price book: expected the JSON that acumen prices import or acumen prices fetch writes (an object with name and entries)");
  } catch (e) {
    error.textContent = fileRefused(name, e instanceof SyntaxError ? { message: `not JSON (${e.message})` } : e);
    setHidden(error, false);
    return;
  }
  book = value;
  try {
    localStorage.setItem(BOOK_KEY, JSON.stringify(book));
  } catch {
    // Storage off or full: the book is used on this visit only.
  }
  show();
  hooks.update();
}

/** Stops using the book. */
function forget() {
  book = null;
  try {
    localStorage.removeItem(BOOK_KEY);
  } catch {
    // Nothing to forget.
  }
  setHidden($("price-book-error"), true);
  show();
  hooks.update();
}

/** The price book's row in the "Region and engine" group. */
export function priceBookField() {
  return el("div", { className: "field field-wide price-book", attrs: { "data-path": "priceBook" } }, [
    el("label", { className: "field-label", text: "Price book", attrs: { for: "price-book-file" } }),
    el("p", { className: "hint", attrs: { id: "price-book-status", "data-testid": "price-book-status", role: "status" } }),
    el("div", { className: "inline-tool" }, [
      el("input", {
        attrs: {
          id: "price-book-file",
          type: "file",
          accept: ".json,application/json",
          "data-tool": "true",
          "data-testid": "price-book-file",
          "aria-describedby": "price-book-hint",
        },
      }),
      el("button", { className: "button-secondary", text: "Remove", attrs: { type: "button", id: "price-book-remove", "data-testid": "price-book-remove", hidden: true } }),
    ]),
    el("p", {
      className: "hint",
      text: "A JSON price book from the CLI (acumen prices fetch --region R -o book.json, or prices import), chosen or dropped on the page; kept in this browser, never in the link.",
      attrs: { id: "price-book-hint" },
    }),
    el("p", { className: "field-error import-error", attrs: { id: "price-book-error", "data-testid": "price-book-error", role: "alert", hidden: true } }),
  ]);
}

/** Loads the remembered book and follows the file input and the Remove button. */
export function followPriceBook() {
  book = remembered();
  show();
  $("price-book-file").addEventListener("change", async (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    const file = input.files?.[0];
    if (file) {
      // Marked while the file is read, as the CloudWatch import is, so that nothing looks settled before it is used.
      document.body.dataset.importing = "true";
      try {
        useBookText(await file.text(), file.name);
      } finally {
        delete document.body.dataset.importing;
      }
    }
    input.value = "";
  });
  $("price-book-remove").addEventListener("click", forget);
}
