//! `acumen prices offer-rows FILE…` (hidden): what `just
//! catalog-from-offers` needs from AWS Price List offer files, read by the
//! same import as `acumen prices import`: per file, its version and
//! publication date, the book's prices with their SKUs, and its instance
//! classes with the SKUs of their on-demand rates (which a price book does
//! not carry).

use std::path::PathBuf;

use serde_json::{Value, json};

use crate::pricelist::{self, Failure};

/// The rows of every file, as one JSON array (one object per file, in the
/// order given).
pub fn rows(files: &[PathBuf]) -> Result<Value, Failure> {
    let mut out = Vec::new();
    for path in files {
        let imported = pricelist::import(path, &pricelist::Options { region: None })?;
        let book = &imported.book;
        let mut classes = Vec::new();
        for (class, skus) in book.instance_classes.iter().zip(&imported.class_skus) {
            let mut value = serde_json::to_value(class)
                .map_err(|e| Failure::Invalid(format!("{}: {e}", path.display())))?;
            if let Value::Object(map) = &mut value {
                map.remove("reserved");
                map.insert(String::from("sku"), json!(skus.standard));
                map.insert(String::from("ioOptimizedSku"), json!(skus.io_optimized));
            }
            classes.push(value);
        }
        out.push(json!({
            "file": path.display().to_string(),
            "version": imported.version,
            "asOf": book.as_of,
            "entries": book.entries,
            "instanceClasses": classes,
        }));
    }
    Ok(Value::Array(out))
}
