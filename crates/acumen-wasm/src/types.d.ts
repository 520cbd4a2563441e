// Generated from the Rust types by scripts/gen-types.mjs. Do not edit.
// Integers named *MicroUsd are US dollars × 10⁶; *NanoUsd are US dollars × 10⁹.

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
  | "performance-insights"
  | "backtrack"
  | "global-database"
  | "extended-support";
/**
 * How far a price can be trusted.
 */
export type Confidence = "low" | "medium" | "high";
/**
 * How a `max_connections` value was obtained.
 */
export type ConnectionsBasis = "published" | "interpolated" | "extrapolated";
/**
 * The Aurora database engine.
 */
export type Engine = "aurora-postgresql" | "aurora-mysql";
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
 * An amount of US dollars, held exactly as integer micro-dollars.
 */
export type Money = number;
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
  | "performanceInsightsRetention"
  | "extendedSupport";
/**
 * The cluster's storage configuration, which sets the price of compute,
 * storage and I/O.
 */
export type StorageType = "standard" | "io-optimized";
/**
 * A price per unit, held exactly as integer nano-dollars.
 */
export type UnitPrice = number;
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
 * An itemised monthly estimate.
 */
export interface Report {
  /**
   * The version of Acumen that produced the report.
   */
  acumenVersion: string;
  catalog: CatalogInfo;
  /**
   * Database engine.
   */
  engine: "aurora-postgresql" | "aurora-mysql";
  /**
   * Hours in the billed month.
   */
  hoursPerMonth: number;
  /**
   * Capacity used per instance.
   */
  instances: InstanceUsage[];
  /**
   * The bill, one line per priced item.
   */
  lines: LineItem[];
  maxConnections: MaxConnections;
  model: ModelInfo;
  /**
   * AWS region code.
   */
  region: string;
  /**
   * Storage configuration.
   */
  storageType: "standard" | "io-optimized";
  /**
   * Monthly total in integer micro-dollars: the exact sum of the lines.
   */
  totalMicroUsd: number;
  /**
   * Things to check before relying on the figures.
   */
  warnings: Warning[];
  /**
   * Twelve times the monthly total, in integer micro-dollars.
   */
  yearlyMicroUsd: number;
}
/**
 * The price catalog used.
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
   * Exact usage: half-ACU-seconds (ACU-hours × 7,200).
   */
  halfAcuSeconds: number;
  /**
   * Hours at the maximum capacity.
   */
  hoursAtMax: number;
  /**
   * "writer", or "reader N".
   */
  name: string;
  /**
   * Hours paused (zero capacity, zero compute charge).
   */
  pausedHours: number;
  /**
   * Highest capacity reached, in ACUs.
   */
  peakAcu: number;
  /**
   * The reader's promotion tier; absent for the writer.
   */
  promotionTier?: number | null;
  /**
   * Demand the instance could not serve because it was at its maximum,
   * in ACU-hours.
   */
  unmetAcuHours: number;
}
/**
 * One line of the bill: quantity × unit price = cost.
 */
export interface LineItem {
  /**
   * The part of the bill.
   */
  component:
    | "compute"
    | "storage"
    | "io"
    | "backup"
    | "snapshot-export"
    | "rds-proxy"
    | "data-api"
    | "performance-insights"
    | "backtrack"
    | "global-database"
    | "extended-support";
  /**
   * The line's cost in integer micro-dollars (USD × 10⁶), rounded once.
   */
  costMicroUsd: number;
  /**
   * A readable description, e.g. "writer compute".
   */
  description: string;
  /**
   * The catalog item priced.
   */
  item:
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
    | "performanceInsightsRetention"
    | "extendedSupport";
  price: Provenance;
  /**
   * The billed quantity in `unit`s (exact value rounded to f64 for display).
   */
  quantity: number;
  /**
   * The billing unit, e.g. "ACU-hour" or "GB-month".
   */
  unit: string;
  /**
   * The unit price in integer nano-dollars (USD × 10⁹).
   */
  unitPriceNanoUsd: number;
}
/**
 * Where the unit price came from.
 */
export interface Provenance {
  /**
   * The date of the source (ISO 8601, possibly year-month only), if known.
   */
  asOf?: string | null;
  /**
   * How far the price can be trusted.
   */
  confidence: "low" | "medium" | "high";
  /**
   * A caveat, e.g. a conflicting value from another source.
   */
  note?: string | null;
  /**
   * True when the price came from the scenario's `priceOverrides`.
   */
  overridden: boolean;
  /**
   * The source: the catalog's references, or "scenario override".
   */
  source: string;
}
/**
 * The default `max_connections` for the scaling range.
 */
