//! Where decoding failed, in serde_path_to_error's notation.

use core::cell::RefCell;
use core::fmt::Write;

use serde::de::DeserializeSeed;
use wasm_bindgen::JsValue;

use super::error::DecodeError;
use super::value::Js;
use crate::check::Blocks;

/// Where a value sits in the argument.
pub(super) enum Path<'a> {
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

/// What one decoding shares: the blocks of the argument, the trace samples
/// set aside to be handed over after decoding, and the path of the first
/// (innermost) failure.
pub(super) struct Context {
    pub(super) blocks: Blocks,
    /// Whether trace samples are set aside (see [`super::Decode`]).
    pub(super) sets_samples_aside: bool,
    /// The trace samples set aside, with the path of each trace's `acu`.
    pub(super) set_aside: RefCell<Vec<(String, Vec<f64>)>>,
    failed_at: RefCell<Option<String>>,
}

impl Context {
    /// A decoding of an argument with these blocks.
    pub(super) fn new(blocks: Blocks, sets_samples_aside: bool) -> Context {
        Context {
            blocks,
            sets_samples_aside,
            set_aside: RefCell::new(Vec::new()),
            failed_at: RefCell::new(None),
        }
    }

    /// Sets a trace's samples aside, to be handed over whole after decoding.
    pub(super) fn set_aside(&self, path: &Path<'_>, samples: Vec<f64>) {
        let mut text = String::new();
        path.write(&mut text);
        self.set_aside.borrow_mut().push((text, samples));
    }

    /// Where decoding failed (`None` for the argument itself).
    pub(super) fn failed_at(&self) -> Option<String> {
        self.failed_at.borrow_mut().take()
    }

    /// Records `path` as where decoding failed, unless a value inside it
    /// already has. Called as an error leaves each value, so the innermost
    /// one is kept.
    #[inline(never)]
    pub(super) fn failed(&self, path: &Path<'_>) {
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
    pub(super) fn read<'de, T: DeserializeSeed<'de>>(
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
