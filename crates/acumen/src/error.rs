//! The one error type: a stable code, the failing field's path and a message.
//!
//! Field paths use the scenario's serialised (camelCase) names joined by dots,
//! with indices in brackets, e.g. `writer.maxAcu` or `readers[2].tier`, so the
//! same path means the same thing in Rust, JSON, TOML and JavaScript.
//!
//! Every code, with a typical field, an example message and what each
//! surface (this crate, the npm package, the CLI) does with it, is listed in
//! the repository's `docs/errors.md`; the size limits on inputs are in
//! `docs/limits.md`.

use alloc::string::String;
use core::fmt::{self, Write};

/// What kind of rule an input broke. Stable: the JS package and the CLI
/// expose these as snake_case strings (`off_grid`, `out_of_range`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum ErrorCode {
    /// NaN or an infinity where a number is needed.
    NotANumber,
    /// A number outside the range the rule allows.
    OutOfRange,
    /// A capacity that is not a multiple of 0.5 ACU.
    OffGrid,
    /// Two inputs that contradict each other (e.g. min above max).
    Conflict,
    /// A region the price catalog does not cover.
    UnknownRegion,
    /// A price the catalog does not have and the scenario does not supply.
    UnknownPrice,
    /// The input has the wrong type (e.g. a string where a number belongs).
    WrongType,
    /// A required field is absent.
    MissingField,
    /// A field the scenario does not define (often a typo).
    UnknownField,
    /// A value that is not one of the allowed names.
    UnknownVariant,
    /// The text is not valid JSON/TOML.
    Syntax,
    /// The result would not fit the number types (absurdly large inputs,
    /// e.g. a bill above the ±$9.2 trillion a `Money` holds).
    Overflow,
}

impl ErrorCode {
    /// Every code, in declaration order (a test checks the list is complete).
    pub const ALL: [ErrorCode; 12] = [
        ErrorCode::NotANumber,
        ErrorCode::OutOfRange,
        ErrorCode::OffGrid,
        ErrorCode::Conflict,
        ErrorCode::UnknownRegion,
        ErrorCode::UnknownPrice,
        ErrorCode::WrongType,
        ErrorCode::MissingField,
        ErrorCode::UnknownField,
        ErrorCode::UnknownVariant,
        ErrorCode::Syntax,
        ErrorCode::Overflow,
    ];

    /// The code named `name` (its [`as_str`](ErrorCode::as_str) form), if any.
    ///
    /// ```
    /// use acumen::ErrorCode;
    /// assert_eq!(ErrorCode::from_name("off_grid"), Some(ErrorCode::OffGrid));
    /// assert_eq!(ErrorCode::from_name("offGrid"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// The stable snake_case name used by every surface.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NotANumber => "not_a_number",
            ErrorCode::OutOfRange => "out_of_range",
            ErrorCode::OffGrid => "off_grid",
            ErrorCode::Conflict => "conflict",
            ErrorCode::UnknownRegion => "unknown_region",
            ErrorCode::UnknownPrice => "unknown_price",
            ErrorCode::WrongType => "wrong_type",
            ErrorCode::MissingField => "missing_field",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::UnknownVariant => "unknown_variant",
            ErrorCode::Syntax => "syntax",
            ErrorCode::Overflow => "overflow",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An input that Acumen refuses, with the field it concerns.
///
/// Displayed as `field: message`, e.g.
/// `writer.minAcu: must be a multiple of 0.5 ACU, got 2.25`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Error {
    code: ErrorCode,
    field: String,
    message: String,
}

impl Error {
    /// An error of kind `code` about `field`.
    pub fn new(code: ErrorCode, field: &str, message: fmt::Arguments<'_>) -> Error {
        let mut text = String::new();
        // Writing to a String cannot fail.
        let _ = text.write_fmt(message);
        Error {
            code,
            field: String::from(field),
            message: text,
        }
    }

