// Generated from the Rust types by scripts/gen-types.mjs. Do not edit.
// Integers named *MicroUsd are US dollars × 10⁶; *NanoUsd are US dollars × 10⁹.

/**
 * What an advice item is about.
 */
export type Topic =
  | "min-acu"
  | "auto-pause"
  | "max-acu"
  | "connections"
  | "alarm"
  | "storage"
  | "purchase"
  | "savings-plan";
/**
 * A capacity in ACUs: a multiple of 0.5 from 0 to 256.
 */
export type Acu = number;
/**
 * The Aurora database engine.
 */
export type Engine = "aurora-postgresql" | "aurora-mysql";
/**
 * How far a price can be trusted.
 */
export type Confidence = "low" | "medium" | "high";
/**
 * A billable item the catalog prices.
 */
export type PriceItem =
  | "serverlessStandard"
  | "serverlessIoOptimized"
  | "storageStandard"
  | "storageIoOptimized"
  | "ioRequests"
  | "backup"
  | "snapshotExport"
  | "backtrack"
  | "globalWriteIo"
  | "proxyServerless"
  | "proxyProvisioned"
  | "dataApi"
  | "dataApiOverBillion"
  | "databaseInsightsAdvanced"
  | "extendedSupport";
/**
 * A price per unit, held exactly as integer nano-dollars.
 */
export type UnitPrice = number;
/**
 * An amount of US dollars, held exactly as integer micro-dollars.
 */
export type Money = number;
/**
 * What kind of option a comparison row is.
 */
export type OptionKind =
  | "serverless"
  | "serverless-ideal"
  | "serverless-savings-plan"
  | "on-demand"
  | "reserved"
  | "savings-plan";
/**
 * How a Reserved Instance is paid.
 */
export type Payment = "no-upfront" | "partial-upfront" | "all-upfront";
/**
 * What kind of rule an input broke. Stable: the JS package and the CLI
 * expose these as snake_case strings (`off_grid`, `out_of_range`, …).
 */
export type ErrorCode =
  | "not_a_number"
  | "out_of_range"
  | "off_grid"
  | "conflict"
  | "unknown_region"
  | "unknown_price"
  | "wrong_type"
  | "missing_field"
  | "unknown_field"
  | "unknown_variant"
  | "syntax"
  | "overflow";
/**
 * The part of the bill a line belongs to.
 */
export type Component =
  | "compute"
  | "storage"
  | "io"
  | "backup"
  | "snapshot-export"
  | "rds-proxy"
  | "data-api"
  | "database-insights"
  | "backtrack"
  | "global-database"
  | "extended-support";
/**
 * How a `max_connections` value was obtained.
 */
export type ConnectionsBasis = "published" | "interpolated" | "extrapolated";
/**
 * The cluster's storage configuration, which sets the price of compute,
 * storage and I/O.
 */
export type StorageType = "standard" | "io-optimized";
/**
 * How serious a warning is.
 */
export type WarningKind =
  | "low-confidence-price"
  | "demand-above-max"
  | "unknown-price"
  | "input-note"
  | "platform-version"
  | "pause-blocked";
/**
 * CloudWatch Database Insights' mode (it replaced Performance Insights,
 * which ended on 31 July 2026).
 */
export type DatabaseInsights = "standard" | "advanced";
/**
 * I/O requests on Aurora Standard (none are billed on I/O-Optimized).
 */
export type IoUsage =
  | "none"
  | {
      monthly: {
        /**
         * Requests a month.
         */
        requests: number;
      };
    }
  | {
      rates: {
        /**
         * Requests per second outside the peak.
         */
        baselinePerSecond: number;
        /**
         * Hours a month at the peak rate.
         */
        peakHoursPerMonth: number;
        /**
         * Requests per second during the peak.
         */
        peakPerSecond: number;
      };
    };
/**
 * The demand placed on an instance over time, in ACUs.
 *
 * Serialised with the kind as the key, e.g. `{"steady": {"acu": 4}}` in JSON
 * or `[workload.steady]` in TOML, which keeps error paths exact
 * (`workload.steady.acu`).
 */
export type Workload =
  | {
      steady: {
        /**
         * Demand in ACUs (any non-negative number; capacity is the next
         * 0.5-ACU step up, within the scaling range).
         */
        acu: number;
      };
    }
  | {
      businessHours: BusinessHours;
    }
  | {
      levels: Level[];
    }
  | {
      weekly: {
        /**
         * Demand in ACUs for each hour of the week (exactly 168 values).
         */
        hourlyAcu: number[];
      };
    }
  | {
      trace: Trace;
    };

/**
 * One recommendation.
 */
export interface Advice {
  /**
   * Why, with the numbers.
   */
  reason: string;
  /**
   * What to do.
   */
  recommendation: string;
  /**
   * What it is about.
   */
  topic: Topic;
  /**
   * The recommended value, where there is one, in the unit the
   * recommendation states: ACUs for capacity, percent for ACUUtilization,
   * GiB for FreeableMemory, connections for max_connections, a 0–1 share
   * for the I/O-Optimized break-even.
   */
  value?: number | null;
}
/**
 * What an engine version allows for Serverless v2.
 */
export interface Capabilities {
  /**
   * Minimum capacity 0 (auto-pause) is allowed.
   */
  autoPause: boolean;
  /**
   * The largest maximum capacity the version allows.
   */
  maxAcu: Acu;
  /**
   * The version supports Serverless v2 at all.
   */
  serverless: boolean;
}
/**
 * The argument of `capabilities`: an engine and, optionally, its version.
 */
export interface CapabilitiesInput {
  /**
   * Database engine.
   */
  engine: Engine;
  /**
   * Engine version, e.g. "16.4", "3.08.0" or "8.0.mysql_aurora.3.08.0".
   * Absent means a current version.
   */
  engineVersion?: string | null;
}
/**
 * The built-in price catalog: every price with its provenance, and the
 * provisioned instance classes used for comparisons.
 */
export interface Catalog {
  /**
   * When the catalog was compiled (ISO 8601).
   */
  asOf: string;
  /**
   * Every priced item, per region and (where it differs) engine.
   */
  entries: CatalogEntry[];
  /**
   * Provisioned instance classes with their on-demand rates.
   */
  instanceClasses: InstanceClass[];
  /**
   * The catalog's name, as shown in every report.
   */
  name: string;
}
/**
 * One priced item of the built-in catalog.
 */
export interface CatalogEntry {
  /**
   * The date of the primary source (ISO 8601, possibly year-month only),
   * if known.
   */
  asOf?: string | null;
  /**
   * How far the figure can be trusted.
   */
  confidence: Confidence;
  /**
   * The engine the price is for; `None` when it applies to both.
   */
  engine?: Engine | null;
  /**
   * What is priced.
   */
  item: PriceItem;
  /**
   * A caveat, e.g. a conflicting value from another source.
   */
  note?: string | null;
  /**
   * Further sources that agree with the primary one.
   */
  otherSources: string[];
  /**
   * The on-demand price per [`PriceItem::unit`], in nano-dollars.
   */
  priceNanoUsd: UnitPrice;
  /**
   * AWS region code, e.g. `us-east-1`.
   */
  region: string;
  /**
   * The AWS Price List SKU the primary source quotes, if any.
   */
  sku?: string | null;
  /**
   * The primary source of the figure: the one quoting an AWS Price List
   * SKU where there is one, else the best.
   */
  source: string;
}
/**
 * A provisioned Aurora instance class with its on-demand rate (Aurora
 * Standard, Single-AZ).
 */
