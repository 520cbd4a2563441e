// @ts-check
// "From a provisioned instance": the instance class someone runs today and
// its CPU load (a few dashboard figures, or a CloudWatch CPUUtilization
// export) sized for Serverless v2 by the package's `migrate`, which proposes
// a scaling range and prices it against the class. The answer can be applied
// to the calculator: its scaling range, the load as its workload, the class
// among those it compares with. app.js loads this module the first time the
// section is opened (it is a file of its own, so the first estimate never
// waits for it) and hands it what it needs of the page; the package calls
// run in the page's second worker.
import { $, el, morphChildren, openAround, setHidden, setText } from "./page/dom.js";
import { errorSlot, inputField, radioField, selectField } from "./page/controls.js";
import { acuFormat, duration, fileRefused, formatMicroUsd, hoursFormat, integerFormat, period, quantityFormat, sentence } from "./page/format.js";

/**
 * @typedef {import("./pkg/acumen.js").Migration} Migration
 * @typedef {import("./pkg/acumen.js").MigrationInput} MigrationInput
 * @typedef {{ path: string, message: string }} Problem
 * @typedef {{ intervalSeconds: number, percent: number[] }} CpuTrace
 * @typedef {object} MigrateDeps what the page lends the section
 * @property {(op: string, args?: any) => Promise<any>} analysis runs a package operation in the second worker
 * @property {typeof import("./page/rpc.js").latestWins} latestWins
 * @property {() => { scenario: Record<string, any>, problems: Problem[] }} readScenario the calculator's inputs
 * @property {() => Record<string, any>} defaults the default scenario
 * @property {(scenario: Record<string, any>) => void} load loads a scenario into the calculator
 * @property {(path: string) => void} goToField moves to a calculator input
 */

const OTHER = "other";
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const MAX_CLASSES = 10;
/** What the answer takes from the calculator's own inputs. */
const SHARED = ["region", "engine", "storageType", "storageGb", "hoursPerMonth"];
/** The section's own inputs, by the path `migrate` names in its errors. */
const OWN_PATHS = ["class", "cpu.p95", "cpu.max", "cpu.average", "connections", "workingSetGib", "cpuTrace"];

/**
 * The AWS CLI command that exports an instance's CPUUtilization as the page
 * reads it: 1-minute averages over the last 14 days.
 */
const AWS_CLI_CPU = `aws cloudwatch get-metric-data \\
  --start-time "$(date -u -d '14 days ago' +%FT%TZ)" \\
  --end-time "$(date -u +%FT%TZ)" \\
  --metric-data-queries '[
    {"Id": "cpu", "Label": "app-db", "MetricStat": {"Period": 60, "Stat": "Average",
      "Metric": {"Namespace": "AWS/RDS", "MetricName": "CPUUtilization",
        "Dimensions": [{"Name": "DBInstanceIdentifier", "Value": "app-db"}]}}}
  ]' > cpu.json`;

/** @param {unknown} value @returns {value is Record<string, any>} */
const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const acu = (value) => `${acuFormat.format(value)} ACU`;
const rangeText = (scaling) => `${acuFormat.format(scaling.minAcu)}–${acuFormat.format(scaling.maxAcu)} ACU`;
/** Money with its sign: `+$103.72`, `−$146.73`. */
const signedMoney = (micro) => (micro > 0 ? `+${formatMicroUsd(micro)}` : formatMicroUsd(micro));

/** Families first by generation (r8g before r5), burstable classes last; sizes by vCPUs. */
function classOrder(a, b) {
  const family = (c) => c.class.split(".")[1] ?? "";
  const burst = (c) => (family(c).startsWith("t") ? 1 : 0);
  return burst(a) - burst(b) || family(b).localeCompare(family(a), "en", { numeric: true }) || a.vcpu - b.vcpu;
}

/**
 * Builds the section and starts following its inputs.
 * @param {MigrateDeps} deps
 */
