// @ts-check
// The Acumen calculator page. All maths happens in the wasm core: the page
// builds the inputs (page/form.js, from the field table in page/fields.js),
// reads them into a scenario (page/scenario.js), asks for its estimate and
// renders the report (page/render/, page/charts/). The first estimate is
// computed on this thread (started by boot.js before the page is even laid
// out), so that it is on screen without waiting for a worker to start; every
// later one runs in a Web Worker (page/rpc.js, worker.js, engine.js), so that
// typing never waits for the core, and only the latest request's answer is
// shown. This entry wires the parts together; scripts/build-site.mjs bundles
// it with page/ into one file.
import { linkAtStart, starting } from "./boot.js";
import { PACKED, PLAIN } from "./page/link.js";
import { $, control, form, results, setHidden } from "./page/dom.js";
import { buildForm, weeklyEditor } from "./page/form.js";
import { addRow, removeRow } from "./page/lists.js";
import { classAction } from "./page/classes.js";
import { goToField } from "./page/errors.js";
import { clearHash, dropPendingHash, flushHash, offerRestore } from "./page/persist.js";
import { followPresets } from "./page/presets.js";
import { followUndo, undoable } from "./page/undo.js";
import { followArrowKeys } from "./page/stepper.js";
import { followRegion } from "./page/regional.js";
import { followJumps } from "./page/jump.js";
import { acceptFiles } from "./page/import.js";
import { followChartChoices, followChartWidth } from "./page/charts/redraw.js";
import { followExportActions } from "./page/render/export.js";
import { followOptimizerActions } from "./page/optimizer.js";
import { followPriceBook } from "./page/pricebook.js";
import { analysis, estimator, latestWins } from "./page/rpc.js";
import { readScenario } from "./page/scenario.js";
import { hooks, state } from "./page/state.js";
import { load, loadFromLocation, markReady, showNotice, unusableLink, update } from "./page/update.js";

hooks.update = update;
hooks.load = (scenario, view) => load(scenario, undefined, view);

/** On narrow screens, keeps the total in view while the headline is scrolled away. */
function followHeadline() {
  if (typeof IntersectionObserver !== "function") return;
  const bar = $("mini-total");
  const observer = new IntersectionObserver(([entry]) => {
    bar.dataset.show = String(!entry.isIntersecting);
  });
  observer.observe(/** @type {Element} */ (document.querySelector(".headline")));
}

/** @param {any} error */
function showLoadFailure(error) {
  const general = $("general-error");
  general.textContent = `The calculator could not start: ${error?.message ?? error}. Reload the page to try again.`;
  setHidden(general, false);
  results.removeAttribute("aria-busy");
  document.querySelectorAll("input, button, select, textarea").forEach((node) => {
    /** @type {HTMLInputElement} */ (node).disabled = true;
  });
}

/**
 * Keeps the page working offline: a service worker (sw.js) caches its files.
 * Registered once the first result is on screen, so it never competes with it.
 */
function registerServiceWorker() {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (hadController) showNotice("A newer version of the calculator has been installed: reload the page to use it.");
  });
  navigator.serviceWorker.register("sw.js").catch(() => {
    // Without it the page still works, online.
  });
}

