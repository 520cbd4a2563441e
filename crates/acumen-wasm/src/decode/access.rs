//! The serde access types over JS arrays, blocks, objects and enums.

use js_sys::Array;
use serde::de::value::StringDeserializer;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use wasm_bindgen::{JsCast, JsValue};

use super::error::{DecodeError, integer, invalid_type, number, unit_variant};
use super::path::{Context, Path};
use super::value::{Js, is_array_like, is_object};
use crate::check::Doubles;

/// The elements of a plain array, each a checked JS value.
pub(super) struct Items<'a> {
    pub(super) array: Array,
    pub(super) next: u32,
    pub(super) js: Js<'a>,
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
pub(super) struct Numbers<'a> {
    pub(super) numbers: Doubles,
    pub(super) next: usize,
    pub(super) js: Js<'a>,
}

impl<'de> SeqAccess<'de> for Numbers<'_> {
    type Error = DecodeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DecodeError> {
        if self.next == self.numbers.len() {
            return Ok(None);
        }
        let n = self.numbers.get(self.next);
        self.next += 1;
        seed.deserialize(Sample(n)).map(Some).inspect_err(|_| {
            let path = Path::Index(self.js.at, self.next - 1);
            self.js.context.failed(&path);
        })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.numbers.len() - self.next)
    }
}

/// One number of a block: an `f64` target reads it directly; any other
/// target sees it as the JSON number it is (an integer if it is one).
pub(super) struct Sample(f64);

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
pub(super) struct Fields<'a> {
    pub(super) entries: Array,
    pub(super) next: u32,
    pub(super) pending: Option<(String, JsValue)>,
    pub(super) js: Js<'a>,
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
pub(super) struct Variant<'a> {
    pub(super) name: String,
    pub(super) payload: Option<JsValue>,
    pub(super) at: &'a Path<'a>,
    pub(super) context: &'a Context,
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
