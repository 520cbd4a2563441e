//! JavaScript bindings for [acumen]: plain JS objects in, plain JS objects
//! out, and real `Error`s carrying a stable `code` and the failing `field`.
//!
//! All maths lives in the core crate; this crate only converts values and
//! maps errors. The TypeScript types of every shape are generated from the
//! core's Rust types (see `scripts/gen-types.mjs`) and embedded below.
#![forbid(unsafe_code)]
#![warn(missing_docs, rust_2018_idioms, unused_qualifications)]

use wasm_bindgen::prelude::*;

mod check;
mod decode;
mod encode;
mod error;
#[cfg(feature = "full-api")]
mod full_api;
// The first-result build uses only the shapes of its own exports.
#[cfg_attr(not(feature = "full-api"), allow(dead_code))]
mod shapes;

pub use decode::{Decode, decode};
pub use encode::encode;
pub use error::AcumenError;
#[cfg(feature = "full-api")]
pub use full_api::*;

#[wasm_bindgen(typescript_custom_section)]
const GENERATED_TYPES: &str = include_str!("types.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const ERROR_TYPE: &str = r#"
/**
 * What every export throws on bad input: a real `Error` whose `code` is
 * stable and whose `field` is the path of the failing input, e.g.
 * `scaling.maxAcu` (empty when the whole argument is wrong).
 *
 * ```js
 * try { estimate({ scaling: { maxAcu: 3.3 } }) }
 * catch (e) { e.code === "off_grid"; e.field === "scaling.maxAcu" }
 * ```
 */
export interface AcumenError extends Error {
  name: "AcumenError";
  code: ErrorCode;
  field: string;
}

/**
 * What `readCloudWatch` throws for a file it cannot read (bad options throw
 * an `AcumenError`): the code the CLI gives a bad file, the line and column
 * at fault where there is one, for JSON the path of the value at fault, and
 * the message, e.g. `line 4, column 2: not a number: "abc"` or
 * `line 59, column 17: at MetricDataResults[1].Values[5]: expected a number, found null`.
 */
export interface CloudWatchReadError extends Error {
  name: "AcumenError";
  code: "invalid_input";
  field: "";
  /** The line at fault (from 1), when one line is. */
  line?: number;
  /** The column at fault (from 1), when one cell or JSON value is. */
  column?: number;
  /** The JSON path of the value at fault (`MetricDataResults[1].Values[5]`), when the file is JSON. */
  path?: string;
}
"#;

/// Runs when the module is instantiated: installs the panic hook so that a
/// bug (the core is designed never to panic) is reported with its message.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// Estimates the monthly bill of a scenario: itemised lines with unit prices
/// and their provenance, the total, usage per instance and warnings.
///
/// Every scenario field is optional; `estimate({})` is the default scenario.
/// Money is in integer micro-dollars (`totalMicroUsd / 1e6` is dollars).
///
/// ```js
/// import { estimate } from "acumen";
/// const report = estimate({ workload: { steady: { acu: 4 } }, storageGb: 100 });
/// report.totalMicroUsd; // 360400000, i.e. $360.40
/// ```
///
/// Throws an `AcumenError` naming the field on invalid input.
#[wasm_bindgen(js_name = estimate, unchecked_return_type = "Report")]
pub fn estimate(
    #[wasm_bindgen(unchecked_optional_param_type = "Scenario")] scenario: Option<JsValue>,
) -> Result<JsValue, AcumenError> {
    with_estimate(scenario.as_ref(), encode)
}

/// The scenario `estimate({})` uses, with every field filled in: a starting
/// point to edit.
///
/// ```js
/// import { defaultScenario, estimate } from "acumen";
/// const scenario = defaultScenario();
/// scenario.region; // "us-east-1"
/// scenario.scaling.maxAcu = 32;
/// estimate(scenario).totalMicroUsd; // 360400000
/// ```
#[wasm_bindgen(js_name = defaultScenario, unchecked_return_type = "Scenario")]
pub fn default_scenario() -> Result<JsValue, AcumenError> {
    encode(&acumen::Scenario::default())
}

/// Every commercial AWS region (33), us-east-1 first: its code, name,
/// geography and Price List usage-type prefix, and whether the built-in
/// catalog is complete there (`missing` lists the core prices it lacks).
/// Every region can be estimated; in a partial one the bill marks the lines
/// it cannot price.
///
/// ```js
/// import { regions } from "acumen";
/// const frankfurt = regions().find((r) => r.code === "eu-central-1");
/// frankfurt.name; // "Europe (Frankfurt)"
/// frankfurt.usageTypePrefix; // "EUC1"
/// frankfurt.complete; // false: frankfurt.missing includes "storageStandard"
/// ```
#[wasm_bindgen(js_name = regions, unchecked_return_type = "RegionCoverage[]")]
pub fn regions() -> Result<JsValue, AcumenError> {
    let all: Vec<_> = acumen::prices::regions()
        .iter()
        .map(acumen::prices::Region::coverage)
        .collect();
    encode(&all)
}

/// The built-in price catalog: its name and date, every price with its
/// source, date and confidence, and the provisioned instance classes.
///
/// ```js
/// import { catalog } from "acumen";
/// const { asOf, entries } = catalog();
/// const compute = entries.find((e) =>
///   e.region === "us-east-1" && e.item === "serverlessStandard");
/// compute.priceNanoUsd; // 120000000, i.e. $0.12 per ACU-hour
/// ```
#[wasm_bindgen(js_name = catalog, unchecked_return_type = "Catalog")]
pub fn catalog() -> Result<JsValue, AcumenError> {
    encode(&shapes::Catalog {
        name: acumen::prices::CATALOG_NAME,
        as_of: acumen::prices::CATALOG_AS_OF,
        entries: acumen::prices::entries(),
        instance_classes: acumen::prices::instance_classes(),
    })
}

/// What an engine version allows for Serverless v2: whether it runs
/// serverless at all, whether it can auto-pause (minimum 0 ACU), and its
/// largest maximum capacity. Without `engineVersion`, a current version.
///
/// ```js
/// import { capabilities } from "acumen";
/// capabilities({ engine: "aurora-mysql", engineVersion: "3.04.0" });
/// // { serverless: true, autoPause: false, maxAcu: 128 }
/// ```
///
/// Throws an `AcumenError` naming the field on invalid input.
#[wasm_bindgen(js_name = capabilities, unchecked_return_type = "Capabilities")]
pub fn capabilities(
    #[wasm_bindgen(unchecked_param_type = "CapabilitiesInput")] input: JsValue,
) -> Result<JsValue, AcumenError> {
    let input: shapes::CapabilitiesInput = decode(&input)?;
    let version = input
        .engine_version
        .as_deref()
        .map(|text| acumen::Version::parse(text, "engineVersion"))
        .transpose()?;
    encode(&acumen::engine::capabilities(input.engine, version))
}

/// The version of the library, e.g. `"0.1.0"`.
///
/// ```js
/// import { version } from "acumen";
/// console.log(version());
/// ```
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    String::from(acumen::VERSION)
}

/// Estimates the scenario (the default for `undefined` or `null`) and
/// encodes what `part` takes of the report; errors become `AcumenError`s.
fn with_estimate(
    scenario: Option<&JsValue>,
    part: impl FnOnce(&acumen::Report) -> Result<JsValue, AcumenError>,
) -> Result<JsValue, AcumenError> {
    let scenario: acumen::Scenario = decode_or_default(scenario)?;
    // Taken, not borrowed: one-second trace samples, copied once from JS,
    // become their timelines as they are.
    part(&acumen::estimate_valid(&scenario.into_valid()?)?)
}

/// `undefined` and `null` stand for the default value, so `estimate()` works.
fn decode_or_default<T: Decode + Default>(value: Option<&JsValue>) -> Result<T, acumen::Error> {
    match value {
        Some(value) if !value.is_undefined() && !value.is_null() => decode(value),
        _ => Ok(T::default()),
    }
}
