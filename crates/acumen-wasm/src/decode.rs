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
//! wasm (14 KB gzip), an eighth of the whole module.

use core::cell::RefCell;
use core::fmt::{self, Write};

use acumen::{Error, ErrorCode};
use js_sys::{Array, ArrayBuffer, Float64Array, Object};
use serde::de::value::StringDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use wasm_bindgen::{JsCast, JsValue};

use crate::AcumenError;
use crate::check::{Blocks, check};

/// Decodes a JS value into `T`, reporting the path of the first bad field.
///
/// The argument itself must be an object.
pub fn decode<T: DeserializeOwned>(value: &JsValue) -> Result<T, AcumenError> {
    let blocks = check(value)?;
    if !is_object(value) {
        let kind = kind(value);
        return Err(AcumenError::from(Error::new(
            ErrorCode::WrongType,
            "",
            format_args!("invalid type: {kind}, expected an object"),
        )));
    }
    let context = Context {
        blocks,
        failed_at: RefCell::new(None),
    };
    let js = Js {
        value: value.clone(),
        at: &Path::Root,
        context: &context,
    };
    T::deserialize(js).map_err(|e| {
        let path = context.failed_at.into_inner();
        let path = path.as_deref().unwrap_or(".");
        AcumenError::from(decode_error(path, &e.0))
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

/// A decoding failure, as serde words it.
#[derive(Debug)]
pub struct DecodeError(String);

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
struct AsJson<'a>(Unexpected<'a>);

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

/// An array or a typed array (the walk let only typed arrays of numbers in).
fn is_array_like(value: &JsValue) -> bool {
    Array::is_array(value) || ArrayBuffer::is_view(value)
}

/// An object that is not an array.
fn is_object(value: &JsValue) -> bool {
    value.is_object() && !is_array_like(value)
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

/// What serde reports finding, for a JS value that does not fit.
fn invalid_type(value: &JsValue, expected: &dyn de::Expected) -> DecodeError {
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
fn number(n: f64) -> Unexpected<'static> {
    match integer(n) {
        Some(i) if i >= 0 => Unexpected::Unsigned(i as u64),
        Some(i) => Unexpected::Signed(i),
        None => Unexpected::Float(n),
    }
}

/// `n` as an integer if it is one JavaScript holds exactly.
fn integer(n: f64) -> Option<i64> {
    // 2^53: beyond it f64 cannot hold every integer, so it stays a float.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    (n.fract() == 0.0 && n.abs() <= EXACT).then_some(n as i64)
}

/// Where a value sits in the argument.
enum Path<'a> {
    Root,
    /// An object key or an enum variant.
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// Appends the path in serde_path_to_error's notation (keys and
    /// variants joined by dots, indices in brackets); false for the root.
    fn write(&self, out: &mut String) -> bool {
        match self {
            Path::Root => return false,
            Path::Key(parent, key) => {
                if parent.write(out) {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Index(parent, index) => {
                parent.write(out);
                // Writing to a String cannot fail.
                let _ = write!(out, "[{index}]");
            }
        }
        true
    }
}

/// What one decoding shares: the blocks of the argument, and the path of
/// the first (innermost) failure.
struct Context {
    blocks: Blocks,
    failed_at: RefCell<Option<String>>,
}

impl Context {
    /// Records `path` as where decoding failed, unless a value inside it
    /// already has. Called as an error leaves each value, so the innermost
    /// one is kept.
    #[inline(never)]
    fn failed(&self, path: &Path<'_>) {
        let mut failed_at = self.failed_at.borrow_mut();
        if failed_at.is_none() {
            let mut text = String::new();
            if !path.write(&mut text) {
                text.push('.');
            }
            *failed_at = Some(text);
        }
    }

    /// Decodes `value`, at `path`, with `seed`.
    fn read<'de, T: DeserializeSeed<'de>>(
        &self,
        seed: T,
        value: JsValue,
        path: &Path<'_>,
    ) -> Result<T::Value, DecodeError> {
        let js = Js {
            value,
            at: path,
            context: self,
        };
        seed.deserialize(js).inspect_err(|_| self.failed(path))
    }
}

/// A checked JS value, where it sits, and what its decoding shares.
struct Js<'a> {
    value: JsValue,
    at: &'a Path<'a>,
    context: &'a Context,
}

impl Js<'_> {
    /// A scalar: serde-wasm-bindgen reads it (once, whatever the target),
    /// then the visitor takes it or refuses it.
    fn scalar<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match serde_wasm_bindgen::from_value(self.value)? {
            Scalar::Bool(b) => visitor.visit_bool(b),
            Scalar::Integer(i) => visitor.visit_i64(i),
            Scalar::Float(n) => visitor.visit_f64(n),
            Scalar::String(s) => visitor.visit_string(s),
        }
    }

    /// An array or typed array, from its block if it has one.
    fn seq<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let numbers = self.context.blocks.take(&self.value).or_else(|| {
            ArrayBuffer::is_view(&self.value).then(|| Float64Array::new(&self.value).to_vec())
        });
        if let Some(numbers) = numbers {
            let len = numbers.len();
            let mut items = Numbers {
                numbers: numbers.into_iter(),
                next: 0,
                js: self,
            };
            let out = visitor.visit_seq(&mut items)?;
            return finished(out, items.numbers.len(), len, "fewer elements in array");
        }
        let array: Array = self.value.clone().unchecked_into();
        let len = array.length();
        let mut items = Items {
            array,
            next: 0,
            js: self,
        };
        let out = visitor.visit_seq(&mut items)?;
        let left = (len - items.next) as usize;
        finished(out, left, len as usize, "fewer elements in array")
    }

    /// An object, through its entries (an `undefined` one is absent).
    fn map<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let entries = Object::entries(self.value.unchecked_ref());
        visitor.visit_map(Fields {
            entries,
            next: 0,
            pending: None,
            js: self,
        })
    }
}

