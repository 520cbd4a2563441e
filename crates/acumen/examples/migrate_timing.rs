use acumen::migrate::{CpuTrace, MigrationInput, migrate};
fn main() {
    let mut percent = Vec::new();
    let mut x: f64 = 20.0;
    let mut seed: u64 = 42;
    for _ in 0..14 * 1440 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let r = ((seed >> 33) as f64 / (1u64 << 31) as f64) - 0.5;
        x = (x + r * 4.0).clamp(1.0, 95.0);
        percent.push(x);
    }
    let input = MigrationInput {
        class: "db.r6g.xlarge".into(),
        cpu_trace: Some(CpuTrace {
            interval_seconds: 60,
            percent,
        }),
        ..MigrationInput::default()
    };
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let m = migrate(&input).unwrap();
        println!(
            "{:?} {:?} {}",
            t.elapsed(),
            (m.proposed.min_acu, m.proposed.max_acu),
            m.serverless.monthly_micro_usd
        );
    }
}
