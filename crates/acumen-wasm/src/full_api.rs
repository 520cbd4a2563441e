//! The exports beyond the page's first result: checks, the optimiser,
//! migration sizing, the parts of a report on their own, per-second traces,
//! CloudWatch files and infrastructure code.
//!
//! They are in the npm package (the `full-api` feature, on by default). The
//! page's first wasm is built without them (see `scripts/build-site.mjs`):
//! the first result needs only the exports in the crate root, and leaving
//! these out makes that wasm much smaller.

use acumen::ErrorCode;
use wasm_bindgen::prelude::*;

use crate::check::{COPY_WINDOW, JsNumbers};
use crate::{AcumenError, decode, decode_or_default, encode, shapes, with_estimate};

/// The default `max_connections` of a Serverless v2 instance: it follows
/// the memory at the maximum capacity, and Aurora PostgreSQL caps it at
/// 2,000 when the minimum is 0 or 0.5 ACU.
///
/// ```js
/// import { maxConnections } from "acumen";
/// maxConnections({ engine: "aurora-postgresql", minAcu: 1, maxAcu: 16 });
/// // { value: 3360, basis: "published", cappedByMin: false }
/// ```
///
/// Throws an `AcumenError` naming the field on invalid input.
#[wasm_bindgen(js_name = maxConnections, unchecked_return_type = "MaxConnections")]
pub fn max_connections(
    #[wasm_bindgen(unchecked_param_type = "MaxConnectionsInput")] input: JsValue,
) -> Result<JsValue, AcumenError> {
    let input: shapes::MaxConnectionsInput = decode(&input)?;
    let (min, max) = acumen::scenario::validate_acu_range(input.min_acu, input.max_acu, "")?;
    encode(&acumen::engine::max_connections(input.engine, min, max))
}

/// Checks a scenario without pricing it for display: returns
/// `{ valid: true, warnings }` or throws the `AcumenError` that `estimate`
/// would throw, naming the first failing field.
///
/// ```js
/// import { validate } from "acumen";
/// validate({ scaling: { maxAcu: 8 }, workload: { steady: { acu: 12 } } }).warnings[0].kind;
/// // "demand-above-max"
/// validate({ scaling: { maxAcu: 3.3 } }); // throws: code "off_grid", field "scaling.maxAcu"
/// ```
#[wasm_bindgen(js_name = validate, unchecked_return_type = "Validation")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
) -> Result<JsValue, AcumenError> {
    let scenario: acumen::Scenario = decode(&scenario)?;
    let valid = scenario.into_valid()?;
    // Some warnings (unknown prices, demand above the maximum) only
    // appear once the scenario is priced.
    let report = acumen::estimate_valid(&valid)?;
    encode(&shapes::Validation {
        valid: true,
        warnings: report.warnings,
    })
}

/// The cheapest scaling range: the (min, max) pair on the 0.5-ACU grid whose
/// simulated unmet demand stays under `maxUnmetShare` (default 0.001), with
/// the cost/unmet frontier for a chart.
///
/// ```js
/// import { optimize } from "acumen";
/// const { best, frontier } = optimize({ workload: { steady: { acu: 6 } } });
/// best.maxAcu; // 6
/// ```
///
/// Throws an `AcumenError` naming the field on invalid input.
#[wasm_bindgen(js_name = optimize, unchecked_return_type = "Optimization")]
pub fn optimize(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "OptimizeOptions | undefined")] options: JsValue,
) -> Result<JsValue, AcumenError> {
    let scenario: acumen::Scenario = decode_or_default(Some(&scenario))?;
    let options: acumen::optimize::OptimizeOptions = decode_or_default(Some(&options))?;
    encode(&acumen::optimize::optimize(&scenario, &options)?)
}

/// From provisioned to Serverless v2: a provisioned instance's CPU load,
/// as a summary (`cpu: { p95, max, average? }`) or a series
/// (`cpuTrace: { intervalSeconds, percent }`), sized in ACUs by AWS's
/// serverless advisory rules (minimum, typical, peak, maximum), a range
/// proposed (the rules for a summary; for a series the cheapest range that
/// serves it when simulated), and the monthly cost on serverless against
/// the class on demand and committed, with a verdict and the full report.
///
/// ```js
/// import { migrate, readCloudWatch } from "acumen";
/// const m = migrate({ class: "db.r6g.xlarge", cpu: { p95: 35, max: 72 } });
/// m.proposed;                          // { minAcu: 3.5, maxAcu: 16 }
/// m.sizing.typicalAcu;                 // 6
/// m.serverless.monthlyMicroUsd / 1e6;  // 525.6
/// // A CloudWatch export of CPUUtilization (the AWS CLI's JSON or a CSV):
/// const grid = readCloudWatch(text);
/// migrate({ class: "db.r6g.xlarge",
///           cpuTrace: { intervalSeconds: grid.intervalSeconds, percent: grid.series[0].values } });
/// ```
///
/// Throws an `AcumenError` naming the field on invalid input (`class`,
/// `cpu.p95`, `cpuTrace.percent[17]`…).
#[wasm_bindgen(js_name = migrate, unchecked_return_type = "Migration")]
pub fn migrate(
    #[wasm_bindgen(unchecked_param_type = "MigrationInput")] input: JsValue,
) -> Result<JsValue, AcumenError> {
    let input: acumen::migrate::MigrationInput = decode(&input)?;
    encode(&acumen::migrate::migrate(&input)?)
}

