//! Arbitrary UTF-8 through the CLI's fleet inventory reader (`acumen
//! migrate --fleet`): it may refuse the text, naming a line, but never
//! panic; what it accepts has an id, a class and a CPU path on every row,
//! lines in order, and a row's cells printed back as CSV read the same.
#![no_main]
#![forbid(unsafe_code)]

use acumen_fuzz::inventory::{MAX_ENTRIES, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match parse(text) {
        Ok(entries) => {
            assert!(!entries.is_empty() && entries.len() <= MAX_ENTRIES);
            for pair in entries.windows(2) {
                assert!(pair[0].line < pair[1].line);
            }
            for e in &entries {
                assert!(!e.id.is_empty() && !e.class.is_empty() && !e.cpu.is_empty());
                let quote = |c: &str| format!("\"{}\"", c.replace('"', "\"\""));
                let again = format!(
                    "id,class,engine,region,cpu\n{},{},{},{},{}\n",
                    quote(&e.id),
                    quote(&e.class),
                    quote(&e.engine),
                    quote(&e.region),
                    quote(&e.cpu)
                );
                let back = parse(&again).expect("a row printed back reads");
                assert_eq!(
                    (&back[0].id, &back[0].class, &back[0].engine, &back[0].region, &back[0].cpu),
                    (&e.id, &e.class, &e.engine, &e.region, &e.cpu)
                );
            }
        }
        Err(message) => assert!(!message.is_empty()),
    }
});
