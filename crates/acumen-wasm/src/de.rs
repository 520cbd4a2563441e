//! Decoding a JSON value with the path of the first failing field.
//!
//! A `serde_json::Value` deserializer that remembers where it is (a chain of
//! keys and indices on the stack) and records the path of the innermost
//! failure, e.g. `readers[1].workload.steady.acu`. Leaf values are handed to
//! `serde_json`'s own deserializer, so every message is serde_json's.
//!
//! Paths follow the `serde_path_to_error` convention the CLI uses: keys and
//! enum variants joined by dots, indices in brackets, `.` for the root.
//! Written out here because wrapping every visitor in a generic adapter
//! multiplies the decoding code of each input type; this one adds only a
//! few non-generic calls per type.
//!
//! Long arrays of finite numbers (demand traces, up to tens of millions of
//! samples) can be kept out of the tree as *blocks* ([`from_value_with_blocks`]):
//! a list target reads their numbers directly, so a sample costs 8 bytes
//! instead of a 24-byte `Value`; every other target sees them as the JSON
//! array they stand for, with the same result and the same error.

use std::cell::RefCell;
use std::fmt::Write;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use serde_json::{Error, Map, Value};

/// Where a value sits in the document.
enum Chain<'a> {
    Root,
    /// A map key or an enum variant.
    Key(&'a Chain<'a>, &'a str),
    Index(&'a Chain<'a>, usize),
}

impl Chain<'_> {
    /// Appends the path; false for the root, which has no segments.
    fn write(&self, out: &mut String) -> bool {
        match self {
            Chain::Root => return false,
            Chain::Key(parent, key) => {
                if parent.write(out) {
                    out.push('.');
                }
                out.push_str(key);
            }
            Chain::Index(parent, index) => {
                parent.write(out);
                // Writing to a String cannot fail.
                let _ = write!(out, "[{index}]");
            }
        }
        true
    }
}

/// The path of the first (innermost) failure, and the blocks not yet read.
struct Track {
    path: RefCell<Option<String>>,
    blocks: RefCell<Vec<Option<Vec<f64>>>>,
}

/// Block markers are integers from 2^63 on: a JS number never decodes to
/// one (`convert::json_number` makes integers of at most 2^53 and floats of
/// the rest), and a marker only counts if its block exists.
const BLOCK_MARK: u64 = 1 << 63;

/// The placeholder for block `index` of [`from_value_with_blocks`].
pub fn block_marker(index: usize) -> Value {
    Value::Number(serde_json::Number::from(BLOCK_MARK + index as u64))
}

impl Track {
    /// The numbers of the block `value` marks, taken out (each is read once).
    fn take_block(&self, value: &Value) -> Option<Vec<f64>> {
        let Value::Number(n) = value else {
            return None;
        };
        let index = n.as_u64().filter(|&u| u >= BLOCK_MARK)? - BLOCK_MARK;
        let mut blocks = self.blocks.borrow_mut();
        blocks.get_mut(usize::try_from(index).ok()?)?.take()
    }

    /// `value`, or the JSON array its block stands for.
    fn resolve(&self, value: Value) -> Value {
        match self.take_block(&value) {
            Some(numbers) => Value::Array(numbers.into_iter().map(number_value).collect()),
            None => value,
        }
    }

    #[inline(never)]
    fn mark(&self, chain: &Chain<'_>) {
        let mut path = self.path.borrow_mut();
        if path.is_none() {
            let mut text = String::new();
            if !chain.write(&mut text) {
                text.push('.');
            }
            *path = Some(text);
        }
    }
}

/// A block's number as the JSON value it stands for.
fn number_value(n: f64) -> Value {
    crate::convert::json_number(n).map_or(Value::Null, Value::Number)
}

/// Decodes `value` as `T`; on failure, the path of the failing value (`.`
/// for the root) and serde_json's error.
#[cfg(test)]
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, (String, Error)> {
    from_value_with_blocks(value, Vec::new())
}