export interface MaxConnections {
  /**
   * How the value was obtained.
   */
  basis: "published" | "interpolated" | "extrapolated";
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
 * The capacity model used.
 */
export interface ModelInfo {
  /**
   * What the model assumes, in one sentence.
   */
  description: string;
  /**
   * The model's name, e.g. "ideal-tracking".
   */
  name: string;
  /**
   * The model's version.
   */
  version: string;
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
  kind:
    | "low-confidence-price"
    | "demand-above-max"
    | "unknown-price"
    | "input-note"
    | "platform-version"
    | "pause-blocked";
  /**
   * A readable explanation.
   */
  message: string;
}
/**
 * Everything an estimate needs. `Scenario::default()` is the calculator's
 * opening scenario: Aurora PostgreSQL in us-east-1 on Aurora Standard, one
 * writer scaling 0.5–16 ACU under a steady 4-ACU load, 100 GB stored.
 */
export interface Scenario {
  /**
   * Total backup storage in GB; the part up to the cluster volume size is free.
   */
  backupStorageGb?: number;
  /**
   * Database engine. Default `aurora-postgresql`.
   */
  engine?: "aurora-postgresql" | "aurora-mysql";
  /**
   * Engine version, e.g. "16.4" or "3.08.0". Default: a current version
   * (auto-pause and 256 ACU allowed).
   */
  engineVersion?: string | null;
  extras?: Extras;
  /**
   * Hours in the billed month: 1 to 744. Default 730 (AWS's calculator convention).
   */
  hoursPerMonth?: number;
  /**
   * I/O requests (billed on Aurora Standard only).
   */
  io?:
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
  priceOverrides?: PriceOverrides;
  /**
   * Serverless readers, up to 15.
   */
  readers?: Reader[];
  /**
   * AWS region code. Default `us-east-1`.
   */
  region?: string;
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
  storageType?: "standard" | "io-optimized";
  /**
   * The demand placed on an instance over time, in ACUs.
   *
   * Serialised with the kind as the key, e.g. `{"steady": {"acu": 4}}` in JSON
   * or `[workload.steady]` in TOML, which keeps error paths exact
   * (`workload.steady.acu`).
   */
  workload?:
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
}
/**
 * Optional billed features.
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
   * The engine version is in RDS Extended Support (billed per ACU-hour).
   */
  extendedSupport?: boolean;
  /**
   * Global Database replicated write I/Os a month.
   */
  globalWriteIos?: number;
  /**
   * Performance Insights with long-term retention (billed per ACU-month).
   */
  performanceInsightsRetention?: boolean;
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
 * Unit prices that replace the catalog's.
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
   * Performance Insights long-term retention, $ per ACU-month.
   */
  performanceInsightsRetention?: number | null;
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
  acu?: number[];
  /**
   * Seconds between samples: 1 to 86,400. Default 60.
   */
  intervalSeconds?: number;
}
/**
 * The cluster's serverless scaling range.
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
 * The catalog the prices came from.
 */
export interface CatalogInfo1 {
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
 * Optional features that are billed.
 */
export interface Extras1 {
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
   * The engine version is in RDS Extended Support (billed per ACU-hour).
   */
  extendedSupport?: boolean;
  /**
   * Global Database replicated write I/Os a month.
   */
  globalWriteIos?: number;
  /**
   * Performance Insights with long-term retention (billed per ACU-month).
   */
  performanceInsightsRetention?: boolean;
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
 * The default `max_connections` of a Serverless v2 instance.
 */
export interface MaxConnections1 {
  /**
   * How the value was obtained.
   */
  basis: "published" | "interpolated" | "extrapolated";
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
export interface ModelInfo1 {
  /**
   * What the model assumes, in one sentence.
   */
  description: string;
  /**
   * The model's name, e.g. "ideal-tracking".
   */
  name: string;
  /**
   * The model's version.
   */
  version: string;
}
/**
 * Replacement unit prices in US dollars, one optional field per catalog
 * item. An override wins over the catalog and is marked in the report;
 * it is how a price the catalog lacks is supplied.
 */
export interface PriceOverrides1 {
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
   * Performance Insights long-term retention, $ per ACU-month.
   */
  performanceInsightsRetention?: number | null;
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
 * Where a price came from.
 */
export interface Provenance1 {
  /**
   * The date of the source (ISO 8601, possibly year-month only), if known.
   */
  asOf?: string | null;
  /**
   * How far the price can be trusted.
   */
  confidence: "low" | "medium" | "high";
  /**
   * A caveat, e.g. a conflicting value from another source.
   */
  note?: string | null;
  /**
   * True when the price came from the scenario's `priceOverrides`.
   */
  overridden: boolean;
  /**
   * The source: the catalog's references, or "scenario override".
   */
  source: string;
}
/**
 * The cluster's serverless scaling range (`ServerlessV2ScalingConfiguration`),
 * shared by the writer and every serverless reader.
 */
export interface Scaling1 {
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
