//! A checked JS value as a serde `Deserializer`, with JSON's rules.

use core::fmt;

use acumen::workload::samples;
use js_sys::{Array, ArrayBuffer, Object};
use serde::de::value::SeqDeserializer;
use serde::de::{self, Deserializer, Unexpected, Visitor};
use wasm_bindgen::{JsCast, JsValue};

use super::access::{Fields, Items, Numbers, Variant};
use super::error::{DecodeError, invalid_type};
use super::path::{Context, Path};
use crate::check::Doubles;

/// An array or a typed array (the walk let only typed arrays of numbers in).
pub(super) fn is_array_like(value: &JsValue) -> bool {
    Array::is_array(value) || ArrayBuffer::is_view(value)
}

/// An object that is not an array.
pub(super) fn is_object(value: &JsValue) -> bool {
    value.is_object() && !is_array_like(value)
}

/// A checked JS value, where it sits, and what its decoding shares.
pub(super) struct Js<'a> {
    pub(super) value: JsValue,
    pub(super) at: &'a Path<'a>,
    pub(super) context: &'a Context,
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
    pub(super) fn seq<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let numbers = self
            .context
            .blocks
            .take(&self.value)
            .or_else(|| ArrayBuffer::is_view(&self.value).then(|| Doubles::copy(&self.value)));
        if let Some(numbers) = numbers {
            let len = numbers.len();
            let mut items = Numbers {
                numbers,
                next: 0,
                js: self,
            };
            let out = visitor.visit_seq(&mut items)?;
            return finished(out, len - items.next, len, "fewer elements in array");
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
    pub(super) fn map<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
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
pub(super) enum Scalar {
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

pub(super) struct ScalarVisitor;

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
pub(super) fn finished<T>(
    out: T,
    left: usize,
    len: usize,
    expected: &str,
) -> Result<T, DecodeError> {
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

/// Every scalar target: as [`as_any`], but an array or an object is refused
/// at once, as the visitor would refuse it, without reading it.
macro_rules! as_scalar {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
            if self.value.is_null() || self.value.is_undefined() {
                visitor.visit_unit()
            } else if self.value.is_object() {
                Err(invalid_type(&self.value, &visitor))
            } else {
                self.scalar(visitor)
            }
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

    as_scalar! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char deserialize_str
        deserialize_string deserialize_identifier
    }

    as_any! {
        deserialize_bytes deserialize_byte_buf deserialize_unit
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
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        // A trace's samples, held as a block: set aside and read as an
        // empty list, to be handed over whole after decoding (see
        // `acumen::workload::samples`), instead of one call each.
        if name == samples::NEWTYPE
            && self.context.sets_samples_aside
            && let Some(numbers) = self.context.blocks.take(&self.value)
        {
            self.context.set_aside(self.at, numbers.into_vec());
            return visitor.visit_seq(SeqDeserializer::<_, DecodeError>::new(core::iter::empty::<
                f64,
            >()));
        }
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
pub(super) fn single_entry(object: &JsValue) -> Result<(String, Option<JsValue>), DecodeError> {
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