export interface InstanceClass {
  /**
   * The date of the source, if known.
   */
  asOf?: string | null;
  /**
   * The class name, e.g. `db.r6g.xlarge`.
   */
  class: string;
  /**
   * How far the figure can be trusted.
   */
  confidence: Confidence;
  /**
   * The engine the price is for; `None` when it applies to both.
   */
  engine?: Engine | null;
  /**
   * On-demand price per instance-hour on Aurora I/O-Optimized, in
   * nano-dollars, where known.
   */
  ioOptimizedHourlyNanoUsd?: UnitPrice | null;
  /**
   * Memory in GiB.
   */
  memoryGib: number;
  /**
   * On-demand price per instance-hour on Aurora Standard, in
   * nano-dollars, where known.
   */
  onDemandHourlyNanoUsd?: UnitPrice | null;
  /**
   * AWS region code.
   */
  region: string;
  /**
   * The sources of the figure.
   */
  source: string;
  /**
   * Virtual CPUs.
   */
  vcpu: number;
}
/**
 * Series on one regular grid: a trace per instance, in order of first
 * appearance (the first is the writer's, the others readers').
 */
export interface CloudWatchGrid {
  /**
   * The end of the last step, `YYYY-MM-DDTHH:MM:SSZ`.
   */
  end: string;
  /**
   * The step: the median spacing of the samples, seconds.
   */
  intervalSeconds: number;
  /**
   * Each series on the grid.
   */
  series: CloudWatchSeries[];
  /**
   * The first grid point, `YYYY-MM-DDTHH:MM:SSZ`.
   */
  start: string;
  /**
   * The first grid point, Unix seconds.
   */
  startSeconds: number;
  /**
   * Grid points: the length of every series' `values`.
   */
  steps: number;
  /**
   * What the file said about the data ([`Series::notes`]) and what
   * reading found that changes the numbers (irregular spacing, gaps,
   * time without a sample, repeated timestamps), one sentence each, in
   * series order. The cluster-level metric is flagged on its series
   * ([`GridSeries::cluster_level`]): what to do about it is the caller's
   * to say.
   */
  warnings: string[];
}
/**
 * One series on the grid, with what laying it out found.
 */
export interface CloudWatchSeries {
  /**
   * The name says it is the cluster-level metric: an average over the
   * instances, not the billed sum.
   */
  clusterLevel: boolean;
  /**
   * Rows dropped because their timestamp repeated an earlier one.
   */
  duplicates: number;
  /**
   * The first sample's time, `YYYY-MM-DDTHH:MM:SSZ`.
   */
  firstSample: string;
  /**
   * Time inside gaps not covered by a sample, seconds.
   */
  gapSeconds: number;
  /**
   * Spacings longer than 1.5 grid steps.
   */
  gaps: number;
  /**
   * Of the gap time, seconds filled by holding the last value.
   */
  heldSeconds: number;
  /**
   * Spacings that differ from the grid step but are not gaps.
   */
  irregularSpacings: number;
  /**
   * The last sample's time, `YYYY-MM-DDTHH:MM:SSZ`.
   */
  lastSample: string;
  /**
   * The series' name (column header, label, id or the file's stem).
   */
  name: string;
  /**
   * Samples read, after dropping repeated timestamps.
   */
  samples: number;
  /**
   * Grid time with no value to use (before the first sample, after the
   * last, or beyond the hold limit), counted as 0 ACU, seconds.
   */
  unrecordedSeconds: number;
  /**
   * ACU at each grid point (0 where not running).
   */
  values: number[];
}
/**
 * The options of `readCloudWatch`.
 */
export interface CloudWatchOptions {
  /**
   * Longest stretch, in seconds, a value is held across a gap (from 0 to
   * 86400). Default 3600.
   */
  maxGapSeconds?: number | null;
  /**
   * Most grid points per series (from 2 to 31,622,400, a 366-day month of
   * seconds). Default 31,622,400.
   */
  maxSteps?: number | null;
  /**
   * The name of a series the file does not name (a headerless or
   * `Timestamp,Value` file), e.g. the file's name without extension.
   * Default `"capacity"`.
   */
  name?: string | null;
  /**
   * Which statistic of an `aws cloudwatch get-metric-statistics`
   * datapoint is the value: `"Average"` (the default), `"Maximum"`,
   * `"Minimum"`, `"Sum"`, `"SampleCount"`, or an extended statistic such
   * as `"p99"`. The grid's warnings say which was used.
   */
  statistic?: string | null;
}
/**
 * The comparison and its verdict.
 */
export interface Comparison {
  /**
   * Per provisioned option, the hours a day at peak where it wins.
   */
  breakEven: BreakEven[];
  /**
   * The cheapest option a user can buy (never the ideal-tracking
   * what-if); empty when there is no verdict (no provisioned option, or
   * serverless capacity, priced).
   */
  cheapest: string;
  /**
   * Hours a day the workload spends at (or near) its peak now.
   */
  currentPeakHoursPerDay: number;
  /**
   * Serverless cost against hours a day at peak, for a chart.
   */
  curve: CurvePoint[];
  /**
   * See `peakAcu`.
   */
  offPeakAcu: number;
  /**
   * The peak and off-peak capacity the break-even uses, ACUs.
   */
  peakAcu: number;
  /**
   * Every option, cheapest first; unknown rates last.
   */
  rows: ComparisonRow[];
  /**
   * Database Savings Plans sized to the load: serverless first, then
   * each provisioned class with a known plan rate.
   */
  savingsPlans: SavingsPlan[];
  /**
   * Aurora Standard against I/O-Optimized.
   */
  storage: StorageChoice;
  /**
   * What to choose, and why, from these numbers.
   */
  verdict: string;
}
/**
 * Where one provisioned option becomes cheaper than serverless.
 */
export interface BreakEven {
  /**
   * Hours a day at peak above which it is cheaper than serverless; 0 when
   * it is always cheaper, `None` when it never is.
   */
  hoursPerDay?: number | null;
  /**
   * Its monthly total, micro-dollars.
   */
  monthlyMicroUsd: Money;
  /**
   * The provisioned option.
   */
  option: string;
}
/**
 * Serverless cost at a given number of hours a day at peak.
 */
export interface CurvePoint {
  /**
   * Hours a day at peak.
   */
  hoursPerDay: number;
  /**
   * Serverless monthly total at that many hours, micro-dollars.
   */
  serverlessMicroUsd: Money;
}
/**
 * One option of the comparison.
 */
export interface ComparisonRow {
  /**
   * A burstable class (db.t3, db.t4g): AWS recommends these for
   * development and test, not for a load that needs its CPU all month.
   * They are compared only when named in the scenario.
   */
  burstable: boolean;
  /**
   * The instance class, for provisioned options.
   */
  class?: string | null;
  /**
   * How far the compute rate can be trusted (low when derived or unknown).
   */
  confidence: Confidence;
  /**
   * Instances in the cluster.
   */
  instances: number;
  /**
   * The kind of option.
   */
  kind: OptionKind;
  /**
   * Monthly total (compute and everything else), micro-dollars; `None`
   * when a rate is unknown.
   */
  monthlyMicroUsd?: Money | null;
  /**
   * Where the rate came from, or what to supply when it is unknown.
   */
  note: string;
  /**
   * A readable name, e.g. "db.r6g.xlarge, 1-year reserved, no upfront".
   */
  option: string;
  /**
   * When the row is unknown, the scenario field to supply its rate in,
   * e.g. `compare.classes[0].onDemandHourly`.
   */
  supply?: string | null;
  /**
   * Twelve months, micro-dollars.
   */
  yearlyMicroUsd?: Money | null;
}
/**
 * The best Database Savings Plan commitment for one option, and what it
 * and the user's commitment do over the month.
 */
