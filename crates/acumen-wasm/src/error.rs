//! The one mapping from the core's errors to what JavaScript catches.
//!
//! Every export returns `Result<_, AcumenError>`; wasm-bindgen throws the
//! error through the `From<AcumenError> for JsValue` below, so each export
//! just uses `?`.

use acumen::Error;
use acumen::cloudwatch::ReadError;
use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// An error on its way to JavaScript.
#[derive(Debug)]
pub enum AcumenError {
    /// Bad input: a code and the field at fault.
    Input(Error),
    /// A CloudWatch file that cannot be read: where, and what.
    File(ReadError),
}

impl From<Error> for AcumenError {
    fn from(e: Error) -> Self {
        AcumenError::Input(e)
    }
}

impl From<ReadError> for AcumenError {
    fn from(e: ReadError) -> Self {
        AcumenError::File(e)
    }
}

/// A JS `Error` named `AcumenError` with `code` and `field` properties, and
/// for a file `line`, `column` and (JSON) `path` where known. A file error's code is
/// `invalid_input`, as the CLI reports it; its field is empty.
impl From<AcumenError> for JsValue {
    fn from(error: AcumenError) -> JsValue {
        let (message, code, field, line, column) = match &error {
            AcumenError::Input(e) => (e.to_string(), e.code().as_str(), e.field(), None, None),
            AcumenError::File(e) => (e.to_string(), "invalid_input", "", e.line, e.column),
        };
        let js = js_sys::Error::new(&message);
        js.set_name("AcumenError");
        let object: &JsValue = js.as_ref();
        // Setting a property on a fresh Error object cannot fail.
        let _ = Reflect::set(object, &"code".into(), &code.into());
        let _ = Reflect::set(object, &"field".into(), &field.into());
        for (name, value) in [("line", line), ("column", column)] {
            if let Some(n) = value {
                // Lines and columns of a text a JS string can hold fit in f64.
                let _ = Reflect::set(object, &name.into(), &(n as f64).into());
            }
        }
        if let AcumenError::File(ReadError {
            path: Some(path), ..
        }) = &error
        {
            let _ = Reflect::set(object, &"path".into(), &path.into());
        }
        js.into()
    }
}
