//! `acumen`: Aurora Serverless v2 cost estimates from the command line.
#![forbid(unsafe_code)]
#![warn(missing_docs, rust_2018_idioms, unused_qualifications)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod input;
mod output;

/// Exit status for an invalid scenario (a field breaks a rule, or the file
/// does not parse).
const EXIT_INVALID: u8 = 1;
/// Exit status when a file cannot be read or the output cannot be written.
const EXIT_IO: u8 = 3;

#[derive(Parser)]
#[command(
    name = "acumen",
    version,
    about = "Capacity and cost maths for Amazon Aurora Serverless v2",
    after_help = "Exit status: 0 success, 1 invalid scenario, 2 usage error, 3 unreadable file.\n\n\
Examples:\n  acumen estimate scenario.toml\n  acumen estimate scenario.json --format json\n  echo '{}' | acumen estimate -"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Itemised monthly bill for a scenario file (TOML or JSON).
    #[command(
        after_help = "Examples:\n  acumen estimate scenario.toml\n  acumen estimate - --format json < scenario.json"
    )]
    Estimate {
        /// Scenario file (.toml or .json), or `-` for standard input.
        /// Omitted: the default scenario.
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

/// How to print a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// An aligned, readable table.
    Table,
    /// The report as JSON, identical in shape to the npm package's result.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Estimate { file, format } => run_estimate(file, format),
    }
}

fn run_estimate(file: Option<PathBuf>, format: Format) -> ExitCode {
    let scenario = match input::read_scenario(file.as_deref()) {
        Ok(s) => s,
        Err(input::Failure::Io(message)) => return fail(EXIT_IO, &message),
        Err(input::Failure::Invalid(message)) => return fail(EXIT_INVALID, &message),
    };
    let report = match acumen::estimate(&scenario) {
        Ok(r) => r,
        Err(e) => {
            let origin = input::origin(file.as_deref());
            return fail(EXIT_INVALID, &format!("{origin}: {e}"));
        }
    };
    match output::print_report(&report, format) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(EXIT_IO, &format!("cannot write the report: {e}")),
    }
}

fn fail(code: u8, message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(code)
}
