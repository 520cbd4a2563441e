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
 * The part of the bill a line belongs to.
 */
export type Component = "compute" | "storage";
/**
 * How far a price can be trusted.
 */
export type Confidence = "low" | "medium" | "high";
/**
 * The Aurora database engine.
 */
export type Engine = "aurora-postgresql" | "aurora-mysql";
/**
 * An amount of US dollars, held exactly as integer micro-dollars.
 */
export type Money = number;
/**
 * A billable item the catalog prices.
 */
export type PriceItem =
  "serverlessStandard" | "serverlessIoOptimized" | "storageStandard" | "storageIoOptimized";
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
export type WarningKind = "low-confidence-price" | "demand-above-max";
/**
 * The demand placed on the cluster over time, in ACUs.
 *
 * Serialised with the kind as the key, e.g. `{"steady": {"acu": 4}}` in JSON
 * or `[workload.steady]` in TOML, which keeps error paths exact
 * (`workload.steady.acu`).
 */
export type Workload = {
  steady: {
    /**
     * Demand in ACUs (any non-negative number; capacity is the next
     * 0.5-ACU step up, within the scaling range).
     */
    acu: number;
  };
};

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
   * "writer", or "reader-N".
   */
  name: string;
}
/**
 * One line of the bill: quantity × unit price = cost.
 */
export interface LineItem {
  /**
   * The part of the bill.
   */
  component: "compute" | "storage";
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
  item: "serverlessStandard" | "serverlessIoOptimized" | "storageStandard" | "storageIoOptimized";
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
   * The date of the source (ISO 8601), if known.
   */
  asOf?: string | null;
  /**
   * How far the price can be trusted.
   */
  confidence: "low" | "medium" | "high";
  /**
   * True when the price came from the scenario's `priceOverrides`.
   */
  overridden: boolean;
  /**
   * The source: a catalog reference, or "scenario override".
   */
  source: string;
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
  kind: "low-confidence-price" | "demand-above-max";
  /**
   * A readable explanation.
   */
  message: string;
}
/**
 * Everything an estimate needs. `Scenario::default()` is the calculator's
 * opening scenario: a PostgreSQL cluster in us-east-1 on Aurora Standard,
 * one writer scaling 0.5–16 ACU under a steady 4-ACU load, 100 GB stored.
 */
export interface Scenario {
  /**
   * Database engine. Default `aurora-postgresql`.
   */
  engine?: "aurora-postgresql" | "aurora-mysql";
  /**
   * Hours in the billed month: 1 to 744. Default 730 (AWS's calculator convention).
   */
  hoursPerMonth?: number;
  priceOverrides?: PriceOverrides;
  /**
   * AWS region code. Default `us-east-1`.
   */
  region?: string;
  /**
   * Cluster volume size in GB (billed per GB-month). Default 100.
   */
  storageGb?: number;
  /**
   * Storage configuration. Default `standard`.
   */
  storageType?: "standard" | "io-optimized";
  /**
   * The demand on the writer.
   */
  workload?: {
    steady: {
      /**
       * Demand in ACUs (any non-negative number; capacity is the next
       * 0.5-ACU step up, within the scaling range).
       */
      acu: number;
    };
  };
  writer?: Scaling;
}
/**
 * Unit prices that replace the catalog's.
 */
export interface PriceOverrides {
  /**
   * Serverless capacity on Aurora I/O-Optimized, $ per ACU-hour.
   */
  serverlessIoOptimized?: number | null;
  /**
   * Serverless capacity on Aurora Standard, $ per ACU-hour.
   */
  serverlessStandard?: number | null;
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
 * The writer's scaling range.
 */
export interface Scaling {
  /**
   * Maximum capacity in ACUs: a multiple of 0.5 from 1 to 256. Default 16.
   */
  maxAcu?: number;
  /**
   * Minimum capacity in ACUs: a multiple of 0.5 from 0 to 256; 0 turns on
   * auto-pause. Default 0.5.
   */
  minAcu?: number;
  /**
   * Idle seconds before an instance with `minAcu` 0 pauses: 300 to 86,400.
   * Default 300.
   */
  secondsUntilAutoPause?: number | null;
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
 * item. An override wins over the catalog and is marked as such in the report.
 */
export interface PriceOverrides1 {
  /**
   * Serverless capacity on Aurora I/O-Optimized, $ per ACU-hour.
   */
  serverlessIoOptimized?: number | null;
  /**
   * Serverless capacity on Aurora Standard, $ per ACU-hour.
   */
  serverlessStandard?: number | null;
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
   * The date of the source (ISO 8601), if known.
   */
  asOf?: string | null;
  /**
   * How far the price can be trusted.
   */
  confidence: "low" | "medium" | "high";
  /**
   * True when the price came from the scenario's `priceOverrides`.
   */
  overridden: boolean;
  /**
   * The source: a catalog reference, or "scenario override".
   */
  source: string;
}
/**
 * An instance's serverless scaling range (`ServerlessV2ScalingConfiguration`).
 */
export interface Scaling1 {
  /**
   * Maximum capacity in ACUs: a multiple of 0.5 from 1 to 256. Default 16.
   */
  maxAcu?: number;
  /**
   * Minimum capacity in ACUs: a multiple of 0.5 from 0 to 256; 0 turns on
   * auto-pause. Default 0.5.
   */
  minAcu?: number;
  /**
   * Idle seconds before an instance with `minAcu` 0 pauses: 300 to 86,400.
   * Default 300.
   */
  secondsUntilAutoPause?: number | null;
}
