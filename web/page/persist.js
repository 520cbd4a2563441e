// @ts-check
// Where a scenario is kept: in the URL hash (a share link: `#s=` and the
// scenario's JSON, the format links have always had) and in this browser's
// localStorage (the last scenario edited here, offered on the next visit).
import { HASH_PREFIX, isPlainObject } from "../boot.js";
import { $, setHidden } from "./dom.js";
import { hooks } from "./state.js";

/** The URL the page should show, written a moment after the last change (browsers limit how often a page may rewrite it). */
/** @type {string | null} */
let hashWanted = null;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let hashTimer;
const HASH_DELAY_MS = 250;

/** Where the browser keeps the last scenario edited here (not the default). */
const MEMORY_KEY = "acumen.lastScenario";

/**
 * Remembers a scenario in this browser; storage may be off or full, which only loses the memory.
 * @param {Record<string, unknown>} scenario
 */
function remember(scenario) {
  if (Object.keys(scenario).length === 0) return; // a reset keeps what came before, to restore
  try {
    localStorage.setItem(MEMORY_KEY, JSON.stringify({ scenario, savedAt: Date.now() }));
  } catch {
    // Private browsing or a full store: the URL still holds the scenario.
  }
}

/**
 * The scenario remembered in this browser, if any.
 * @returns {{ scenario: Record<string, unknown>, savedAt: number } | null}
 */
function remembered() {
  try {
    const saved = JSON.parse(localStorage.getItem(MEMORY_KEY) ?? "null");
    return isPlainObject(saved?.scenario) && Object.keys(saved.scenario).length ? saved : null;
  } catch {
    return null;
  }
}

/** Offers the remembered scenario on a visit without one in the link (never loads it unasked). */
export function offerRestore() {
  const saved = remembered();
  if (!saved) return;
  const minutes = Math.round((Date.now() - Number(saved.savedAt)) / 60_000);
  $("restore-when").textContent = Number.isFinite(minutes)
    ? `(edited ${minutes < 1 ? "just now" : minutes < 120 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`})`
    : "";
  setHidden($("restore"), false);
  $("restore-button").addEventListener("click", () => {
    setHidden($("restore"), true);
    setHidden($("preset-note"), true);
    hooks.load(structuredClone(saved.scenario));
    $("min-acu").focus();
  });
}

/**
 * Puts the scenario in the URL hash, shortly, and remembers it here; the default scenario needs no hash.
 * @param {Record<string, unknown>} scenario
 */
export function writeHash(scenario) {
  // A loaded price book is kept in this browser on its own (pricebook.js), not in links.
  const { priceBook: _book, ...linked } = scenario;
  remember(linked);
  hashWanted = Object.keys(linked).length === 0 ? "" : HASH_PREFIX + encodeURIComponent(JSON.stringify(linked));
  clearTimeout(hashTimer);
  document.body.dataset.urlPending = "true";
  hashTimer = setTimeout(flushHash, HASH_DELAY_MS);
}

/** Writes the pending URL now. */
export function flushHash() {
  clearTimeout(hashTimer);
  delete document.body.dataset.urlPending;
  if (hashWanted === null) return;
  const wanted = hashWanted;
  hashWanted = null;
  if (wanted === "") {
    if (location.hash) history.replaceState(history.state, "", location.pathname + location.search);
  } else if (location.hash !== wanted) {
    history.replaceState(history.state, "", wanted);
  }
}

/** Drops the scenario from the URL now (the default needs none). */
export function clearHash() {
  hashWanted = "";
  flushHash();
}

