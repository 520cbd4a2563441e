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
//!   copy, instead of one JS call per element; a trace's samples are not
//!   even read from it, but handed over whole after decoding (see
//!   [`Decode`]).
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

/// A type the package decodes.
///
/// A type that holds traces says where their samples go: the decoder sets
/// each trace's samples aside (read as an empty list) and hands them over
/// whole once the value is decoded, so a month of one-second samples goes
/// from JS into the list it ends in with one copy. Any other type reads a
/// trace's samples one by one (all the same, only slower).
pub trait Decode: DeserializeOwned {
    /// Whether the type holds traces whose samples [`Decode::trace_samples`] finds.
    const HOLDS_TRACES: bool = false;

    /// The samples of the trace whose `acu` the decoder read at `path`.
    fn trace_samples(&mut self, _path: &str) -> Option<&mut Vec<f64>> {
        None
    }
}

impl Decode for acumen::Scenario {
    const HOLDS_TRACES: bool = true;

    fn trace_samples(&mut self, path: &str) -> Option<&mut Vec<f64>> {
        let workload = if path == "workload.trace.acu" {
            &mut self.workload
        } else {
            let reader = path
                .strip_prefix("readers[")?
                .strip_suffix("].workload.trace.acu")?;
            self.readers
                .get_mut(reader.parse::<usize>().ok()?)?
                .workload
                .as_mut()?
        };
        match workload {
            acumen::Workload::Trace(trace) => Some(&mut trace.acu),
            _ => None,
        }
    }
}

impl Decode for acumen::optimize::OptimizeOptions {}
impl Decode for acumen::migrate::MigrationInput {}
impl Decode for acumen::sim::per_second::TraceSettings {}
impl Decode for crate::shapes::CapabilitiesInput {}
impl Decode for crate::shapes::MaxConnectionsInput {}
impl Decode for crate::shapes::CloudWatchOptions {}

/// Decodes a JS value into `T`, reporting the path of the first bad field.
///
/// The argument itself must be an object.
pub fn decode<T: Decode>(value: &JsValue) -> Result<T, Error> {
    let blocks = check(value)?;
    if !is_object(value) {
        let kind = kind(value);
        return Err(Error::new(
            ErrorCode::WrongType,
            "",
            format_args!("invalid type: {kind}, expected an object"),
        ));
    }
    let context = Context::new(blocks, T::HOLDS_TRACES);
    let js = Js {
        value: value.clone(),
        at: &Path::Root,
        context: &context,
    };
    let mut out = T::deserialize(js).map_err(|e| {
        let path = context.failed_at();
        decode_error(path.as_deref().unwrap_or("."), &e.0)
    })?;
    for (path, samples) in context.set_aside.take() {
        let Some(slot) = out.trace_samples(&path) else {
            // Not reached: samples are set aside only at a trace's `acu`.
            return Err(Error::new(
                ErrorCode::WrongType,
                &path,
                format_args!("invalid type: samples where no trace is"),
            ));
        };
        *slot = samples;
    }
    Ok(out)
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