export async function startMigrate(deps) {
  const details = /** @type {HTMLDetailsElement} */ ($("migrate"));
  const body = $("migrate-body");
  /** @type {{ class: string, vcpu: number, memoryGib: number }[]} */
  let classes = [];
  try {
    classes = (await deps.analysis("migrateClasses")) ?? [];
  } catch {
    classes = [];
  }
  classes.sort(classOrder);
  body.replaceChildren(...build(classes));
  details.dataset.ownDrop = "true";
  // The class the calculator compares with, if it has one, is the likeliest to be the one run today.
  const compared = deps.readScenario().scenario.compare?.classes?.[0]?.class;
  if (typeof compared === "string" && classes.some((c) => c.class === compared)) /** @type {HTMLSelectElement} */ ($("migrate-class")).value = compared;

  /** @type {(CpuTrace & { label: string }) | null} */
  let trace = null;
  /** The last answer and what it was asked. */
  /** @type {{ migration: Migration, input: MigrationInput } | null} */
  let answer = null;
  /** The calculator's scenario before the range was applied (for undo). */
  /** @type {Record<string, any> | null} */
  let before = null;
  /** The shared inputs the last request used. */
  let sharedKey = "";

  const source = () => /** @type {HTMLInputElement | null} */ (body.querySelector('input[name="migrateSource"]:checked'))?.value ?? "summary";
  const input = (id) => /** @type {HTMLInputElement} */ ($(id));

  function syncPanels() {
    const kind = source();
    setHidden($("migrate-summary-fields"), kind !== "summary");
    setHidden($("migrate-file-fields"), kind !== "file");
    const other = input("migrate-class").value === OTHER;
    setHidden(/** @type {HTMLElement} */ ($("migrate-class-other").closest(".field")), !other);
  }

  /** The field of the section that shows errors about `path` (`cpu` → the p95). */
  function fieldFor(path) {
    const own = path === "cpu" ? "cpu.p95" : path.startsWith("cpuTrace") ? "cpuTrace" : path;
    if (own === "class" && input("migrate-class").value === OTHER) return /** @type {HTMLElement} */ ($("migrate-class-other").closest(".field"));
    return /** @type {HTMLElement[]} */ ([...body.querySelectorAll(".field[data-path]")]).find((f) => f.dataset.path === own && !f.closest("[hidden]")) ?? null;
  }

  function clearErrors() {
    for (const node of /** @type {NodeListOf<HTMLElement>} */ (body.querySelectorAll("[aria-invalid]"))) {
      node.removeAttribute("aria-invalid");
      if (node.dataset.describedby) node.setAttribute("aria-describedby", node.dataset.describedby);
      else node.removeAttribute("aria-describedby");
    }
    for (const node of body.querySelectorAll(".has-error")) node.classList.remove("has-error");
    for (const slot of /** @type {NodeListOf<HTMLElement>} */ (body.querySelectorAll(".field-error:not(.import-error)"))) {
      slot.textContent = "";
      setHidden(slot, true);
    }
    const general = $("migrate-error");
    general.replaceChildren();
    setHidden(general, true);
  }

  /**
   * Shows `message` at the section's input for `path`; one about a calculator input (the
   * region, the storage, a price) above the answer, with a button to that input.
   * @param {string} path
   * @param {string} message
   */
  function showError(path, message) {
    const prefix = `${path}: `;
    let text = message.startsWith(prefix) ? message.slice(prefix.length) : message;
    const sample = /^cpuTrace\.percent\[(\d+)\]$/.exec(path);
    if (sample) text = `sample ${integerFormat.format(Number(sample[1]) + 1)} of the file: ${text}`;
    const field = path ? fieldFor(path) : null;
    if (field) {
      const slot = /** @type {HTMLElement | null} */ (field.querySelector(":scope > .field-error"));
      field.classList.add("has-error");
      for (const control of /** @type {NodeListOf<HTMLInputElement>} */ (field.querySelectorAll("input, select"))) {
        if (control.type === "radio") continue;
        control.setAttribute("aria-invalid", "true");
        if (slot) control.setAttribute("aria-describedby", [slot.id, control.dataset.describedby].filter(Boolean).join(" "));
      }
      // In the row of three CPU figures the message spans the row: it names its input.
      const label = field.closest(".migrate-trio") ? field.querySelector("label")?.textContent : null;
      if (slot) {
        slot.textContent = sentence(label ? `${label}: ${text}` : text);
        setHidden(slot, false);
      }
      return;
    }
    const general = $("migrate-error");
    const calculator = path && !OWN_PATHS.includes(path);
    general.replaceChildren(
      el("span", { text: `${calculator ? "In the calculator's inputs: " : ""}${sentence(calculator ? `${path}: ${text}` : text)}` }),
      ...(calculator
        ? [" ", el("button", { className: "button-link", text: "Show input", attrs: { type: "button", "data-goto": path, "data-testid": "migrate-goto" } })]
        : []),
    );
    setHidden(general, false);
  }

  /** Marks the answer as out of date (an input was refused), or not. */
  function setStale(stale) {
    const node = $("migrate-answer");
    node.dataset.stale = String(stale);
    /** @type {HTMLButtonElement} */ ($("migrate-apply")).disabled = stale;
  }

  function setPending(pending) {
    if (pending) details.dataset.pending = "true";
    else delete details.dataset.pending;
  }

  /**
   * A number input of the section: `undefined` when empty (a problem when required).
   * @param {string} id
   * @param {string} path
   * @param {Problem[]} problems
   * @param {{ required?: boolean, whole?: boolean }} [options]
   */
  function readNumber(id, path, problems, { required = false, whole = false } = {}) {
    const node = input(id);
    const raw = node.value.trim();
    if (raw === "" || node.validity.badInput) {
      if (node.validity.badInput) problems.push({ path, message: "enter a number" });
      else if (required) problems.push({ path, message: "enter a value" });
      return undefined;
    }
    const value = Number(raw);
    if (!Number.isFinite(value)) problems.push({ path, message: `enter a number, not "${raw}"` });
    else if (whole && !Number.isInteger(value)) problems.push({ path, message: "enter a whole number" });
    return value;
  }

  /** The calculator's region, engine, storage and hours, and its price overrides as a price book. */
  function shared() {
    const { scenario, problems } = deps.readScenario();
    const defaults = deps.defaults();
    /** @type {Record<string, any>} */
    const values = {};
    for (const key of SHARED) {
      const value = scenario[key] ?? defaults[key];
      if (value !== undefined && value !== null) values[key] = value;
    }
    const overrides = isObject(scenario.priceOverrides) ? scenario.priceOverrides : {};
    const entries = Object.entries(overrides)
      .filter(([, price]) => typeof price === "number" && Number.isFinite(price) && price >= 0)
      // For the engine, so that an override wins over a loaded book's engine-specific price.
      .map(([item, price]) => ({ item, region: values.region, engine: values.engine, priceNanoUsd: Math.round(price * 1e9) }));
    // A price book loaded on the page prices the section too; an override
    // comes first, so it wins over the book's entry for the same item.
    const loaded = isObject(scenario.priceBook) ? scenario.priceBook : null;
    if ((entries.length && values.region) || loaded) {
      values.priceBook = {
        name: loaded ? loaded.name : "price overrides",
        source: loaded ? loaded.source : "the calculator's Price overrides",
        asOf: loaded?.asOf ?? new Date().toISOString().slice(0, 10),
        entries: [...(values.region ? entries : []), ...(loaded?.entries ?? [])],
        ...(loaded?.instanceClasses ? { instanceClasses: loaded.instanceClasses } : {}),
      };
    }
    const blocking = problems.filter((p) => SHARED.includes(p.path) || p.path.startsWith("priceOverrides."));
    return { values, problems: blocking };
  }

  /** The class chosen or typed. */
  function chosenClass() {
    const picked = input("migrate-class").value;
    return picked === OTHER ? input("migrate-class-other").value.trim() : picked;
  }

  /**
   * The section's inputs as `migrate`'s input; `null` while there is nothing to size yet.
   * @returns {{ input: MigrationInput, problems: Problem[] } | null}
   */
  function readInput() {
    /** @type {Problem[]} */
    const problems = [];
    const kind = source();
    if (kind === "summary" && input("migrate-p95").value.trim() === "" && input("migrate-max").value.trim() === "" && !input("migrate-p95").validity.badInput && !input("migrate-max").validity.badInput) {
      return null;
    }
    if (kind === "file" && !trace) return null;
    const context = shared();
    sharedKey = JSON.stringify(context.values);
    problems.push(...context.problems);
    const name = chosenClass();
    if (!name) problems.push({ path: "class", message: "enter an instance class, for example db.r6i.large" });
    /** @type {MigrationInput} */
    const result = { class: name, ...context.values };
    if (kind === "summary") {
      const p95 = readNumber("migrate-p95", "cpu.p95", problems, { required: true });
      const max = readNumber("migrate-max", "cpu.max", problems, { required: true });
      const average = readNumber("migrate-average", "cpu.average", problems);
      if (p95 !== undefined && max !== undefined) result.cpu = { p95, max, ...(average === undefined ? {} : { average }) };
    } else if (trace) {
      result.cpuTrace = { intervalSeconds: trace.intervalSeconds, percent: trace.percent };
    }
    const connections = readNumber("migrate-connections", "connections", problems, { whole: true });
    if (connections !== undefined) result.connections = connections;
    const workingSet = readNumber("migrate-working-set", "workingSetGib", problems);
    if (workingSet !== undefined) result.workingSetGib = workingSet;
    return { input: result, problems };
  }

  const migrations = deps.latestWins(
    /** @param {MigrationInput} request */
    (request) => deps.analysis("migrate", { input: request }),
    ({ value, error }, request) => {
      setPending(false);
      clearErrors();
      if (error) {
        showError(error.field ?? "", error.message ?? String(error));
        setStale(true);
        return;
      }
      render(/** @type {Migration} */ (value), request);
    },
  );

  /** Sizes the instance from the inputs (in the worker; only the latest answer is shown). */
  function run() {
    syncPanels();
    const read = readInput();
    if (!read) {
      sharedKey = JSON.stringify(shared().values);
      migrations.cancel();
      clearErrors();
      setPending(false);
      answer = null;
      setHidden($("migrate-answer"), true);
      setHidden($("migrate-prompt"), false);
      return;
    }
    setHidden($("migrate-prompt"), true);
    if (read.problems.length) {
      migrations.cancel();
      clearErrors();
      for (const problem of read.problems) showError(problem.path, problem.message);
      setStale(true);
      setPending(false);
      return;
    }
    setPending(true);
    migrations.request(read.input);
  }

  /**
   * Shows an answer.
   * @param {Migration} m
   * @param {MigrationInput} request
   */
  function render(m, request) {
    answer = { migration: m, input: request };
    const { sizing, proposed, class: shape } = m;
    setHidden($("migrate-answer"), false);
    setStale(false);
    setText($("migrate-verdict"), sentence(m.verdict));
    const classText =
      `${shape.class}: ${integerFormat.format(shape.vcpu)} vCPU, ${quantityFormat.format(shape.memoryGib)} GiB, ` +
      `${quantityFormat.format(shape.acuPerVcpu)} ACU per vCPU at full load${shape.burstable ? " (burstable: for dev/test)" : ""}`;
    morphChildren($("migrate-figures"), [
      figure("Proposed range", rangeText(proposed), "migrate-range", "headline"),
      figure("Typical load", acu(sizing.typicalAcu), "migrate-typical"),
      figure("Peak load", acu(sizing.peakAcu), "migrate-peak"),
      figure("Class today", classText, "migrate-class-shape", "wide"),
    ]);
    const unknown = (text) => el("span", { className: "unknown", text });
    const odName = `${shape.class} on demand`;
    /** @type {[string, Node | string, string, string?][]} */
    const rows = [
      [`Serverless v2, ${rangeText(proposed)}`, formatMicroUsd(m.serverless.monthlyMicroUsd), "serverless"],
      m.onDemand
        ? [m.onDemand.option, formatMicroUsd(m.onDemand.monthlyMicroUsd), "on-demand"]
        : [odName, unknown("unknown"), "on-demand", "No on-demand rate for this class is known in this region."],
      m.bestCommitment
        ? [`Best commitment: ${m.bestCommitment.option}`, formatMicroUsd(m.bestCommitment.monthlyMicroUsd), "commitment"]
        : ["Best commitment (Reserved or Savings Plans)", unknown("unknown"), "commitment", "No Reserved or Savings Plans rate for this class is known here."],
      m.savingMicroUsd !== undefined && m.savingMicroUsd !== null
        ? ["Saving on serverless (against on demand)", signedMoney(m.savingMicroUsd), "saving"]
        : ["Saving on serverless", unknown("unknown"), "saving", "Unknown without an on-demand rate."],
    ];
    morphChildren(
      $("migrate-cost-rows"),
      rows.map(([name, cost, key, note]) =>
        el("tr", { attrs: { "data-row": key } }, [
          el("th", { attrs: { scope: "row" } }, [el("span", { text: name }), ...(note ? [el("small", { className: "provenance", text: note })] : [])]),
          el("td", { className: "num", attrs: { "data-testid": `migrate-cost-${key}` } }, [cost]),
        ]),
      ),
    );
    const cpu = m.cpu;
    const cpuText =
      `CPU: p95 ${quantityFormat.format(cpu.p95)} %, max ${quantityFormat.format(cpu.max)} %, ` +
      (cpu.average === undefined || cpu.average === null ? "average not given (0.6 × p95 assumed)." : `average ${quantityFormat.format(cpu.average)} %.`);
    const load = m.load
      ? [
          el("p", {
            text:
              `The series covers ${hoursFormat.format(m.load.hours)} h: ${hoursFormat.format(m.load.hoursNearPeak)} h near its peak of ${acuFormat.format(m.load.peakAcu)} ACU (80 % of it or more), ` +
              `${hoursFormat.format(m.load.hoursAtMostHalfAcu)} h at 0.5 ACU or less.`,
          }),
        ]
      : [];
    morphChildren($("migrate-how-body"), [
      el("p", { text: cpuText }),
      ...load,
      el("ul", { className: "migrate-rules", attrs: { "data-testid": "migrate-rules" } }, sizing.rules.map((rule) => el("li", { text: period(rule) }))),
      el("p", { text: `Proposed by ${period(m.proposedBy)}` }),
    ]);
    const notes = $("migrate-notes");
    morphChildren(notes, m.notes.map((note) => el("li", { text: sentence(note) })));
    setHidden(notes, m.notes.length === 0);
    const workload = request.cpuTrace
      ? `the series' demand in ACUs as its trace (a sample every ${duration(request.cpuTrace.intervalSeconds)})`
      : `a steady ${acu(sizing.typicalAcu)} as its workload`;
    setText($("migrate-apply-hint"), `Sets the calculator's scaling range to ${rangeText(proposed)}, ${workload}, and compares it with ${shape.class}; its other inputs stay.`);
  }

  /** Applies the answer to the calculator: range, workload, class to compare with. */
  function apply() {
    if (!answer) return;
    const { migration: m, input: request } = answer;
    const status = $("migrate-applied");
    const { scenario, problems } = deps.readScenario();
    if (problems.length) {
      status.replaceChildren(el("span", { text: "Correct the calculator's highlighted input first: the range was not applied." }));
      status.focus();
      return;
    }
    before = structuredClone(scenario);
    const next = structuredClone(scenario);
    next.scaling = { ...(isObject(next.scaling) ? next.scaling : {}), minAcu: m.proposed.minAcu, maxAcu: m.proposed.maxAcu };
    if (request.cpuTrace) {
      // The demand the core simulated: CPU % × vCPUs × ACUs per vCPU / 100, sample by sample.
      const scale = (m.class.vcpu * m.class.acuPerVcpu) / 100;
      next.workload = { trace: { intervalSeconds: request.cpuTrace.intervalSeconds, acu: (request.cpuTrace.percent ?? []).map((p) => p * scale) } };
    } else {
      next.workload = { steady: { acu: m.sizing.typicalAcu } };
    }
    const compare = isObject(next.compare) ? next.compare : {};
    const compared = Array.isArray(compare.classes) ? compare.classes : [];
    const added = !compared.some((c) => isObject(c) && c.class === m.class.class) && compared.length < MAX_CLASSES;
    next.compare = { ...compare, classes: added ? [...compared, { class: m.class.class }] : compared };
    deps.load(next);
    status.replaceChildren(
      el("span", {
        text:
          `The calculator now uses ${rangeText(m.proposed)} with ${request.cpuTrace ? "the series' demand as its trace" : `a steady ${acu(m.sizing.typicalAcu)}`}` +
          `${added ? `, compared with ${m.class.class}` : ""}. `,
      }),
      el("button", { className: "button-link", text: "Undo", attrs: { type: "button", id: "migrate-undo", "data-testid": "migrate-undo" } }),
    );
    status.focus();
  }

  /** @param {File} file */
  async function readFile(file) {
    // The file panel shows what was read, or why not.
    for (const radio of /** @type {NodeListOf<HTMLInputElement>} */ (body.querySelectorAll('input[name="migrateSource"]'))) radio.checked = radio.value === "file";
    syncPanels();
    const status = $("migrate-file-status");
    const message = $("migrate-file-error");
    setHidden(message, true);
    message.textContent = "";
    status.textContent = `Reading ${file.name}…`;
    setPending(true);
    try {
      if (file.size > MAX_FILE_BYTES) throw new Error(`the file has ${quantityFormat.format(file.size / 1048576)} MB; the page reads files of up to 64 MB (the CLI's acumen migrate --cpu reads larger ones)`);
      const grid = await deps.analysis("importCsv", { text: await file.text(), name: file.name });
      const [first, ...others] = grid.series;
      trace = { intervalSeconds: grid.intervalSeconds, percent: first.values, label: file.name };
      const warnings = /** @type {string[]} */ (grid.warnings).filter((w) => !w.includes("cluster-level metric"));
      status.replaceChildren(
        el("p", {
          text:
            `Read ${file.name}: ${first.name}, ${integerFormat.format(first.values.length)} samples, one every ${duration(grid.intervalSeconds)} from ${grid.start} to ${grid.end}` +
            `${first.gaps ? ` (${first.gaps} gap${first.gaps === 1 ? "" : "s"} held)` : ""}.` +
            (others.length ? ` Only the first series is used; ${others.length} other${others.length === 1 ? " is" : "s are"} not.` : ""),
        }),
        ...(warnings.length ? [el("ul", { className: "csv-warnings" }, warnings.map((w) => el("li", { text: period(w) })))] : []),
      );
      run();
    } catch (error) {
      message.textContent = fileRefused(file.name, error);
      setHidden(message, false);
      status.textContent = trace ? `Still using ${trace.label}.` : "";
      openAround(message);
      setPending(false);
    } finally {
      input("migrate-file").value = "";
    }
  }

  body.addEventListener("input", (event) => {
    if (/** @type {HTMLElement} */ (event.target).id === "migrate-file") return;
    run();
  });
  body.addEventListener("change", (event) => {
    const target = /** @type {HTMLInputElement} */ (event.target);
    if (target.id === "migrate-file") {
      const file = target.files?.[0];
      if (file) readFile(file);
    } else if (target.tagName === "SELECT" || target.type === "radio") {
      run();
    }
  });
  body.addEventListener("click", (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest("button");
    if (!button) return;
    if (button.id === "migrate-apply") apply();
    else if (button.id === "migrate-undo" && before) {
      deps.load(before);
      before = null;
      const status = $("migrate-applied");
      status.replaceChildren(el("span", { text: "Undone: the calculator is back to its earlier inputs." }));
      status.focus();
    } else if (button.dataset.goto) deps.goToField(button.dataset.goto);
  });
  // A file dropped on this section is sized here; anywhere else it stays the calculator's workload.
  details.addEventListener("dragover", (event) => {
    if (![...(event.dataTransfer?.types ?? [])].includes("Files")) return;
    event.preventDefault();
    document.body.dataset.dropTarget = "migrate";
  });
  document.addEventListener("dragover", (event) => {
    if (!details.contains(/** @type {Node} */ (event.target))) delete document.body.dataset.dropTarget;
  });
  details.addEventListener("drop", (event) => {
    delete document.body.dataset.dropTarget;
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    details.open = true;
    readFile(file);
  });
  // The region, engine, storage, hours and prices are the calculator's: follow their changes.
  const followCalculator = (/** @type {Event} */ event) => {
    // An edit of the calculator's own after the range was applied: undo would lose it, so it is no longer offered.
    if (event.type === "input" && before) {
      before = null;
      document.getElementById("migrate-undo")?.remove();
    }
    if (!details.open) return;
    if (JSON.stringify(shared().values) !== sharedKey) run();
  };
  const calculator = $("scenario-form");
  calculator.addEventListener("input", followCalculator);
  calculator.addEventListener("change", followCalculator);
  details.addEventListener("toggle", followCalculator);
  syncPanels();
  run();
}

