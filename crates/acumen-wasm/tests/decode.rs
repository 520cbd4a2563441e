//! `decode` against the reference: serde_path_to_error over the JSON text
//! of the same value, as the CLI decodes a file. Every value of a document
//! holding every input type is replaced in turn by odd values, objects get
//! unknown keys and lose each key, and the two must agree on the result, the
//! error code, the field and the message.
#![cfg(target_arch = "wasm32")]

use acumen::{Error, ErrorCode};
use acumen_wasm::decode;
use serde_json::{Value, json};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// Every input type in one document, including the fields that default
/// to absent.
fn kitchen_sink() -> Value {
    json!({
        "region": "eu-west-1", "engine": "aurora-mysql", "engineVersion": "3.08.0",
        "platformVersion": 3,
        "storageType": "io-optimized", "hoursPerMonth": 720,
        "scaling": { "minAcu": 0.5, "maxAcu": 16, "secondsUntilAutoPause": 300 },
        "workload": { "businessHours": { "peakAcu": 8, "offPeakAcu": 1, "hoursPerDay": 10,
            "startHour": 8, "daysPerWeek": 5 } },
        "spikes": [ { "extraAcu": 2.5, "everyHours": 24, "startMinute": 5, "durationMinutes": 10 } ],
        "readers": [ { "promotionTier": 1 },
            { "promotionTier": 3, "workload": { "levels": [ { "acu": 2, "hours": 100 } ] } },
            { "workload": { "weekly": { "hourlyAcu": [1, 2.5] } } },
            { "workload": { "trace": { "intervalSeconds": 60, "acu": [1, 2, 3] } } },
            { "workload": { "steady": { "acu": 3 } } } ],
        "storageGb": 100, "io": { "rates": { "baselinePerSecond": 10, "peakPerSecond": 100,
            "peakHoursPerMonth": 20 } },
        "backupStorageGb": 10,
        "extras": { "rdsProxy": true, "dataApiRequests": 1e6, "dataApiPayloadKb": 4,
            "snapshotExportGb": 1, "performanceInsightsRetention": true,
            "databaseInsights": "advanced",
            "backtrackChangeRecords": 5, "globalWriteIos": 7, "extendedSupport": false },
        "priceOverrides": { "serverlessStandard": 0.2, "serverlessIoOptimized": 0.3,
            "storageStandard": 0.1, "storageIoOptimized": 0.2, "ioRequests": 0.2, "backup": 0.02,
            "snapshotExport": 0.01, "backtrack": 0.012, "globalWriteIo": 0.2,
            "proxyServerless": 0.015, "proxyProvisioned": 0.015, "dataApi": 0.35,
            "dataApiOverBillion": 0.2, "performanceInsightsRetention": 0.1, "extendedSupport": 0.1,
            "databaseInsightsAdvanced": 0.01 },
        "priceBook": { "name": "AWS Price List (AmazonRDS)", "asOf": "2026-11-01",
            "source": "offer AmazonRDS version 20261101000000, file index.json",
            "entries": [ { "region": "eu-west-1", "item": "serverlessStandard",
                "engine": "aurora-mysql", "priceNanoUsd": 140000000, "sku": "SKU1", "note": "n" } ],
            "instanceClasses": [ { "region": "eu-west-1", "class": "db.r6g.large",
                "engine": "aurora-mysql", "vcpu": 2, "memoryGib": 16,
                "onDemandHourlyNanoUsd": 290000000, "ioOptimizedHourlyNanoUsd": 377000000,
                "reserved": [ { "termYears": 3, "payment": "all-upfront", "ioOptimized": true,
                    "upfrontMicroUsd": 300000000, "hourlyNanoUsd": 0 } ] } ],
            "notes": [ "eu-west-1: dataApi is not read from the price list by this import" ] },
        "controller": { "detectUpSeconds": 5, "scaleUpRate": 0.5, "burstStepAcu": 1,
            "holdDownSeconds": 60, "scaleDownRate": 0.1, "resumeSeconds": 15,
            "deepResumeSeconds": 30, "resumeAcu": 2, "pauseDelaySeconds": 108 },
        "compare": { "classes": [ { "class": "db.r6g.large", "onDemandHourly": 0.26,
            "memoryGib": 16, "savingsPlanDiscount": 0.2,
            "reserved": [ { "termYears": 1, "payment": "no-upfront", "hourly": 0.2,
                "upfront": 100, "discount": 0.3 } ] } ],
            "serverlessSavingsPlanDiscount": 0.1, "serverlessSavingsPlanRate": 0.096,
            "serverlessSavingsPlanCommitment": 0.5, "savingsPlanTermYears": 1,
            "savingsPlanPayment": "no-upfront" },
        "application": { "workingSetGib": 4, "appInstances": 3, "poolSize": 10,
            "performanceInsights": true, "globalDatabase": false, "logicalReplication": true,
            "zeroEtl": false, "babelfish": true, "maxLocksPerTransactionRaised": false }
    })
}