/// What a checked JS value that is neither nullish nor an object holds:
/// serde-wasm-bindgen reads a number as an integer when it is a safe one, as
/// JSON does.
enum Scalar {
    Bool(bool),
    Integer(i64),
    Float(f64),
    String(String),
}

impl<'de> de::Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl Visitor<'_> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a boolean, a number or a string")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(b))
    }

    fn visit_i64<E>(self, i: i64) -> Result<Scalar, E> {
        Ok(Scalar::Integer(i))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Scalar, E> {
        Ok(Scalar::Float(n))
    }

    fn visit_str<E>(self, s: &str) -> Result<Scalar, E> {
        Ok(Scalar::String(String::from(s)))
    }

    fn visit_string<E>(self, s: String) -> Result<Scalar, E> {
        Ok(Scalar::String(s))
    }
}

/// `out`, unless the visitor left some of the `len` elements unread.
fn finished<T>(out: T, left: usize, len: usize, expected: &str) -> Result<T, DecodeError> {
    if left == 0 {
        Ok(out)
    } else {
        Err(de::Error::invalid_length(len, &expected))
    }
}

/// Every scalar target: the value says what it holds, the visitor takes it
/// or refuses it (as `serde_json::Value` does).
macro_rules! as_any {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
            self.deserialize_any(visitor)
        }
    )*};
}

impl<'de> Deserializer<'de> for Js<'_> {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        if self.value.is_null() || self.value.is_undefined() {
            visitor.visit_unit()
        } else if is_array_like(&self.value) {
            self.seq(visitor)
        } else if self.value.is_object() {
            self.map(visitor)
        } else {
            self.scalar(visitor)
        }
    }

    as_any! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char deserialize_str
        deserialize_string deserialize_bytes deserialize_byte_buf deserialize_unit
        deserialize_identifier
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        if self.value.is_null() || self.value.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        if is_array_like(&self.value) {
            self.seq(visitor)
        } else {
            Err(invalid_type(&self.value, &visitor))
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        if is_object(&self.value) {
            self.map(visitor)
        } else {
            Err(invalid_type(&self.value, &visitor))
        }
    }

    /// Only from an object: serde would also read a struct from an array of
    /// its fields in order, so `{ scaling: [0.5, 16] }` would pass for
    /// `{ minAcu: 0.5, maxAcu: 16 }`, which no JS caller means.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        let (name, payload) = if let Some(name) = self.value.as_string() {
            (name, None)
        } else if is_object(&self.value) {
            single_entry(&self.value)?
        } else {
            return Err(invalid_type(&self.value, &"string or map"));
        };
        visitor.visit_enum(Variant {
            name,
            payload,
            at: self.at,
            context: self.context,
        })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_unit()
    }
}

/// The key and value of an object with exactly one (defined) entry.
fn single_entry(object: &JsValue) -> Result<(String, Option<JsValue>), DecodeError> {
    let entries = Object::entries(object.unchecked_ref());
    let mut defined = entries
        .iter()
        .map(JsCast::unchecked_into::<Array>)
        .filter(|pair| !pair.get(1).is_undefined());
    match (defined.next(), defined.next()) {
        (Some(pair), None) => Ok((
            pair.get(0).as_string().unwrap_or_default(),
            Some(pair.get(1)),
        )),
        _ => Err(de::Error::invalid_value(
            Unexpected::Map,
            &"map with a single key",
        )),
    }
}

/// The elements of a plain array, each a checked JS value.
struct Items<'a> {
    array: Array,
    next: u32,
    js: Js<'a>,
}

impl<'de> SeqAccess<'de> for Items<'_> {
    type Error = DecodeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DecodeError> {
        if self.next >= self.array.length() {
            return Ok(None);
        }
        let path = Path::Index(self.js.at, self.next as usize);
        let item = self.array.get(self.next);
        self.next += 1;
        self.js.context.read(seed, item, &path).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.array.length() - self.next) as usize)
    }
}