export interface SavingsPlan {
  /**
   * What the sizing assumes: the term and payment, how the plan bills,
   * what it covers.
   */
  assumptions: string;
  /**
   * The commitment sized to the average hour, for comparison: what
   * sizing by the monthly average would do.
   */
  average: Commitment;
  /**
   * The commitment that costs least, and what it does.
   */
  best: Commitment;
  /**
   * What the plan covers: "serverless", or the instance class.
   */
  covers: string;
  /**
   * Eligible compute against the commitment, for a chart.
   */
  curve: CommitmentPoint[];
  /**
   * The plan rate's discount off on-demand, 0 to 1.
   */
  discount: number;
  /**
   * The month's eligible compute on-demand, micro-dollars.
   */
  onDemandMicroUsd: Money;
  /**
   * The on-demand price per unit, nano-dollars.
   */
  onDemandNanoUsd: UnitPrice;
  /**
   * Payment option.
   */
  payment: Payment;
  /**
   * The plan's rate per unit, nano-dollars.
   */
  rateNanoUsd: UnitPrice;
  /**
   * Where the plan rate came from.
   */
  rateSource: string;
  /**
   * What to buy, and why, in words.
   */
  summary: string;
  /**
   * Term in years.
   */
  termYears: number;
  /**
   * The unit the rates are per: "ACU-hour" or "instance-hour".
   */
  unit: string;
  /**
   * The user's commitment, if given.
   */
  yours?: Commitment | null;
}
/**
 * What one commitment does over the month.
 */
export interface Commitment {
  /**
   * The commitment, micro-dollars an hour.
   */
  hourlyMicroUsd: Money;
  /**
   * The month's eligible compute with it: the commitment for every hour
   * plus use beyond it at on-demand, micro-dollars.
   */
  monthlyMicroUsd: Money;
  /**
   * On-demand compute minus `monthlyMicroUsd` (negative: the plan costs more).
   */
  savingMicroUsd: Money;
  /**
   * `savingMicroUsd` as a share of on-demand compute.
   */
  savingShare: number;
  /**
   * The share of the commitment the hours use, 0 to 1.
   */
  utilisation: number;
}
/**
 * One point of the cost-against-commitment curve.
 */
export interface CommitmentPoint {
  /**
   * Commitment, micro-dollars an hour.
   */
  hourlyMicroUsd: Money;
  /**
   * The month's eligible compute at that commitment, micro-dollars.
   */
  monthlyMicroUsd: Money;
}
/**
 * Aurora Standard against Aurora I/O-Optimized for this workload.
 */
export interface StorageChoice {
  /**
   * The I/O share of the Standard bill above which I/O-Optimized is
   * cheaper, if both are priced.
   */
  breakEvenIoShare?: number | null;
  /**
   * Monthly total on I/O-Optimized, micro-dollars (if priced).
   */
  ioOptimizedMicroUsd?: Money | null;
  /**
   * Share of the Standard bill that is I/O now (0 to 1).
   */
  ioShare: number;
  /**
   * Monthly total on Aurora Standard, micro-dollars (if priced).
   */
  standardMicroUsd?: Money | null;
  /**
   * Which is cheaper, and why.
   */
  verdict: string;
}
/**
 * The argument of `maxConnections`: an engine and a scaling range.
 */
export interface MaxConnectionsInput {
  /**
   * Database engine.
   */
  engine: Engine;
  /**
   * Maximum capacity in ACUs: a multiple of 0.5 from 1 to 256.
   */
  maxAcu: number;
  /**
   * Minimum capacity in ACUs: a multiple of 0.5 from 0 to 256, at most `maxAcu`.
   */
  minAcu: number;
}
/**
 * Should this instance move, at what range, and what would it cost.
 */
export interface Migration {
  /**
   * The cheapest commitment on the class (Reserved or Savings Plan),
   * when one is priced.
   */
  bestCommitment?: PricedOption | null;
  /**
   * The class today.
   */
  class: ClassShape;
  /**
   * The CPU load: as given, or the series' average, 95th percentile
   * (nearest rank) and maximum.
   */
  cpu: CpuSummary;
  /**
   * How a series' load is spread (a summary has none).
   */
  load?: LoadFacts | null;
  /**
   * Things to know before acting on it.
   */
  notes: string[];
  /**
   * The class on demand, when its rate is known.
   */
  onDemand?: PricedOption | null;
  /**
   * The range to set (`minAcu`, `maxAcu`).
   */
  proposed: Scaling;
  /**
   * Where the proposed range comes from.
   */
  proposedBy: string;
  /**
   * The full estimate of serverless at the proposed range, with its
   * comparison against the class.
   */
  report: Report;
  /**
   * On-demand minus serverless, micro-dollars a month (positive: serverless saves).
   */
  savingMicroUsd?: Money | null;
  /**
   * Serverless at the proposed range.
   */
  serverless: PricedOption;
  /**
   * AWS's advisory rules on that load.
   */
  sizing: Sizing;
  /**
   * What to do, and why, in a sentence or two.
   */
  verdict: string;
}
/**
 * A priced option.
 */
export interface PricedOption {
  /**
   * Every line of it has a price (false: a partial bill, see the notes).
   */
  complete: boolean;
  /**
   * Its monthly cost, storage and the rest included, micro-dollars; at
   * least this much when not `complete`.
   */
  monthlyMicroUsd: Money;
  /**
   * The option, as the comparison names it.
   */
  option: string;
}
/**
 * A provisioned instance class's shape.
 */
export interface ClassShape {
  /**
   * ACUs one vCPU at 100 % CPU is worth (AWS's advisory tooling's family
   * ratio).
   */
  acuPerVcpu: number;
  /**
   * A burstable class (db.t3, db.t4g): AWS recommends these for
   * development and test, not for a load that needs its CPU all month.
   */
  burstable: boolean;
  /**
   * The class, e.g. `db.r6g.xlarge`.
   */
  class: string;
  /**
   * Memory in GiB.
   */
  memoryGib: number;
  /**
   * Where the vCPUs and memory come from.
   */
  source: string;
  /**
   * Virtual CPUs.
   */
  vcpu: number;
}
/**
 * A CPU load as a dashboard gives it, in percent of the class's vCPUs.
 */
export interface CpuSummary {
  /**
   * Average of CPUUtilization, 0 to 100; default 0.6 × `p95` (the
   * advisory tooling's estimate).
   */
  average?: number | null;
  /**
   * Maximum of CPUUtilization, 0 to 100, at least `p95`.
   */
  max: number;
  /**
   * 95th percentile of CPUUtilization, 0 to 100.
   */
  p95: number;
}
/**
 * How a series' load is spread over time.
 */
export interface LoadFacts {
  /**
   * Hours the series covers.
   */
  hours: number;
  /**
   * Hours with a demand of at most 0.5 ACU (where a minimum of 0 could
   * pause the instance).
   */
  hoursAtMostHalfAcu: number;
  /**
   * Hours with a demand at or above 80 % of the peak.
   */
  hoursNearPeak: number;
  /**
   * The peak demand, ACUs (not rounded).
   */
  peakAcu: number;
}
/**
 * The cluster's serverless scaling range (`ServerlessV2ScalingConfiguration`),
 * shared by the writer and every serverless reader.
 */
export interface Scaling {
  /**
   * Maximum capacity in ACUs: a multiple of 0.5 from 1 to 256 (128 on
   * older engine versions). Default 16.
   */
  maxAcu?: number;
  /**
   * Minimum capacity in ACUs: a multiple of 0.5 from 0 to 256; 0 turns on
   * auto-pause (on engine versions that support it). Default 0.5.
   */
  minAcu?: number;
  /**
   * Idle seconds before an instance with `minAcu` 0 pauses: 300 to
   * 86,400. Default 300.
   */
  secondsUntilAutoPause?: number | null;
}
/**
 * An itemised monthly estimate.
 */
