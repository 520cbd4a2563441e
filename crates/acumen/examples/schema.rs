//! Prints the JSON Schema of Acumen's input and output types.
//!
//! The npm package's TypeScript types are generated from this schema, so the
//! Rust types are the single definition of every shape.
//!
//! `cargo run -p acumen --features schema --example schema > acumen.schema.json`

use acumen::{ErrorCode, Report, Scenario};
use schemars::generate::SchemaSettings;

fn main() {
    let mut generator = SchemaSettings::draft07().into_generator();
    let scenario = generator.subschema_for::<Scenario>();
    let report = generator.subschema_for::<Report>();
    let error_code = generator.subschema_for::<ErrorCode>();
    let definitions = generator.definitions().clone();
    let root = serde_json::json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "AcumenTypes",
        "description": "Every shape Acumen exchanges with its callers.",
        "type": "object",
        "properties": { "scenario": scenario, "report": report, "errorCode": error_code },
        "definitions": definitions,
    });
    match serde_json::to_string_pretty(&root) {
        Ok(text) => println!("{text}"),
        Err(e) => {
            eprintln!("schema: {e}");
            std::process::exit(1);
        }
    }
}