/// [`from_value`] where each [`block_marker`]`(i)` in `value` stands for the
/// array of the finite numbers `blocks[i]`.
pub fn from_value_with_blocks<T: DeserializeOwned>(
    value: Value,
    blocks: Vec<Vec<f64>>,
) -> Result<T, (String, Error)> {
    let track = Track {
        path: RefCell::new(None),
        blocks: RefCell::new(blocks.into_iter().map(Some).collect()),
    };
    let root = Chain::Root;
    T::deserialize(De {
        value,
        chain: &root,
        track: &track,
    })
    .map_err(|e| {
        let path = track.path.into_inner();
        (path.unwrap_or_else(|| String::from(".")), e)
    })
}

struct De<'a> {
    value: Value,
    chain: &'a Chain<'a>,
    track: &'a Track,
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

fn invalid_type(value: &Value, expected: &dyn de::Expected) -> Error {
    de::Error::invalid_type(unexpected(value), expected)
}

fn visit_array<'de, V: Visitor<'de>>(
    array: impl ExactSizeIterator<Item = Value>,
    visitor: V,
    chain: &Chain<'_>,
    track: &Track,
) -> Result<V::Value, Error> {
    let len = array.len();
    let mut seq = Seq {
        iter: array,
        index: 0,
        chain,
        track,
    };
    let out = visitor.visit_seq(&mut seq)?;
    if seq.iter.len() == 0 {
        Ok(out)
    } else {
        Err(de::Error::invalid_length(len, &"fewer elements in array"))
    }
}

fn visit_object<'de, V: Visitor<'de>>(
    object: Map<String, Value>,
    visitor: V,
    chain: &Chain<'_>,
    track: &Track,
) -> Result<V::Value, Error> {
    let len = object.len();
    let mut map = Fields {
        iter: object.into_iter(),
        pending: None,
        chain,
        track,
    };
    let out = visitor.visit_map(&mut map)?;
    if map.iter.len() == 0 {
        Ok(out)
    } else {
        Err(de::Error::invalid_length(len, &"fewer elements in map"))
    }
}

/// Leaf kinds: serde_json decodes them; the failure is recorded here.
macro_rules! leaf {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            let (chain, track) = (self.chain, self.track);
            track.resolve(self.value).$method(visitor).inspect_err(|_| track.mark(chain))
        }
    )*};
}

/// Visits a block's numbers as the array they stand for.
fn visit_block<'de, V: Visitor<'de>>(
    numbers: Vec<f64>,
    visitor: V,
    chain: &Chain<'_>,
    track: &Track,
) -> Result<V::Value, Error> {
    let len = numbers.len();
    let mut seq = Samples {
        iter: numbers.into_iter(),
        index: 0,
        chain,
        track,
    };
    let out = visitor.visit_seq(&mut seq)?;
    if seq.iter.len() == 0 {
        Ok(out)
    } else {
        Err(de::Error::invalid_length(len, &"fewer elements in array"))
    }
}

/// A block's numbers as list elements.
struct Samples<'a> {
    iter: std::vec::IntoIter<f64>,
    index: usize,
    chain: &'a Chain<'a>,
    track: &'a Track,
}

impl<'de> SeqAccess<'de> for Samples<'_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(n) = self.iter.next() else {
            return Ok(None);
        };
        let sample = Sample {
            n,
            index: self.index,
            chain: self.chain,
            track: self.track,
        };
        self.index += 1;
        seed.deserialize(sample).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// One number of a block: an `f64` target reads it directly (the value
/// the JSON number gives); any other target is handed the JSON value, as
/// an element of the array in the tree would be.
struct Sample<'a> {
    n: f64,
    index: usize,
    chain: &'a Chain<'a>,
    track: &'a Track,
}

