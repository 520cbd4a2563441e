// @ts-check
// The form's fields, each defined once: its element id (stable: tests and
// saved links depend on the page's ids and paths), its label and hint, the
// scenario path it edits, its kind and its constraints. The form is built,
// read into a scenario and filled from a scenario from this table (form.js);
// the lists of rows (lists.js, classes.js) have tables of their own.

/**
 * @typedef {import("./controls.js").ControlSpec & {
 *   kind: "number" | "text" | "select" | "radio" | "check" | "samples",
 *   variants?: boolean,
 *   blankZero?: boolean,
 *   fallback?: unknown,
 * }} FieldSpec
 * `variants`: a radio group whose value picks which variant of its path the scenario holds
 * (`{ steady: {…} }`, `{ monthly: {…} }`); the fields under `path.variant.` are read as a
 * whole. `blankZero`: 0 is shown as an empty input. `fallback`: the value shown when
 * neither the scenario nor the defaults have one.
 */

export const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** @type {[string, string][]} */
export const ENGINES = [
  ["aurora-postgresql", "Aurora PostgreSQL"],
  ["aurora-mysql", "Aurora MySQL"],
];
export const ENGINE_NAMES = Object.fromEntries(ENGINES);
export const STORAGE_NAMES = { standard: "Standard storage", "io-optimized": "I/O-Optimized storage" };

/** Starting values of the business-hours workload when the scenario has none. */
export const BUSINESS_HOURS = { peakAcu: 8, offPeakAcu: 1, hoursPerDay: 10, startHour: 8, daysPerWeek: 5 };

/** The catalog items a price can be overridden for: key, label, unit. */
export const PRICE_ITEMS = [
  ["serverlessStandard", "Serverless capacity, Standard", "$ / ACU-hour"],
  ["serverlessIoOptimized", "Serverless capacity, I/O-Optimized", "$ / ACU-hour"],
  ["storageStandard", "Storage, Standard", "$ / GB-month"],
  ["storageIoOptimized", "Storage, I/O-Optimized", "$ / GB-month"],
  ["ioRequests", "I/O requests", "$ / million"],
  ["backup", "Backup storage beyond the free allowance", "$ / GB-month"],
  ["snapshotExport", "Snapshot export to S3", "$ / GB"],
  ["backtrack", "Backtrack change records", "$ / million"],
  ["globalWriteIo", "Global Database replicated writes", "$ / million"],
  ["proxyServerless", "RDS Proxy, serverless", "$ / ACU-hour"],
  ["proxyProvisioned", "RDS Proxy, provisioned", "$ / vCPU-hour"],
  ["dataApi", "Data API, first billion requests", "$ / million"],
  ["dataApiOverBillion", "Data API, beyond one billion", "$ / million"],
  ["databaseInsightsAdvanced", "Database Insights (Advanced)", "$ / ACU-hour"],
  ["extendedSupport", "Extended Support", "$ / ACU-hour"],
];

/** Counts of whole things: no fractions, a numeric keypad. */
const whole = { step: 1, inputmode: "numeric" };

/**
 * Every field of the form, in the order a scenario lists them.
 * @type {FieldSpec[]}
 */