/**
 * One figure of the answer: `headline` (the range) and `wide` take a row of their own.
 * @param {string} label
 * @param {string} value
 * @param {string} testId
 * @param {"headline" | "wide"} [kind]
 */
function figure(label, value, testId, kind) {
  return el("div", { className: `migrate-figure${kind ? ` migrate-figure-${kind}` : ""}` }, [el("dt", { text: label }), el("dd", { text: value, attrs: { "data-testid": testId } })]);
}

/**
 * The section's inputs and answer.
 * @param {{ class: string, vcpu: number, memoryGib: number }[]} classes
 */
function build(classes) {
  const classField = selectField({
    id: "migrate-class",
    path: "class",
    label: "Instance class today",
    hint: "The provisioned class the instance runs on; db.t* classes are burstable, for dev/test.",
  });
  const select = /** @type {HTMLSelectElement} */ (classField.querySelector("select"));
  const option = (c) =>
    el("option", { text: `${c.class} (${c.vcpu} vCPU, ${quantityFormat.format(c.memoryGib)} GiB${c.class.startsWith("db.t") ? ", dev/test" : ""})`, attrs: { value: c.class } });
  const steady = classes.filter((c) => !c.class.startsWith("db.t"));
  const burstable = classes.filter((c) => c.class.startsWith("db.t"));
  select.replaceChildren(
    ...(steady.length ? [el("optgroup", { attrs: { label: "Memory optimised" } }, steady.map(option))] : []),
    ...(burstable.length ? [el("optgroup", { attrs: { label: "Burstable (dev/test)" } }, burstable.map(option))] : []),
    el("option", { text: "Another class…", attrs: { value: OTHER } }),
  );
  const sourceField = radioField({
    id: "migrate-source",
    name: "migrateSource",
    path: "cpuSource",
    label: "CPU load",
    choices: [
      ["summary", "CPU figures", "migrate-source-summary"],
      ["file", "CloudWatch file", "migrate-source-file"],
    ],
  });
  /** @type {HTMLInputElement} */ (sourceField.querySelector("#migrate-source-summary")).checked = true;
  select.value = classes.some((c) => c.class === "db.r6g.xlarge") ? "db.r6g.xlarge" : (classes[0]?.class ?? OTHER);
  const otherField = inputField({
    id: "migrate-class-other",
    path: "class",
    type: "text",
    label: "Class name",
    hint: "Any db.<family>.<size>, e.g. db.r6i.large; sized by its family's rule, priced where the catalog knows it.",
    placeholder: "db.r6i.large",
    inputmode: "text",
  });
  const number = (id, path, label, unit, hint, extra = {}) => inputField({ id, path, label, unit, hint, min: 0, ...extra });
  return [
    el("p", {
      className: "hint group-intro",
      text:
        "Size Serverless v2 from the instance you run today: its class and its CPU load, from a dashboard or a CloudWatch export. " +
        "AWS's serverless advisory rules turn CPU into ACUs; region, engine, storage and prices are the calculator's.",
    }),
    classField,
    otherField,
    sourceField,
    el("div", { attrs: { id: "migrate-summary-fields" } }, [
      el("p", { className: "hint migrate-cpu-hint", text: "CPUUtilization over a few busy weeks, in percent." }),
      el("div", { className: "migrate-trio" }, [
        number("migrate-p95", "cpu.p95", "CPU p95", "%", "0 to 100.", { max: 100, placeholder: "35" }),
        number("migrate-max", "cpu.max", "CPU max", "%", "At least p95.", { max: 100, placeholder: "72" }),
        number("migrate-average", "cpu.average", "Average", "%", "Optional.", { max: 100, optional: true }),
      ]),
    ]),
    el("div", { attrs: { id: "migrate-file-fields", hidden: true } }, [
      el("div", { className: "field field-wide", attrs: { "data-path": "cpuTrace" } }, [
        el("div", { className: "drop-zone migrate-drop" }, [
          el("label", { className: "field-label", text: "CPUUtilization export", attrs: { for: "migrate-file" } }),
          el("input", {
            attrs: {
              id: "migrate-file",
              type: "file",
              accept: ".csv,.json,text/csv,application/json,text/plain",
              "aria-describedby": "migrate-file-hint",
              "data-describedby": "migrate-file-hint",
              "data-testid": "migrate-file",
            },
          }),
          el("p", {
            className: "hint",
            text:
              "The instance's CPUUtilization as the AWS CLI writes it (get-metric-data or get-metric-statistics JSON) or as CSV; or drop the file on this section. " +
              "Each sample becomes a demand in ACUs; the cluster is simulated on it and the cheapest range that serves it is proposed.",
            attrs: { id: "migrate-file-hint" },
          }),
          el("details", { className: "export-help" }, [
            el("summary", { text: "How to export with the AWS CLI" }),
            el("p", { className: "hint", text: "Replace app-db with the instance's identifier. On macOS, use date -u -v-14d for the start time." }),
            el("pre", { className: "command", attrs: { tabindex: "0", role: "region", "aria-label": "AWS CLI command for CPUUtilization" } }, [el("code", { text: AWS_CLI_CPU })]),
          ]),
        ]),
        errorSlot("migrate-file"),
        el("div", { className: "csv-status", attrs: { id: "migrate-file-status", "data-testid": "migrate-file-status", role: "status" } }),
      ]),
    ]),
    el("div", { className: "field-pair migrate-pair" }, [
      number("migrate-connections", "connections", "Connections", "peak", "Optional: most at once.", { optional: true, step: 1, inputmode: "numeric" }),
      number("migrate-working-set", "workingSetGib", "Working set", "GiB", "Optional: hot data.", { optional: true }),
    ]),
    el("p", { className: "field-error migrate-error", attrs: { id: "migrate-error", "data-testid": "migrate-error", role: "alert", hidden: true } }),
    el("p", { className: "hint migrate-prompt", text: "Enter the CPU p95 and maximum, or choose a CPUUtilization file, to see the proposed range.", attrs: { id: "migrate-prompt", "data-testid": "migrate-prompt" } }),
    el("div", { className: "migrate-answer", attrs: { id: "migrate-answer", "data-testid": "migrate-answer", hidden: true } }, [
      el("p", { className: "migrate-stale", text: "Out of date: the last valid answer. Correct the highlighted input to update it.", attrs: { "data-testid": "migrate-stale" } }),
      el("dl", { className: "migrate-figures", attrs: { id: "migrate-figures" } }),
      el("p", { className: "migrate-verdict", attrs: { id: "migrate-verdict", "data-testid": "migrate-verdict", "aria-live": "polite" } }),
      el("table", { className: "compare-table migrate-costs", attrs: { "data-testid": "migrate-costs", "aria-label": "Monthly cost" } }, [
        el("thead", {}, [el("tr", {}, [el("th", { text: "Option", attrs: { scope: "col" } }), el("th", { className: "num", text: "Per month", attrs: { scope: "col" } })])]),
        el("tbody", { attrs: { id: "migrate-cost-rows" } }),
      ]),
      el("ul", { className: "migrate-notes", attrs: { id: "migrate-notes", "data-testid": "migrate-notes", hidden: true } }),
      el("div", { className: "migrate-apply" }, [
        el("button", { className: "button-primary", text: "Use this range in the calculator", attrs: { type: "button", id: "migrate-apply", "data-testid": "migrate-apply", "aria-describedby": "migrate-apply-hint" } }),
        el("p", { className: "hint", attrs: { id: "migrate-apply-hint" } }),
        el("p", { className: "migrate-applied", attrs: { id: "migrate-applied", "data-testid": "migrate-applied", role: "status", tabindex: "-1" } }),
      ]),
      el("details", { className: "subgroup migrate-how", attrs: { id: "migrate-how", "data-testid": "migrate-how" } }, [
        el("summary", {}, [el("span", { text: "How this was worked out" })]),
        el("div", { attrs: { id: "migrate-how-body" } }),
      ]),
    ]),
  ];
}
