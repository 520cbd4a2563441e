//! Rust results to JS values.
//!
//! The package's results are plain JS objects, built through
//! serde-wasm-bindgen. The serializer is JSON-compatible: `None` and `()`
//! become `null`, maps become plain objects and 64-bit integers plain
//! numbers, so a result is the very value `JSON.parse` gives for the JSON
//! the CLI prints (fields the core skips when empty are absent in both).
//!
//! The page's first wasm (built without the `full-api` feature) returns
//! that JSON as text instead, which the page parses (web/engine.js): with
//! serde_json's writer in place of serde-wasm-bindgen's serializer, that
//! wasm is 23 KB smaller (8 KB gzip, 4.6 %), and the values are the same.

use acumen::{Error, ErrorCode};
use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::AcumenError;

/// Encodes `value` as plain JS objects and arrays, exactly as JSON would.
#[cfg(feature = "full-api")]
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, AcumenError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| unrepresentable(&e))
}

/// Encodes `value` as the JSON text the CLI prints, for the page to parse.
#[cfg(not(feature = "full-api"))]
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, AcumenError> {
    serde_json::to_string(value)
        .map(|text| JsValue::from_str(&text))
        .map_err(|e| unrepresentable(&e))
}

/// The one way encoding fails: a value JSON cannot hold.
#[cold]
fn unrepresentable(e: &impl core::fmt::Display) -> AcumenError {
    AcumenError::from(Error::new(
        ErrorCode::Overflow,
        "",
        format_args!("the result cannot be represented as JSON: {e}"),
    ))
}
