// `readCloudWatch`: CloudWatch exports (CSV, and the AWS CLI's JSON) read into traces on one grid,
// through the built package. Expected values are worked out in the comments.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readCloudWatch } from "acumen";

const fixture = (name) => readFileSync(new URL(`../fixtures/cloudwatch/${name}`, import.meta.url), "utf8");

// gap.csv: 2 ACU every 5 min from 00:00 to 00:25, then 4 ACU from 01:00 to
// 01:55. Spacings: sixteen of 300 s and one of 2,100 s, so the step is the
// median, 300 s, and the grid runs from 00:00 to 02:00: 24 points.
test("a gap shorter than the hold limit is held", () => {
  const grid = readCloudWatch(fixture("gap.csv"), { name: "gap" });
  assert.equal(grid.intervalSeconds, 300);
  assert.equal(grid.start, "2026-09-01T00:00:00Z");
  assert.equal(grid.end, "2026-09-01T02:00:00Z");
  assert.equal(grid.steps, 24);
  const [s] = grid.series;
  assert.equal(s.name, "gap");
  // The 2,100 s spacing is one gap of 1,800 s beyond the step, all of it
  // held (the default limit is 3,600 s): 00:30 to 00:55 keep 2 ACU.
  assert.deepEqual(s.values, [...Array(12).fill(2), ...Array(12).fill(4)]);
  assert.deepEqual(
    [s.samples, s.duplicates, s.gaps, s.gapSeconds, s.heldSeconds, s.unrecordedSeconds, s.irregularSpacings, s.clusterLevel],
    [18, 0, 1, 1800, 1800, 0, 0, false],
  );
  assert.deepEqual(grid.warnings, ["gap: 1 gap, 30 min in all; the last value was held for 30 min (at most 1 h per gap)"]);
});

test("a value is held for at most maxGapSeconds; the rest of the gap is 0 ACU", () => {
  const [s] = readCloudWatch(fixture("gap.csv"), { name: "gap", maxGapSeconds: 600 }).series;
  // Held at 00:30 and 00:35 (300 and 600 s after the last sample, both
  // under step + 600 s = 900 s); 00:40 to 00:55 are unrecorded: 4 × 300 s.
  assert.deepEqual(s.values, [...Array(8).fill(2), ...Array(4).fill(0), ...Array(12).fill(4)]);
  assert.deepEqual([s.heldSeconds, s.unrecordedSeconds], [600, 1200]);
});

test("a cell that is not a number is named by line and column", () => {
  assert.throws(
    () => readCloudWatch(fixture("bad-line.csv")),
    (e) => {
      assert.equal(e.name, "AcumenError");
      assert.deepEqual([e.code, e.field, e.line, e.column], ["invalid_input", "", 4, 2]);
      assert.equal(e.message, 'line 4, column 2: not a number: "abc"');
      return true;
    },
  );
});

test("a recording longer than maxSteps is refused as a whole, without a line", () => {
  assert.throws(
    () => readCloudWatch(fixture("gap.csv"), { maxSteps: 10 }),
    (e) => {
      assert.deepEqual([e.code, e.line, e.column], ["invalid_input", undefined, undefined]);
      assert.equal(e.message, "the samples span 24 steps of 300 s; at most 10 fit");
      return true;
    },
  );
});

test("bad options name the option", () => {
  const cases = [
    [{ maxGapSeconds: -1 }, "out_of_range", "maxGapSeconds"],
    [{ maxGapSeconds: 1.5 }, "out_of_range", "maxGapSeconds"],
    [{ maxSteps: 1 }, "out_of_range", "maxSteps"],
    [{ maxSteps: NaN }, "not_a_number", "maxSteps"],
    [{ name: 3 }, "wrong_type", "name"],
    [{ maxGap: 60 }, "unknown_field", "maxGap"],
  ];
  for (const [options, code, field] of cases) {
    assert.throws(() => readCloudWatch("Timestamp,Value\n", options), (e) => {
      assert.deepEqual([e.code, e.field], [code, field], JSON.stringify(options));
      return true;
    });
  }
});

// The AWS CLI's JSON of the same data as console-two-instances.csv: one
// document, two pages written one after the other, and the two pages in one
// array (`jq -s`). Each reads to the CSV's grid, warnings included (none: the
// second page completes the first page's PartialData).
test("the AWS CLI's get-metric-data JSON reads as the console CSV of the same data", () => {
  const csv = readCloudWatch(fixture("console-two-instances.csv"));
  assert.deepEqual(csv.series.map((s) => s.name), ["app-writer", "app-reader"]);
  for (const file of ["get-metric-data-two-instances.json", "get-metric-data-pages.json", "get-metric-data-pages-slurped.json"]) {
    assert.deepEqual(readCloudWatch(fixture(file)), csv, file);
  }
});

// get-metric-statistics-writer.json holds the writer of get-metric-data-writer.csv
// as datapoints out of order, each with its Average and its Maximum (the larger
// of its Average and the next one's).
test("get-metric-statistics JSON: the statistic asked for, and said", () => {
  const name = "get-metric-data-writer";
  const csv = readCloudWatch(fixture(`${name}.csv`), { name });
  const average = readCloudWatch(fixture("get-metric-statistics-writer.json"), { name });
  assert.deepEqual(average.series, csv.series);
  assert.deepEqual(average.warnings, [
    `${name}: the values are each datapoint's Average (get-metric-statistics); the file also has Maximum`,
  ]);
  const maximum = readCloudWatch(fixture("get-metric-statistics-writer.json"), { name, statistic: "Maximum" });
  assert.deepEqual(maximum.series[0].values, [0.5, 0.5, 1, 1, 1, 2, 2, 2, 2, 1, 1, 0.5]);
  assert.throws(
    () => readCloudWatch(fixture("get-metric-statistics-writer.json"), { statistic: "p 99" }),
    (e) => {
      assert.deepEqual([e.name, e.code, e.field], ["AcumenError", "unknown_variant", "statistic"]);
      return true;
    },
  );
});

test("a JSON value that is not a number is named by its path, line and column", () => {
  assert.throws(
    () => readCloudWatch(fixture("bad-value.json")),
    (e) => {
      assert.deepEqual([e.code, e.field, e.line, e.column, e.path], ["invalid_input", "", 59, 17, "MetricDataResults[1].Values[5]"]);
      assert.equal(e.message, "line 59, column 17: at MetricDataResults[1].Values[5]: expected a number, found null");
      return true;
    },
  );
});
