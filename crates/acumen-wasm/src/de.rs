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

/// The path of the first (innermost) failure.
struct Track(RefCell<Option<String>>);

impl Track {
    #[inline(never)]
    fn mark(&self, chain: &Chain<'_>) {
        let mut path = self.0.borrow_mut();
        if path.is_none() {
            let mut text = String::new();
            if !chain.write(&mut text) {
                text.push('.');
            }
            *path = Some(text);
        }
    }
}

/// Decodes `value` as `T`; on failure, the path of the failing value (`.`
/// for the root) and serde_json's error.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, (String, Error)> {
    let track = Track(RefCell::new(None));
    let root = Chain::Root;
    T::deserialize(De {
        value,
        chain: &root,
        track: &track,
    })
    .map_err(|e| {
        let path = track.0.into_inner();
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
    array: Vec<Value>,
    visitor: V,
    chain: &Chain<'_>,
    track: &Track,
) -> Result<V::Value, Error> {
    let len = array.len();
    let mut seq = Seq {
        iter: array.into_iter(),
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
            self.value.$method(visitor).inspect_err(|_| track.mark(chain))
        }
    )*};
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
        match self.value {
            Value::Array(v) => visit_array(v, visitor, chain, track),
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
        match self.value {
            Value::Array(v) => visit_array(v, visitor, chain, track),
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
        match self.value {
            Value::Array(v) => visit_array(v, visitor, chain, track),
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
        match self.value {
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
        match self.value {
            Value::Array(v) => visit_array(v, visitor, chain, track),
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
        match self.value {
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

struct Seq<'a> {
    iter: std::vec::IntoIter<Value>,
    index: usize,
    chain: &'a Chain<'a>,
    track: &'a Track,
}

impl<'de> SeqAccess<'de> for Seq<'_> {
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
        match self.value {
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
        match self.value {
            Some(Value::Array(v)) if v.is_empty() => visitor.visit_unit(),
            Some(Value::Array(v)) => visit_array(v, visitor, &chain, track),
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
        match self.value {
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