macro_rules! as_json {
    ($($method:ident($($arg:ident: $ty:ty),*))*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, Error> {
            let chain = Chain::Index(self.chain, self.index);
            let track = self.track;
            De { value: number_value(self.n), chain: &chain, track }
                .$method($($arg,)* visitor)
                .inspect_err(|_| track.mark(&chain))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Sample<'_> {
    type Error = Error;

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // As through the JSON value, which holds -0 as the integer 0.
        visitor.visit_f64(if self.n == 0.0 { 0.0 } else { self.n })
    }

    as_json! {
        deserialize_any() deserialize_bool() deserialize_i8() deserialize_i16()
        deserialize_i32() deserialize_i64() deserialize_i128() deserialize_u8()
        deserialize_u16() deserialize_u32() deserialize_u64() deserialize_u128()
        deserialize_f32() deserialize_char() deserialize_str() deserialize_string()
        deserialize_bytes() deserialize_byte_buf() deserialize_option() deserialize_unit()
        deserialize_seq() deserialize_map() deserialize_identifier() deserialize_ignored_any()
        deserialize_unit_struct(name: &'static str)
        deserialize_newtype_struct(name: &'static str)
        deserialize_tuple(len: usize)
        deserialize_tuple_struct(name: &'static str, len: usize)
        deserialize_struct(name: &'static str, fields: &'static [&'static str])
        deserialize_enum(name: &'static str, variants: &'static [&'static str])
    }
}

impl<'de> de::Deserializer<'de> for De<'_> {
    type Error = Error;

    leaf! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char deserialize_str
        deserialize_string deserialize_unit deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (chain, track) = (self.chain, self.track);
        if let Some(numbers) = track.take_block(&self.value) {
            return visit_block(numbers, visitor, chain, track).inspect_err(|_| track.mark(chain));
        }
        match self.value {
            Value::Array(v) => visit_array(v.into_iter(), visitor, chain, track),
            Value::Object(v) => visit_object(v, visitor, chain, track),
            other => other.deserialize_any(visitor),
        }
        .inspect_err(|_| track.mark(chain))
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_byte_buf(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (chain, track) = (self.chain, self.track);
        match track.resolve(self.value) {
            Value::Array(v) => visit_array(v.into_iter(), visitor, chain, track),
            other => other.deserialize_byte_buf(visitor),
        }
        .inspect_err(|_| track.mark(chain))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (chain, track) = (self.chain, self.track);
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
        .inspect_err(|_| track.mark(chain))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let (chain, track) = (self.chain, self.track);
        visitor
            .visit_newtype_struct(self)
            .inspect_err(|_| track.mark(chain))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (chain, track) = (self.chain, self.track);
        if let Some(numbers) = track.take_block(&self.value) {
            return visit_block(numbers, visitor, chain, track).inspect_err(|_| track.mark(chain));
        }
        match self.value {
            Value::Array(v) => visit_array(v.into_iter(), visitor, chain, track),
            other => Err(invalid_type(&other, &visitor)),
        }
        .inspect_err(|_| track.mark(chain))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (chain, track) = (self.chain, self.track);
        match track.resolve(self.value) {
            Value::Object(v) => visit_object(v, visitor, chain, track),
            other => Err(invalid_type(&other, &visitor)),
        }
        .inspect_err(|_| track.mark(chain))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let (chain, track) = (self.chain, self.track);
        // Only an object: serde would also read a struct from an array of
        // its fields in order, so `{ scaling: [0.5, 16] }` would pass for
        // `{ minAcu: 0.5, maxAcu: 16 }`, which no JS caller means.
        match track.resolve(self.value) {
            Value::Object(v) => visit_object(v, visitor, chain, track),
            other => Err(invalid_type(&other, &visitor)),
        }
        .inspect_err(|_| track.mark(chain))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let (chain, track) = (self.chain, self.track);
        let single = |object: Map<String, Value>| {
            let mut iter = object.into_iter();
            match (iter.next(), iter.next()) {
                (Some((variant, value)), None) => Ok((variant, Some(value))),
                _ => Err(de::Error::invalid_value(
                    Unexpected::Map,
                    &"map with a single key",
                )),
            }
        };
        match track.resolve(self.value) {
            Value::Object(object) => single(object),
            Value::String(variant) => Ok((variant, None)),
            other => Err(invalid_type(&other, &"string or map")),
        }
        .and_then(|(variant, value)| {
            visitor.visit_enum(Enum {
                variant,
                value,
                chain,
                track,
            })
        })
        .inspect_err(|_| track.mark(chain))
    }
}

struct Seq<'a, I> {
    iter: I,
    index: usize,
    chain: &'a Chain<'a>,
    track: &'a Track,
}

impl<'de, I: ExactSizeIterator<Item = Value>> SeqAccess<'de> for Seq<'_, I> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(value) = self.iter.next() else {
            return Ok(None);
        };
        let chain = Chain::Index(self.chain, self.index);
        self.index += 1;
        let track = self.track;
        seed.deserialize(De {
            value,
            chain: &chain,
            track,
        })
        .map(Some)
        .inspect_err(|_| track.mark(&chain))
    }

    fn size_hint(&self) -> Option<usize> {
        match self.iter.size_hint() {
            (lower, Some(upper)) if lower == upper => Some(upper),
            _ => None,
        }
    }
}

struct Fields<'a> {
    iter: serde_json::map::IntoIter,
    pending: Option<(String, Value)>,
    chain: &'a Chain<'a>,
    track: &'a Track,
}

impl<'de> MapAccess<'de> for Fields<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.iter.next() else {
            return Ok(None);
        };
        let out = seed
            .deserialize(Key(&key))
            .inspect_err(|_| self.track.mark(&Chain::Key(self.chain, &key)));
        self.pending = Some((key, value));
        out.map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((key, value)) = self.pending.take() else {
            return Err(de::Error::custom("value is missing"));
        };
        let chain = Chain::Key(self.chain, &key);
        let track = self.track;
        seed.deserialize(De {
            value,
            chain: &chain,
            track,
        })
        .inspect_err(|_| track.mark(&chain))
    }

    fn size_hint(&self) -> Option<usize> {
        match self.iter.size_hint() {
            (lower, Some(upper)) if lower == upper => Some(upper),
            _ => None,
        }
    }
}

