//! Rust results to plain JS values, through serde-wasm-bindgen.
//!
//! The serializer is JSON-compatible: `None` and `()` become `null`, maps
//! become plain objects and 64-bit integers plain numbers, so a result is
//! the very value `JSON.parse` gives for the JSON the CLI prints (fields
//! the core skips when empty are absent in both).

use acumen::{Error, ErrorCode};
use serde::Serialize;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::JsValue;

use crate::AcumenError;

/// Encodes `value` as plain JS objects and arrays, exactly as JSON would.
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, AcumenError> {
    value
        .serialize(&Serializer::json_compatible())
        .map_err(|e| unrepresentable(&e))
}

/// The one way encoding fails: a number JavaScript cannot hold exactly.
#[cold]
fn unrepresentable(e: &serde_wasm_bindgen::Error) -> AcumenError {
    AcumenError::from(Error::new(
        ErrorCode::Overflow,
        "",
        format_args!("the result cannot be represented as JSON: {e}"),
    ))
}