export interface Report {
  /**
   * The version of Acumen that produced the report.
   */
  acumenVersion: string;
  /**
   * Configuration advice, each item with its reason and numbers.
   */
  advice: Advice[];
  /**
   * The price catalog used.
   */
  catalog: CatalogInfo;
  /**
   * Serverless against provisioned and commitments, with the break-even
   * and a verdict (always present in a report from [`crate::estimate`]).
   */
  comparison?: Comparison | null;
  /**
   * True when every line is priced; false for a partial bill.
   */
  complete: boolean;
  /**
   * Database engine.
   */
  engine: Engine;
  /**
   * Hours in the billed month.
   */
  hoursPerMonth: number;
  /**
   * What ideal tracking would cost, and why the simulation differs.
   */
  ideal: IdealComparison;
  /**
   * Capacity used per instance.
   */
  instances: InstanceUsage[];
  /**
   * The bill, one line per priced item.
   */
  lines: LineItem[];
  /**
   * The default `max_connections` for the scaling range.
   */
  maxConnections: MaxConnections;
  /**
   * The capacity model used.
   */
  model: ModelInfo;
  /**
   * AWS region code.
   */
  region: string;
  /**
   * Storage configuration.
   */
  storageType: StorageType;
  /**
   * Capacity and demand over the first week (or the whole period if
   * shorter), per instance, downsampled for charts.
   */
  timeline: InstanceTimeline[];
  /**
   * Monthly total in integer micro-dollars: the exact sum of the priced
   * lines. When some lines are unpriced it is a lower bound: see
   * `totalNote` and `unpriced`.
   */
  totalMicroUsd: Money;
  /**
   * For a partial bill, how to read the total, e.g. "at least $350.40 a
   * month; storage and I/O unpriced in eu-central-1"; `None` when
   * complete.
   */
  totalNote?: string | null;
  /**
   * The prices a partial bill lacks and where to supply each (an
   * override field, or a price book that has it); empty when complete.
   */
  unpriced: MissingPrice[];
  /**
   * Things to check before relying on the figures.
   */
  warnings: Warning[];
  /**
   * Twelve times the monthly total, in integer micro-dollars.
   */
  yearlyMicroUsd: Money;
}
/**
 * The catalog the prices came from.
 */
export interface CatalogInfo {
  /**
   * When the catalog was compiled (ISO 8601).
   */
  asOf: string;
  /**
   * The catalog's name.
   */
  name: string;
}
/**
 * The simulated bill against what ideal tracking would cost.
 */
export interface IdealComparison {
  /**
   * Simulated minus ideal, micro-dollars (positive: the controller costs more).
   */
  differenceMicroUsd: Money;
  /**
   * Why the two differ.
   */
  explanation: string;
  /**
   * The monthly total if capacity tracked demand exactly, micro-dollars.
   */
  totalMicroUsd: Money;
}
/**
 * Capacity used by one instance over the month.
 */
export interface InstanceUsage {
  /**
   * ACU-hours billed (exact value rounded to f64 for display).
   */
  acuHours: number;
  /**
   * Average capacity over the month, in ACUs.
   */
  averageAcu: number;
  /**
   * Resumes after more than a day paused (slower).
   */
  deepResumes: number;
  /**
   * Exact usage: half-ACU-seconds (ACU-hours × 7,200).
   */
  halfAcuSeconds: number;
  /**
   * Hours at the lowest running capacity.
   */
  hoursAtFloor: number;
  /**
   * Hours at the maximum capacity.
   */
  hoursAtMax: number;
  /**
   * ACU-hours ideal tracking would bill for this instance.
   */
  idealAcuHours: number;
  /**
   * Largest single capacity change, in ACUs.
   */
  largestStepAcu: number;
  /**
   * "writer", or "reader N".
   */
  name: string;
  /**
   * Hours paused (zero capacity, zero compute charge).
   */
  pausedHours: number;
  /**
   * Times the instance paused.
   */
  pauses: number;
  /**
   * Highest capacity reached, in ACUs.
   */
  peakAcu: number;
  /**
   * The reader's promotion tier; absent for the writer.
   */
  promotionTier?: number | null;
  /**
   * Times the instance resumed (of which after more than a day paused: `deepResumes`).
   */
  resumes: number;
  /**
   * Runs of falling capacity.
   */
  scaleDownEpisodes: number;
  /**
   * Runs of rising capacity.
   */
  scaleUpEpisodes: number;
  /**
   * Median seconds from a rise in demand to capacity meeting it.
   */
  timeToCapacityP50Seconds?: number | null;
  /**
   * 95th-percentile seconds from a rise in demand to capacity meeting it.
   */
  timeToCapacityP95Seconds?: number | null;
  /**
   * Demand the instance could not serve, in ACU-hours: while scaling up
   * (`lag`), at its maximum (`cap`) and while paused or resuming (`resume`).
   */
  unmetAcuHours: UnmetDemand;
}
/**
 * Demand an instance could not serve, in ACU-hours, by cause.
 */
export interface UnmetDemand {
  /**
   * At the maximum capacity.
   */
  cap: number;
  /**
   * While the controller was still scaling up.
   */
  lag: number;
  /**
   * While paused or resuming.
   */
  resume: number;
}
/**
 * One line of the bill: quantity × unit price = cost.
 */
export interface LineItem {
  /**
   * The part of the bill.
   */
  component: Component;
  /**
   * The line's cost in integer micro-dollars (USD × 10⁶), rounded once;
   * `None` when the line is unpriced, never a zero standing for unknown.
   */
  costMicroUsd?: Money | null;
  /**
   * A readable description, e.g. "writer compute".
   */
  description: string;
  /**
   * The catalog item priced.
   */
  item: PriceItem;
  /**
   * Where the unit price came from; `None` when the line is unpriced.
   */
  price?: Provenance | null;
  /**
   * The billed quantity in `unit`s (exact value rounded to f64 for display).
   */
  quantity: number;
  /**
   * For an unpriced line, the scenario field its price can be supplied in
   * (e.g. `priceOverrides.storageStandard`); a price book that has the
   * price does as well. `None` when the line is priced.
   */
  supply?: string | null;
  /**
   * The billing unit, e.g. "ACU-hour" or "GB-month".
   */
  unit: string;
  /**
   * The unit price in integer nano-dollars (USD × 10⁹); `None` when the
   * line is unpriced (no price known in the region: see `supply`).
   */
  unitPriceNanoUsd?: UnitPrice | null;
}
/**
 * Where a price came from: one primary source (the AWS Price List SKU
 * when there is one), its date and confidence, and the sources that
 * corroborate it.
 */
export interface Provenance {
  /**
   * The date of the primary source (ISO 8601, possibly year-month only),
   * if known.
   */
  asOf?: string | null;
  /**
   * How far the price can be trusted.
   */
  confidence: Confidence;
  /**
   * A caveat, e.g. a conflicting value from another source.
   */
  note?: string | null;
  /**
   * Further sources that agree with the primary one (empty when there
   * are none).
   */
  otherSources?: string[];
  /**
   * True when the price came from the scenario's `priceOverrides`.
   */
  overridden: boolean;
  /**
   * The AWS Price List SKU of the price, when its source gives one.
   */
  sku?: string | null;
  /**
   * The primary source: the one quoting an AWS Price List SKU where
   * there is one, else the best; or "scenario override".
   */
  source: string;
}
/**
 * The default `max_connections` of a Serverless v2 instance.
 */
export interface MaxConnections {
  /**
   * How the value was obtained.
   */
  basis: ConnectionsBasis;
  /**
   * True when Aurora PostgreSQL's 2,000 cap for a minimum of 0.5 ACU
   * (or 0) lowered the value.
   */
  cappedByMin: boolean;
  /**
   * The default value of the `max_connections` parameter.
   */
  value: number;
}
/**
 * The capacity model that produced the usage.
 */
