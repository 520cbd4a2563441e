//! The error catalogue through the core crate: each case of
//! tests/errors/catalogue.json, decoded as a Rust program would (serde with
//! serde_path_to_error, then `Error::from_decode`) and estimated, fails with
//! the case's code and field. Every `ErrorCode` is in the catalogue and in
//! docs/errors.md, so a new code cannot go undocumented or untested.
#![cfg(feature = "serde")]

#[path = "../../../tests/errors/catalogue.rs"]
mod catalogue;

use acumen::{Error, ErrorCode, Scenario, estimate};
use catalogue::Input;

/// Decodes a document the way the CLI does, with the failing field's path.
fn decode(input: &Input) -> Result<Scenario, Error> {
    match input {
        Input::Json(text) => {
            let mut de = serde_json::Deserializer::from_str(text);
            let scenario = serde_path_to_error::deserialize(&mut de).map_err(|e| {
                let message = e.inner().to_string();
                // serde_json appends " at line L column C".
                let message = message
                    .rsplit_once(" at line ")
                    .map_or(message.as_str(), |(m, _)| m);
                Error::from_decode(&e.path().to_string(), message)
            })?;
            de.end()
                .map_err(|e| Error::from_decode(".", &e.to_string()))?;
            Ok(scenario)
        }
        Input::Toml(text) => {
            let de = toml::Deserializer::parse(text)
                .map_err(|e| Error::from_decode(".", e.message().trim()))?;
            serde_path_to_error::deserialize(de)
                .map_err(|e| Error::from_decode(&e.path().to_string(), e.inner().message().trim()))
        }
        Input::Args(_) => unreachable!("CLI-only cases are not the core's"),
    }
}

#[test]
fn every_case_fails_with_its_code_and_field() {
    let cases = catalogue::cases("core");
    for case in &cases {
        let error = match decode(&case.input) {
            Err(e) => e,
            Ok(scenario) => match estimate(&scenario) {
                Err(e) => e,
                Ok(report) => panic!("{case}: accepted, total {}", report.total_micro_usd),
            },
        };
        assert_eq!(
            (error.code().as_str(), error.field()),
            (case.code.as_str(), case.field.as_str()),
            "{case}: {error}"
        );
        assert!(
            error.to_string().contains(&case.message_contains),
            "{case}: {error:?} lacks {:?}",
            case.message_contains
        );
        // Display is "field: message" (the message alone for the document).
        let shown = error.to_string();
        if case.field.is_empty() {
            assert_eq!(shown, error.message(), "{case}");
        } else {
            assert_eq!(
                shown,
                format!("{}: {}", case.field, error.message()),
                "{case}"
            );
        }
    }
    assert!(cases.len() >= 50, "{}", cases.len());
}

/// Every variant's name as serde knows it: the list in serde's "unknown
/// variant" message, which the derive writes from the enum itself.
fn serde_variant_names() -> Vec<String> {
    let e = serde_json::from_str::<ErrorCode>("\"?\"").expect_err("no variant is named ?");
    let message = e.to_string();
    let list = message
        .split_once("expected one of ")
        .map(|(_, rest)| rest)
        .expect("serde lists the variants");
    list.split(", ")
        .map(|name| {
            name.trim_end_matches(|c: char| c != '`')
                .trim_matches('`')
                .to_string()
        })
        .collect()
}

#[test]
fn error_code_all_is_every_variant() {
    let names: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(names, serde_variant_names());
    for code in ErrorCode::ALL {
        // The stable name is the serialised one.
        assert_eq!(
            serde_json::to_value(code).expect("serialises"),
            code.as_str()
        );
    }
}

#[test]
fn every_code_is_in_the_catalogue_and_the_docs() {
    let listed = catalogue::codes();
    let documented = catalogue::documented_codes();
    for code in ErrorCode::ALL {
        let name = code.as_str().to_string();
        assert!(
            listed.contains(&name),
            "{name} has no case in tests/errors/catalogue.json"
        );
        assert!(
            documented.contains(&name),
            "{name} has no row in docs/errors.md"
        );
    }
    for name in catalogue::CLI_CODES {
        assert!(listed.iter().any(|c| c == name), "{name} has no case");
        assert!(documented.iter().any(|c| c == name), "{name} has no row");
    }
    // And nothing else: each listed or documented code is a real one.
    let known = |name: &String| {
        ErrorCode::from_name(name).is_some() || catalogue::CLI_CODES.contains(&name.as_str())
    };
    for name in listed.iter().chain(&documented) {
        assert!(known(name), "{name} is not an error code");
    }
    assert_eq!(
        documented.len(),
        ErrorCode::ALL.len() + catalogue::CLI_CODES.len(),
        "each code has exactly one row: {documented:?}"
    );
}
