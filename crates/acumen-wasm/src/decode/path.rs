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

/// What one decoding shares: the blocks of the argument, and the path of
/// the first (innermost) failure.
pub(super) struct Context {
    pub(super) blocks: Blocks,
    failed_at: RefCell<Option<String>>,
}

impl Context {
    /// A decoding of an argument with these blocks.
    pub(super) fn new(blocks: Blocks) -> Context {
        Context {
            blocks,
            failed_at: RefCell::new(None),
        }
    }

    /// Where decoding failed (`None` for the argument itself).
    pub(super) fn failed_at(self) -> Option<String> {
        self.failed_at.into_inner()
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