export interface ModelInfo {
  /**
   * The controller parameters used (defaults unless overridden).
   */
  controller: Controller;
  /**
   * What the model assumes, in one sentence.
   */
  description: string;
  /**
   * The model's name, e.g. "ideal-tracking".
   */
  name: string;
  /**
   * The Serverless v2 platform version the controller's preset is for
   * (absent for ideal tracking, which has no controller).
   */
  platformVersion?: number | null;
  /**
   * The model's version.
   */
  version: string;
}
/**
 * The controller's parameters. Every one has a documented default (the
 * preset of the default platform version, [`Controller::default`]; other
 * versions: [`crate::platform::PlatformVersion::controller`]) and can be
 * overridden from the scenario (`controller`).
 */
export interface Controller {
  /**
   * The step, in ACUs, a scale-up may take within a second when it is
   * larger than the proportional one (AWS, 2026: "adding up to 16 ACUs to
   * its current capacity within a second"; low confidence). Default 16 on
   * platform versions 3 and 4, 0 on versions 1 and 2.
   */
  burstStepAcu: number;
  /**
   * Seconds to resume after more than a day paused. Default 30 (AWS docs:
   * "30 seconds or longer").
   */
  deepResumeSeconds: number;
  /**
   * Seconds a higher need must last before scaling up. Default 2
   * (assumption: AWS scales up when the instance "consistently" needs more).
   */
  detectUpSeconds: number;
  /**
   * Seconds demand must stay below capacity before scaling down. Default 60
   * (assumption; no cooldown is documented for v2).
   */
  holdDownSeconds: number;
  /**
   * Seconds an idle instance keeps running after the auto-pause timeout
   * before it pauses. Default 108 (pausing "isn't instantaneous"; see
   * [`crate::platform::PAUSE_DELAY_SECONDS`]).
   */
  pauseDelaySeconds: number;
  /**
   * Capacity an instance resumes at, in ACUs (then it scales up). Default 2
   * (the AWS docs' example resumed at 2 ACU).
   */
  resumeAcu: number;
  /**
   * Seconds to resume from auto-pause. Default 15 (AWS docs).
   */
  resumeSeconds: number;
  /**
   * Geometric scale-down rate per second. Default 0.004: with the 60 s
   * hold and snapping down to the grid, 10→0.5 ACU takes about 10.6 min
   * and 10→4 about 4.3 min, against AWS's published "approximately 10"
   * and "approximately 5" minutes.
   */
  scaleDownRate: number;
  /**
   * Proportional scale-up rate per second: each step adds
   * `max(0.5 ACU, rate × capacity, burst step)`. Default 0.15 on
   * platform version 4 (a ramp 45 % shorter), 0.07 on versions 1 to 3
   * (capacity doubles in about 10 s; an assumption: AWS says only "the
   * larger the current capacity, the larger the scaling increment").
   */
  scaleUpRate: number;
}
/**
 * A chart-ready, downsampled capacity/demand series for one instance.
 */
export interface InstanceTimeline {
  /**
   * Seconds per bucket.
   */
  bucketSeconds: number;
  /**
   * The instance's name.
   */
  name: string;
  /**
   * The buckets, in time order.
   */
  points: TimelinePoint[];
}
/**
 * One bucket of the chart timeline: ranges of capacity and demand.
 */
export interface TimelinePoint {
  /**
   * Highest capacity in the bucket, ACUs.
   */
  capacityMax: number;
  /**
   * Lowest capacity in the bucket, ACUs.
   */
  capacityMin: number;
  /**
   * Highest demand in the bucket, ACUs.
   */
  demandMax: number;
  /**
   * Lowest demand in the bucket, ACUs.
   */
  demandMin: number;
  /**
   * Seconds from the start of the month to the bucket's start.
   */
  startSecond: number;
}
/**
 * A price the bill needed and no override, price book or catalog entry
 * gave: the lines it leaves unpriced and where to supply it.
 */
export interface MissingPrice {
  /**
   * The scenario field to supply it in, e.g.
   * `priceOverrides.storageStandard`.
   */
  field: string;
  /**
   * The item without a price.
   */
  item: PriceItem;
  /**
   * The lines it leaves unpriced, by description.
   */
  lines: string[];
  /**
   * What to do, in words.
   */
  message: string;
  /**
   * Its billing unit, e.g. "GB-month".
   */
  unit: string;
}
/**
 * Something the user should know about the result.
 */
export interface Warning {
  /**
   * The input or price the warning concerns.
   */
  field: string;
  /**
   * The kind of warning (stable).
   */
  kind: WarningKind;
  /**
   * A readable explanation.
   */
  message: string;
}
/**
 * What the sizing rules give, ACUs on the 0.5 grid.
 */
export interface Sizing {
  /**
   * The average load.
   */
  averageAcu: number;
  /**
   * The floor the connections need (0 without a count).
   */
  connectionFloorAcu: number;
  /**
   * The load needs more than one serverless instance's 256 ACU.
   */
  exceedsCapacity: boolean;
  /**
   * The maximum capacity to set (headroom above the peak).
   */
  maxAcu: number;
  /**
   * The floor the working set needs (0 without one).
   */
  memoryFloorAcu: number;
  /**
   * The minimum capacity to set.
   */
  minAcu: number;
  /**
   * The highest load seen.
   */
  peakAcu: number;
  /**
   * Each figure with the arithmetic that gave it, in order.
   */
  rules: string[];
  /**
   * The load most of the time (the 95/5 blend of p95 and max).
   */
  typicalAcu: number;
}
/**
 * A provisioned instance and its load.
 */
export interface MigrationInput {
  /**
   * The class it runs on today, e.g. `db.r6g.xlarge`.
   */
  class?: string;
  /**
   * Peak concurrent connections, if known (a floor on the minimum).
   */
  connections?: number | null;
  /**
   * The CPU load as a summary (give this or `cpuTrace`).
   */
  cpu?: CpuSummary | null;
  /**
   * The CPU load as a series (give this or `cpu`).
   */
  cpuTrace?: CpuTrace | null;
  /**
   * Database engine. Default `aurora-postgresql`.
   */
  engine?: Engine;
  /**
   * Hours in the billed month: 1 to 744. Default 730.
   */
  hoursPerMonth?: number;
  /**
   * A price book to price from before the built-in catalog.
   */
  priceBook?: PriceBook | null;
  /**
   * AWS region code. Default `us-east-1`.
   */
  region?: string;
  /**
   * Cluster storage, GB-month, the same on both sides. Default 0.
   */
  storageGb?: number;
  /**
   * Storage configuration, the same on both sides. Default Standard.
   */
  storageType?: StorageType;
  /**
   * The working set in GiB, if known (a floor on the minimum).
   */
  workingSetGib?: number | null;
}
/**
 * A CPUUtilization series: percent of the class's vCPUs, one value per
 * interval.
 */
export interface CpuTrace {
  /**
   * Seconds between samples: 1 to 86,400. Default 60.
   */
  intervalSeconds?: number;
  /**
   * CPUUtilization in percent, 0 to 100.
   */
  percent?: number[];
}
/**
 * Prices from one published price list, with where they came from.
 */
export interface PriceBook {
  /**
   * The date of the prices (ISO 8601, `YYYY-MM-DD`): for an imported offer
   * file, its publication date.
   */
  asOf: string;
  /**
   * On-demand prices of billable items.
   */
  entries?: BookEntry[];
  /**
   * Provisioned instance classes with their rates.
   */
  instanceClasses?: BookClass[];
  /**
   * A short name shown beside every price taken from the book, e.g.
   * "AWS Price List (AmazonRDS)".
   */
  name: string;
  /**
   * Remarks on the import, e.g. items the price list did not have.
   */
  notes?: string[];
  /**
   * Database Savings Plans rates, from AWS's Savings Plans price list
   * (`AWSDatabaseSavingsPlans`).
   */
  savingsPlans?: SavingsPlanRate[];
  /**
   * Where the prices were read, e.g. the offer's code, version and file.
   */
  source: string;
}
/**
 * One on-demand price of a price book.
 */
