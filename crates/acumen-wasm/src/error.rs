//! The one mapping from the core's errors to what JavaScript catches.
//!
//! Every export returns `Result<_, AcumenError>`; wasm-bindgen throws the
//! error through the `From<AcumenError> for JsValue` below, so each export
//! just uses `?`.

use acumen::Error;
use js_sys::Reflect;
use wasm_bindgen::JsValue;

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
}

/// A JS `Error` named `AcumenError` with `code` and `field` properties.
impl From<AcumenError> for JsValue {
    fn from(AcumenError(e): AcumenError) -> JsValue {
        let error = js_sys::Error::new(&e.to_string());
        error.set_name("AcumenError");
        let object: &JsValue = error.as_ref();
        // Setting a property on a fresh Error object cannot fail.
        let _ = Reflect::set(object, &"code".into(), &e.code().as_str().into());
        let _ = Reflect::set(object, &"field".into(), &e.field().into());
        error.into()
    }
}
