//! A progress bar on standard error, for long reads (replays, price
//! imports). It is drawn only when standard error is a terminal, so pipes,
//! files and tests never see it; it is erased when the work is done.

use std::io::{IsTerminal, Write};

/// Width of the bar between the brackets, in characters.
const WIDTH: usize = 30;

/// A progress bar (or a status message) on one line of standard error.
pub struct Progress {
    label: String,
    enabled: bool,
    /// The last percentage drawn, to redraw only when it changes.
    drawn: Option<u32>,
    /// Something is on the line and must be erased.
    dirty: bool,
}

impl Progress {
    /// A bar labelled `label`, drawn if `worth_showing` (the work is long)
    /// and standard error is a terminal.
    pub fn on_stderr(label: impl Into<String>, worth_showing: bool) -> Progress {
        Progress {
            label: label.into(),
            enabled: worth_showing && std::io::stderr().is_terminal(),
            drawn: None,
            dirty: false,
        }
    }

    /// Shows `fraction` (0 to 1) of the work done.
    pub fn set(&mut self, fraction: f64) {
        if !self.enabled {
            return;
        }
        let percent = percent(fraction);
        if self.drawn == Some(percent) {
            return;
        }
        self.drawn = Some(percent);
        self.draw(&bar(&self.label, fraction));
    }

    /// Replaces the bar with a status message, e.g. "simulating…".
    pub fn status(&mut self, message: &str) {
        if self.enabled {
            self.drawn = None;
            self.draw(message);
        }
    }

    /// Erases the line.
    pub fn finish(&mut self) {
        if self.dirty {
            let mut err = std::io::stderr().lock();
            // A failed write to the terminal is not worth failing the run for.
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
            self.dirty = false;
        }
    }

    fn draw(&mut self, text: &str) {
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[K{text}");
        let _ = err.flush();
        self.dirty = true;
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

fn percent(fraction: f64) -> u32 {
    if fraction.is_finite() {
        (fraction.clamp(0.0, 1.0) * 100.0) as u32
    } else {
        0
    }
}

/// `label [=============>                ]  45%`
fn bar(label: &str, fraction: f64) -> String {
    let percent = percent(fraction);
    let filled = (percent as usize * WIDTH) / 100;
    let mut cells = "=".repeat(filled);
    if filled < WIDTH {
        cells.push('>');
        cells.push_str(&" ".repeat(WIDTH - filled - 1));
    }
    // Long labels (deep paths) are cut from the left, keeping the file name.
    let shown: String = if label.chars().count() > 40 {
        let tail: Vec<char> = label.chars().rev().take(39).collect();
        std::iter::once('…').chain(tail.into_iter().rev()).collect()
    } else {
        label.to_string()
    };
    format!("{shown} [{cells}] {percent:>3}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_with_the_fraction() {
        assert_eq!(
            bar("reading a.csv", 0.0),
            format!("reading a.csv [>{}]   0%", " ".repeat(29))
        );
        assert_eq!(
            bar("x", 0.5),
            format!("x [{}>{}]  50%", "=".repeat(15), " ".repeat(14))
        );
        assert_eq!(bar("x", 1.0), format!("x [{}] 100%", "=".repeat(30)));
        assert_eq!(bar("x", f64::NAN), bar("x", 0.0));
        assert_eq!(bar("x", 7.0), bar("x", 1.0));
        let long = format!("reading {}/offer.json", "d".repeat(60));
        assert!(bar(&long, 0.1).starts_with("…dddd"));
        assert!(bar(&long, 0.1).contains("/offer.json ["));
    }

    #[test]
    fn nothing_is_drawn_off_a_terminal() {
        // Tests run with standard error captured: never a terminal here, and
        // never drawn when the work is short.
        let mut p = Progress::on_stderr("reading", false);
        p.set(0.5);
        p.status("simulating…");
        assert!(!p.dirty && p.drawn.is_none());
    }
}