fn odd_values() -> Vec<Value> {
    vec![
        json!(null),
        json!(true),
        json!("x"),
        json!(""),
        json!(-1),
        json!(0),
        json!(1.5),
        json!(3.3),
        json!(256),
        json!(1e300),
        json!(-2.5),
        // Integers beyond 2^53 have no exact JS number.
        json!(300),
        json!(70000),
        json!(4294967296u64),
        json!([]),
        json!([1, 2]),
        json!(["a"]),
        json!({}),
        json!({ "zz": 1 }),
        json!({ "steady": { "acu": 1 } }),
        json!({ "steady": {}, "levels": [] }),
        json!("steady"),
        json!("none"),
        json!({ "none": null }),
        json!({ "none": {} }),
        json!({ "levels": {} }),
        json!({ "monthly": 5 }),
        json!("no-upfront"),
        json!("aurora-mysql"),
    ]
}

/// Every value in the document, with how to reach it.
fn places(value: &Value, pointer: String, out: &mut Vec<String>) {
    out.push(pointer.clone());
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                places(item, format!("{pointer}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                places(item, format!("{pointer}/{k}"), out);
            }
        }
        _ => {}
    }
}

/// A decoding result with the error as (code, field, message).
type Outcome<T> = Result<T, (String, String, String)>;

fn parts(e: &Error) -> (String, String, String) {
    (
        e.code().as_str().into(),
        e.field().into(),
        e.message().into(),
    )
}

/// What the CLI makes of the document: a field missing from the argument
/// itself is named, as the bindings name it.
fn reference<T: serde::de::DeserializeOwned>(doc: &Value) -> Outcome<T> {
    serde_path_to_error::deserialize::<_, T>(doc.clone()).map_err(|e| {
        let (path, message) = (e.path().to_string(), e.inner().to_string());
        let error = Error::from_decode(&path, &message);
        match message.split('`').nth(1) {
            Some(name) if error.code() == ErrorCode::MissingField && error.field().is_empty() => {
                parts(&Error::new(
                    ErrorCode::MissingField,
                    name,
                    format_args!("{message}"),
                ))
            }
            _ => parts(&error),
        }
    })
}

fn outcome<T: acumen_wasm::Decode + PartialEq + core::fmt::Debug>(
    doc: &Value,
) -> (Outcome<T>, Outcome<T>) {
    let js = js_sys::JSON::parse(&doc.to_string()).expect("JSON");
    let ours = decode::<T>(&js).map_err(|e| parts(&e));
    // The JSON of the JS value: numbers as JavaScript holds them.
    let text: String = js_sys::JSON::stringify(&js).expect("JSON").into();
    let normalised: Value = serde_json::from_str(&text).expect("JSON");
    // The one deliberate difference: serde reads a struct from an array of
    // its fields, `decode` refuses it.
    if let Err(error) = &ours
        && error
            .2
            .starts_with("invalid type: sequence, expected struct")
    {
        let same = Err(error.clone());
        return (ours, same);
    }
    (ours, reference::<T>(&normalised))
}

fn check_all<T: acumen_wasm::Decode + PartialEq + core::fmt::Debug>(base: Value) -> usize {
    let mut pointers = Vec::new();
    places(&base, String::new(), &mut pointers);
    let mut docs = vec![base.clone()];
    for pointer in &pointers {
        docs.extend(variants(&base, pointer));
    }
    let mut errors = 0;
    for doc in &docs {
        if !doc.is_object() {
            continue; // a root that is not an object: tests/node/api.test.mjs
        }
        let (ours, reference) = outcome::<T>(doc);
        assert_eq!(ours, reference, "{doc}");
        errors += usize::from(ours.is_err());
    }
    assert!(errors > 0);
    docs.len()
}

/// `base` with the value at `pointer` replaced by each odd value, and, for
/// an object, with an unknown key and without each of its keys, and for an
/// array, with one more element.
fn variants(base: &Value, pointer: &str) -> Vec<Value> {
    let mut docs = Vec::new();
    for odd in odd_values() {
        let mut doc = base.clone();
        *doc.pointer_mut(pointer).unwrap() = odd;
        docs.push(doc);
    }
    if let Some(Value::Object(object)) = base.pointer(pointer) {
        for (key, value) in [("zzUnknown", json!(1)), ("", json!(1))] {
            let mut doc = base.clone();
            let target = doc.pointer_mut(pointer).unwrap().as_object_mut().unwrap();
            target.insert(key.into(), value);
            docs.push(doc);
        }
        for key in object.keys() {
            let mut doc = base.clone();
            let target = doc.pointer_mut(pointer).unwrap().as_object_mut().unwrap();
            target.remove(key);
            docs.push(doc);
        }
    }
    if let Some(Value::Array(_)) = base.pointer(pointer) {
        let mut doc = base.clone();
        let target = doc.pointer_mut(pointer).unwrap().as_array_mut().unwrap();
        target.push(json!({ "q": 1 }));
        docs.push(doc);
    }
    docs
}

#[wasm_bindgen_test]
fn decode_agrees_with_serde_path_to_error_on_json() {
    let mut n = 0;
    n += check_all::<acumen::Scenario>(kitchen_sink());
    n += check_all::<acumen::Scenario>(serde_json::to_value(acumen::Scenario::default()).unwrap());
    n += check_all::<acumen::Scenario>(json!({ "io": { "monthly": { "requests": 5 } },
        "workload": { "steady": { "acu": 4 } }, "readers": [ {} ], "io2": null }));
    n += check_all::<acumen::sim::per_second::TraceSettings>(
        serde_json::to_value(acumen::sim::per_second::TraceSettings::default()).unwrap(),
    );
    n += check_all::<acumen::optimize::OptimizeOptions>(
        serde_json::to_value(acumen::optimize::OptimizeOptions::default()).unwrap(),
    );
    assert!(n > 1000, "{n}");
}

