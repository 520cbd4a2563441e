// Type-checked (tsc --strict) against the built package's generated types.
import init, {
  initSync,
  capabilities,
  catalog,
  defaultScenario,
  estimate,
  maxConnections,
  readCloudWatch,
  regions,
  validate,
  version,
  type AcumenError,
  type Capabilities,
  type Catalog,
  type CatalogEntry,
  type RegionCoverage,
  type CloudWatchGrid,
  type CloudWatchReadError,
  type ErrorCode,
  type InstanceClass,
  type MaxConnections,
  type Report,
  type Scenario,
  type Validation,
  type Warning,
} from "acumen";

const scenario: Scenario = {
  region: "us-east-1",
  storageType: "io-optimized",
  scaling: { minAcu: 0.5, maxAcu: 16 },
  workload: { steady: { acu: 4 } },
  storageGb: 100,
  io: { monthly: { requests: 50_000_000 } },
  engine: "aurora-mysql",
  readers: [{ promotionTier: 1 }, { promotionTier: 2, workload: { businessHours: { peakAcu: 4 } } }],
};
const report: Report = estimate(scenario);
const byDefault: Report = estimate();
const dollars: number = report.totalMicroUsd / 1e6;
const firstUnit: string = report.lines[0].unit;
const confidence: "low" | "medium" | "high" | undefined = report.lines[0].price?.confidence;
const cost: number | null | undefined = report.lines[0].costMicroUsd;
const supply: string | null | undefined = report.lines[0].supply;
const partial: boolean = !report.complete;
const v: string = version();

const start: Scenario = defaultScenario();
const list: RegionCoverage[] = regions();
const names: string[] = list.map((r) => `${r.name} (${r.code})`);
const book: Catalog = catalog();
const entry: CatalogEntry = book.entries[0];
const nanoUsd: number = entry.priceNanoUsd;
const cls: InstanceClass = book.instanceClasses[0];
const asOf: string = book.asOf;
const connections: MaxConnections = maxConnections({ engine: "aurora-mysql", minAcu: 0.5, maxAcu: 16 });
const basis: "published" | "interpolated" | "extrapolated" = connections.basis;
const caps: Capabilities = capabilities({ engine: "aurora-postgresql", engineVersion: "16.3" });
const pausable: boolean = caps.autoPause;
const current: Capabilities = capabilities({ engine: "aurora-mysql" });
const checked: Validation = validate(scenario);
const valid: true = checked.valid;
const warnings: Warning[] = checked.warnings;
const grid: CloudWatchGrid = readCloudWatch("Timestamp,Value\n", { name: "writer", maxGapSeconds: 600 });
const writerAcu: number[] = grid.series[0].values;
const traced: Scenario = { workload: { trace: { intervalSeconds: grid.intervalSeconds, acu: writerAcu } } };
const typedTrace: Scenario = { workload: { trace: { intervalSeconds: 1, acu: new Float64Array(60) } } };

// @ts-expect-error: storage types are a closed set
const badStorage: Scenario = { storageType: "gp3" };
// @ts-expect-error: unknown fields are refused
const typo: Scenario = { storageGB: 5 };
// @ts-expect-error: a workload names its kind
const noKind: Scenario = { workload: { acu: 4 } };
// @ts-expect-error: maxConnections needs the whole range
maxConnections({ engine: "aurora-mysql", minAcu: 0.5 });
// @ts-expect-error: engines are a closed set
capabilities({ engine: "postgres" });
// @ts-expect-error: a version is a string
capabilities({ engine: "aurora-mysql", engineVersion: 3.08 });
// @ts-expect-error: readCloudWatch reads text
readCloudWatch(new Uint8Array(0));
// @ts-expect-error: options are named
readCloudWatch("", { maxGap: 60 });
// @ts-expect-error: validate needs a scenario
validate();
// @ts-expect-error: a trace's samples are numbers, not BigInts
const bigTrace: Scenario = { workload: { trace: { acu: new BigInt64Array(60) } } };

// Browser-style initialisation type-checks in Node too (where it does nothing).
await init({ module_or_path: new URL("https://example.com/acumen_bg.wasm") });
initSync({ module: new Uint8Array(0) });

try {
  estimate({ scaling: { maxAcu: 3.3 } });
} catch (e) {
  const err = e as AcumenError;
  const code: ErrorCode = err.code;
  const field: string = err.field;
  void [code, field];
}
void [dollars, firstUnit, confidence, cost, supply, partial, names, v, badStorage, typo, noKind, byDefault];
void [start, list, nanoUsd, cls, asOf, basis, pausable, current, valid, warnings];

try {
  readCloudWatch("Timestamp,Value\n2026-09-01T00:00:00Z,abc\n");
} catch (e) {
  const err = e as CloudWatchReadError;
  const where: [number | undefined, number | undefined] = [err.line, err.column];
  const code: "invalid_input" = err.code;
  void [where, code];
}
