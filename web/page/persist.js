// @ts-check
// Where a scenario is kept: in the URL hash (a share link, link.js: the
// scenario and the view beside it) and in this browser's localStorage (the
// last scenario edited here, offered on the next visit).
import { isPlainObject } from "../boot.js";
import { $, setHidden } from "./dom.js";
import { encodeLink } from "./link.js";
import { showLinkLength } from "./share.js";
import { readView } from "./view.js";
import { hooks, state } from "./state.js";
import { undoable } from "./undo.js";

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
 * @param {Record<string, unknown> | null} view
 */
function remember(scenario, view) {
  // A reset keeps what came before, to restore; so does an example, until it is edited.
  if (Object.keys(scenario).length === 0 || !state.own) return;
  try {
    localStorage.setItem(MEMORY_KEY, JSON.stringify({ scenario, view, savedAt: Date.now() }));
  } catch {
    // Private browsing or a full store: the URL still holds the scenario.
  }
}

/**
 * The scenario remembered in this browser, if any.
 * @returns {{ scenario: Record<string, unknown>, view?: Record<string, unknown> | null, savedAt: number } | null}
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
    undoable("Restored your last scenario", () => {
      state.own = true;
      hooks.load(structuredClone(saved.scenario), saved.view ?? null);
    });
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
  const view = readView();
  remember(linked, view);
  clearTimeout(hashTimer);
  document.body.dataset.urlPending = "true";
  const token = ++writes;
  const encoded = Object.keys(linked).length === 0 && !view ? Promise.resolve("") : encodeLink(linked, view);
  encoded.then((hash) => {
    // Only the latest scenario's link is written.
    if (token !== writes) return;
    hashWanted = hash;
    hashTimer = setTimeout(flushHash, HASH_DELAY_MS);
  });
}

/** Counts the links asked for, so that a slower packing of an older one is dropped. */
let writes = 0;

/** Writes the pending URL now. */
export function flushHash() {
  clearTimeout(hashTimer);
  if (hashWanted === null) return;
  delete document.body.dataset.urlPending;
  const wanted = hashWanted;
  hashWanted = null;
  if (wanted === "") {
    if (location.hash) history.replaceState(history.state, "", location.pathname + location.search);
  } else if (location.hash !== wanted) {
    history.replaceState(history.state, "", wanted);
  }
  showLinkLength();
}

/** Forgets a URL not yet written: after Back, it belongs to the entry left. */
export function dropPendingHash() {
  clearTimeout(hashTimer);
  hashWanted = null;
  writes++;
  delete document.body.dataset.urlPending;
}

/** Drops the scenario from the URL now (the default needs none). */
export function clearHash() {
  writes++;
  hashWanted = "";
  flushHash();
}

