//! JavaScript bindings for [acumen]: plain JS objects in, plain JS objects
//! out, and real `Error`s carrying a stable `code` and the failing `field`.
//!
//! All maths lives in the core crate; this crate only converts values and
//! maps errors. The TypeScript types of every shape are generated from the
//! core's Rust types (see `scripts/gen-types.mjs`) and embedded below.
#![forbid(unsafe_code)]
#![warn(missing_docs, rust_2018_idioms, unused_qualifications)]

use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

mod convert;

pub use convert::{AcumenError, decode, encode};

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
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
) -> Result<JsValue, JsValue> {
    let run = || -> Result<JsValue, AcumenError> {
        let scenario: acumen::Scenario = decode_or_default(&scenario)?;
        encode(&acumen::estimate(&scenario)?)
    };
    run().map_err(AcumenError::into_js)
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

/// `undefined` and `null` stand for the default value, so `estimate()` works.
fn decode_or_default<T: DeserializeOwned + Default>(value: &JsValue) -> Result<T, AcumenError> {
    if value.is_undefined() || value.is_null() {
        Ok(T::default())
    } else {
        decode(value)
    }
}
