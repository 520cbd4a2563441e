//! The walk every argument passes before it is decoded.
//!
//! Decoding (`decode.rs`) follows the Rust type and visits only what the
//! type reads. This walk visits the whole value first, as a JSON encoder
//! would, so that:
//! - what JSON cannot hold (NaN, Infinity, BigInt, functions, symbols,
//!   typed arrays of BigInts, `DataView`) is refused wherever it is, with
//!   its path, as the CLI refuses it in a file;
//! - a cyclic or too deeply nested value is refused before serde follows it,
//!   and an oversized argument before it is copied into wasm memory;
//! - long arrays of numbers (demand traces) are copied into wasm memory a
//!   window at a time, as [`Blocks`] the decoder then reads instead of
//!   element by element.

use core::cell::RefCell;
use core::fmt::Write;

use acumen::{Error, ErrorCode};
use js_sys::{
    Array, ArrayBuffer, BigInt64Array, BigUint64Array, DataView, Float64Array, Function, Object,
    Reflect,
};
use wasm_bindgen::{JsCast, JsValue};

/// Deepest nesting accepted, far beyond any real scenario; stops a cyclic or
/// hostile object from exhausting the stack.
const MAX_DEPTH: usize = 64;

/// Most array elements one argument may hold in all: every trace sample a
/// scenario may have ([`acumen::scenario::MAX_SCENARIO_SAMPLES`]) and room
/// for every other list. Checked before an array is copied, so an oversized
/// argument is refused with its path instead of exhausting the wasm memory
/// (a long list of numbers takes 8 bytes a value as a block, which a
/// trace's samples keep, and other lists copy; see docs/limits.md).
const MAX_ELEMENTS: usize = acumen::scenario::MAX_SCENARIO_SAMPLES + (1 << 16);

/// Numbers copied from a JS array into wasm memory at a time (256 KiB; a
/// month of one-second samples is 80 windows): each window is worked on
/// while it is still in cache, so the numbers are read from memory once,
/// and the calls into JS cost nothing next to the copying.
pub const COPY_WINDOW: usize = 32_768;

/// Arrays at least this long are tried as a block of numbers first.
const BLOCK: u32 = 64;

/// Numbers of a typed array or an `Array`, read into wasm memory a window
/// at a time; each element is as `Number()` reads it (a hole is NaN).
pub struct JsNumbers {
    source: Source,
    len: usize,
}

enum Source {
    /// A `Float64Array`, or another typed array converted by JS.
    Typed(Float64Array),
    /// An `Array`, read through `slice`s of it into `scratch`.
    Plain { array: Array, scratch: Float64Array },
}

/// Elements of an `Array` sliced at a time: small enough that V8 allocates
/// each slice in its young generation (64 KiB), where a slice twice as long
/// costs four times as much. A month of one-second samples is then copied
/// in 6 ms, where a whole `Float64Array` of it took 5 to 17 ms (its 21 MB
/// allocation, with the collections it brings on) and the typed array's
/// constructor, which walks the array's iterator, 17 ms.
const SLICE: usize = 8_192;

