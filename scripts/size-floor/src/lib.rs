//! One export per capability of the npm package, each running the core on an
//! input made from its argument and handing the whole result to
//! `black_box`, so nothing the package would return can be optimised away.
//! Nothing is decoded from or encoded to JavaScript. It links std, as the
//! package does (std brings the allocator and the panic handler).

use std::hint::black_box;

use acumen::Scenario;

/// A scenario the optimiser cannot see into, so no branch of the core is
/// dropped for a constant input.
fn scenario(storage_gb: u32) -> Scenario {
    black_box(Scenario {
        storage_gb: f64::from(storage_gb),
        ..Scenario::default()
    })
}

/// `estimate` (bill, simulation, comparison and advice are all in its report).
#[unsafe(no_mangle)]
pub extern "C" fn estimate(storage_gb: u32) {
    let _ = black_box(acumen::estimate(&scenario(storage_gb)));
}

/// `validate`.
#[cfg(feature = "full-api")]
#[unsafe(no_mangle)]
pub extern "C" fn validate(storage_gb: u32) {
    let valid = scenario(storage_gb).validate();
    let _ = black_box(valid.and_then(|v| acumen::estimate_valid(&v)));
}

/// `optimize`.
#[cfg(feature = "full-api")]
#[unsafe(no_mangle)]
pub extern "C" fn optimize(storage_gb: u32) {
    let options = black_box(acumen::optimize::OptimizeOptions::default());
    let _ = black_box(acumen::optimize::optimize(&scenario(storage_gb), &options));
}

/// `cloudformation` and `terraform`.
#[cfg(feature = "full-api")]
#[unsafe(no_mangle)]
pub extern "C" fn export(storage_gb: u32) {
    let _ = black_box(acumen::export::cloudformation(&scenario(storage_gb)));
    let _ = black_box(acumen::export::terraform(&scenario(storage_gb)));
}

/// `migrate`.
#[cfg(feature = "full-api")]
#[unsafe(no_mangle)]
pub extern "C" fn migrate(percent: u32) {
    let input = acumen::migrate::MigrationInput {
        class: black_box(String::from("db.r6g.xlarge")),
        cpu_trace: Some(acumen::migrate::CpuTrace {
            interval_seconds: 60,
            percent: vec![f64::from(percent % 100); 60],
        }),
        ..acumen::migrate::MigrationInput::default()
    };
    let _ = black_box(acumen::migrate::migrate(black_box(&input)));
}

/// `simulateTrace`.
#[cfg(feature = "full-api")]
#[unsafe(no_mangle)]
pub extern "C" fn simulate_trace(seconds: u32) {
    let samples = vec![f64::from(seconds % 64); seconds as usize];
    let settings = black_box(acumen::sim::per_second::TraceSettings::default());
    let _ = black_box(acumen::sim::per_second::simulate_per_second(
        &settings, &samples,
    ));
}

/// `readCloudWatch`.
#[cfg(feature = "full-api")]
#[unsafe(no_mangle)]
pub extern "C" fn read_cloud_watch(rows: u32) {
    let text: String = (0..rows)
        .map(|i| format!("2026-09-01T00:{:02}:00Z,{}.5\n", i % 60, i % 16))
        .collect();
    let reading = acumen::cloudwatch::ReadOptions::default();
    let options = acumen::cloudwatch::GridOptions::default();
    let _ = black_box(acumen::cloudwatch::read_grid(
        black_box(&text),
        "capacity",
        black_box(&reading),
        &options,
    ));
}

/// `maxConnections`, `capabilities`, `catalog` and `regions`.
#[cfg(feature = "full-api")]
#[unsafe(no_mangle)]
pub extern "C" fn engine(acu: u32) {
    let engine = black_box(acumen::Engine::default());
    if let Ok(acu) = acumen::Acu::from_f64(f64::from(acu), "acu") {
        black_box(acumen::engine::max_connections(engine, acu, acu));
    }
    let version = acumen::Version::parse(black_box("16.3"), "engineVersion").ok();
    black_box(acumen::engine::capabilities(engine, version));
    black_box(acumen::prices::entries());
    black_box(acumen::prices::instance_classes());
    black_box(
        acumen::prices::regions()
            .iter()
            .map(acumen::prices::Region::coverage)
            .collect::<Vec<_>>(),
    );
}