    /// Classifies a serde decoding failure at `path` by its message, so that
    /// every surface (CLI, JS) reports decode errors with the same codes.
    pub fn from_decode(path: &str, message: &str) -> Error {
        let message = message.strip_prefix("Error: ").unwrap_or(message);
        let code = if message.starts_with("invalid type") {
            ErrorCode::WrongType
        } else if message.starts_with("missing field") {
            ErrorCode::MissingField
        } else if message.starts_with("unknown field") {
            ErrorCode::UnknownField
        } else if message.starts_with("unknown variant") {
            ErrorCode::UnknownVariant
        } else if message.starts_with("invalid value") {
            ErrorCode::OutOfRange
        } else {
            ErrorCode::Syntax
        };
        // serde's path for a root-level failure is "."; report it as empty.
        let field = if path == "." { "" } else { path };
        // Say "a number" rather than Rust's type names.
        let mut text = String::from(message);
        for (rust, plain) in [
            ("expected f64", "expected a number"),
            ("expected u8", "expected a whole number"),
            ("expected u32", "expected a whole number"),
            ("expected u64", "expected a whole number"),
            ("floating point `", "number `"),
        ] {
            text = text.replace(rust, plain);
        }
        Error::new(code, field, format_args!("{text}"))
    }

    /// The kind of rule broken.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The path of the failing input, e.g. `writer.maxAcu` (empty for the
    /// document as a whole).
    pub fn field(&self) -> &str {
        &self.field
    }

    /// What is wrong, including the offending value and the rule.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.field, self.message)
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}

/// A number as error messages show it: as written (`3.3`, `-1`,
/// `1000000000000`), or in exponent form when that would take more than
/// sixteen digits (`1e300` rather than 301 of them).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Shown(pub f64);

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        if v != 0.0 && v.is_finite() && !(1e-6..1e16).contains(&v.abs()) {
            write!(f, "{v:e}")
        } else {
            write!(f, "{v}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_the_field() {
        let e = Error::new(ErrorCode::OutOfRange, "storageGb", format_args!("too big"));
        assert_eq!(e.to_string(), "storageGb: too big");
    }

    #[test]
    fn numbers_are_shown_compactly() {
        let shown = |v: f64| alloc::format!("{}", Shown(v));
        assert_eq!(shown(3.3), "3.3");
        assert_eq!(shown(-1.0), "-1");
        assert_eq!(shown(0.0), "0");
        assert_eq!(shown(1e12), "1000000000000");
        assert_eq!(shown(1e300), "1e300");
        assert_eq!(shown(-2.5e20), "-2.5e20");
        assert_eq!(shown(2e-7), "2e-7");
        assert_eq!(shown(f64::NAN), "NaN");
        assert_eq!(shown(f64::NEG_INFINITY), "-inf");
    }

    #[test]
    fn all_lists_each_code_once_in_order() {
        for (i, code) in ErrorCode::ALL.into_iter().enumerate() {
            assert_eq!(code as usize, i, "{code}");
            assert_eq!(ErrorCode::from_name(code.as_str()), Some(code));
        }
        // The last declared variant closes the list (a variant added after it
        // has a discriminant past the end, caught by the integration test
        // that compares ALL with serde's list of names).
        assert_eq!(ErrorCode::Overflow as usize + 1, ErrorCode::ALL.len());
    }

    #[test]
    fn decode_messages_map_to_stable_codes() {
        let cases = [
            (
                "invalid type: string \"x\", expected f64",
                ErrorCode::WrongType,
            ),
            ("missing field `acu`", ErrorCode::MissingField),
            (
                "unknown field `maxAcus`, expected one of",
                ErrorCode::UnknownField,
            ),
            (
                "unknown variant `gp2`, expected one of",
                ErrorCode::UnknownVariant,
            ),
            ("expected value at line 1 column 1", ErrorCode::Syntax),
        ];
        for (message, code) in cases {
            let e = Error::from_decode("scaling.maxAcu", message);
            assert_eq!(e.code(), code, "{message}");
            assert_eq!(e.field(), "scaling.maxAcu");
        }
        let e = Error::from_decode(
            "hoursPerMonth",
            "invalid type: floating point `1.5`, expected u32",
        );
        assert_eq!(
            e.message(),
            "invalid type: number `1.5`, expected a whole number"
        );
        assert_eq!(Error::from_decode(".", "x").field(), "");
    }
}
