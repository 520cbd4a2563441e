//! Prints the JSON Schema of Acumen's input and output types.
//!
//! The npm package's TypeScript types are generated from this schema, so the
//! Rust types are the single definition of every shape.
//!
//! `cargo run -p acumen --features schema --example schema > acumen.schema.json`

use acumen::engine::Capabilities;
use acumen::prices::{CatalogEntry, InstanceClass, RegionCoverage};
use acumen::report::Warning;
use acumen::{ErrorCode, Report, Scenario};
use schemars::generate::SchemaSettings;

// The JS API's own parameter objects and results, defined beside the
// bindings that use them. The bindings crate cannot be a dependency of the
// core, so its file is compiled in here for its schema only.
#[allow(dead_code)]
#[path = "../../acumen-wasm/src/shapes.rs"]
mod shapes;

fn main() {
    let mut generator = SchemaSettings::draft07().into_generator();
    let properties = serde_json::json!({
        "scenario": generator.subschema_for::<Scenario>(),
        "report": generator.subschema_for::<Report>(),
        "errorCode": generator.subschema_for::<ErrorCode>(),
        "warning": generator.subschema_for::<Warning>(),
        "capabilities": generator.subschema_for::<Capabilities>(),
        "catalogEntry": generator.subschema_for::<CatalogEntry>(),
        "instanceClass": generator.subschema_for::<InstanceClass>(),
        "regionCoverage": generator.subschema_for::<RegionCoverage>(),
        "catalog": generator.subschema_for::<shapes::Catalog>(),
        "optimization": generator.subschema_for::<acumen::decisions::optimize::Optimization>(),
        "optimizeOptions": generator.subschema_for::<acumen::decisions::optimize::OptimizeOptions>(),
        "validation": generator.subschema_for::<shapes::Validation>(),
        "maxConnectionsInput": generator.subschema_for::<shapes::MaxConnectionsInput>(),
        "capabilitiesInput": generator.subschema_for::<shapes::CapabilitiesInput>(),
        "simulation": generator.subschema_for::<acumen::report::Simulation<'static>>(),
        "comparison": generator.subschema_for::<acumen::decisions::compare::Comparison>(),
        "advice": generator.subschema_for::<acumen::decisions::advise::Advice>(),
        "traceSettings": generator.subschema_for::<acumen::sim::per_second::TraceSettings>(),
        "traceSimulation": generator.subschema_for::<acumen::sim::per_second::TraceSimulation>(),
        "cloudWatchOptions": generator.subschema_for::<shapes::CloudWatchOptions>(),
        "cloudWatchGrid": generator.subschema_for::<acumen::cloudwatch::Grid>(),
        "migrationInput": generator.subschema_for::<acumen::migrate::MigrationInput>(),
        "migration": generator.subschema_for::<acumen::migrate::Migration>(),
    });
    let definitions = generator.take_definitions(true);
    let root = serde_json::json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "AcumenTypes",
        "description": "Every shape Acumen exchanges with its callers.",
        "type": "object",
        "properties": properties,
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
