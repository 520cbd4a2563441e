//! The exports as JavaScript sees them, run in Node and in headless Chromium.
#![cfg(target_arch = "wasm32")]

use acumen_wasm::{estimate, version};
use js_sys::{JSON, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        let key = match key.parse::<u32>() {
            Ok(i) => JsValue::from(i),
            Err(_) => JsValue::from(key),
        };
        Reflect::get(&v, &key).expect("property")
    })
}

#[wasm_bindgen_test]
fn default_scenario_costs_360_40() {
    let report = estimate(JsValue::UNDEFINED).expect("estimates");
    assert_eq!(get(&report, "totalMicroUsd").as_f64(), Some(360_400_000.0));
    assert_eq!(
        get(&report, "lines.0.costMicroUsd").as_f64(),
        Some(350_400_000.0)
    );
    assert_eq!(
        get(&report, "lines.1.unit").as_string().as_deref(),
        Some("GB-month")
    );
    let same = estimate(js("{}")).expect("estimates");
    assert_eq!(get(&same, "totalMicroUsd").as_f64(), Some(360_400_000.0));
}

#[wasm_bindgen_test]
fn results_are_plain_objects() {
    let report = estimate(js(r#"{"storageType": "io-optimized"}"#)).expect("estimates");
    assert!(js_sys::Array::is_array(&get(&report, "lines")));
    assert_eq!(get(&report, "totalMicroUsd").as_f64(), Some(489_700_000.0));
    assert_eq!(
        get(&report, "warnings.0.kind").as_string().as_deref(),
        Some("low-confidence-price")
    );
    assert_eq!(
        get(&report, "lines.0.price.confidence")
            .as_string()
            .as_deref(),
        Some("low")
    );
}

#[wasm_bindgen_test]
fn errors_are_real_errors_with_code_and_field() {
    let cases = [
        (
            r#"{"scaling": {"maxAcu": 3.3}}"#,
            "off_grid",
            "scaling.maxAcu",
        ),
        (
            r#"{"scaling": {"maxAcus": 3}}"#,
            "unknown_field",
            "scaling.maxAcus",
        ),
        (
            r#"{"workload": {"steady": {"acu": "x"}}}"#,
            "wrong_type",
            "workload.steady.acu",
        ),
        (
            r#"{"storageType": "gp3"}"#,
            "unknown_variant",
            "storageType",
        ),
        (r#"{"hoursPerMonth": 0}"#, "out_of_range", "hoursPerMonth"),
        (r#"{"region": "eu-nowhere-1"}"#, "unknown_region", "region"),
        ("5", "wrong_type", ""),
        ("[0.5, 16]", "wrong_type", ""),
    ];
    for (input, code, field) in cases {
        let error = estimate(js(input)).expect_err(input);
        let as_error: &js_sys::Error = error.dyn_ref().expect("an Error object");
        assert_eq!(String::from(as_error.name()), "AcumenError");
        assert_eq!(
            get(&error, "code").as_string().as_deref(),
            Some(code),
            "{input}"
        );
        assert_eq!(
            get(&error, "field").as_string().as_deref(),
            Some(field),
            "{input}"
        );
    }
}

#[wasm_bindgen_test]
fn non_json_numbers_are_refused_by_path() {
    let scenario = js(r#"{"workload": {"steady": {"acu": 1}}}"#);
    let steady = get(&scenario, "workload.steady");
    Reflect::set(&steady, &"acu".into(), &JsValue::from(f64::NAN)).expect("set");
    let error = estimate(scenario).expect_err("NaN is refused");
    assert_eq!(
        get(&error, "code").as_string().as_deref(),
        Some("not_a_number")
    );
    assert_eq!(
        get(&error, "field").as_string().as_deref(),
        Some("workload.steady.acu")
    );
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}