export interface BookEntry {
  /**
   * The engine the price is for; absent when it applies to both.
   */
  engine?: Engine | null;
  /**
   * What is priced.
   */
  item: PriceItem;
  /**
   * A caveat, e.g. how the price list's unit was converted.
   */
  note?: string | null;
  /**
   * The price per [`PriceItem::unit`], in nano-dollars.
   */
  priceNanoUsd: UnitPrice;
  /**
   * AWS region code, e.g. `us-east-1`.
   */
  region: string;
  /**
   * The price list's SKU for the product, if known.
   */
  sku?: string | null;
}
/**
 * A provisioned Aurora instance class of a price book (Single-AZ).
 */
export interface BookClass {
  /**
   * The class name, e.g. `db.r6g.xlarge`.
   */
  class: string;
  /**
   * The engine the rates are for; absent when they apply to both.
   */
  engine?: Engine | null;
  /**
   * On-demand price per instance-hour on Aurora I/O-Optimized, in
   * nano-dollars.
   */
  ioOptimizedHourlyNanoUsd?: UnitPrice | null;
  /**
   * Memory in GiB.
   */
  memoryGib: number;
  /**
   * On-demand price per instance-hour on Aurora Standard, in nano-dollars.
   */
  onDemandHourlyNanoUsd?: UnitPrice | null;
  /**
   * AWS region code.
   */
  region: string;
  /**
   * Reserved Instance terms offered for the class.
   */
  reserved?: ReservedTerm[];
  /**
   * Virtual CPUs.
   */
  vcpu: number;
}
/**
 * A Reserved Instance term: length, payment option, upfront fee and the
 * recurring hourly rate.
 */
export interface ReservedTerm {
  /**
   * Recurring price per instance-hour, in nano-dollars.
   */
  hourlyNanoUsd: UnitPrice;
  /**
   * True for a term on Aurora I/O-Optimized; false on Aurora Standard.
   */
  ioOptimized?: boolean;
  /**
   * Payment option.
   */
  payment: Payment;
  /**
   * Term in years: 1 or 3.
   */
  termYears: number;
  /**
   * Upfront fee per instance, in micro-dollars.
   */
  upfrontMicroUsd: Money;
}
/**
 * One Database Savings Plans rate: what usage it discounts, for which term
 * and payment option, at what price per unit of that usage.
 */
export interface SavingsPlanRate {
  /**
   * The engine the rate is for; absent when it applies to both.
   */
  engine?: Engine | null;
  /**
   * Payment option.
   */
  payment: Payment;
  /**
   * The price list's rate code, if known.
   */
  rateCode?: string | null;
  /**
   * The plan's price per unit of the usage (ACU-hour, instance-hour), in
   * nano-dollars.
   */
  rateNanoUsd: UnitPrice;
  /**
   * AWS region code.
   */
  region: string;
  /**
   * Term in years.
   */
  termYears: number;
  /**
   * The usage the rate discounts, without the region prefix, e.g.
   * `Aurora:ServerlessV2Usage` or `InstanceUsage:db.r7g.large`.
   */
  usageType: string;
}
/**
 * The optimiser's answer.
 */
export interface Optimization {
  /**
   * The cheapest range meeting the limit, if any does. When the
   * scenario's own range meets the limit and no range costs less (an
   * exact tie, to the micro-dollar), it is the current range: a change
   * that saves nothing is not recommended. With a fixed minimum
   * ([`OptimizeOptions::min_acu`]) it is the smallest maximum instead.
   */
  best?: Candidate | null;
  /**
   * The scenario's own range, for comparison.
   */
  current: Candidate;
  /**
   * How many ranges were simulated.
   */
  evaluated: number;
  /**
   * Ranges no other beats on both cost and unmet demand, cheapest first.
   */
  frontier: Candidate[];
  /**
   * How far apart the minima first tried are, ACUs: 0.5 (every one)
   * unless the work budget needed fewer; the search then narrows down
   * around the cheapest of them to 0.5 ACU.
   */
  minimumStepAcu: number;
  /**
   * What resampling or fewer minima mean for the answer, when either
   * was needed.
   */
  note?: string | null;
  /**
   * The step, in seconds, the demand was resampled to (each step at its
   * highest demand) to keep within [`MAX_OPTIMIZE_WORK`]; `None` when
   * it was simulated as given.
   */
  resampledSeconds?: number | null;
}
/**
 * One evaluated scaling range.
 */
export interface Candidate {
  /**
   * Monthly serverless compute cost, micro-dollars.
   */
  computeMicroUsd: Money;
  /**
   * Maximum capacity, ACUs.
   */
  maxAcu: number;
  /**
   * Minimum capacity, ACUs.
   */
  minAcu: number;
  /**
   * Unmet demand as a share of all demand.
   */
  unmetShare: number;
}
/**
 * What the optimiser may accept.
 */
export interface OptimizeOptions {
  /**
   * Largest acceptable unmet demand as a share of all demand, 0 to 1.
   * Default 0.001 (0.1 %).
   */
  maxUnmetShare?: number;
  /**
   * Keep the minimum at this capacity (ACUs, a multiple of 0.5) and
   * search only the maxima: the cheapest maximum for a minimum already
   * chosen. Default: search the minima too.
   */
  minAcu?: number | null;
}
/**
 * A region and how complete the built-in catalog is there: *complete* when
 * it has every core price ([`CORE_ITEMS`]) for both engines, else
 * *partial*, with the items it lacks. An estimate in a partial region is a
 * partial bill unless a price book or overrides supply the rest.
 */
export interface RegionCoverage {
  /**
   * Its AWS billing code, e.g. `USE1` or `EUC1`.
   */
  billingCode: string;
  /**
   * The region code, e.g. `eu-central-1`.
   */
  code: string;
  /**
   * True when the catalog has every core price here for both engines.
   */
  complete: boolean;
  /**
   * The geography it is grouped under, e.g. "Europe" or "Asia Pacific".
   */
  geography: string;
  /**
   * The core items the catalog lacks here (for either engine).
   */
  missing: PriceItem[];
  /**
   * AWS's name for it, e.g. "Europe (Frankfurt)".
   */
  name: string;
  /**
   * The prefix of its Aurora usage types in the Price List, e.g. `EUC1`
   * (`EUC1-Aurora:StorageUsage`); absent in us-east-1, whose Aurora usage
   * types carry no prefix.
   */
  usageTypePrefix?: string | null;
}
/**
 * Everything an estimate needs. `Scenario::default()` is the calculator's
 * opening scenario: Aurora PostgreSQL in us-east-1 on Aurora Standard, one
 * writer scaling 0.5–16 ACU under a steady 4-ACU load, 100 GB stored.
 */