export const FIELDS = [
  { kind: "select", id: "region", path: "region", label: "Region", hint: "Prices differ by region; some lack a price you can supply below.", options: [] },
  { kind: "select", id: "engine", path: "engine", label: "Engine", hint: "Sets the engine versions, limits and max_connections.", options: ENGINES },
  { kind: "text", id: "engine-version", type: "text", path: "engineVersion", label: "Engine version", hint: "Optional, e.g. 16.4 or 3.08.0; empty means a current version.", optional: true, placeholder: "current", inputmode: "text" },
  { kind: "select", id: "platform-version", path: "platformVersion", numeric: true, label: "Platform version", hint: "Serverless v2 platform: 3 and 4 add up to 16 ACU a second, 4 ramps faster still; 1 stops at 128 ACU.", options: [["", "4 (new clusters)"], ["1", "1"], ["2", "2"], ["3", "3"], ["4", "4"]] },
  {
    kind: "radio",
    id: "storage-type",
    name: "storageType",
    path: "storageType",
    label: "Storage type",
    hint: "I/O-Optimized has higher compute and storage prices and no I/O charges.",
    choices: [
      ["standard", "Standard", "storage-standard"],
      ["io-optimized", "I/O-Optimized", "storage-io"],
    ],
  },
  { kind: "number", id: "hours", path: "hoursPerMonth", label: "Hours per month", unit: "hours", hint: "1 to 744 whole hours; 730 is the average month.", min: 1, max: 744, ...whole },

  { kind: "number", id: "min-acu", path: "scaling.minAcu", label: "Minimum capacity", unit: "ACU", hint: "0 to 256 in steps of 0.5; 0 lets instances auto-pause (recent engine versions).", min: 0, max: 256, step: 0.5 },
  { kind: "number", id: "max-acu", path: "scaling.maxAcu", label: "Maximum capacity", unit: "ACU", hint: "1 to 256 in steps of 0.5 (128 on older engine versions).", min: 1, max: 256, step: 0.5 },
  { kind: "number", id: "auto-pause", path: "scaling.secondsUntilAutoPause", label: "Auto-pause after", unit: "seconds", hint: "Optional: idle time before pausing, 300 to 86,400; used only with a minimum of 0.", min: 300, max: 86400, ...whole, optional: true, placeholder: "300" },

  {
    kind: "radio",
    variants: true,
    id: "workload-kind",
    name: "workloadKind",
    path: "workload",
    label: "Demand shape",
    hint: "How the writer's demand varies over the month.",
    columns: 3,
    choices: [
      ["steady", "Steady", "kind-steady"],
      ["businessHours", "Business hours", "kind-business"],
      ["levels", "Levels", "kind-levels"],
      ["weekly", "Weekly", "kind-weekly"],
      ["trace", "Trace", "kind-trace"],
    ],
  },
  { kind: "number", id: "demand-acu", path: "workload.steady.acu", label: "Steady demand", unit: "ACU", hint: "The load the writer serves all month; capacity rounds up to the next 0.5 ACU.", min: 0 },
  { kind: "number", id: "bh-peak", path: "workload.businessHours.peakAcu", label: "Peak demand", unit: "ACU", hint: "During business hours.", min: 0, fallback: BUSINESS_HOURS.peakAcu },
  { kind: "number", id: "bh-off-peak", path: "workload.businessHours.offPeakAcu", label: "Off-peak demand", unit: "ACU", hint: "At all other times.", min: 0, fallback: BUSINESS_HOURS.offPeakAcu },
  { kind: "number", id: "bh-hours", path: "workload.businessHours.hoursPerDay", label: "Business hours", unit: "h/day", hint: "1 to 24.", min: 1, max: 24, ...whole, fallback: BUSINESS_HOURS.hoursPerDay },
  { kind: "number", id: "bh-start", path: "workload.businessHours.startHour", label: "Starting at", unit: "hour", hint: "0 to 23; 8 is 08:00.", min: 0, max: 23, ...whole, fallback: BUSINESS_HOURS.startHour },
  { kind: "number", id: "bh-days", path: "workload.businessHours.daysPerWeek", label: "Business days", unit: "days/week", hint: "1 to 7, from Monday.", min: 1, max: 7, ...whole, fallback: BUSINESS_HOURS.daysPerWeek },
  { kind: "samples", id: "trace-acu", path: "workload.trace.acu", label: "Demand samples", hint: "ACU values separated by commas or spaces, evenly spaced from Monday 00:00; repeated to fill the month." },
  { kind: "number", id: "trace-interval", path: "workload.trace.intervalSeconds", label: "Sample interval", unit: "seconds", hint: "1 to 86,400 seconds between samples.", min: 1, max: 86400, ...whole, fallback: 60 },

  { kind: "number", id: "storage-gb", path: "storageGb", label: "Volume size", unit: "GB", hint: "The cluster volume, billed per GB-month.", min: 0 },
  { kind: "number", id: "backup-gb", path: "backupStorageGb", label: "Backup storage", unit: "GB", hint: "Total backups kept; up to the volume size is free.", min: 0, optional: true },

  {
    kind: "radio",
    variants: true,
    id: "io-mode",
    name: "ioMode",
    path: "io",
    label: "I/O usage",
    hint: "Billed on Standard storage only.",
    choices: [
      ["none", "None", "io-none"],
      ["monthly", "Monthly total", "io-monthly"],
      ["rates", "Rates", "io-rates"],
    ],
  },
  { kind: "number", id: "io-requests", path: "io.monthly.requests", label: "Requests a month", unit: "requests", hint: "Read and write I/O operations a month, e.g. 50000000.", min: 0, ...whole },
  { kind: "number", id: "io-baseline", path: "io.rates.baselinePerSecond", label: "Baseline rate", unit: "per second", hint: "I/O requests per second outside the peak.", min: 0 },
  { kind: "number", id: "io-peak", path: "io.rates.peakPerSecond", label: "Peak rate", unit: "per second", hint: "I/O requests per second during the peak.", min: 0 },
  { kind: "number", id: "io-peak-hours", path: "io.rates.peakHoursPerMonth", label: "Peak time", unit: "h/month", hint: "Hours a month at the peak rate.", min: 0, max: 744 },

  { kind: "check", id: "rds-proxy", path: "extras.rdsProxy", label: "RDS Proxy", hint: "Billed per ACU-hour of serverless capacity, at least 8 ACUs; keeps instances from pausing." },
  { kind: "select", id: "database-insights", path: "extras.databaseInsights", label: "Database Insights", hint: "CloudWatch Database Insights replaced Performance Insights (ended 31 July 2026). Advanced is billed per ACU-hour, at a price you supply; it recommends a minimum of 2 ACU.", options: [["standard", "Standard (no charge)"], ["advanced", "Advanced (per ACU-hour)"]] },
  { kind: "check", id: "extended-support", path: "extras.extendedSupport", label: "RDS Extended Support", hint: "The engine version is past standard support; billed per ACU-hour." },
  { kind: "number", id: "data-api-requests", path: "extras.dataApiRequests", label: "Data API requests", unit: "a month", hint: "Requests through the RDS Data API.", min: 0, ...whole, optional: true },
  { kind: "number", id: "data-api-kb", path: "extras.dataApiPayloadKb", label: "Data API payload", unit: "KB", hint: "Average size; each started 32 KB is billed as one request.", min: 0, optional: true },
  { kind: "number", id: "snapshot-export-gb", path: "extras.snapshotExportGb", label: "Snapshot export", unit: "GB/month", hint: "Snapshot data exported to Amazon S3 a month.", min: 0, optional: true },
  { kind: "number", id: "backtrack-records", path: "extras.backtrackChangeRecords", label: "Backtrack change records", unit: "a month", hint: "Aurora MySQL only.", min: 0, ...whole, optional: true },
  { kind: "number", id: "global-write-ios", path: "extras.globalWriteIos", label: "Global Database writes", unit: "a month", hint: "Replicated write I/Os to other regions.", min: 0, ...whole, optional: true },

  { kind: "number", id: "serverless-sp", path: "compare.serverlessSavingsPlanDiscount", label: "Serverless Savings Plan discount", unit: "0–0.9", hint: "Optional: the Database Savings Plan rate's discount off on-demand ACU-hours (AWS announced up to about 35 %); 0.2 is 20 % off. A price book with Savings Plans rates comes first.", min: 0, max: 0.9, optional: true },
  { kind: "number", id: "serverless-sp-commitment", path: "compare.serverlessSavingsPlanCommitment", label: "Your Savings Plan commitment", unit: "$/hour", hint: "Optional: a commitment to price beside the best one, paid every hour of the 1-year term.", min: 0, optional: true },

  { kind: "number", id: "app-working-set", path: "application.workingSetGib", label: "Working set", unit: "GiB", hint: "Optional: hot data that should stay in memory.", min: 0, optional: true },
  { kind: "number", id: "app-instances", path: "application.appInstances", label: "Application instances", unit: "instances", hint: "Optional: pods, tasks or functions holding a connection pool.", min: 0, ...whole, optional: true, placeholder: "0", blankZero: true },
  { kind: "number", id: "app-pool", path: "application.poolSize", label: "Pool size", unit: "connections", hint: "Optional: connections in each instance's pool.", min: 0, ...whole, optional: true, placeholder: "0", blankZero: true },
  { kind: "check", id: "app-pi", path: "application.performanceInsights", label: "Performance Insights data is collected", hint: "As Database Insights' Advanced mode does; AWS recommends a minimum of 2 ACU with it." },
  { kind: "check", id: "app-global", path: "application.globalDatabase", label: "Primary of a Global Database", hint: "A minimum of 8 ACU is recommended; no auto-pause." },
  { kind: "check", id: "app-logical", path: "application.logicalReplication", label: "Logical or binlog replication", hint: "Keeps instances from auto-pausing." },
  { kind: "check", id: "app-zero-etl", path: "application.zeroEtl", label: "Zero-ETL integration", hint: "Keeps instances from auto-pausing." },
  { kind: "check", id: "app-babelfish", path: "application.babelfish", label: "Babelfish T-SQL connections", hint: "Keeps instances from auto-pausing." },
  { kind: "check", id: "app-max-locks", path: "application.maxLocksPerTransactionRaised", label: "Raised max_locks_per_transaction", hint: "Keeps capacity at 2 ACU or more." },

  ...PRICE_ITEMS.map(([key, label, unit]) => /** @type {FieldSpec} */ ({ kind: "number", id: `price-${key}`, path: `priceOverrides.${key}`, label, unit, min: 0, optional: true })),
];

/** The fields by id. */
export const FIELD = new Map(FIELDS.map((spec) => [spec.id, spec]));

/** The top-level scenario keys the form edits, in the order a scenario read from it lists them. */
export const SCENARIO_KEYS = [
  "region", "engine", "engineVersion", "platformVersion", "storageType", "hoursPerMonth", "scaling", "workload",
  "spikes", "readers", "storageGb", "backupStorageGb", "io", "extras", "compare", "application", "priceOverrides",
];