/// How the cluster's capacity follows its demand: the controller model,
/// per-instance usage (ACU-hours, time paused and at the bounds, unmet demand
/// by cause, scaling counts, time to capacity) and a chart timeline of the
/// first week. The same as `estimate(scenario)` restricted to `model`,
/// `instances` and `timeline` (and the CLI's `simulate --format json`).
///
/// ```js
/// import { simulate } from "acumen";
/// const { instances } = simulate({ scaling: { minAcu: 0, maxAcu: 8 } });
/// instances[0].pausedHours; // hours the writer spent paused
/// ```
///
/// Throws an `AcumenError` naming the field on invalid input.
#[wasm_bindgen(js_name = simulate, unchecked_return_type = "Simulation")]
pub fn simulate(
    #[wasm_bindgen(unchecked_optional_param_type = "Scenario")] scenario: Option<JsValue>,
) -> Result<JsValue, AcumenError> {
    with_estimate(scenario.as_ref(), |report| encode(&report.simulation()))
}

/// Serverless against provisioned instances and commitments (on-demand,
/// Reserved, Savings Plans) with the break-even hours and a verdict: the
/// `comparison` of `estimate(scenario)` (and the CLI's `compare --format json`).
///
/// ```js
/// import { compare } from "acumen";
/// const { verdict, rows } = compare({ workload: { steady: { acu: 8 } } });
/// rows[0].option; // the cheapest, e.g. "db.r6g.large, 3-year reserved, all upfront"
/// ```
///
/// Throws an `AcumenError` naming the field on invalid input.
#[wasm_bindgen(js_name = compare, unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(unchecked_optional_param_type = "Scenario")] scenario: Option<JsValue>,
) -> Result<JsValue, AcumenError> {
    with_estimate(scenario.as_ref(), |report| encode(&report.comparison))
}

/// Configuration advice (min/max ACU, auto-pause, max_connections, RDS
/// Proxy, I/O-Optimized, alarms), each item with its reason and numbers: the
/// `advice` of `estimate(scenario)` (and the CLI's `advise --format json`).
///
/// ```js
/// import { advise } from "acumen";
/// for (const item of advise({ scaling: { minAcu: 4 } })) console.log(item.topic, item.recommendation);
/// ```
///
/// Throws an `AcumenError` naming the field on invalid input.
#[wasm_bindgen(js_name = advise, unchecked_return_type = "Advice[]")]
pub fn advise(
    #[wasm_bindgen(unchecked_optional_param_type = "Scenario")] scenario: Option<JsValue>,
) -> Result<JsValue, AcumenError> {
    with_estimate(scenario.as_ref(), |report| encode(&report.advice))
}

/// Simulates one instance following a per-second demand trace (ACUs, one
/// sample per second, up to a year of them) and summarises what the
/// controller did: billed and ideal ACU-hours, unmet demand by cause,
/// pauses, scaling counts and the time from a rise in demand to capacity.
/// Much faster than `estimate` with a `trace` workload, which also prices,
/// compares and advises; this is for long one-second traces.
///
/// ```js
/// import { simulateTrace } from "acumen";
/// const acu = new Float64Array(86_400).fill(2); // a day at 2 ACU
/// const out = simulateTrace(acu, { scaling: { minAcu: 0.5, maxAcu: 16 } });
/// out.acuHours; // 48
/// ```
///
/// Throws an `AcumenError` naming the field (`acu[i]` for a bad sample).
#[wasm_bindgen(js_name = simulateTrace, unchecked_return_type = "TraceSimulation")]
pub fn simulate_trace(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] acu: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "TraceSettings")] settings: Option<JsValue>,
) -> Result<JsValue, AcumenError> {
    // A plain array's elements are read as `Number()` reads them (a hole,
    // `undefined` or a string that is not a number becomes NaN, which the
    // core then refuses naming its index).
    let samples = if js_sys::Array::is_array(&acu) || acu.is_instance_of::<js_sys::Float64Array>() {
        JsNumbers::new(&acu)
    } else {
        return Err(acumen::Error::new(
            ErrorCode::WrongType,
            "acu",
            format_args!("expected a Float64Array or an array of numbers"),
        )
        .into());
    };
    let settings: acumen::sim::per_second::TraceSettings = decode_or_default(settings.as_ref())?;
    encode(&acumen::sim::per_second::simulate_per_second_from(
        &settings,
        TypedSamples::new(samples),
    )?)
}

