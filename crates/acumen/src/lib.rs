//! # Acumen
//!
//! Capacity, scaling and cost maths for Amazon Aurora Serverless v2.
//!
//! Everything is exact: capacity is a count of half-ACUs ([`Acu`]), time is
//! whole seconds, money is integer micro-dollars ([`Money`]) and prices are
//! integer nano-dollars ([`UnitPrice`]). Each bill line is rounded once.
//! Every price carries its source, date and confidence.
//!
//! ```
//! use acumen::{estimate, Scenario, Workload};
//!
//! let scenario = Scenario {
//!     workload: Workload::Steady { acu: 4.0 },
//!     storage_gb: 100.0,
//!     ..Scenario::default()
//! };
//! let report = estimate(&scenario)?;
//! // 4 ACU × 730 h × $0.12 + 100 GB × $0.10
//! assert_eq!(report.total_micro_usd.to_string(), "$360.40");
//! for line in &report.lines {
//!     // A line without a known price (a partial bill) has no price or cost.
//!     let (Some(price), Some(cost)) = (line.unit_price_nano_usd, line.cost_micro_usd) else {
//!         println!("{:<16} {:>10.2} {:<9} unpriced: supply {:?}",
//!             line.description, line.quantity, line.unit, line.supply);
//!         continue;
//!     };
//!     println!("{:<16} {:>10.2} {:<9} @ {:<8} = {}",
//!         line.description, line.quantity, line.unit, price, cost);
//! }
//! # Ok::<(), acumen::Error>(())
//! ```
//!
//! ## Features
//!
//! - `std` (default): implements `std::error::Error`. Without it the crate is
//!   `no_std` and needs only `alloc`.
//! - `serde`: `Serialize`/`Deserialize` for the scenario, report and their parts.
//! - `schema`: JSON Schema for the scenario and report (implies `serde`).
#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![warn(missing_docs, rust_2018_idioms, unused_qualifications)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

extern crate alloc;

// The modules in the order of the flow, each using only those above it
// (tests/module_graph.rs checks it, so the module graph has no cycle).

// Errors, naming the input field at fault.
pub mod error;
// Capacity on the 0.5-ACU grid.
pub mod acu;
// Exact money, prices and quantities.
pub mod money;
// The words every stage shares: engine, storage, priced items, the model.
pub mod vocabulary;
// Input bounds and range checks.
mod check;
// Engine versions, their limits and max_connections.
pub mod engine;
// Platform versions: their limits and the controller's presets.
pub mod platform;
// Price lookup: the catalog, price books, overrides.
pub mod prices;
// The workload kinds and their expansion into demand over time.
pub mod workload;
// The input, and its validation into a `ValidScenario`.
pub mod scenario;
// CloudWatch exports read into per-second recordings for a trace workload.
pub mod cloudwatch;
// The scaling controller and the cluster, simulated.
pub mod sim;
// Capacity used per instance, simulated and ideal.
pub mod usage;
// The priced lines, totals and warnings.
pub mod bill;
// Comparison, advice and the cheapest scaling range.
pub mod decisions;
// CloudFormation and Terraform for the scenario.
pub mod export;
// The report gathered from every stage.
pub mod report;
// The pipeline from scenario to report.
mod estimate;
// From a provisioned instance to Serverless v2: sizing, range and verdict.
pub mod migrate;
// The controller model against published scaling measurements.
pub mod calibration;

pub use acu::Acu;
pub use decisions::{advise, compare, optimize};
pub use engine::Version;
pub use error::{Error, ErrorCode};
pub use estimate::{estimate, estimate_valid};
pub use money::{Money, Quantity, UnitPrice};
pub use report::{LineItem, Report};
pub use scenario::{Scaling, Scenario, Workload};
pub use vocabulary::{Engine, StorageType};

/// The per-second simulation under its former path.
#[doc(hidden)]
pub use sim::per_second as trace;

/// This library's version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

// The READMEs' examples run as doctests, so they cannot drift from the API.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct WorkspaceReadmeDoctests;
