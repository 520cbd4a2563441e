//! JS values to Rust values, with the path of the failing field.
//!
//! Every argument is first walked by [`check`](crate::check), so what reaches
//! the decoder is JSON-like: `null`, booleans, finite numbers, strings,
//! arrays, typed arrays of numbers and objects. The decoder then follows the
//! Rust type with JSON's rules, so the package accepts and refuses the very
//! documents the CLI does, with the same messages and paths:
//! - scalars are read by serde-wasm-bindgen's `Deserializer`, which reads a
//!   number as an integer when it is a safe one and as a float otherwise, as
//!   JSON does;
//! - a struct is read from an object only (serde-wasm-bindgen would also take
//!   an array, reading its fields by name off it), and through all its
//!   entries, so `deny_unknown_fields` sees an unknown one;
//! - an `undefined` property is absent, as in `JSON.stringify`;
//! - an enum is a string or an object with a single key;
//! - a typed array or a long array of numbers is read from its block, one
//!   copy, instead of one JS call per element.
//!
//! The failing path is written in serde_path_to_error's notation (the CLI's;
//! tests/decode.rs checks both agree on thousands of documents), but tracked
//! here: as an error leaves each value, the value's [`Path`] is recorded
//! unless an inner one already was. Wrapping every visitor in
//! serde_path_to_error's generic adapter would do the same for 37 KB more
//! wasm (14 KB gzip, 8 % more than the whole module is with this).

mod access;
mod error;
mod path;
mod value;

use acumen::{Error, ErrorCode};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

use crate::check::check;
use path::{Context, Path};
use value::{Js, is_object};

/// Decodes a JS value into `T`, reporting the path of the first bad field.
///
/// The argument itself must be an object.
pub fn decode<T: DeserializeOwned>(value: &JsValue) -> Result<T, Error> {
    let blocks = check(value)?;
    if !is_object(value) {
        let kind = kind(value);
        return Err(Error::new(
            ErrorCode::WrongType,
            "",
            format_args!("invalid type: {kind}, expected an object"),
        ));
    }
    let context = Context::new(blocks);
    let js = Js {
        value: value.clone(),
        at: &Path::Root,
        context: &context,
    };
    T::deserialize(js).map_err(|e| {
        let path = context.failed_at();
        decode_error(path.as_deref().unwrap_or("."), &e.0)
    })
}

/// The core error for a decoding failure at `path` (`.` for the root).
///
/// A missing field is reported at the object that lacks it, as the CLI does
/// (`workload.steady` for `acu`); at the root, where that path would be
/// empty, the missing field itself is named.
fn decode_error(path: &str, message: &str) -> Error {
    let error = Error::from_decode(path, message);
    if error.code() != ErrorCode::MissingField || !error.field().is_empty() {
        return error;
    }
    match message.split('`').nth(1) {
        Some(name) => Error::new(ErrorCode::MissingField, name, format_args!("{message}")),
        None => error,
    }
}

/// The kind of a root that is not an object.
fn kind(value: &JsValue) -> &'static str {
    if value.is_null() || value.is_undefined() {
        "null"
    } else if value.as_bool().is_some() {
        "boolean"
    } else if value.as_f64().is_some() {
        "number"
    } else if value.is_string() {
        "string"
    } else {
        "array"
    }
}
