//! The paths the crate had before its modules followed the flow still name
//! the same items (kept as re-exports for the crate's users).

#[test]
fn former_paths_name_the_same_items() {
    let _: acumen::scenario::Engine = acumen::vocabulary::Engine::AuroraMysql;
    let _: acumen::scenario::StorageType = acumen::vocabulary::StorageType::IoOptimized;
    let _: acumen::scenario::PriceOverrides = acumen::vocabulary::PriceOverrides::default();
    let _: acumen::scenario::Workload = acumen::workload::Workload::default();
    let _: acumen::scenario::Trace = acumen::workload::Trace::default();
    let _: acumen::compare::Payment = acumen::vocabulary::Payment::AllUpfront;
    let _: acumen::compare::CompareOptions = acumen::scenario::CompareOptions::default();
    let _: acumen::advise::Application = acumen::scenario::Application::default();
    let _: acumen::prices::PriceItem = acumen::vocabulary::PriceItem::Backup;
    let _: acumen::sim::Controller = acumen::vocabulary::Controller::default();
    let _: Option<acumen::report::ModelInfo> = None::<acumen::vocabulary::ModelInfo>;
    let _: Option<acumen::report::InstanceUsage> = None::<acumen::usage::InstanceUsage>;
    let _: Option<acumen::report::Warning> = None::<acumen::bill::Warning>;
    let _: acumen::trace::TraceSettings = acumen::sim::per_second::TraceSettings::default();
    let _ = acumen::optimize::MAX_OPTIMIZE_WORK == acumen::decisions::optimize::MAX_OPTIMIZE_WORK;
    let _ = acumen::scenario::MAX_TRACE_SAMPLES + acumen::scenario::MAX_SCENARIO_SAMPLES;
    let same = |a: acumen::sim::Input, b: acumen::sim::Input| assert_eq!(a, b);
    same(
        acumen::sim::Input::trace_second(3),
        acumen::sim::Input::one_second(3),
    );
    let valid = acumen::Scenario::default().validate().unwrap();
    assert_eq!(
        acumen::bill::estimate_valid(&valid).unwrap(),
        acumen::estimate(&acumen::Scenario::default()).unwrap()
    );
    let settings = acumen::sim::Settings {
        min: 1,
        max: 32,
        pausing: acumen::sim::Pausing::Never,
        initial: 8,
        controller: acumen::sim::Controller::default(),
    };
    assert_eq!(
        acumen::sim::simulate_trace(&settings, &[8, 16]),
        acumen::sim::simulate_seconds(&settings, &[8, 16])
    );
}