/// An object key: always a string.
struct Key<'a>(&'a str);

impl<'de> de::Deserializer<'de> for Key<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_str(self.0)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

struct Enum<'a> {
    variant: String,
    value: Option<Value>,
    chain: &'a Chain<'a>,
    track: &'a Track,
}

impl<'de, 'a> EnumAccess<'de> for Enum<'a> {
    type Error = Error;
    type Variant = Variant<'a>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Variant<'a>), Error> {
        let name = IntoDeserializer::<'de, Error>::into_deserializer(self.variant.clone());
        seed.deserialize(name).map(|v| {
            let variant = Variant {
                variant: self.variant,
                value: self.value,
                chain: self.chain,
                track: self.track,
            };
            (v, variant)
        })
    }
}

struct Variant<'a> {
    variant: String,
    value: Option<Value>,
    chain: &'a Chain<'a>,
    track: &'a Track,
}

impl<'de> VariantAccess<'de> for Variant<'_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        let chain = Chain::Key(self.chain, &self.variant);
        match self.value.map(|v| self.track.resolve(v)) {
            Some(value) => de::Deserialize::deserialize(value),
            None => Ok(()),
        }
        .inspect_err(|_| self.track.mark(&chain))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        let chain = Chain::Key(self.chain, &self.variant);
        let track = self.track;
        match self.value {
            Some(value) => seed.deserialize(De {
                value,
                chain: &chain,
                track,
            }),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"newtype variant",
            )),
        }
        .inspect_err(|_| track.mark(&chain))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        let chain = Chain::Key(self.chain, &self.variant);
        let track = self.track;
        match self.value.map(|v| track.resolve(v)) {
            Some(Value::Array(v)) if v.is_empty() => visitor.visit_unit(),
            Some(Value::Array(v)) => visit_array(v.into_iter(), visitor, &chain, track),
            Some(other) => Err(invalid_type(&other, &"tuple variant")),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"tuple variant",
            )),
        }
        .inspect_err(|_| track.mark(&chain))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let chain = Chain::Key(self.chain, &self.variant);
        let track = self.track;
        match self.value.map(|v| track.resolve(v)) {
            Some(Value::Object(v)) => visit_object(v, visitor, &chain, track),
            Some(other) => Err(invalid_type(&other, &"struct variant")),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"struct variant",
            )),
        }
        .inspect_err(|_| track.mark(&chain))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use crate::shapes::{CapabilitiesInput, MaxConnectionsInput};

    /// Every input type in one document, including the fields that default
    /// to absent.
    fn kitchen_sink() -> Value {
        json!({
            "region": "eu-west-1", "engine": "aurora-mysql", "engineVersion": "3.08.0",
            "storageType": "io-optimized", "hoursPerMonth": 720,
            "scaling": { "minAcu": 0.5, "maxAcu": 16, "secondsUntilAutoPause": 300 },
            "workload": { "businessHours": { "peakAcu": 8, "offPeakAcu": 1, "hoursPerDay": 10,
                "startHour": 8, "daysPerWeek": 5 } },
            "spikes": [ { "extraAcu": 2.5, "everyHours": 24, "startMinute": 5, "durationMinutes": 10 } ],
            "readers": [ { "promotionTier": 1 },
                { "promotionTier": 3, "workload": { "levels": [ { "acu": 2, "hours": 100 } ] } },
                { "workload": { "weekly": { "hourlyAcu": [1, 2.5] } } },
                { "workload": { "trace": { "intervalSeconds": 60, "acu": [1, 2, 3] } } },
                { "workload": { "steady": { "acu": 3 } } } ],
            "storageGb": 100, "io": { "rates": { "baselinePerSecond": 10, "peakPerSecond": 100,
                "peakHoursPerMonth": 20 } },
            "backupStorageGb": 10,
            "extras": { "rdsProxy": true, "dataApiRequests": 1e6, "dataApiPayloadKb": 4,
                "snapshotExportGb": 1, "performanceInsightsRetention": true,
                "backtrackChangeRecords": 5, "globalWriteIos": 7, "extendedSupport": false },
            "priceOverrides": { "serverlessStandard": 0.2, "serverlessIoOptimized": 0.3,
                "storageStandard": 0.1, "storageIoOptimized": 0.2, "ioRequests": 0.2, "backup": 0.02,
                "snapshotExport": 0.01, "backtrack": 0.012, "globalWriteIo": 0.2,
                "proxyServerless": 0.015, "proxyProvisioned": 0.015, "dataApi": 0.35,
                "dataApiOverBillion": 0.2, "performanceInsightsRetention": 0.1, "extendedSupport": 0.1 },
            "priceBook": { "name": "AWS Price List (AmazonRDS)", "asOf": "2026-11-01",
                "source": "offer AmazonRDS version 20261101000000, file index.json",
                "entries": [ { "region": "eu-west-1", "item": "serverlessStandard",
                    "engine": "aurora-mysql", "priceNanoUsd": 140000000, "sku": "SKU1", "note": "n" } ],
                "instanceClasses": [ { "region": "eu-west-1", "class": "db.r6g.large",
                    "engine": "aurora-mysql", "vcpu": 2, "memoryGib": 16,
                    "onDemandHourlyNanoUsd": 290000000, "ioOptimizedHourlyNanoUsd": 377000000,
                    "reserved": [ { "termYears": 3, "payment": "all-upfront", "ioOptimized": true,
                        "upfrontMicroUsd": 300000000, "hourlyNanoUsd": 0 } ] } ],
                "notes": [ "eu-west-1: dataApi is not read from the price list by this import" ] },
            "controller": { "detectUpSeconds": 5, "scaleUpRate": 0.5, "burstStepAcu": 1,
                "holdDownSeconds": 60, "scaleDownRate": 0.1, "resumeSeconds": 15,
                "deepResumeSeconds": 30, "resumeAcu": 2 },
            "compare": { "classes": [ { "class": "db.r6g.large", "onDemandHourly": 0.26,
                "memoryGib": 16, "savingsPlanDiscount": 0.2,
                "reserved": [ { "termYears": 1, "payment": "no-upfront", "hourly": 0.2,
                    "upfront": 100, "discount": 0.3 } ] } ],
                "serverlessSavingsPlanDiscount": 0.1 },
            "application": { "workingSetGib": 4, "appInstances": 3, "poolSize": 10,
                "performanceInsights": true, "globalDatabase": false, "logicalReplication": true,
                "zeroEtl": false }
        })
    }

    fn odd_values() -> Vec<Value> {
        vec![
            json!(null),
            json!(true),
            json!("x"),
            json!(""),
            json!(-1),
            json!(0),
            json!(1.5),
            json!(3.3),
            json!(256),
            json!(1e300),
            json!(-2.5),
            json!(u64::MAX),
            json!(i64::MIN),
            json!(300),
            json!(70000),
            json!(4294967296u64),
            json!([]),
            json!([1, 2]),
            json!(["a"]),
            json!({}),
            json!({ "zz": 1 }),
            json!({ "steady": { "acu": 1 } }),
            json!({ "steady": {}, "levels": [] }),
            json!("steady"),
            json!("none"),
            json!({ "none": null }),
            json!({ "none": {} }),
            json!({ "levels": {} }),
            json!({ "monthly": 5 }),
            json!("no-upfront"),
            json!("aurora-mysql"),
        ]
    }

    /// Every value in the document, with how to reach it.
    fn places(value: &Value, pointer: String, out: &mut Vec<String>) {
        out.push(pointer.clone());
        match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    places(item, format!("{pointer}/{i}"), out);
                }
            }
            Value::Object(map) => {
                for (k, item) in map {
                    places(item, format!("{pointer}/{k}"), out);
                }
            }
            _ => {}
        }
    }

    /// A decoding result with the error as (path, message).
    type Outcome<T> = Result<T, (String, String)>;

    fn outcome<T: serde::de::DeserializeOwned + PartialEq + core::fmt::Debug>(
        doc: &Value,
    ) -> (Outcome<T>, Outcome<T>) {
        let ours = super::from_value::<T>(doc.clone()).map_err(|(p, e)| (p, e.to_string()));
        let reference = serde_path_to_error::deserialize::<_, T>(doc.clone())
            .map_err(|e| (e.path().to_string(), e.inner().to_string()));
        // The one deliberate difference: serde reads a struct from an array
        // of its fields, this decoder refuses it.
        if let Err(error) = &ours
            && error
                .1
                .starts_with("invalid type: sequence, expected struct")
        {
            let same = Err(error.clone());
            return (ours, same);
        }
        (ours, reference)
    }

    fn check_all<T: serde::de::DeserializeOwned + PartialEq + core::fmt::Debug>(
        base: Value,
    ) -> usize {
        let mut pointers = Vec::new();
        places(&base, String::new(), &mut pointers);
        let mut docs = vec![base.clone()];
        for pointer in &pointers {
            for odd in odd_values() {
                let mut doc = base.clone();
                *doc.pointer_mut(pointer).unwrap() = odd.clone();
                docs.push(doc);
            }
            if let Some(Value::Object(_)) = base.pointer(pointer) {
                let mut doc = base.clone();
                let object = doc.pointer_mut(pointer).unwrap().as_object_mut().unwrap();
                object.insert("zzUnknown".into(), json!(1));
                docs.push(doc.clone());
                let object = doc.pointer_mut(pointer).unwrap().as_object_mut().unwrap();
                object.insert("".into(), json!(1));
                docs.push(doc);
                let keys: Vec<String> = base
                    .pointer(pointer)
                    .unwrap()
                    .as_object()
                    .unwrap()
                    .keys()
                    .cloned()
                    .collect();
                for key in keys {
                    let mut doc = base.clone();
                    doc.pointer_mut(pointer)
                        .unwrap()
                        .as_object_mut()
                        .unwrap()
                        .remove(&key);
                    docs.push(doc);
                }
            }
            if let Some(Value::Array(_)) = base.pointer(pointer) {
                let mut doc = base.clone();
                doc.pointer_mut(pointer)
                    .unwrap()
                    .as_array_mut()
                    .unwrap()
                    .push(json!({ "q": 1 }));
                docs.push(doc);
            }
        }
        let mut errors = 0;
        for doc in &docs {
            let (ours, reference) = outcome::<T>(doc);
            assert_eq!(ours, reference, "{doc}");
            errors += usize::from(ours.is_err());
        }
        assert!(errors > 0);
        docs.len()
    }

    #[test]
    fn blocks_decode_as_the_arrays_they_stand_for() {
        let mut samples: Vec<f64> = (0..100).map(|i| f64::from(i) / 2.0).collect();
        samples[1] = -0.0;
        let inline = Value::Array(samples.iter().map(|n| super::number_value(*n)).collect());
        // A list of numbers (read from the block directly) and every other
        // kind of target (string, struct, enum, unit and struct variants,
        // list of structs), which must see the array itself.
        let docs = |acu: Value| {
            vec![
                json!({ "workload": { "trace": { "intervalSeconds": 60, "acu": acu } } }),
                json!({ "workload": { "weekly": { "hourlyAcu": acu } } }),
                json!({ "region": acu }),
                json!({ "engineVersion": acu }),
                json!({ "scaling": acu }),
                json!({ "workload": acu }),
                json!({ "workload": { "steady": acu } }),
                json!({ "workload": { "levels": acu } }),
                json!({ "readers": acu }),
                json!({ "io": { "none": acu } }),
                json!({ "io": { "monthly": acu } }),
                json!({ "storageGb": acu }),
            ]
        };
        let mut accepted = 0;
        for (with_block, inline_doc) in docs(super::block_marker(0)).into_iter().zip(docs(inline)) {
            let ours = super::from_value_with_blocks::<acumen::Scenario>(
                with_block,
                vec![samples.clone()],
            )
            .map_err(|(p, e)| (p, e.to_string()));
            let (reference, _) = outcome::<acumen::Scenario>(&inline_doc);
            assert_eq!(ours, reference, "{inline_doc}");
            accepted += usize::from(ours.is_ok());
        }
        assert_eq!(accepted, 2, "the trace and the weekly list");
        // A number that looks like a marker but has no block is a number.
        let doc = json!({ "storageGb": u64::MAX, "hoursPerMonth": u64::MAX });
        let (ours, reference) = outcome::<acumen::Scenario>(&doc);
        assert_eq!(ours, reference);
        let with_blocks = super::from_value_with_blocks::<acumen::Scenario>(doc, vec![vec![1.0]])
            .map_err(|(p, e)| (p, e.to_string()));
        assert_eq!(with_blocks, reference);
    }

    #[test]
    fn a_struct_is_not_read_from_an_array() {
        let (ours, reference) = outcome::<acumen::Scenario>(&json!({ "scaling": [0.5, 16] }));
        assert_eq!(
            ours,
            Err((
                String::from("scaling"),
                String::from("invalid type: sequence, expected struct Scaling")
            ))
        );
        // serde itself would take the array as the fields in order.
        assert_eq!(reference, ours);
        let direct = serde_json::from_value::<acumen::Scenario>(json!({ "scaling": [0.5, 16] }));
        assert_eq!(direct.unwrap().scaling.max_acu, 16.0);
    }

    #[test]
    fn paths_and_messages_match_serde_path_to_error() {
        let mut n = 0;
        n += check_all::<acumen::Scenario>(kitchen_sink());
        n += check_all::<acumen::Scenario>(
            serde_json::to_value(acumen::Scenario::default()).unwrap(),
        );
        n += check_all::<acumen::Scenario>(json!({ "io": { "monthly": { "requests": 5 } },
            "workload": { "steady": { "acu": 4 } }, "readers": [ {} ], "io2": null }));
        n += check_all::<MaxConnectionsInput>(
            json!({ "engine": "aurora-postgresql", "minAcu": 1, "maxAcu": 16 }),
        );
        n += check_all::<CapabilitiesInput>(
            json!({ "engine": "aurora-mysql", "engineVersion": "3.04.0" }),
        );
        for odd in odd_values() {
            let (ours, reference) = outcome::<acumen::Scenario>(&odd);
            assert_eq!(ours, reference, "{odd}");
        }
        assert!(n > 1000, "{n}");
    }
}