#[wasm_bindgen_test]
fn a_struct_is_not_read_from_an_array() {
    let js = js_sys::JSON::parse(r#"{ "scaling": [0.5, 16] }"#).unwrap();
    let error = decode::<acumen::Scenario>(&js).unwrap_err();
    assert_eq!(
        parts(&error),
        (
            "wrong_type".into(),
            "scaling".into(),
            "invalid type: sequence, expected struct Scaling".into()
        )
    );
    // serde itself would take the array as the fields in order.
    let direct = serde_json::from_value::<acumen::Scenario>(json!({ "scaling": [0.5, 16] }));
    assert_eq!(direct.unwrap().scaling.max_acu, 16.0);
}

/// A typed array and a long array of numbers (both read as blocks) decode
/// as the reference decodes the JSON array with the same numbers, whatever
/// the target.
#[wasm_bindgen_test]
fn blocks_decode_as_the_arrays_they_stand_for() {
    let samples: Vec<f64> = (0..100).map(|i| f64::from(i) / 2.0).collect();
    let targets = [
        "workload/trace/acu",
        "workload/weekly/hourlyAcu",
        "region",
        "engineVersion",
        "scaling",
        "workload",
        "workload/steady",
        "workload/levels",
        "readers",
        "io/none",
        "io/monthly",
        "storageGb",
    ];
    let mut accepted = 0;
    for target in targets {
        let mut doc = json!({});
        let mut at = &mut doc;
        for key in target.split('/') {
            at = at.as_object_mut().unwrap().entry(key).or_insert(json!({}));
        }
        *at = json!(samples);
        if target.starts_with("workload/trace") {
            doc["workload"]["trace"]["intervalSeconds"] = json!(60);
        }
        let (plain, reference) = outcome::<acumen::Scenario>(&doc);
        assert_eq!(plain, reference, "{target}");
        // The same with a Float64Array in place of the array.
        let js = js_sys::JSON::parse(&doc.to_string()).unwrap();
        let keys: Vec<&str> = target.split('/').collect();
        let (last, parents) = keys.split_last().unwrap();
        let parent = parents.iter().fold(js.clone(), |v, key| {
            js_sys::Reflect::get(&v, &JsValue::from(*key)).unwrap()
        });
        let typed = js_sys::Float64Array::from(&samples[..]);
        js_sys::Reflect::set(&parent, &JsValue::from(*last), &typed).unwrap();
        let ours = decode::<acumen::Scenario>(&js).map_err(|e| parts(&e));
        assert_eq!(ours, plain, "{target}");
        accepted += usize::from(plain.is_ok());
    }
    assert_eq!(accepted, 2, "the trace and the weekly list");
}

/// Each trace's samples, handed over after decoding, reach their own trace:
/// the writer's and each reader's, whichever key comes first, a -0 read as
/// 0; a trace whose samples are too few to be a block, or an array given
/// twice (a block is read once), is read element by element all the same.
#[wasm_bindgen_test]
fn trace_samples_reach_their_own_trace() {
    let series = |k: u32| -> Vec<f64> { (0..200).map(|i| f64::from(i % 7 + k) / 2.0).collect() };
    let typed = |samples: &[f64]| JsValue::from(js_sys::Float64Array::from(samples));
    let trace = |acu: JsValue| {
        let trace = js_sys::Object::new();
        js_sys::Reflect::set(&trace, &"intervalSeconds".into(), &60.into()).unwrap();
        js_sys::Reflect::set(&trace, &"acu".into(), &acu).unwrap();
        let workload = js_sys::Object::new();
        js_sys::Reflect::set(&workload, &"trace".into(), &trace).unwrap();
        JsValue::from(workload)
    };
    let reader = |workload: Option<JsValue>| {
        let reader = js_sys::Object::new();
        if let Some(workload) = workload {
            js_sys::Reflect::set(&reader, &"workload".into(), &workload).unwrap();
        }
        JsValue::from(reader)
    };
    let mut writer = series(1);
    writer[3] = -0.0;
    let shared = typed(&series(5));
    let readers = js_sys::Array::of4(
        &reader(Some(trace(typed(&series(2))))),
        &reader(None),
        &reader(Some(trace(shared.clone()))),
        &reader(Some(trace(js_sys::Array::of2(&1.into(), &2.into()).into()))),
    );
    readers.push(&reader(Some(trace(shared))));
    // Readers first, so the paths are read in another order than the fields.
    let scenario = js_sys::Object::new();
    js_sys::Reflect::set(&scenario, &"readers".into(), &readers).unwrap();
    js_sys::Reflect::set(&scenario, &"workload".into(), &trace(typed(&writer))).unwrap();
    let decoded = decode::<acumen::Scenario>(&scenario.into()).unwrap();
    let acu = |workload: Option<&acumen::Workload>| match workload {
        Some(acumen::Workload::Trace(trace)) => trace.acu.clone(),
        other => panic!("not a trace: {other:?}"),
    };
    writer[3] = 0.0;
    assert_eq!(acu(Some(&decoded.workload)), writer);
    assert!(acu(Some(&decoded.workload))[3].is_sign_positive());
    let readers = &decoded.readers;
    assert_eq!(acu(readers[0].workload.as_ref()), series(2));
    assert!(readers[1].workload.is_none());
    assert_eq!(acu(readers[2].workload.as_ref()), series(5));
    assert_eq!(acu(readers[3].workload.as_ref()), [1.0, 2.0]);
    assert_eq!(acu(readers[4].workload.as_ref()), series(5));
}