export interface Scenario {
  /**
   * Facts about the application, for configuration advice.
   */
  application?: Application;
  /**
   * Total backup storage in GB; the part up to the cluster volume size is free.
   */
  backupStorageGb?: number;
  /**
   * Provisioned classes and commitments to compare with.
   */
  compare?: CompareOptions;
  /**
   * Overrides of the scaling controller's parameters.
   */
  controller?: ControllerOverrides;
  /**
   * Database engine. Default `aurora-postgresql`.
   */
  engine?: Engine;
  /**
   * Engine version, e.g. "16.4" or "3.08.0". Default: a current version
   * (auto-pause and 256 ACU allowed).
   */
  engineVersion?: string | null;
  /**
   * Optional billed features.
   */
  extras?: Extras;
  /**
   * Hours in the billed month: 1 to 744. Default 730 (AWS's calculator convention).
   */
  hoursPerMonth?: number;
  /**
   * I/O requests (billed on Aurora Standard only).
   */
  io?: IoUsage;
  /**
   * Serverless v2 platform version, 1 to 4: it limits the maximum
   * (128 ACU on version 1) and sets how fast the model scales up.
   * Default: 4, the version new clusters get.
   */
  platformVersion?: number | null;
  /**
   * Prices imported from AWS's Price List (`acumen prices import`),
   * used before the built-in catalog; absent: the catalog alone.
   */
  priceBook?: PriceBook | null;
  /**
   * Unit prices that replace the catalog's (and the price book's).
   */
  priceOverrides?: PriceOverrides;
  /**
   * Serverless readers, up to 15.
   */
  readers?: Reader[];
  /**
   * AWS region code. Default `us-east-1`.
   */
  region?: string;
  /**
   * The cluster's serverless scaling range.
   */
  scaling?: Scaling;
  /**
   * Recurring bursts of extra demand on the writer.
   */
  spikes?: Spike[];
  /**
   * Cluster volume size in GB (billed per GB-month). Default 100.
   */
  storageGb?: number;
  /**
   * Storage configuration. Default `standard`.
   */
  storageType?: StorageType;
  /**
   * When true, a line without a known price is an `unknown_price`
   * error naming the override to supply, instead of an unpriced line
   * in a partial bill. Default false.
   */
  strictPrices?: boolean;
  /**
   * The demand on the writer.
   */
  workload?: Workload;
}
/**
 * Facts about the application that the advice needs. All optional.
 */
export interface Application {
  /**
   * Application instances (pods, tasks, functions) holding connection pools.
   */
  appInstances?: number;
  /**
   * Babelfish for Aurora PostgreSQL takes T-SQL connections (no
   * auto-pause while they are open).
   */
  babelfish?: boolean;
  /**
   * The writer is the primary of a Global Database (8 ACU recommended; no auto-pause).
   */
  globalDatabase?: boolean;
  /**
   * Logical replication (PostgreSQL) or binlog replication (MySQL) is on (no auto-pause).
   */
  logicalReplication?: boolean;
  /**
   * `max_locks_per_transaction` is raised from its default (PostgreSQL):
   * the larger lock table keeps capacity at 2 ACU or more.
   */
  maxLocksPerTransactionRaised?: boolean;
  /**
   * Performance Insights data is collected, as Database Insights'
   * Advanced mode does (AWS recommends a minimum of 2 ACU).
   */
  performanceInsights?: boolean;
  /**
   * Connections in each instance's pool.
   */
  poolSize?: number;
  /**
   * The hot working set that should stay in the buffer pool, GiB.
   */
  workingSetGib?: number | null;
  /**
   * A zero-ETL integration is attached (no auto-pause).
   */
  zeroEtl?: boolean;
}
/**
 * What to compare the serverless cluster with.
 */
export interface CompareOptions {
  /**
   * Classes to compare. Default: from the catalog, the smallest class
   * of each family with enough memory for the peak.
   */
  classes?: ClassOption[];
  /**
   * Savings Plan payment option. Default no upfront (the only one
   * announced).
   */
  savingsPlanPayment?: Payment | null;
  /**
   * Savings Plan term in years, 1 or 3. Default 1 (Database Savings
   * Plans were announced with a 1-year term only).
   */
  savingsPlanTermYears?: number | null;
  /**
   * Your Savings Plan commitment for serverless, USD an hour: priced
   * beside the best commitment.
   */
  serverlessSavingsPlanCommitment?: number | null;
  /**
   * Database Savings Plan rate's discount off on-demand serverless
   * ACU-hours, 0 to 0.9 (AWS announced "up to ~35 %"). Used when the
   * price book has no Savings Plans rate; a plan rate
   * (`serverlessSavingsPlanRate`) wins over it.
   */
  serverlessSavingsPlanDiscount?: number | null;
  /**
   * Database Savings Plan rate for serverless, USD per ACU-hour; used
   * when the price book has none.
   */
  serverlessSavingsPlanRate?: number | null;
}
/**
 * A provisioned instance class to compare, with any rates to use.
 */
export interface ClassOption {
  /**
   * The class, e.g. `db.r6g.xlarge`.
   */
  class?: string;
  /**
   * Memory in GiB, for a class the catalog does not know.
   */
  memoryGib?: number | null;
  /**
   * On-demand USD per instance-hour; default: the catalog's.
   */
  onDemandHourly?: number | null;
  /**
   * Reserved Instance offers to compare.
   */
  reserved?: ReservedOffer[];
  /**
   * Database Savings Plan discount off on-demand for this class, 0 to 0.9.
   */
  savingsPlanDiscount?: number | null;
}
/**
 * A Reserved Instance offer for a class: a rate, or a discount off on-demand.
 */
export interface ReservedOffer {
  /**
   * Instead of rates: the discount off on-demand, 0 to 0.9 (0.3 = 30 %).
   */
  discount?: number | null;
  /**
   * Effective hourly rate in USD (the recurring part).
   */
  hourly?: number | null;
  /**
   * Payment option. Default no upfront.
   */
  payment?: Payment;
  /**
   * Term in years: 1 or 3. Default 1.
   */
  termYears?: number;
  /**
   * Upfront fee in USD per instance, amortised over the term.
   */
  upfront?: number | null;
}
/**
 * Overrides of the scaling controller's parameters; each absent field
 * keeps the platform version's preset (see [`crate::sim::Controller`]
 * and [`PlatformVersion::controller`]).
 */
export interface ControllerOverrides {
  /**
   * Extra ACUs a scale-up step may add at once: 0 to 256. Default 0.
   */
  burstStepAcu?: number | null;
  /**
   * Seconds to resume after more than a day paused: 0 to 600. Default 30.
   */
  deepResumeSeconds?: number | null;
  /**
   * Seconds a higher need must last before scaling up: 1 to 60. Default 2.
   */
  detectUpSeconds?: number | null;
  /**
   * Seconds below capacity before scaling down: 0 to 3,600. Default 60.
   */
  holdDownSeconds?: number | null;
  /**
   * Seconds past the auto-pause timeout before an idle instance
   * pauses: 0 to 3,600. Default 108.
   */
  pauseDelaySeconds?: number | null;
  /**
   * Capacity an instance resumes at, in ACUs: 0.5 to 256. Default 2.
   */
  resumeAcu?: number | null;
  /**
   * Seconds to resume from a pause: 0 to 600. Default 15.
   */
  resumeSeconds?: number | null;
  /**
   * Geometric scale-down rate per second: 0.0001 to 0.5. Default 0.004.
   */
  scaleDownRate?: number | null;
  /**
   * Proportional scale-up rate per second: 0.01 to 1. Default 0.07.
   */
  scaleUpRate?: number | null;
}
/**
 * Optional features that are billed.
 */
export interface Extras {
  /**
   * Backtrack change records a month (Aurora MySQL).
   */
  backtrackChangeRecords?: number;
  /**
   * Average Data API payload in KB: each request is billed per started
   * 32 KB. Default 0 (up to 32 KB: one billed request each).
   */
  dataApiPayloadKb?: number;
  /**
   * Data API requests a month.
   */
  dataApiRequests?: number;
  /**
   * CloudWatch Database Insights: `standard` (no charge; the default)
   * or `advanced` (billed per ACU-hour of the monitored serverless
   * instances; no sourced price, so supply one).
   */
  databaseInsights?: DatabaseInsights;
  /**
   * The engine version is in RDS Extended Support (billed per ACU-hour).
   */
  extendedSupport?: boolean;
  /**
   * Global Database replicated write I/Os a month.
   */
  globalWriteIos?: number;
  /**
   * An RDS Proxy in front of the cluster: billed per ACU-hour of the
   * cluster's serverless capacity, at least 8 ACUs.
   */
  rdsProxy?: boolean;
  /**
   * GB of snapshots exported to Amazon S3 a month.
   */
  snapshotExportGb?: number;
}
/**
 * Replacement unit prices in US dollars, one optional field per catalog
 * item. An override wins over the catalog and is marked in the report;
 * it is how a price the catalog lacks is supplied.
 */
