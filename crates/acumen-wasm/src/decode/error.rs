//! How a decoding failure is worded: as `serde_json` words it, so the
//! package's messages are the CLI's.

use core::fmt;

use serde::de::{self, Unexpected};
use wasm_bindgen::JsValue;

use super::value::is_array_like;

/// A decoding failure, as serde words it.
#[derive(Debug)]
pub(super) struct DecodeError(pub(super) String);

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DecodeError {}

impl de::Error for DecodeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DecodeError(msg.to_string())
    }

    #[cold]
    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        let unexpected = AsJson(unexpected);
        DecodeError(format!("invalid type: {unexpected}, expected {expected}"))
    }

    #[cold]
    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        let unexpected = AsJson(unexpected);
        DecodeError(format!("invalid value: {unexpected}, expected {expected}"))
    }
}

/// What was found, in JSON's words as `serde_json` writes them: `null`,
/// and floats in their shortest form (`1e+300`).
pub(super) struct AsJson<'a>(Unexpected<'a>);

impl fmt::Display for AsJson<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Unit => f.write_str("null"),
            Unexpected::Float(n) => {
                // Shortest round-trip digits, with a signed exponent: `1e+300`.
                let digits = format!("{n:?}");
                let digits = match digits.split_once('e') {
                    Some((mantissa, exp)) if !exp.starts_with('-') => format!("{mantissa}e+{exp}"),
                    _ => digits,
                };
                write!(f, "floating point `{digits}`")
            }
            other => fmt::Display::fmt(&other, f),
        }
    }
}

impl From<serde_wasm_bindgen::Error> for DecodeError {
    fn from(e: serde_wasm_bindgen::Error) -> Self {
        // Its text is that of a JS Error: "Error: <message>".
        let text = e.to_string();
        DecodeError(String::from(text.strip_prefix("Error: ").unwrap_or(&text)))
    }
}

/// What serde reports finding, for a JS value that does not fit.
pub(super) fn invalid_type(value: &JsValue, expected: &dyn de::Expected) -> DecodeError {
    let text;
    let unexpected = if value.is_null() || value.is_undefined() {
        Unexpected::Unit
    } else if let Some(b) = value.as_bool() {
        Unexpected::Bool(b)
    } else if let Some(n) = value.as_f64() {
        number(n)
    } else if let Some(s) = value.as_string() {
        text = s;
        Unexpected::Str(&text)
    } else if is_array_like(value) {
        Unexpected::Seq
    } else {
        Unexpected::Map
    };
    de::Error::invalid_type(unexpected, expected)
}

/// A number as JSON holds it: an integer if it is one, else a float.
pub(super) fn number(n: f64) -> Unexpected<'static> {
    match integer(n) {
        Some(i) if i >= 0 => Unexpected::Unsigned(i as u64),
        Some(i) => Unexpected::Signed(i),
        None => Unexpected::Float(n),
    }
}

/// `n` as an integer if it is one JavaScript holds exactly.
pub(super) fn integer(n: f64) -> Option<i64> {
    // 2^53: beyond it f64 cannot hold every integer, so it stays a float.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    (n.fract() == 0.0 && n.abs() <= EXACT).then_some(n as i64)
}

/// A bare variant name where the variant needs a payload.
pub(super) fn unit_variant(expected: &dyn de::Expected) -> DecodeError {
    de::Error::invalid_type(Unexpected::UnitVariant, expected)
}
