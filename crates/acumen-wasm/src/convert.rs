//! Every conversion between JS values and Rust values, and the error mapping.
//!
//! Inputs are first turned into a JSON value by walking the JS object, so that
//! JS-only values (NaN, Infinity, BigInt, functions) are refused with their
//! path, and `undefined` properties count as absent, as in JSON; a typed array
//! counts as the array of its numbers. The JSON value
//! is then decoded by serde exactly as the CLI decodes a JSON file, so both
//! surfaces accept and refuse the same documents with the same errors. Outputs
//! go through `serde_json` and `JSON.parse`, so the package returns the very
//! JSON the CLI prints.

use core::fmt::Write;

use js_sys::{
    Array, ArrayBuffer, BigInt64Array, BigUint64Array, DataView, Float64Array, Function, Object,
    Reflect,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

use acumen::{Error, ErrorCode};

/// An error on its way to JavaScript.
#[derive(Debug)]
pub struct AcumenError(Error);

impl From<Error> for AcumenError {
    fn from(e: Error) -> Self {
        AcumenError(e)
    }
}

impl AcumenError {
    /// The core error inside.
    pub fn inner(&self) -> &Error {
        &self.0
    }

    /// A JS `Error` named `AcumenError` with `code` and `field` properties.
    pub fn into_js(self) -> JsValue {
        let error = js_sys::Error::new(&self.0.to_string());
        error.set_name("AcumenError");
        let object: &JsValue = error.as_ref();
        // Setting a property on a fresh Error object cannot fail.
        let _ = Reflect::set(object, &"code".into(), &self.0.code().as_str().into());
        let _ = Reflect::set(object, &"field".into(), &self.0.field().into());
        error.into()
    }
}

/// Deepest nesting accepted, far beyond any real scenario; stops a cyclic or
/// hostile object from exhausting the stack.
const MAX_DEPTH: usize = 64;

/// Most array elements one argument may hold in all: every trace sample a
/// scenario may have ([`acumen::scenario::MAX_SCENARIO_SAMPLES`]) and room
/// for every other list. Checked before an array is copied, so an oversized
/// argument is refused with its path instead of exhausting the wasm memory
/// (a long list of numbers takes 8 bytes a value as a block, then 8 more as
/// the decoded list; see docs/limits.md).
const MAX_ELEMENTS: usize = acumen::scenario::MAX_SCENARIO_SAMPLES + (1 << 16);

/// Decodes a JS value into `T`, reporting the path of the first bad field.
///
/// The argument itself must be an object: serde would otherwise accept an
/// array as a struct, field by position.
pub fn decode<T: DeserializeOwned>(value: &JsValue) -> Result<T, AcumenError> {
    let mut budget = MAX_ELEMENTS;
    let mut blocks = Vec::new();
    let json = to_json(value, &mut String::new(), 0, &mut budget, &mut blocks)?;
    if !json.is_object() {
        // A root that is not an object but holds a block is one: an array.
        let kind = match json {
            Value::Number(_) if !blocks.is_empty() => "array",
            _ => json_kind(&json),
        };
        return Err(AcumenError(Error::new(
            ErrorCode::WrongType,
            "",
            format_args!("invalid type: {kind}, expected an object"),
        )));
    }
    crate::de::from_value_with_blocks(json, blocks)
        .map_err(|(path, e)| AcumenError(Error::from_decode(&path, &e.to_string())))
}

/// Encodes `value` as plain JS objects and arrays, exactly as JSON would.
pub fn encode<T: Serialize>(value: &T) -> Result<JsValue, AcumenError> {
    let text = serde_json::to_string(value).map_err(|e| {
        AcumenError(Error::new(
            ErrorCode::Overflow,
            "",
            format_args!("the result cannot be represented as JSON: {e}"),
        ))
    })?;
    // serde_json only writes valid JSON, which JSON.parse always accepts.
    Ok(js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL))
}