impl JsNumbers {
    /// The numbers of `array`, a typed array or an `Array` (checked by the caller).
    pub fn new(array: &JsValue) -> JsNumbers {
        let source = if let Some(doubles) = array.dyn_ref::<Float64Array>() {
            Source::Typed(doubles.clone())
        } else if Array::is_array(array) {
            Source::Plain {
                array: array.clone().unchecked_into(),
                scratch: Float64Array::new_with_length(SLICE as u32),
            }
        } else {
            Source::Typed(Float64Array::new(array))
        };
        let len = match &source {
            Source::Typed(doubles) => doubles.length(),
            Source::Plain { array, .. } => array.length(),
        };
        JsNumbers {
            source,
            len: len as usize,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// Copies the numbers `from..from + out.len()` into `out`.
    pub fn copy(&self, from: usize, out: &mut [f64]) {
        match &self.source {
            Source::Typed(doubles) => doubles
                .subarray(from as u32, (from + out.len()) as u32)
                .copy_to(out),
            Source::Plain { array, scratch } => {
                for (i, part) in out.chunks_mut(SLICE).enumerate() {
                    let start = (from + i * SLICE) as u32;
                    let slice = array.slice(start, start + part.len() as u32);
                    scratch.set(&slice, 0);
                    scratch.subarray(0, part.len() as u32).copy_to(part);
                }
            }
        }
    }
}

/// Numbers copied from JS: a trace's samples, which the decoder hands over
/// whole (see `decode`), or any other list, read one by one.
pub struct Doubles {
    numbers: Vec<f64>,
    /// Where the first NaN or infinity is, if any.
    first_not_finite: Option<usize>,
}

impl Doubles {
    /// The numbers of a typed array (converted to doubles by JS if it holds
    /// another type) or of an array (each element as `Number()` reads it),
    /// a -0 read as the 0 that `JSON.stringify` writes.
    pub fn copy(array: &JsValue) -> Doubles {
        let all = JsNumbers::new(array);
        let len = all.len();
        let mut numbers = Vec::with_capacity(len);
        let mut window = vec![0.0; COPY_WINDOW.min(len)];
        let mut first_not_finite = None;
        let mut from = 0;
        while from < len {
            let to = len.min(from + COPY_WINDOW);
            let window = &mut window[..to - from];
            all.copy(from, window);
            let bad = acumen::workload::samples::settle(window);
            if first_not_finite.is_none() {
                first_not_finite = bad.map(|i| numbers.len() + i);
            }
            numbers.extend_from_slice(window);
            from = to;
        }
        Doubles {
            numbers,
            first_not_finite,
        }
    }

    pub fn len(&self) -> usize {
        self.numbers.len()
    }

    /// Number `i` (0 past the end, which no caller reads).
    pub fn get(&self, i: usize) -> f64 {
        self.numbers.get(i).copied().unwrap_or(0.0)
    }

    /// The numbers, taken out.
    pub fn into_vec(self) -> Vec<f64> {
        self.numbers
    }

    /// Where the first NaN or infinity is, if any.
    fn first_not_finite(&self) -> Option<usize> {
        self.first_not_finite
    }
}

/// The numbers of the typed arrays and long number arrays of an argument,
/// copied once, keyed by the JS array they came from.
pub struct Blocks {
    ids: js_sys::Map,
    numbers: RefCell<Vec<Option<Doubles>>>,
}

impl Blocks {
    /// The numbers of `array` if it is a block, taken out (each is read once;
    /// an array the argument holds twice is read from JS the second time).
    pub fn take(&self, array: &JsValue) -> Option<Doubles> {
        let id = self.ids.get(array).as_f64()?;
        self.numbers.borrow_mut().get_mut(id as usize)?.take()
    }

    fn insert(&mut self, array: &JsValue, numbers: Doubles) {
        let numbers_list = self.numbers.get_mut();
        self.ids
            .set(array, &JsValue::from(numbers_list.len() as f64));
        numbers_list.push(Some(numbers));
    }
}

/// Walks `value`, refusing what JSON cannot hold, and returns its blocks.
pub fn check(value: &JsValue) -> Result<Blocks, Error> {
    let mut walk = Walk {
        path: String::new(),
        budget: MAX_ELEMENTS,
        blocks: Blocks {
            ids: js_sys::Map::new(),
            numbers: RefCell::new(Vec::new()),
        },
    };
    walk.value(value, 0)?;
    Ok(walk.blocks)
}

/// Where the walk is, what it may still copy, and what it has copied.
struct Walk {
    path: String,
    budget: usize,
    blocks: Blocks,
}

impl Walk {
    fn fail(&self, code: ErrorCode, message: &str) -> Error {
        Error::new(code, &self.path, format_args!("{message}"))
    }

    fn value(&mut self, value: &JsValue, depth: usize) -> Result<(), Error> {
        if depth > MAX_DEPTH {
            return Err(self.fail(ErrorCode::OutOfRange, "is nested too deeply"));
        }
        if value.is_null() || value.is_undefined() || value.is_string() {
            return Ok(());
        }
        if value.as_bool().is_some() {
            return Ok(());
        }
        if let Some(n) = value.as_f64() {
            return finite(n).map_err(|message| self.fail(ErrorCode::NotANumber, &message));
        }
        if ArrayBuffer::is_view(value) {
            return self.typed_array(value);
        }
        if let Some(array) = value.dyn_ref::<Array>() {
            return self.array(array, depth);
        }
        if value.is_object() {
            return self.object(value, depth);
        }
        let kind = value.js_typeof().as_string().unwrap_or_default();
        let message = format!("invalid type: {kind}, expected a JSON value");
        Err(self.fail(ErrorCode::WrongType, &message))
    }

    /// A view of an `ArrayBuffer`: a typed array of numbers, each exactly a
    /// double, becomes a block; the others hold no numbers.
    fn typed_array(&mut self, view: &JsValue) -> Result<(), Error> {
        if let Some(kind) = not_numbers(view) {
            let message = format!("invalid type: {kind}, expected numbers");
            return Err(self.fail(ErrorCode::WrongType, &message));
        }
        // Its length is checked before it is copied.
        let length = Reflect::get(view, &"length".into())
            .ok()
            .and_then(|length| length.as_f64())
            .unwrap_or(0.0);
        self.spend(length as usize)?;
        let numbers = Doubles::copy(view);
        if let Some(i) = numbers.first_not_finite() {
            // Writing to a String cannot fail.
            let _ = write!(self.path, "[{i}]");
            let message = finite(numbers.get(i)).err().unwrap_or_default();
            return Err(self.fail(ErrorCode::NotANumber, &message));
        }
        self.blocks.insert(view, numbers);
        Ok(())
    }

    fn array(&mut self, array: &Array, depth: usize) -> Result<(), Error> {
        self.spend(array.length() as usize)?;
        if let Some(numbers) = finite_numbers(array) {
            self.blocks.insert(array, numbers);
            return Ok(());
        }
        for (i, item) in array.iter().enumerate() {
            let len = self.path.len();
            // Writing to a String cannot fail.
            let _ = write!(self.path, "[{i}]");
            self.value(&item, depth + 1)?;
            self.path.truncate(len);
        }
        Ok(())
    }

    fn object(&mut self, object: &JsValue, depth: usize) -> Result<(), Error> {
        for entry in Object::entries(object.unchecked_ref::<Object>()).iter() {
            let pair: Array = entry.unchecked_into();
            let item = pair.get(1);
            if item.is_undefined() {
                continue; // as JSON.stringify does: an undefined property is absent
            }
            let len = self.path.len();
            if !self.path.is_empty() {
                self.path.push('.');
            }
            self.path
                .push_str(&pair.get(0).as_string().unwrap_or_default());
            self.value(&item, depth + 1)?;
            self.path.truncate(len);
        }
        Ok(())
    }

    /// Takes `length` array values off what the argument may still hold.
    fn spend(&mut self, length: usize) -> Result<(), Error> {
        match self.budget.checked_sub(length) {
            Some(left) => {
                self.budget = left;
                Ok(())
            }
            None => Err(self.fail(
                ErrorCode::OutOfRange,
                &format!(
                    "holds {length} values; an argument may hold at most {MAX_ELEMENTS} array values in all"
                ),
            )),
        }
    }
}

/// `n` if finite, else the message refusing it.
fn finite(n: f64) -> Result<(), String> {
    if n.is_finite() {
        Ok(())
    } else {
        Err(format!("must be a finite number, got {n}"))
    }
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

/// The elements of a long array whose elements are all finite numbers (a
/// demand trace), read in one copy instead of element by element; `None`
/// for anything else, which the element-by-element walk then checks.
fn finite_numbers(array: &Array) -> Option<Doubles> {
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
    let values = Doubles::copy(array);
    // `every` skips holes, which the copy reads as NaN.
    if values.len() == array.length() as usize && values.first_not_finite().is_none() {
        Some(values)
    } else {
        None
    }
}