export interface PriceOverrides {
  /**
   * Backtrack, $ per million change records.
   */
  backtrack?: number | null;
  /**
   * Backup storage beyond the free allowance, $ per GB-month.
   */
  backup?: number | null;
  /**
   * Data API, $ per million requests (first billion a month).
   */
  dataApi?: number | null;
  /**
   * Data API, $ per million requests beyond one billion a month.
   */
  dataApiOverBillion?: number | null;
  /**
   * Database Insights in Advanced mode, $ per ACU-hour.
   */
  databaseInsightsAdvanced?: number | null;
  /**
   * Extended Support, $ per ACU-hour.
   */
  extendedSupport?: number | null;
  /**
   * Global Database replicated write I/O, $ per million.
   */
  globalWriteIo?: number | null;
  /**
   * I/O requests, $ per million.
   */
  ioRequests?: number | null;
  /**
   * RDS Proxy for provisioned instances, $ per vCPU-hour.
   */
  proxyProvisioned?: number | null;
  /**
   * RDS Proxy for serverless, $ per ACU-hour.
   */
  proxyServerless?: number | null;
  /**
   * Serverless capacity on Aurora I/O-Optimized, $ per ACU-hour.
   */
  serverlessIoOptimized?: number | null;
  /**
   * Serverless capacity on Aurora Standard, $ per ACU-hour.
   */
  serverlessStandard?: number | null;
  /**
   * Snapshot export, $ per GB.
   */
  snapshotExport?: number | null;
  /**
   * Storage on Aurora I/O-Optimized, $ per GB-month.
   */
  storageIoOptimized?: number | null;
  /**
   * Storage on Aurora Standard, $ per GB-month.
   */
  storageStandard?: number | null;
}
/**
 * A reader (Aurora Replica) running as a serverless instance.
 */
export interface Reader {
  /**
   * Failover promotion tier, 0 to 15. Tiers 0 and 1 never scale below
   * the writer (and pause with it); tiers 2 to 15 scale on their own.
   * Default 0.
   */
  promotionTier?: number;
  /**
   * The reader's own demand. Default: the same as the writer's.
   */
  workload?: Workload | null;
}
/**
 * Peak demand during business hours, a lower demand otherwise.
 */
export interface BusinessHours {
  /**
   * Business days a week, counted from Monday: 1 to 7. Default 5.
   */
  daysPerWeek?: number;
  /**
   * Business hours a day: 1 to 24. Default 10.
   */
  hoursPerDay?: number;
  /**
   * Demand outside business hours, in ACUs. Default 1.
   */
  offPeakAcu?: number;
  /**
   * Demand during business hours, in ACUs. Default 8.
   */
  peakAcu?: number;
  /**
   * Hour of the day business starts: 0 to 23. Default 8.
   */
  startHour?: number;
}
/**
 * Hours a month at one demand level.
 */
export interface Level {
  /**
   * Demand in ACUs.
   */
  acu?: number;
  /**
   * Hours a month at this demand.
   */
  hours?: number;
}
/**
 * Evenly spaced demand samples, repeated to fill the month.
 */
export interface Trace {
  /**
   * Demand in ACUs, one value per interval, starting Monday 00:00.
   */
  acu?:
    | number[]
    | Float64Array
    | Float32Array
    | Int32Array
    | Uint32Array
    | Int16Array
    | Uint16Array
    | Int8Array
    | Uint8Array;
  /**
   * Seconds between samples: 1 to 86,400. Default 60.
   */
  intervalSeconds?: number;
}
/**
 * A recurring burst of extra demand laid over the workload.
 */
export interface Spike {
  /**
   * How long each spike lasts, in minutes. Default 15.
   */
  durationMinutes?: number;
  /**
   * How often the spike recurs, in hours (24 = daily, 168 = weekly). Default 24.
   */
  everyHours?: number;
  /**
   * Demand added during the spike, in ACUs.
   */
  extraAcu?: number;
  /**
   * When the first spike starts, in minutes after Monday 00:00. Default 540 (09:00).
   */
  startMinute?: number;
}
/**
 * The simulation part of a report, as `simulate` returns it (in the CLI
 * and the JS package alike): the model, the usage per instance and the
 * chart timeline.
 */
export interface Simulation {
  /**
   * Capacity used per instance.
   */
  instances: InstanceUsage[];
  /**
   * The capacity model used.
   */
  model: ModelInfo;
  /**
   * Capacity and demand over the first week, per instance.
   */
  timeline: InstanceTimeline[];
}
/**
 * How the instance is configured.
 */
export interface TraceSettings {
  /**
   * Overrides of the controller's parameters.
   */
  controller?: ControllerOverrides;
  /**
   * Capacity at the first second, in ACUs (0 = paused). Absent: the
   * first sample's demand on the grid, within the range.
   */
  initialAcu?: number | null;
  /**
   * Serverless v2 platform version, 1 to 4 (it picks the controller's
   * preset and limits the maximum). Default 4.
   */
  platformVersion?: number | null;
  /**
   * The capacity range and auto-pause setting.
   */
  scaling?: Scaling;
}
/**
 * What the simulation of a per-second trace measured.
 */
export interface TraceSimulation {
  /**
   * Billed capacity in ACU-hours, as the controller followed the demand.
   */
  acuHours: number;
  /**
   * Seconds at the lowest running capacity.
   */
  atFloorSeconds: number;
  /**
   * Seconds at the maximum.
   */
  atMaxSeconds: number;
  /**
   * Resumes after more than a day paused.
   */
  deepResumes: number;
  /**
   * ACU-hours had capacity tracked demand exactly (on the grid, within
   * the range, paused whenever demand is zero and auto-pause is on).
   */
  idealAcuHours: number;
  /**
   * The controller model, its version and parameters.
   */
  model: ModelInfo;
  /**
   * Seconds paused, including resuming.
   */
  pausedSeconds: number;
  /**
   * Number of pauses.
   */
  pauses: number;
  /**
   * Highest capacity reached, in ACUs.
   */
  peakAcu: number;
  /**
   * Number of resumes (of which `deepResumes` after more than a day).
   */
  resumes: number;
  /**
   * Seconds in which capacity fell.
   */
  scaleDowns: number;
  /**
   * Seconds in which capacity rose.
   */
  scaleUps: number;
  /**
   * Seconds simulated (the number of samples).
   */
  seconds: number;
  /**
   * Median seconds from a rise in demand to capacity meeting it.
   */
  timeToCapacityP50?: number | null;
  /**
   * 95th percentile of the same.
   */
  timeToCapacityP95?: number | null;
  /**
   * Unmet demand, by cause.
   */
  unmetAcuSeconds: UnmetAcuSeconds;
}
/**
 * Unmet demand in ACU-seconds, by cause.
 */
export interface UnmetAcuSeconds {
  /**
   * At the maximum.
   */
  cap: number;
  /**
   * While scaling up, below the maximum.
   */
  lag: number;
  /**
   * While paused or resuming.
   */
  resume: number;
}
/**
 * The result of `validate` for a scenario that passes (an invalid one
 * throws instead).
 */
export interface Validation {
  /**
   * Always `true`: an invalid scenario throws an `AcumenError`.
   */
  valid: true;
  /**
   * Things to check before relying on an estimate of the scenario.
   */
  warnings: Warning[];
}
