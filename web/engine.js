// @ts-check
// Everything the page asks of the wasm package, as plain-data operations:
// run in a Web Worker by worker.js, or on the page itself (for the first
// estimate, and where module workers are missing). Answers are structured-clonable objects; errors are
// thrown as they come from the package (an AcumenError names its field).
//
// Two builds of the package's wasm answer them: the first (pkg/first/, the
// exports the first result and every estimate need; scripts/first-wasm.mjs)
// and the package's own (pkg/, every export), whose module and wasm are
// fetched only when an operation needs an export the first lacks. Both are
// the same core: their answers are the same.
import initFirst, * as firstWasm from "./pkg/first/acumen.js";
import { readCloudWatchFile } from "./page/cloudwatch.js";

/**
 * The first wasm's exports as the package's: it returns each result as the
 * JSON text of the package's value (smaller wasm; see
 * crates/acumen-wasm/src/encode.rs), parsed here.
 */
const acumen = {
  /** @type {(scenario?: import("./pkg/acumen.js").Scenario) => import("./pkg/acumen.js").Report} */
  estimate: (scenario) => JSON.parse(firstWasm.estimate(scenario)),
  /** @type {() => import("./pkg/acumen.js").Scenario} */
  defaultScenario: () => JSON.parse(firstWasm.defaultScenario()),
  /** @type {() => import("./pkg/acumen.js").RegionCoverage[]} */
  regions: () => JSON.parse(firstWasm.regions()),
  /** @type {() => import("./pkg/acumen.js").Catalog} */
  catalog: () => JSON.parse(firstWasm.catalog()),
  /** @type {(input: import("./pkg/acumen.js").CapabilitiesInput) => import("./pkg/acumen.js").Capabilities} */
  capabilities: (input) => JSON.parse(firstWasm.capabilities(input)),
  version: () => firstWasm.version(),
};

/** The operations the first wasm answers; the others start the package's full wasm. */
const FIRST = new Set(["start", "estimate", "load", "migrateClasses"]);

let firstReady;
let fullReady;
/** @type {typeof import("./pkg/acumen.js")} The package's module, once started. */
let full;

/** Fetches the package's module and starts its wasm. */
async function startFull() {
  const module = await import("./pkg/acumen.js");
  await module.default();
  return module;
}
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
    return full.optimize(scenario, { maxUnmetShare });
  },
  infrastructure({ scenario }) {
    return { cloudformation: full.cloudformation(scenario), terraform: full.terraform(scenario) };
  },
  /** Starts the package from a module compiled elsewhere (the page shares its own). */
  load() {
    return { version: acumen.version() };
  },
  importCsv({ text, name }) {
    return readCloudWatchFile(text, name, full.readCloudWatch);
  },
  /** A provisioned instance sized for Serverless v2 (the "From a provisioned instance" section). */
  migrate({ input }) {
    return full.migrate(input);
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
 * Runs one operation once the wasm it needs has started: the first wasm from
 * `module` (a compiled WebAssembly.Module) when one is given, else by
 * fetching its file; the package's full wasm by fetching its file, once.
 */
export async function run(op, args, module = args?.module) {
  const operation = OPERATIONS[op];
  if (!operation) throw new Error(`unknown operation ${op}`);
  if (FIRST.has(op)) {
    firstReady ??= initFirst(module ? { module_or_path: module } : undefined);
    await firstReady;
  } else {
    // A failed fetch (offline before it was ever cached) is tried again next time.
    fullReady ??= startFull().catch((error) => {
      fullReady = undefined;
      throw error;
    });
    full = await fullReady;
  }
  return operation(args ?? {});
}
