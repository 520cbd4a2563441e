//! The error catalogue (tests/errors/catalogue.json) for the Rust tests: the
//! core's and the CLI's `error_catalogue` tests include this file, so both
//! read the cases the same way.
#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::Value;

/// How a case is given to a surface.
#[derive(Debug)]
pub enum Input {
    /// A JSON document.
    Json(String),
    /// A TOML document (cases with numbers JSON cannot hold, or TOML text).
    Toml(String),
    /// CLI arguments (CLI-only cases).
    Args(Vec<String>),
}

/// One case of the catalogue.
#[derive(Debug)]
pub struct Case {
    /// Position in the file, for messages.
    pub index: usize,
    pub code: String,
    pub field: String,
    pub message_contains: String,
    /// The CLI's exit status.
    pub exit: i32,
    pub input: Input,
}

impl std::fmt::Display for Case {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "case {} ({} at {:?})", self.index, self.code, self.field)
    }
}

/// The workspace's `tests/` folder.
pub fn tests_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests")
}

/// The whole catalogue file.
pub fn document() -> Value {
    let path = tests_dir().join("errors/catalogue.json");
    let text = std::fs::read_to_string(&path).expect("tests/errors/catalogue.json is readable");
    serde_json::from_str(&text).expect("tests/errors/catalogue.json is JSON")
}

/// Every code the catalogue lists, in order of first appearance.
pub fn codes() -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for case in document()["cases"].as_array().expect("cases") {
        let code = case["code"].as_str().expect("code").to_string();
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// The cases for `surface` ("core", "cli" or "js"), read as that surface
/// would be given them.
pub fn cases(surface: &str) -> Vec<Case> {
    let doc = document();
    let mut out = Vec::new();
    for (index, case) in doc["cases"].as_array().expect("cases").iter().enumerate() {
        let surfaces: Vec<&str> = match case.get("surfaces") {
            Some(list) => list
                .as_array()
                .expect("surfaces is a list")
                .iter()
                .map(|s| s.as_str().expect("surface name"))
                .collect(),
            None => vec!["core", "cli", "js"],
        };
        if !surfaces.contains(&surface) {
            continue;
        }
        let input = if let Some(scenario) = case.get("scenario") {
            assert!(
                !contains_key(scenario, "$js"),
                "case {index}: JavaScript-only values are for the js surface only"
            );
            if contains_key(scenario, "$number") {
                Input::Toml(toml_document(scenario))
            } else {
                Input::Json(scenario.to_string())
            }
        } else if let Some(text) = case.get("text") {
            let text = text.as_str().expect("text").to_string();
            match case["format"].as_str() {
                Some("json") => Input::Json(text),
                Some("toml") => Input::Toml(text),
                other => panic!("case {index}: unknown format {other:?}"),
            }
        } else if let Some(args) = case.get("args") {
            Input::Args(
                args.as_array()
                    .expect("args is a list")
                    .iter()
                    .map(|a| a.as_str().expect("arg").to_string())
                    .collect(),
            )
        } else {
            panic!("case {index}: needs scenario, text or args");
        };
        out.push(Case {
            index,
            code: case["code"].as_str().expect("code").to_string(),
            field: case["field"].as_str().expect("field").to_string(),
            message_contains: case["messageContains"]
                .as_str()
                .expect("messageContains")
                .to_string(),
            exit: case.get("exit").and_then(Value::as_i64).unwrap_or(1) as i32,
            input,
        });
    }
    assert!(!out.is_empty(), "no cases for {surface}");
    out
}

fn contains_key(value: &Value, key: &str) -> bool {
    match value {
        Value::Object(map) => map.contains_key(key) || map.values().any(|v| contains_key(v, key)),
        Value::Array(items) => items.iter().any(|v| contains_key(v, key)),
        _ => false,
    }
}

/// The scenario as TOML: one `key = value` line per top-level field, inline
/// tables and arrays below, and `{"$number": …}` as TOML's nan/inf.
pub fn toml_document(scenario: &Value) -> String {
    let Value::Object(map) = scenario else {
        panic!("a TOML document must be a table: {scenario}");
    };
    map.iter()
        .map(|(k, v)| format!("{} = {}\n", toml_key(k), toml_value(v)))
        .collect()
}

fn toml_key(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if bare {
        key.to_string()
    } else {
        Value::String(key.to_string()).to_string()
    }
}

fn toml_value(value: &Value) -> String {
    match value {
        Value::Null => panic!("TOML has no null"),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => Value::String(s.clone()).to_string(),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(toml_value).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(map) => {
            if let Some(special) = map.get("$number") {
                return match special.as_str() {
                    Some("NaN") => "nan".into(),
                    Some("Infinity") => "inf".into(),
                    Some("-Infinity") => "-inf".into(),
                    other => panic!("unknown $number {other:?}"),
                };
            }
            let fields: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{} = {}", toml_key(k), toml_value(v)))
                .collect();
            if fields.is_empty() {
                "{}".into()
            } else {
                format!("{{ {} }}", fields.join(", "))
            }
        }
    }
}

/// The codes `docs/errors.md` has a table row for (first column, in
/// backquotes).
pub fn documented_codes() -> Vec<String> {
    let path = tests_dir().join("../docs/errors.md");
    let text = std::fs::read_to_string(&path).expect("docs/errors.md is readable");
    text.lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split_once('`').map(|(code, _)| code.to_string()))
        .collect()
}

/// The codes the CLI adds to the core's: an unreadable file or unwritable
/// output, a usage error (clap's), and its own CSV and replay checks.
pub const CLI_CODES: [&str; 3] = ["io", "usage", "invalid_input"];