fn to_json(
    value: &JsValue,
    path: &mut String,
    depth: usize,
    budget: &mut usize,
    blocks: &mut Vec<Vec<f64>>,
) -> Result<Value, AcumenError> {
    let fail = |code, message: &str, path: &str| {
        Err(AcumenError(Error::new(
            code,
            path,
            format_args!("{message}"),
        )))
    };
    if depth > MAX_DEPTH {
        return fail(ErrorCode::OutOfRange, "is nested too deeply", path);
    }
    if value.is_null() || value.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(n) = value.as_f64() {
        return match json_number(n) {
            Some(number) => Ok(Value::Number(number)),
            None => fail(ErrorCode::NotANumber, &not_finite(n), path),
        };
    }
    if let Some(s) = value.as_string() {
        return Ok(Value::String(s));
    }
    if ArrayBuffer::is_view(value) {
        if let Some(kind) = not_numbers(value) {
            let message = format!("invalid type: {kind}, expected numbers");
            return fail(ErrorCode::WrongType, &message, path);
        }
        // Every other view is a typed array of numbers, each exactly a
        // double. Its length is checked before it is copied.
        let length = Reflect::get(value, &"length".into())
            .ok()
            .and_then(|length| length.as_f64())
            .unwrap_or(0.0);
        spend(budget, length as usize, path)?;
        let numbers = match value.dyn_ref::<Float64Array>() {
            Some(doubles) => doubles.to_vec(),
            None => Float64Array::new(value).to_vec(),
        };
        if let Some(i) = numbers.iter().position(|n| !n.is_finite()) {
            // Writing to a String cannot fail.
            let _ = write!(path, "[{i}]");
            return fail(ErrorCode::NotANumber, &not_finite(numbers[i]), path);
        }
        blocks.push(numbers);
        return Ok(crate::de::block_marker(blocks.len() - 1));
    }
    if let Some(array) = value.dyn_ref::<Array>() {
        spend(budget, array.length() as usize, path)?;
        if let Some(numbers) = finite_numbers(array) {
            // Kept out of the tree: 8 bytes a number rather than a Value's 24.
            blocks.push(numbers);
            return Ok(crate::de::block_marker(blocks.len() - 1));
        }
        let mut items = Vec::with_capacity(array.length() as usize);
        for (i, item) in array.iter().enumerate() {
            let len = path.len();
            // Writing to a String cannot fail.
            let _ = write!(path, "[{i}]");
            items.push(to_json(&item, path, depth + 1, budget, blocks)?);
            path.truncate(len);
        }
        return Ok(Value::Array(items));
    }
    if value.is_object() && !value.is_function() {
        let mut map = Map::new();
        for entry in Object::entries(value.unchecked_ref::<Object>()).iter() {
            let pair: Array = entry.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            let item = pair.get(1);
            if item.is_undefined() {
                continue; // as JSON.stringify does: an undefined property is absent
            }
            let len = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&key);
            let converted = to_json(&item, path, depth + 1, budget, blocks)?;
            path.truncate(len);
            map.insert(key, converted);
        }
        return Ok(Value::Object(map));
    }
    let kind = value.js_typeof().as_string().unwrap_or_default();
    fail(
        ErrorCode::WrongType,
        &format!("invalid type: {kind}, expected a JSON value"),
        path,
    )
}

/// Takes `length` array values off what the argument may still hold.
fn spend(budget: &mut usize, length: usize, path: &str) -> Result<(), AcumenError> {
    match budget.checked_sub(length) {
        Some(left) => {
            *budget = left;
            Ok(())
        }
        None => Err(AcumenError(Error::new(
            ErrorCode::OutOfRange,
            path,
            format_args!(
                "holds {length} values; an argument may hold at most {MAX_ELEMENTS} array values in all"
            ),
        ))),
    }
}

fn not_finite(n: f64) -> String {
    format!("must be a finite number, got {n}")
}

/// The kind of a view of an `ArrayBuffer` that does not hold numbers: the
/// BigInt typed arrays and `DataView`; `None` for every other typed array.
fn not_numbers(view: &JsValue) -> Option<&'static str> {
    if view.is_instance_of::<DataView>() {
        Some("DataView")
    } else if view.is_instance_of::<BigInt64Array>() {
        Some("BigInt64Array")
    } else if view.is_instance_of::<BigUint64Array>() {
        Some("BigUint64Array")
    } else {
        None
    }
}

/// Arrays at least this long are tried as a block of numbers first.
const BLOCK: u32 = 64;

/// The elements of a long array whose elements are all finite numbers (a
/// demand trace), read in one copy instead of element by element; `None`
/// for anything else, which the element-by-element walk then converts or
/// refuses with the exact path.
fn finite_numbers(array: &Array) -> Option<Vec<f64>> {
    if array.length() < BLOCK {
        return None;
    }
    // `array.every(Number.isFinite)`: true only if every element is of type
    // number and finite (no coercion, unlike the typed-array copy below).
    let number = Reflect::get(&js_sys::global(), &"Number".into()).ok()?;
    let is_finite = Reflect::get(&number, &"isFinite".into()).ok()?;
    let every: Function = Reflect::get(&Array::new(), &"every".into())
        .ok()?
        .dyn_into()
        .ok()?;
    if every.call1(array, &is_finite).ok()?.as_bool() != Some(true) {
        return None;
    }
    let values = Float64Array::new(array).to_vec();
    // `every` skips holes, which the copy reads as NaN.
    if values.len() == array.length() as usize && values.iter().all(|v| v.is_finite()) {
        Some(values)
    } else {
        None
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Integers stay integers (so `730` decodes as a `u32`); other finite numbers
/// become floats. Non-finite numbers have no JSON form.
pub(crate) fn json_number(n: f64) -> Option<Number> {
    // 2^53: beyond it f64 cannot hold every integer, so keep it a float.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if n.is_finite() && n == (n as i64) as f64 && n.abs() <= EXACT {
        Some(Number::from(n as i64))
    } else {
        Number::from_f64(n)
    }
}
