//! The exports as JavaScript sees them, run in Node and in headless Chromium.
#![cfg(target_arch = "wasm32")]

use acumen_wasm::{
    capabilities, catalog, default_scenario, estimate, max_connections, regions, validate, version,
};
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
    let report = estimate(None).expect("estimates");
    assert_eq!(get(&report, "totalMicroUsd").as_f64(), Some(360_400_000.0));
    assert_eq!(
        get(&report, "lines.0.costMicroUsd").as_f64(),
        Some(350_400_000.0)
    );
    assert_eq!(
        get(&report, "lines.1.unit").as_string().as_deref(),
        Some("GB-month")
    );
    let same = estimate(Some(js("{}"))).expect("estimates");
    assert_eq!(get(&same, "totalMicroUsd").as_f64(), Some(360_400_000.0));
}

#[wasm_bindgen_test]
fn results_are_plain_objects() {
    let report = estimate(Some(js(r#"{"storageType": "io-optimized"}"#))).expect("estimates");
    assert!(js_sys::Array::is_array(&get(&report, "lines")));
    assert_eq!(get(&report, "totalMicroUsd").as_f64(), Some(489_700_000.0));
    // Two agreeing Price List quotes: high confidence, with the SKU.
    assert_eq!(
        get(&report, "lines.0.price.confidence")
            .as_string()
            .as_deref(),
        Some("high")
    );
    assert_eq!(
        get(&report, "lines.0.price.sku").as_string().as_deref(),
        Some("KG668U3YXJQ6YH9Y")
    );
    // A partial bill: the unpriced line's cost is null, never 0.
    let partial = estimate(Some(js(r#"{"region": "eu-central-1"}"#))).expect("estimates");
    assert!(get(&partial, "lines.1.costMicroUsd").is_null());
    assert_eq!(get(&partial, "complete").as_bool(), Some(false));
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
        let error = estimate(Some(js(input)))
            .map_err(JsValue::from)
            .expect_err(input);
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
    let error = estimate(Some(scenario))
        .map_err(JsValue::from)
        .expect_err("NaN is refused");
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

fn code_and_field(error: &JsValue) -> (String, String) {
    assert!(error.is_instance_of::<js_sys::Error>(), "an Error object");
    (
        get(error, "code").as_string().unwrap_or_default(),
        get(error, "field").as_string().unwrap_or_default(),
    )
}

#[wasm_bindgen_test]
fn default_scenario_round_trips_through_estimate() {
    let scenario = default_scenario().expect("serialises");
    assert_eq!(
        get(&scenario, "region").as_string().as_deref(),
        Some("us-east-1")
    );
    assert_eq!(get(&scenario, "scaling.maxAcu").as_f64(), Some(16.0));
    let report = estimate(Some(scenario)).expect("estimates");
    assert_eq!(get(&report, "totalMicroUsd").as_f64(), Some(360_400_000.0));
}

#[wasm_bindgen_test]
fn regions_and_catalog_agree() {
    let list: js_sys::Array = regions().expect("serialises").dyn_into().expect("an array");
    assert_eq!(list.length(), 33);
    let regions: Vec<String> = list
        .iter()
        .map(|r| get(&r, "code").as_string().expect("a code"))
        .collect();
    assert_eq!(regions.first().map(String::as_str), Some("us-east-1"));
    let frankfurt = list.get(
        regions
            .iter()
            .position(|r| r == "eu-central-1")
            .expect("Frankfurt") as u32,
    );
    assert_eq!(
        get(&frankfurt, "name").as_string().as_deref(),
        Some("Europe (Frankfurt)")
    );
    assert_eq!(
        get(&frankfurt, "usageTypePrefix").as_string().as_deref(),
        Some("EUC1")
    );
    assert_eq!(get(&frankfurt, "complete").as_bool(), Some(false));
    let catalog = catalog().expect("serialises");
    assert_eq!(
        get(&catalog, "asOf").as_string().as_deref(),
        Some(acumen::prices::CATALOG_AS_OF)
    );
    let entries: js_sys::Array = get(&catalog, "entries").dyn_into().expect("an array");
    assert_eq!(entries.length() as usize, acumen::prices::entries().len());
    for entry in entries.iter() {
        let region = get(&entry, "region").as_string().expect("a region");
        assert!(regions.contains(&region), "{region}");
    }
    let classes: js_sys::Array = get(&catalog, "instanceClasses")
        .dyn_into()
        .expect("an array");
    assert!(classes.length() > 0);
}

#[wasm_bindgen_test]
fn max_connections_checks_the_range() {
    let pg = max_connections(js(
        r#"{"engine": "aurora-postgresql", "minAcu": 1, "maxAcu": 16}"#,
    ))
    .expect("computes");
    assert_eq!(get(&pg, "value").as_f64(), Some(3360.0));
    assert_eq!(get(&pg, "basis").as_string().as_deref(), Some("published"));
    let capped = max_connections(js(
        r#"{"engine": "aurora-postgresql", "minAcu": 0.5, "maxAcu": 16}"#,
    ))
    .expect("computes");
    assert_eq!(get(&capped, "value").as_f64(), Some(2000.0));
    assert_eq!(get(&capped, "cappedByMin").as_bool(), Some(true));
    let cases = [
        (
            r#"{"engine": "aurora-mysql", "minAcu": 0, "maxAcu": 0.5}"#,
            "out_of_range",
            "maxAcu",
        ),
        (
            r#"{"engine": "aurora-mysql", "minAcu": 4, "maxAcu": 2}"#,
            "conflict",
            "minAcu",
        ),
        (
            r#"{"engine": "aurora-mysql", "minAcu": 0.3, "maxAcu": 2}"#,
            "off_grid",
            "minAcu",
        ),
        (
            r#"{"engine": "aurora-mysql", "minAcu": 1, "maxAcu": 300}"#,
            "out_of_range",
            "maxAcu",
        ),
        // A field missing from the argument itself is named.
        (
            r#"{"engine": "aurora-mysql", "minAcu": 1}"#,
            "missing_field",
            "maxAcu",
        ),
        (
            r#"{"engine": "aurora-mysql", "maxAcu": 16}"#,
            "missing_field",
            "minAcu",
        ),
        (r#"{"minAcu": 1, "maxAcu": 16}"#, "missing_field", "engine"),
        (
            r#"{"engine": "mysql", "minAcu": 1, "maxAcu": 2}"#,
            "unknown_variant",
            "engine",
        ),
    ];
    for (input, code, field) in cases {
        let error = max_connections(js(input))
            .map_err(JsValue::from)
            .expect_err(input);
        assert_eq!(
            code_and_field(&error),
            (code.into(), field.into()),
            "{input}"
        );
    }
}

#[wasm_bindgen_test]
fn capabilities_follow_the_engine_version() {
    let old = capabilities(js(
        r#"{"engine": "aurora-mysql", "engineVersion": "3.04.0"}"#,
    ))
    .expect("computes");
    assert_eq!(get(&old, "serverless").as_bool(), Some(true));
    assert_eq!(get(&old, "autoPause").as_bool(), Some(false));
    assert_eq!(get(&old, "maxAcu").as_f64(), Some(128.0));
    let current = capabilities(js(r#"{"engine": "aurora-postgresql"}"#)).expect("computes");
    assert_eq!(get(&current, "maxAcu").as_f64(), Some(256.0));
    let error = capabilities(js(
        r#"{"engine": "aurora-postgresql", "engineVersion": "16"}"#,
    ))
    .map_err(JsValue::from)
    .expect_err("a version needs a minor part");
    assert_eq!(
        code_and_field(&error),
        ("out_of_range".into(), "engineVersion".into())
    );
}

#[wasm_bindgen_test]
fn validate_returns_warnings_or_throws() {
    // Singapore's storage price has one undated source: low confidence.
    let ok = validate(js(r#"{"region": "ap-southeast-1"}"#)).expect("valid");
    assert_eq!(get(&ok, "valid").as_bool(), Some(true));
    assert_eq!(
        get(&ok, "warnings.0.kind").as_string().as_deref(),
        Some("low-confidence-price")
    );
    let partial = validate(js(r#"{"region": "eu-central-1"}"#)).expect("valid");
    assert_eq!(
        get(&partial, "warnings.0.field").as_string().as_deref(),
        Some("priceOverrides.storageStandard")
    );
    let error = validate(js(r#"{"scaling": {"maxAcu": 3.3}}"#))
        .map_err(JsValue::from)
        .expect_err("off grid");
    assert_eq!(
        code_and_field(&error),
        ("off_grid".into(), "scaling.maxAcu".into())
    );
    let error = validate(JsValue::UNDEFINED)
        .map_err(JsValue::from)
        .expect_err("a scenario is required");
    assert_eq!(code_and_field(&error), ("wrong_type".into(), "".into()));
}
