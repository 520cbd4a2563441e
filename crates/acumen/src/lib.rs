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
//!     println!("{:<16} {:>10.2} {:<9} @ {:<8} = {}",
//!         line.description, line.quantity, line.unit,
//!         line.unit_price_nano_usd, line.cost_micro_usd);
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

pub mod acu;
pub mod advise;
pub mod bill;
pub mod cloudwatch;
pub mod compare;
pub mod engine;
pub mod error;
pub mod export;
pub mod money;
pub mod optimize;
pub mod prices;
pub mod report;
pub mod scenario;
pub mod sim;
pub mod trace;
pub mod workload;

pub use acu::Acu;
pub use bill::estimate;
pub use engine::Version;
pub use error::{Error, ErrorCode};
pub use money::{Money, Quantity, UnitPrice};
pub use report::{LineItem, Report};
pub use scenario::{Engine, Scaling, Scenario, StorageType, Workload};

/// This library's version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

// The READMEs' examples run as doctests, so they cannot drift from the API.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct WorkspaceReadmeDoctests;
