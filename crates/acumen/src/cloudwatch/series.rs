//! What reading an export gives: series of samples, and the error that
//! says where a text could not be read.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

/// One time series as read: `(Unix second, ACU)` samples in file order.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
pub struct Series {
    /// The instance (or metric) name: the column header, the label, the id
    /// or the file's stem, without the metric's name
    /// (`app-writer ServerlessDatabaseCapacity` → `app-writer`).
    pub name: String,
    /// The samples, `[Unix second, ACU]`, in file order; every value is
    /// finite and non-negative.
    pub samples: Vec<(i64, f64)>,
    /// True when the name says it is the cluster-level metric
    /// (`DBClusterIdentifier`): an average over the instances, not the sum
    /// Aurora bills.
    pub cluster_level: bool,
    /// What the file says about these data that changes how far to trust
    /// them, one sentence each: CloudWatch's `PartialData` status and
    /// messages, the statistic a `get-metric-statistics` value is.
    pub notes: Vec<String>,
}

/// Why a CloudWatch export could not be read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
pub struct ReadError {
    /// The line (from 1, blank lines counted) when one line is at fault.
    pub line: Option<usize>,
    /// The column (from 1, in characters) when one cell or JSON value is at
    /// fault.
    pub column: Option<usize>,
    /// The JSON path of the value at fault, when the input is JSON:
    /// `MetricDataResults[1].Values[17]`.
    pub path: Option<String>,
    /// What is wrong, without the position: `not a number: "abc"`.
    pub message: String,
}

impl ReadError {
    /// An error about the whole input (no line).
    pub(crate) fn whole(message: impl Into<String>) -> ReadError {
        ReadError {
            line: None,
            column: None,
            path: None,
            message: message.into(),
        }
    }

    pub(super) fn at_line(line: usize, message: String) -> ReadError {
        ReadError {
            line: Some(line),
            column: None,
            path: None,
            message,
        }
    }

    /// `column` counts from 0 here, from 1 in the error.
    pub(super) fn at_cell(line: usize, column: usize, message: String) -> ReadError {
        ReadError {
            line: Some(line),
            column: Some(column + 1),
            path: None,
            message,
        }
    }

    /// A JSON value at `line` and `column` (both from 1), and its `path`.
    pub(super) fn at(
        line: usize,
        column: usize,
        path: Option<String>,
        message: String,
    ) -> ReadError {
        ReadError {
            line: Some(line),
            column: Some(column),
            path,
            message,
        }
    }

    /// The error as a command line names it: `file:line: column N: at
    /// PATH: message` (the parts that are known).
    ///
    /// ```
    /// use acumen::cloudwatch::{read, ReadOptions};
    ///
    /// let error = read("Timestamp,Value\nnow,1\n", "x", &ReadOptions::default(), &mut |_| {})
    ///     .unwrap_err();
    /// assert_eq!(error.in_file("x.csv"), "x.csv:2: column 1: not a timestamp: \"now\"");
    /// let json = r#"{"MetricDataResults": [{"Id": "w", "Timestamps": ["2026-09-01T00:00:00Z"],
    ///                "Values": ["2"]}]}"#;
    /// let error = read(json, "x", &ReadOptions::default(), &mut |_| {}).unwrap_err();
    /// assert_eq!(error.in_file("x.json"),
    ///            "x.json:2: column 27: at MetricDataResults[0].Values[0]: expected a number, found a string");
    /// ```
    #[must_use]
    pub fn in_file(&self, file: &str) -> String {
        let at = self
            .path
            .as_ref()
            .map_or(String::new(), |p| format!("at {p}: "));
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                format!("{file}:{line}: column {column}: {at}{}", self.message)
            }
            (Some(line), None) => format!("{file}:{line}: {at}{}", self.message),
            _ => format!("{file}: {at}{}", self.message),
        }
    }
}

/// `line 4, column 2: not a number: "abc"`;
/// `line 9, column 14: at MetricDataResults[1].Values[17]: expected a number, found null`.
impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "line {line}, column {column}: ")?,
            (Some(line), None) => write!(f, "line {line}: ")?,
            _ => {}
        }
        if let Some(path) = &self.path {
            write!(f, "at {path}: ")?;
        }
        f.write_str(&self.message)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ReadError {}

/// The metrics whose name a header or label may carry beside the
/// instance's: capacity, and what a provisioned instance is sized from.
const METRIC_NAMES: [&str; 5] = [
    "ServerlessDatabaseCapacity",
    "ACUUtilization",
    "CPUUtilization",
    "DatabaseConnections",
    "FreeableMemory",
];

/// A header or label without the metric's name, when something else is left
/// (`app-writer ServerlessDatabaseCapacity` → `app-writer`).
pub(super) fn short_name(name: &str) -> Option<String> {
    let mut short = String::from(name);
    for metric in METRIC_NAMES {
        short = short.replace(metric, " ");
    }
    let short = short.trim_matches(|c: char| c.is_whitespace() || "-:()[]/|".contains(c));
    (!short.is_empty()).then(|| short.to_string())
}

/// A series named after its header or label, without the metric's name
/// when something else is left.
pub(super) fn new_series(name: String) -> Series {
    let cluster_level = name.contains("DBClusterIdentifier");
    Series {
        name: short_name(&name).unwrap_or(name),
        samples: Vec::new(),
        cluster_level,
        notes: Vec::new(),
    }
}
