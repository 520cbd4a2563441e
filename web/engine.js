// @ts-check
// Everything the page asks of the wasm package, as plain-data operations:
// run in a Web Worker by worker.js, or on the page itself (for the first
// estimate, and where module workers are missing). Answers are structured-clonable objects; errors are
// thrown as they come from the package (an AcumenError names its field).
import init, * as acumen from "./pkg/acumen.js";
import { readCloudWatchFile } from "./page/cloudwatch.js";

let ready;
let catalogEntries;

/** The catalog's prices for a region and engine, item → nano-dollars (from `catalog()`, read once). */
function catalogPrices(region, engine) {
  if (catalogEntries === undefined) {
    try {
      catalogEntries = acumen.catalog()?.entries ?? [];
    } catch {
      catalogEntries = [];
    }
  }
  const prices = {};
  for (const entry of catalogEntries) {
    if (entry.region !== region || (entry.engine != null && entry.engine !== engine) || typeof entry.priceNanoUsd !== "number") continue;
    // An engine's own price wins over one for every engine.
    if (prices[entry.item] === undefined || entry.engine === engine) prices[entry.item] = entry.priceNanoUsd;
  }
  return prices;
}

/** What each price override would replace: the price the report used, else the catalog's. */
function placeholders(report) {
  const prices = catalogPrices(report.region, report.engine);
  for (const line of report.lines) if (line.price && !line.price.overridden && line.unitPriceNanoUsd != null) prices[line.item] = line.unitPriceNanoUsd;
  return { prices, catalogKnown: catalogEntries.length > 0 };
}

function capabilitiesOf(engine, engineVersion) {
  try {
    return acumen.capabilities({ engine, engineVersion: engineVersion || null });
  } catch {
    // An unreadable version is reported by the estimate, beside the field.
    return null;
  }
}

/** An estimate that never throws: `{ report }` or `{ error }`, with the engine version's capabilities. */
function estimateOutcome(scenario, engine, engineVersion) {
  const caps = engine ? capabilitiesOf(engine, engineVersion) : null;
  try {
    const report = acumen.estimate(scenario);
    return { report, caps, placeholders: placeholders(report) };
  } catch (error) {
    return { error: plainError(error), caps };
  }
}

/** An error as plain data (what survives postMessage), keeping the package's field and code. */
export function plainError(error) {
  return {
    name: error?.name ?? "Error",
    message: error?.message ?? String(error),
    field: error?.field,
    code: error?.code,
    line: error?.line,
    column: error?.column,
  };
}

const OPERATIONS = {
  /**
   * Starts the package; answers the defaults, the region list, the version
   * and the estimate of `scenario` (the link's, or `{}` for the default).
   */
  start({ scenario }) {
    // The page has no defaults of its own: the form is filled from these.
    const defaultScenario = acumen.defaultScenario();
    const defaultReport = acumen.estimate({});
    let regions = [];
    try {
      regions = acumen.regions();
    } catch {
      regions = [];
    }
    const first = scenario
      ? estimateOutcome(scenario, scenario.engine ?? defaultScenario.engine, scenario.engineVersion)
      : { report: defaultReport, placeholders: placeholders(defaultReport), caps: capabilitiesOf(defaultScenario.engine, null) };
    return { version: acumen.version(), defaultScenario, regions, first };
  },
  estimate({ scenario, engine, engineVersion }) {
    return estimateOutcome(scenario, engine, engineVersion);
  },
  optimize({ scenario, maxUnmetShare }) {
    return acumen.optimize(scenario, { maxUnmetShare });
  },
  infrastructure({ scenario }) {
    return { cloudformation: acumen.cloudformation(scenario), terraform: acumen.terraform(scenario) };
  },
  /** Starts the package from a module compiled elsewhere (the page shares its own). */
  load() {
    return { version: acumen.version() };
  },
  importCsv({ text, name }) {
    return readCloudWatchFile(text, name);
  },
  /** A provisioned instance sized for Serverless v2 (the "From a provisioned instance" section). */
  migrate({ input }) {
    return acumen.migrate(input);
  },
  /** The instance classes the catalog knows, once each: name, vCPUs and memory. */
  migrateClasses() {
    /** @type {Map<string, { class: string, vcpu: number, memoryGib: number }>} */
    const classes = new Map();
    for (const c of acumen.catalog()?.instanceClasses ?? []) {
      if (!classes.has(c.class)) classes.set(c.class, { class: c.class, vcpu: c.vcpu, memoryGib: c.memoryGib });
    }
    return [...classes.values()];
  },
};

/**
 * Runs one operation once the package has started: from `module` (a compiled
 * WebAssembly.Module) when one is given, else by fetching the package's file.
 */
export async function run(op, args, module = args?.module) {
  ready ??= init(module ? { module_or_path: module } : undefined);
  await ready;
  const operation = OPERATIONS[op];
  if (!operation) throw new Error(`unknown operation ${op}`);
  return operation(args ?? {});
}