/// The numbers of a block.
struct Numbers<'a> {
    numbers: std::vec::IntoIter<f64>,
    next: usize,
    js: Js<'a>,
}

impl<'de> SeqAccess<'de> for Numbers<'_> {
    type Error = DecodeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DecodeError> {
        let Some(n) = self.numbers.next() else {
            return Ok(None);
        };
        self.next += 1;
        seed.deserialize(Sample(n)).map(Some).inspect_err(|_| {
            let path = Path::Index(self.js.at, self.next - 1);
            self.js.context.failed(&path);
        })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.numbers.len())
    }
}

/// One number of a block: an `f64` target reads it directly; any other
/// target sees it as the JSON number it is (an integer if it is one).
struct Sample(f64);

impl<'de> Deserializer<'de> for Sample {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match integer(self.0) {
            Some(i) if i >= 0 => visitor.visit_u64(i as u64),
            Some(i) => visitor.visit_i64(i),
            None => visitor.visit_f64(self.0),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        // As JSON holds it: -0 is the integer 0.
        visitor.visit_f64(if self.0 == 0.0 { 0.0 } else { self.0 })
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, DecodeError> {
        Err(de::Error::invalid_type(number(self.0), &"string or map"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

/// An object's entries, skipping `undefined` ones.
struct Fields<'a> {
    entries: Array,
    next: u32,
    pending: Option<(String, JsValue)>,
    js: Js<'a>,
}

impl<'de> MapAccess<'de> for Fields<'_> {
    type Error = DecodeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DecodeError> {
        while self.next < self.entries.length() {
            let pair: Array = self.entries.get(self.next).unchecked_into();
            self.next += 1;
            let value = pair.get(1);
            if value.is_undefined() {
                continue;
            }
            let key = pair.get(0).as_string().unwrap_or_default();
            let read = seed.deserialize(StringDeserializer::new(key.clone()));
            if read.is_err() {
                self.js.context.failed(&Path::Key(self.js.at, &key));
            }
            self.pending = Some((key, value));
            return read.map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, DecodeError> {
        match self.pending.take() {
            Some((key, value)) => {
                let path = Path::Key(self.js.at, &key);
                self.js.context.read(seed, value, &path)
            }
            None => Err(de::Error::custom("value is missing")),
        }
    }
}

/// An enum's variant name and, unless it is a bare string, its payload.
struct Variant<'a> {
    name: String,
    payload: Option<JsValue>,
    at: &'a Path<'a>,
    context: &'a Context,
}

impl<'de, 'a> EnumAccess<'de> for Variant<'a> {
    type Error = DecodeError;
    type Variant = Variant<'a>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Variant<'a>), DecodeError> {
        let name = StringDeserializer::<DecodeError>::new(self.name.clone());
        Ok((seed.deserialize(name)?, self))
    }
}

impl Variant<'_> {
    /// Reads the payload (`None` for a bare name) at the variant's path.
    fn payload<T>(
        self,
        read: impl FnOnce(Option<Js<'_>>) -> Result<T, DecodeError>,
    ) -> Result<T, DecodeError> {
        let path = Path::Key(self.at, &self.name);
        let context = self.context;
        let payload = self.payload.map(|value| Js {
            value,
            at: &path,
            context,
        });
        read(payload).inspect_err(|_| context.failed(&path))
    }
}

/// The payload of a variant, read with `serde_json`'s rules and messages.
impl<'de> VariantAccess<'de> for Variant<'_> {
    type Error = DecodeError;

    fn unit_variant(self) -> Result<(), DecodeError> {
        self.payload(|payload| match payload {
            Some(payload) => de::Deserialize::deserialize(payload),
            None => Ok(()),
        })
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, DecodeError> {
        self.payload(|payload| match payload {
            Some(payload) => seed.deserialize(payload),
            None => Err(unit_variant(&"newtype variant")),
        })
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.payload(|payload| match payload {
            Some(payload) if is_array_like(&payload.value) => {
                let length = js_sys::Reflect::get(&payload.value, &"length".into());
                if length.ok().and_then(|n| n.as_f64()) == Some(0.0) {
                    visitor.visit_unit()
                } else {
                    payload.seq(visitor)
                }
            }
            Some(payload) => Err(invalid_type(&payload.value, &"tuple variant")),
            None => Err(unit_variant(&"tuple variant")),
        })
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.payload(|payload| match payload {
            Some(payload) if is_object(&payload.value) => payload.map(visitor),
            Some(payload) => Err(invalid_type(&payload.value, &"struct variant")),
            None => Err(unit_variant(&"struct variant")),
        })
    }
}

/// A bare variant name where the variant needs a payload.
fn unit_variant(expected: &dyn de::Expected) -> DecodeError {
    de::Error::invalid_type(Unexpected::UnitVariant, expected)
}
