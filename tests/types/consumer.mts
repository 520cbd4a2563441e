// Type-checked (tsc --strict) against the built package's generated types.
import { estimate, version, type AcumenError, type Report, type Scenario } from "acumen";

const scenario: Scenario = {
  region: "us-east-1",
  storageType: "io-optimized",
  scaling: { minAcu: 0.5, maxAcu: 16 },
  workload: { steady: { acu: 4 } },
  storageGb: 100,
};
const report: Report = estimate(scenario);
const dollars: number = report.totalMicroUsd / 1e6;
const firstUnit: string = report.lines[0].unit;
const confidence: "low" | "medium" | "high" = report.lines[0].price.confidence;
const v: string = version();

// @ts-expect-error: storage types are a closed set
const badStorage: Scenario = { storageType: "gp3" };
// @ts-expect-error: unknown fields are refused
const typo: Scenario = { storageGB: 5 };
// @ts-expect-error: a workload names its kind
const noKind: Scenario = { workload: { acu: 4 } };

try {
  estimate({ scaling: { maxAcu: 3.3 } });
} catch (e) {
  const err = e as AcumenError;
  const code: string = err.code;
  const field: string = err.field;
  void [code, field];
}
void [dollars, firstUnit, confidence, v, badStorage, typo, noKind];