/// The samples of a typed array or an `Array`, copied into wasm memory a
/// window at a time as the kernel reads them: the window stays in cache
/// while the kernel turns it into needs, and a month of samples (21 MB) is
/// never held twice.
struct TypedSamples {
    numbers: JsNumbers,
    /// Samples `start..start + window.len()`.
    start: usize,
    window: Vec<f64>,
}

impl TypedSamples {
    fn new(numbers: JsNumbers) -> TypedSamples {
        TypedSamples {
            numbers,
            start: 0,
            window: Vec::new(),
        }
    }
}

impl acumen::sim::per_second::SampleSource for TypedSamples {
    fn len(&self) -> usize {
        self.numbers.len()
    }

    fn read<'a>(&'a mut self, from: usize, buf: &'a mut [f64]) -> &'a [f64] {
        let end = from + buf.len();
        if from < self.start || end > self.start + self.window.len() {
            // The kernel reads in order: copy the window from `from` on.
            let stop = self.numbers.len().min(from + COPY_WINDOW.max(buf.len()));
            self.window.resize(stop - from, 0.0);
            self.numbers.copy(from, &mut self.window);
            self.start = from;
        }
        &self.window[from - self.start..end - self.start]
    }
}

/// Reads a CloudWatch export of `ServerlessDatabaseCapacity` (or any demand
/// in ACU) into traces on one regular grid, exactly as the CLI's `acumen
/// replay` reads it, the shape told apart by the content: the AWS CLI's
/// JSON from `aws cloudwatch get-metric-data` (one series per
/// `MetricDataResults` item; pages concatenated or in one array) or `aws
/// cloudwatch get-metric-statistics` (one series, named `name`, its value
/// the `statistic` asked for, default `"Average"`); the console's wide
/// "Download as CSV", the long `get-metric-data` CSV (with or without
/// `Id`/`Label`) or a headerless `timestamp,value` file. The step is the
/// median spacing of the samples; a value is held across a gap for at most
/// `maxGapSeconds` (default 3600); the first series is the writer's, the
/// others readers'. What the file says about its data (`PartialData`,
/// CloudWatch's messages, the statistic used) is in `warnings`.
///
/// ```js
/// import { readCloudWatch } from "acumen";
/// const grid = readCloudWatch(
///   "Timestamp,Value\n2026-09-01T00:00:00Z,2\n2026-09-01T00:01:00Z,4\n",
///   { name: "writer" });
/// grid.intervalSeconds;    // 60
/// grid.series[0].values;   // [2, 4]
/// ```
///
/// Throws a `CloudWatchReadError` (code `invalid_input`, with the `line`
/// and `column` at fault when there is one, and for JSON the `path` of the
/// value) for a file it cannot read, and an `AcumenError` naming the field
/// for bad options.
#[wasm_bindgen(js_name = readCloudWatch, unchecked_return_type = "CloudWatchGrid")]
pub fn read_cloud_watch(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CloudWatchOptions")] options: Option<JsValue>,
) -> Result<JsValue, AcumenError> {
    // Checked here: wasm-bindgen would read any other value as its string
    // form ("undefined", "[object Object]") and report a bad file.
    let Some(text) = text.as_string() else {
        return Err(acumen::Error::new(
            ErrorCode::WrongType,
            "text",
            format_args!("expected the file's text, a string"),
        )
        .into());
    };
    let options: shapes::CloudWatchOptions = decode_or_default(options.as_ref())?;
    let (reading, grid) = (options.reading()?, options.grid()?);
    let grid = acumen::cloudwatch::read_grid(&text, options.stem(), &reading, &grid)?;
    encode(&grid)
}

/// A CloudFormation template (YAML) for the scenario's cluster: the
/// scaling configuration, the writer and readers with their promotion tiers,
/// the storage type, and production defaults (encryption, deletion
/// protection, backups, log exports, a managed master password).
///
/// ```js
/// import { cloudformation } from "acumen";
/// const yaml = cloudformation({ scaling: { minAcu: 0, maxAcu: 8 } });
/// ```
///
/// Throws an `AcumenError` naming the field on invalid input.
#[wasm_bindgen(js_name = cloudformation)]
pub fn cloudformation(
    #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
) -> Result<String, AcumenError> {
    let scenario: acumen::Scenario = decode_or_default(Some(&scenario))?;
    Ok(acumen::export::cloudformation(&scenario)?)
}

/// Terraform (AWS provider, HCL) for the scenario's cluster, the
/// counterpart of `cloudformation`.
///
/// ```js
/// import { terraform } from "acumen";
/// const hcl = terraform({ readers: [{ promotionTier: 1 }] });
/// ```
///
/// Throws an `AcumenError` naming the field on invalid input.
#[wasm_bindgen(js_name = terraform)]
pub fn terraform(
    #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
) -> Result<String, AcumenError> {
    let scenario: acumen::Scenario = decode_or_default(Some(&scenario))?;
    Ok(acumen::export::terraform(&scenario)?)
}