/** The form's own buttons: rows of the lists and classes, and the weekly grid's fill. */
function followFormActions() {
  form.addEventListener("input", (event) => {
    if (/** @type {HTMLElement} */ (event.target).dataset?.tool) return;
    state.own = true;
    update();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("click", (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest("button");
    if (!button) return;
    if (button.dataset.goto) goToField(button.dataset.goto);
    else if (button.dataset.classAction) classAction(button.dataset.classAction, Number(button.dataset.index));
    else if (button.dataset.add) addRow(/** @type {import("./page/lists.js").ListName} */ (button.dataset.add));
    else if (button.dataset.remove) removeRow(/** @type {import("./page/lists.js").ListName} */ (button.dataset.remove), Number(button.dataset.index));
    else if (button.id === "weekly-fill-apply") {
      const raw = control("weekly-fill").value.trim();
      weeklyEditor().setAll(new Array(168).fill(raw === "" ? null : Number(raw)));
      update();
    }
  });
}

/** The results' "Show input" buttons, and the panels that work only while open. */
function followResultActions() {
  for (const id of ["warning-list", "comparison", "line-rows", "missing-prices", "stale"]) {
    $(id).addEventListener("click", (event) => {
      const button = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (event.target).closest("button[data-goto]"));
      if (button?.dataset.goto) goToField(button.dataset.goto);
    });
  }
  followChartChoices();
  followChartWidth();
  // A panel's "toggle" event comes a moment after the click that opens it: mark its work as on its way at once.
  for (const id of ["export", "optimizer"]) {
    const details = /** @type {HTMLDetailsElement} */ ($(id));
    details.querySelector("summary")?.addEventListener("click", () => {
      if (!details.open && state.lastGood) details.dataset.pending = "true";
    });
  }
  followExportActions();
  followOptimizerActions();
}

/**
 * "From a provisioned instance": its code (migrate.js, a file of its own) is
 * loaded the first time the section is opened, so the first estimate never waits for it.
 */
function followMigrate() {
  const details = /** @type {HTMLDetailsElement} */ ($("migrate"));
  /** @type {Promise<void> | null} */
  let started = null;
  const start = () =>
    (started ??= import("./migrate.js")
      .then((section) =>
        section.startMigrate({
          analysis,
          latestWins,
          readScenario,
          defaults: () => state.defaults,
          load: (scenario) => hooks.load(scenario),
          goToField,
        }),
      )
      .catch((error) => {
        started = null;
        delete details.dataset.pending;
        $("migrate-body").textContent = `This section could not start: ${error?.message ?? error}. Reload the page to try again.`;
      }));
  details.querySelector("summary")?.addEventListener("click", () => {
    if (!details.open && !started) details.dataset.pending = "true";
  });
  details.addEventListener("toggle", () => {
    if (details.open) start();
  });
}

/** Reset, the link's hash, and writing the URL before the page is left or shared. */
function followNavigation() {
  form.addEventListener("input", () => setHidden($("restore"), true), { once: true });
  $("reset").addEventListener("click", () => {
    undoable("Reset every input to its default", () => {
      clearHash();
      setHidden($("preset-note"), true);
      load({});
      clearHash();
    });
    $("min-acu").focus();
  });
  // Back and Forward (popstate), and a hash edited by hand (hashchange, which also follows a popstate: once is enough).
  let traversed = "";
  window.addEventListener("popstate", () => {
    traversed = location.href;
    dropPendingHash();
    loadFromLocation();
  });
  window.addEventListener("hashchange", () => {
    if (traversed === location.href) {
      traversed = "";
      return;
    }
    if (location.hash === "" || location.hash.startsWith(PLAIN) || location.hash.startsWith(PACKED)) loadFromLocation();
  });
  // A link copied straight after an edit still holds it.
  document.addEventListener("visibilitychange", flushHash);
  window.addEventListener("pagehide", flushHash);
}

/** The figures the site's build writes into the page (scripts/prerender.mjs). */
const PRERENDERED = ["total-monthly", "total-yearly", "mini-total-value", "table-total"];

/**
 * Hands the built page's prerendered default result over to the live one. A
 * link's scenario is another: its figures start empty (the stylesheet hid
 * the default's until now), so an error never shows the default's total.
 */
function dropPrerendered() {
  const root = document.documentElement;
  if ("link" in root.dataset) for (const id of PRERENDERED) $(id).textContent = "…";
  delete root.dataset.link;
  results.removeAttribute("data-prerendered");
}

/**
 * Shows the first result: the link's scenario (or the default), estimated while the form was built.
 * @param {any} started
 * @param {import("./page/link.js").Link} link
 */
function showFirst(started, link) {
  let scenario = {};
  let view = null;
  let first = started.first;
  let notice = "";
  const linked = link && "scenario" in link;
  if (linked) {
    if (first.error && first.error.code !== "unknown_price") {
      notice = unusableLink(first.error.message);
      first = null;
    } else {
      ({ scenario, view } = link);
    }
  } else if (link && "error" in link) {
    notice = unusableLink(link.error);
  }
  if (!linked || notice) clearHash();
  dropPrerendered();
  load(scenario, first, view);
  if (!link) offerRestore();
  showNotice(notice);
}

async function main() {
  // The form is built at once; it is filled once the engine has answered with the defaults.
  buildForm();
  let started;
  try {
    started = await starting;
  } catch (error) {
    showLoadFailure(error);
    return;
  }
  state.regions = Array.isArray(started.regions) ? started.regions : [];
  state.defaults = started.defaultScenario;
  $("version").textContent = `Acumen ${started.version}.`;
  followFormActions();
  followPriceBook();
  acceptFiles();
  followPresets();
  followUndo();
  followArrowKeys();
  followRegion();
  followJumps();
  followResultActions();
  followNavigation();
  followMigrate();
  showFirst(started, await linkAtStart);
  followHeadline();
  markReady(() => {
    estimator.start();
    registerServiceWorker();
  });
}

main();
