//! `acumen`: Aurora Serverless v2 cost estimates from the command line.
#![forbid(unsafe_code)]
#![warn(missing_docs, rust_2018_idioms, unused_qualifications)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use acumen::cloudwatch::{ReadOptions, Statistic};
use acumen::prices::PriceBook;
use acumen::{Engine, Scenario, StorageType};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

mod calibrate;
mod cloudwatch;
mod decisions;
mod download;
mod fetch;
mod fleet;
mod input;
mod inventory;
mod migrate;
mod offer_rows;
mod output;
mod pricelist;
mod progress;
mod replay;
mod savings_plans_list;
mod table;

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
    after_help = "Exit status: 0 success, 1 invalid input (the one-line error names the file, the line \
where known, and the field), 2 usage error, 3 unreadable file or unwritable output. With --format json \
the error is one JSON line instead, with its stable code (docs/errors.md).\n\n\
Examples:\n  acumen estimate scenario.toml\n  acumen estimate scenario.json --format json\n  echo '{}' | acumen estimate -\n  \
acumen simulate scenario.toml --format csv\n  acumen validate scenario.toml\n  acumen prices show eu-west-1\n  \
acumen prices import index.json --region us-east-1 -o book.json\n  \
acumen prices fetch --region eu-central-1 -o book.json\n  acumen estimate scenario.toml --prices book.json\n  \
acumen max-connections --engine aurora-postgresql --min-acu 1 --max-acu 16\n  \
acumen replay writer.csv reader.csv --min-acu 0 --max-acu 8\n  \
acumen completions bash > ~/.local/share/bash-completion/completions/acumen"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Values that replace the scenario file's, before it is validated.
#[derive(Args, Clone, Debug, Default)]
struct Overrides {
    /// AWS region code, e.g. `eu-west-1`.
    #[arg(long)]
    region: Option<String>,
    /// Minimum capacity in ACUs (a multiple of 0.5; 0 turns on auto-pause).
    #[arg(long, value_name = "ACU")]
    min_acu: Option<f64>,
    /// Maximum capacity in ACUs (a multiple of 0.5, 1 to 256).
    #[arg(long, value_name = "ACU")]
    max_acu: Option<f64>,
    /// Hours in the billed month, 1 to 744.
    #[arg(long, value_name = "HOURS")]
    hours_per_month: Option<u32>,
    /// Serverless v2 platform version, 1 to 4 (default 4, what new clusters
    /// get): it sets how fast the model scales up, and version 1 stops at
    /// 128 ACU.
    #[arg(long, value_name = "N")]
    platform_version: Option<u8>,
    /// A price book (from `acumen prices import`) to price from before the
    /// built-in catalog; replaces the scenario's `priceBook`.
    #[arg(long, value_name = "BOOK")]
    prices: Option<PathBuf>,
    /// Fail (`unknown_price`, naming the field) instead of printing a
    /// partial bill when a price is unknown; sets the scenario's
    /// `strictPrices`.
    #[arg(long)]
    strict: bool,
}

impl Overrides {
    fn apply(&self, scenario: &mut Scenario) {
        if self.strict {
            scenario.strict_prices = true;
        }
        if let Some(region) = &self.region {
            scenario.region.clone_from(region);
        }
        if let Some(min) = self.min_acu {
            scenario.scaling.min_acu = min;
        }
        if let Some(max) = self.max_acu {
            scenario.scaling.max_acu = max;
        }
        if let Some(hours) = self.hours_per_month {
            scenario.hours_per_month = hours;
        }
        if let Some(version) = self.platform_version {
            scenario.platform_version = Some(version);
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Itemised monthly bill for a scenario file (TOML or JSON).
    #[command(after_help = "Examples:\n  acumen estimate scenario.toml\n  \
acumen estimate - --format json < scenario.json\n  \
acumen estimate scenario.toml --region eu-west-1 --max-acu 32 --format markdown\n  \
acumen estimate scenario.toml --prices book.json")]
    Estimate {
        /// Scenario file (.toml or .json), or `-` for standard input.
        /// Omitted: the default scenario.
        file: Option<PathBuf>,
        #[command(flatten)]
        overrides: Overrides,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Per-instance usage and the capacity/demand timeline (first week,
    /// downsampled) of a scenario.
    #[command(
        after_help = "CSV prints the timeline, one row per instance and bucket \
(instance,start_second,capacity_min,capacity_max,demand_min,demand_max); add --usage for the usage table instead.\n\n\
Examples:\n  acumen simulate scenario.toml\n  acumen simulate scenario.toml --format csv > timeline.csv\n  \
acumen simulate scenario.toml --format csv --usage"
    )]
    Simulate {
        /// Scenario file (.toml or .json), or `-` for standard input.
        /// Omitted: the default scenario.
        file: Option<PathBuf>,
        #[command(flatten)]
        overrides: Overrides,
        /// CSV only: print the per-instance usage instead of the timeline.
        #[arg(long)]
        usage: bool,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Checks a scenario file: prints "valid" and any warnings, or the error.
    #[command(after_help = "Examples:\n  acumen validate scenario.toml\n  \
acumen validate - < scenario.json && echo ok")]
    Validate {
        /// Scenario file (.toml or .json), or `-` for standard input.
        /// Omitted: the default scenario.
        file: Option<PathBuf>,
        #[command(flatten)]
        overrides: Overrides,
        /// Output format (table or json).
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Prices: the built-in catalog (with each price's source, date and
    /// confidence), and importing or fetching AWS's Price List into a price book.
    Prices {
        #[command(subcommand)]
        command: PricesCommand,
    },
    /// The default `max_connections` for a scaling range.
    #[command(
        after_help = "Examples:\n  acumen max-connections --engine aurora-postgresql --min-acu 1 --max-acu 16\n  \
acumen max-connections --engine aurora-mysql --min-acu 0.5 --max-acu 64 --format json"
    )]
    MaxConnections {
        /// Database engine.
        #[arg(long, value_enum, default_value_t = EngineArg::AuroraPostgresql)]
        engine: EngineArg,
        /// Engine version, e.g. 16.4 or 3.08.0 (checks the range is allowed).
        #[arg(long, value_name = "VERSION")]
        engine_version: Option<String>,
        /// Minimum capacity in ACUs.
        #[arg(long, value_name = "ACU")]
        min_acu: f64,
        /// Maximum capacity in ACUs.
        #[arg(long, value_name = "ACU")]
        max_acu: f64,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The scaling model against every published measurement of Aurora
    /// Serverless v2 scaling, on each platform version measured.
    #[command(
        after_help = "Sources and bands: docs/calibration.md.\n\nExamples:\n  acumen calibrate\n  \
acumen calibrate --format markdown"
    )]
    Calibrate {
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Serverless against provisioned classes and commitments: the ranked
    /// options, the break-even hours a day at peak, and the verdict.
    #[command(
        after_help = "Classes and Reserved/Savings Plans rates come from the scenario's \
[compare] section; rates the catalog lacks are shown as unknown.\n\nExamples:\n  acumen compare scenario.toml\n  \
acumen compare scenario.json --format json"
    )]
    Compare {
        /// Scenario file (.toml or .json), or `-` for standard input.
        file: Option<PathBuf>,
        #[command(flatten)]
        overrides: Overrides,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Configuration advice: minimum and maximum capacity, auto-pause,
    /// connections and RDS Proxy, alarms, storage and purchase.
    #[command(
        after_help = "Facts about the application (working set, pools, features) come \
from the scenario's [application] section.\n\nExamples:\n  acumen advise scenario.toml\n  acumen advise - --format json < s.json"
    )]
    Advise {
        /// Scenario file (.toml or .json), or `-` for standard input.
        file: Option<PathBuf>,
        #[command(flatten)]
        overrides: Overrides,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The cheapest (min, max) scaling range whose simulated unmet demand
    /// stays under a limit, and the cost/unmet frontier.
    #[command(
        after_help = "Examples:\n  acumen optimize scenario.toml\n  acumen optimize trace.json --max-unmet-share 0.01 --format json\n  \
acumen optimize scenario.toml --prices book.json"
    )]
    Optimize {
        /// Scenario file (.toml or .json), or `-` for standard input.
        file: Option<PathBuf>,
        /// Largest acceptable unmet demand, as a share of all demand (0 to 1).
        #[arg(long, default_value_t = 0.001)]
        max_unmet_share: f64,
        /// A price book (from `acumen prices import`) to price from first.
        #[arg(long, value_name = "BOOK")]
        prices: Option<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Infrastructure as code for the scenario's cluster: CloudFormation
    /// (YAML) or Terraform (HCL).
    #[command(
        after_help = "Examples:\n  acumen export cfn scenario.toml > cluster.yaml\n  acumen export tf scenario.toml > cluster.tf"
    )]
    Export {
        /// `cfn` (CloudFormation YAML) or `tf` (Terraform HCL).
        #[arg(value_enum)]
        kind: ExportKind,
        /// Scenario file (.toml or .json), or `-` for standard input.
        file: Option<PathBuf>,
    },
    /// Replays CloudWatch `ServerlessDatabaseCapacity` exports (the AWS
    /// CLI's JSON or CSV, per instance): what the recorded capacity cost
    /// beside what the same demand would cost with other settings.
    #[command(
        after_help = "Input, told apart by its content: the AWS CLI's JSON from \
`aws cloudwatch get-metric-data` (one series per MetricDataResults item, named by its Label or Id; \
pages concatenated or in one array) or `aws cloudwatch get-metric-statistics` (one series, named after \
the file; --statistic picks the value); the console's \"Download as CSV\" (a timestamp column, then \
one column per instance); get-metric-data as CSV (Timestamp,Value, optionally with an Id or Label \
column). Several files or series are several instances; the first is the writer, the others readers. \
Samples are sorted, resampled to their median spacing, and held across gaps up to --max-gap.\n\n\
CloudWatch keeps 1-minute data for 15 days, 5-minute data for 63 days and hourly data for 455 days: \
ask for 14 days at a 60-second period (README: \"Replay what CloudWatch recorded\").\n\n\
The cluster-level metric (DBClusterIdentifier) is an AVERAGE over the instances, not the billed sum: \
give --cluster-average N to multiply it by the instance count.\n\n\
A progress bar is drawn on standard error while large files are read, \
only when it is a terminal.\n\n\
Examples:\n  acumen replay cap.json\n  acumen replay capacity.csv\n  \
acumen replay writer.csv reader.csv --min-acu 0 --max-acu 8\n  \
acumen replay stats.json --statistic Maximum\n  \
acumen replay cluster.csv --cluster-average 3 --format json\n  acumen replay capacity.csv --prices book.json"
    )]
    Replay(ReplayArgs),
    /// From provisioned to Serverless v2: a provisioned instance's CPU load
    /// (a summary, a CloudWatch series or a fleet's inventory) sized in ACUs
    /// by AWS's serverless advisory rules, a range proposed, and its cost
    /// against the class on demand and committed.
    #[command(
        after_help = "Summary mode takes the figures a dashboard shows (--cpu-p95, --cpu-max, optionally \
--cpu-avg); series mode (--cpu FILE) a CloudWatch export of CPUUtilization (the AWS CLI's JSON or CSV), \
each sample becoming a demand in ACUs, simulated, with the cheapest range found by the optimizer; fleet \
mode (--fleet INVENTORY) a CSV of id,class,engine,region,cpu (cpu: a CloudWatch export, relative to the \
inventory), one row per instance, sorted by saving.\n\n\
Examples:\n  acumen migrate --class db.r6g.xlarge --cpu-p95 35 --cpu-max 72 --storage-gb 500\n  \
acumen migrate --class db.r6g.xlarge --cpu cpu.json --format json\n  \
acumen migrate --fleet inventory.csv --prices book.json"
    )]
    Migrate(migrate::MigrateArgs),
    /// Shell completion script for bash, zsh, fish, PowerShell or Elvish,
    /// printed to standard output.
    #[command(
        after_help = "Examples:\n  acumen completions bash > ~/.local/share/bash-completion/completions/acumen\n  \
acumen completions zsh > ~/.zfunc/_acumen\n  acumen completions fish > ~/.config/fish/completions/acumen.fish\n  \
acumen completions powershell >> $PROFILE\n  acumen completions elvish >> ~/.config/elvish/rc.elv"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

// The options of `acumen replay` (its help text is the variant's).
#[derive(Args)]
struct ReplayArgs {
    /// CloudWatch exports, JSON or CSV (one or more instances each).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Which statistic of a get-metric-statistics datapoint is the value:
    /// Average, Maximum, Minimum, Sum, SampleCount, or an extended one such
    /// as p99.
    #[arg(long, value_name = "STAT", default_value = "Average", value_parser = Statistic::parse)]
    statistic: Statistic,
    /// Minimum capacity for the replay, ACUs (default: the recorded lowest).
    #[arg(long, value_name = "ACU")]
    min_acu: Option<f64>,
    /// Maximum capacity for the replay, ACUs (default: the recorded peak).
    #[arg(long, value_name = "ACU")]
    max_acu: Option<f64>,
    /// Idle seconds before pausing when --min-acu is 0 (300 to 86400).
    #[arg(long, value_name = "SECONDS")]
    seconds_until_auto_pause: Option<u32>,
    /// AWS region whose ACU-hour price both bills use.
    #[arg(long, default_value = "us-east-1")]
    region: String,
    /// Database engine.
    #[arg(long, value_enum, default_value_t = EngineArg::AuroraPostgresql)]
    engine: EngineArg,
    /// Engine version, e.g. 16.4 or 3.08.0.
    #[arg(long, value_name = "VERSION")]
    engine_version: Option<String>,
    /// Storage configuration (sets the ACU-hour price).
    #[arg(long, value_enum, default_value_t = StorageArg::Standard)]
    storage_type: StorageArg,
    /// Promotion tier of the readers (0-1 follow the writer; 2-15 scale on their own).
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(0..=15))]
    reader_tier: u8,
    /// Longest stretch, in seconds, a value is held across a gap; beyond
    /// it the instance counts as not running.
    #[arg(long, value_name = "SECONDS", default_value_t = 3600)]
    max_gap: u64,
    /// The input is the cluster-level metric, averaged over N instances:
    /// multiply by N (N instances at the average).
    #[arg(long, value_name = "N")]
    cluster_average: Option<u8>,
    /// A price book (from `acumen prices import`) to price from first.
    #[arg(long, value_name = "BOOK")]
    prices: Option<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    format: Format,
}

impl ReplayArgs {
    /// The replay's options; the price book is read later.
    fn options(&self) -> replay::Options {
        replay::Options {
            region: self.region.clone(),
            engine: self.engine.into(),
            engine_version: self.engine_version.clone(),
            storage_type: self.storage_type.into(),
            min_acu: self.min_acu,
            max_acu: self.max_acu,
            seconds_until_auto_pause: self.seconds_until_auto_pause,
            reader_tier: self.reader_tier,
            max_gap_seconds: self.max_gap,
            cluster_average: self.cluster_average,
            price_book: None,
        }
    }
}

#[derive(Subcommand)]
enum PricesCommand {
    /// Every commercial region (code, name, geography, usage-type prefix),
    /// complete or partial (the core prices the catalog, or the price book
    /// with --prices, lacks); with --region or --all, every price row: the
    /// price book's (with --prices), then the built-in catalog's.
    #[command(after_help = "Examples:\n  acumen prices list\n  \
acumen prices list --region eu-west-1 --format csv\n  acumen prices list --all --format json\n  \
acumen prices list --prices book.json --region us-east-1")]
    List {
        /// The price rows of this region.
        #[arg(long)]
        region: Option<String>,
        /// The price rows of every region.
        #[arg(long, conflicts_with = "region")]
        all: bool,
        /// A price book (from `acumen prices import`) to list before the catalog.
        #[arg(long, value_name = "BOOK")]
        prices: Option<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Every billable item in one region, unknown prices shown as unknown,
    /// and the provisioned instance classes (with a price book's Reserved
    /// terms).
    #[command(after_help = "Examples:\n  acumen prices show us-east-1\n  \
acumen prices show ap-southeast-1 --format json\n  acumen prices show us-east-1 --prices book.json")]
    Show {
        /// AWS region code.
        region: String,
        /// A price book (from `acumen prices import`) to price from first.
        #[arg(long, value_name = "BOOK")]
        prices: Option<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Reads an AWS Price List offer file for AmazonRDS (the bulk JSON
    /// format) and writes a price book: Aurora Serverless v2, storage, I/O,
    /// backup and RDS Proxy prices, and provisioned instance classes with
    /// their on-demand and Reserved (1- and 3-year, each payment option)
    /// rates, dated with the offer's publication date.
    #[command(
        after_help = "The offer file is AWS's public price list, e.g. the regional file\n  \
https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonRDS/current/us-east-1/index.json\n\
(the all-regions file works too; --region keeps one region). The book is JSON: give it to \
estimate, simulate, validate, compare, advise, optimize, replay and prices list/show with \
--prices, or put it in a scenario as `priceBook`. Items the offer lacks are listed on standard \
error and in the book's notes; they come from the built-in catalog. A progress bar is drawn on \
standard error while a large file is read, only when it is a terminal.\n\n\
Examples:\n  acumen prices import index.json -o book.json\n  \
acumen prices import index.json --region us-east-1 > book.json\n  \
acumen estimate scenario.toml --prices book.json\n\n\
A Savings Plans price list (AWSDatabaseSavingsPlans, a region's file of the Savings Plans \
bulk price list) is recognised and read into the book's savingsPlans: the plan rates for \
serverless ACU-hours and provisioned classes. --into adds them to an existing book:\n  \
acumen prices import savings-plans-us-east-2.json --into book.json -o book.json"
    )]
    Import {
        /// The offer file (index.json of the AmazonRDS offer), or a
        /// Savings Plans price list file (AWSDatabaseSavingsPlans).
        offer: PathBuf,
        /// Only this region (default: every region in the file).
        #[arg(long)]
        region: Option<String>,
        /// Where to write the book (default: standard output).
        #[arg(long, short, value_name = "BOOK")]
        output: Option<PathBuf>,
        /// Savings Plans files only: add the rates to this book (e.g. one
        /// imported from the AmazonRDS offer) instead of a book of their own.
        #[arg(long, value_name = "BOOK")]
        into: Option<PathBuf>,
    },
    /// Downloads AWS's Price List for AmazonRDS (the offer index, the
    /// AmazonRDS region index, then each region's current offer file) and
    /// imports it as `prices import` does, into one price book.
    #[command(
        after_help = "Downloads are cached under $XDG_CACHE_HOME/acumen (else ~/.cache/acumen; \
--cache-dir to choose, --no-cache for none) and revalidated by ETag or Last-Modified: a file that has not \
changed is not downloaded again. HTTPS_PROXY (https URLs), HTTP_PROXY (http URLs), ALL_PROXY and NO_PROXY \
are honoured; an HTTP proxy is used with CONNECT tunnels. A failed download or import writes nothing \
and names the URL, the status and why. Progress is drawn on standard error when it is a terminal.\n\n\
Examples:\n  acumen prices fetch --region eu-central-1 -o book.json\n  \
acumen prices fetch --region us-east-1 --region eu-west-1 > book.json\n  \
acumen prices fetch --all -o all-regions.json\n  \
acumen prices fetch --region eu-central-1 --endpoint http://127.0.0.1:8080 -o book.json\n  \
acumen estimate scenario.toml --region eu-central-1 --prices book.json"
    )]
    Fetch(fetch::FetchArgs),
    /// For `just catalog-from-offers`: the prices of offer files with their
    /// SKUs and dates, as JSON on standard output.
    #[command(hide = true)]
    OfferRows {
        /// AmazonRDS offer files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// How to print results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// An aligned, readable table.
    Table,
    /// JSON, in the same shapes as the core library's (and the npm package's).
    Json,
    /// GitHub-flavoured Markdown tables.
    Markdown,
    /// Comma-separated values with a header row.
    Csv,
}

/// A database engine on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum EngineArg {
    /// Aurora PostgreSQL.
    #[value(alias = "postgresql", alias = "postgres")]
    AuroraPostgresql,
    /// Aurora MySQL.
    #[value(alias = "mysql")]
    AuroraMysql,
}

impl From<EngineArg> for Engine {
    fn from(e: EngineArg) -> Engine {
        match e {
            EngineArg::AuroraPostgresql => Engine::AuroraPostgresql,
            EngineArg::AuroraMysql => Engine::AuroraMysql,
        }
    }
}

/// Which infrastructure-as-code text to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ExportKind {
    /// AWS CloudFormation, YAML.
    Cfn,
    /// Terraform (AWS provider), HCL.
    Tf,
}

/// A storage configuration on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum StorageArg {
    /// Aurora Standard.
    Standard,
    /// Aurora I/O-Optimized.
    IoOptimized,
}

impl From<StorageArg> for StorageType {
    fn from(arg: StorageArg) -> StorageType {
        match arg {
            StorageArg::Standard => StorageType::Standard,
            StorageArg::IoOptimized => StorageType::IoOptimized,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let json_errors = format_of(&cli.command) == Some(Format::Json);
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            failure.print(json_errors);
            ExitCode::from(failure.exit)
        }
    }
}

/// Runs one command: each has its `run_…` function.
fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Estimate {
            file,
            overrides,
            format,
        } => run_estimate(file.as_deref(), &overrides, format),
        Command::Simulate {
            file,
            overrides,
            usage,
            format,
        } => run_simulate(file.as_deref(), &overrides, usage, format),
        Command::Validate {
            file,
            overrides,
            format,
        } => run_validate(file.as_deref(), &overrides, format),
        Command::Compare {
            file,
            overrides,
            format,
        } => load(file.as_deref(), &overrides)
            .and_then(|r| written(decisions::print_comparison(&r, format))),
        Command::Advise {
            file,
            overrides,
            format,
        } => load(file.as_deref(), &overrides)
            .and_then(|r| written(decisions::print_advice(&r, format))),
        Command::Optimize {
            file,
            max_unmet_share,
            prices,
            format,
        } => run_optimize(file.as_deref(), max_unmet_share, prices.as_deref(), format),
        Command::Export { kind, file } => run_export(kind, file.as_deref()),
        Command::Calibrate { format } => {
            written(calibrate::print(format, &mut std::io::stdout().lock()))
        }
        Command::Prices { command } => run_prices(command),
        Command::Completions { shell } => run_completions(shell),
        Command::MaxConnections {
            engine,
            engine_version,
            min_acu,
            max_acu,
            format,
        } => run_max_connections(
            engine.into(),
            engine_version.as_deref(),
            min_acu,
            max_acu,
            format,
        ),
        Command::Replay(args) => run_replay(&args),
        Command::Migrate(args) => run_migrate(&args),
    }
}

/// `acumen prices list|show|import`.
fn run_prices(command: PricesCommand) -> Result<(), Failure> {
    match command {
        PricesCommand::List {
            region,
            all,
            prices,
            format,
        } => run_prices_list(region.as_deref(), all, prices.as_deref(), format),
        PricesCommand::Show {
            region,
            prices,
            format,
        } => run_prices_show(&region, prices.as_deref(), format),
        PricesCommand::Import {
            offer,
            region,
            output,
            into,
        } if is_savings_plans(&offer) => run_savings_plans_import(
            &offer,
            region.as_deref(),
            output.as_deref(),
            into.as_deref(),
        ),
        PricesCommand::Import {
            offer,
            region,
            output,
            into: None,
        } => run_prices_import(&offer, region.as_deref(), output.as_deref()),
        PricesCommand::Import { .. } => Err(Failure {
            field: String::from("--into"),
            ..invalid(String::from(
                "--into adds a Savings Plans price list to a book; this file is an AmazonRDS offer",
            ))
        }),
        PricesCommand::Fetch(args) => run_prices_fetch(&args),
        PricesCommand::OfferRows { files } => {
            let rows = offer_rows::rows(&files).map_err(|e| match e {
                pricelist::Failure::Io(message) => Failure::io(message),
                pricelist::Failure::Invalid(message) => invalid(message),
            })?;
            written(std::io::Write::write_all(
                &mut std::io::stdout().lock(),
                format!("{rows:#}\n").as_bytes(),
            ))
        }
    }
}

/// `acumen completions SHELL`: the script on standard output.
fn run_completions(shell: clap_complete::Shell) -> Result<(), Failure> {
    let mut command = Cli::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut command, "acumen", &mut out);
    written(std::io::Write::flush(&mut out))
}

/// The output format a command asked for (errors follow it: `--format json`
/// prints them as JSON).
fn format_of(command: &Command) -> Option<Format> {
    match command {
        Command::Estimate { format, .. }
        | Command::Simulate { format, .. }
        | Command::Validate { format, .. }
        | Command::MaxConnections { format, .. }
        | Command::Calibrate { format }
        | Command::Compare { format, .. }
        | Command::Advise { format, .. }
        | Command::Optimize { format, .. }
        | Command::Replay(ReplayArgs { format, .. })
        | Command::Migrate(migrate::MigrateArgs { format, .. })
        | Command::Prices {
            command: PricesCommand::List { format, .. } | PricesCommand::Show { format, .. },
        } => Some(*format),
        Command::Export { .. }
        | Command::Completions { .. }
        | Command::Prices {
            command:
                PricesCommand::Import { .. } | PricesCommand::Fetch(_) | PricesCommand::OfferRows { .. },
        } => None,
    }
}

/// Why a command failed: the exit status, the one-line message for standard
/// error and, for `--format json`, the stable code and the field.
struct Failure {
    exit: u8,
    message: String,
    /// An [`acumen::ErrorCode`] name, or the CLI's own `io` (unreadable
    /// file, unwritable output) and `invalid_input` (a CSV or replay option
    /// that the CLI checks itself).
    code: &'static str,
    /// The failing field (scenario path or command-line flag), or empty.
    field: String,
    /// The file it concerns, if any.
    file: Option<String>,
    /// Its line, if known.
    line: Option<usize>,
}

impl Failure {
    /// A failure the core reported about `file`'s scenario.
    fn scenario(file: Option<&Path>, error: &acumen::Error) -> Failure {
        let origin = input::origin(file);
        Failure {
            exit: EXIT_INVALID,
            message: format!("{origin}: {error}"),
            code: error.code().as_str(),
            field: error.field().to_string(),
            file: file.map(|_| origin),
            line: None,
        }
    }

    /// A command-line flag that breaks the core's rule.
    fn flag(name: &str, error: &acumen::Error) -> Failure {
        Failure {
            exit: EXIT_INVALID,
            message: format!("{name}: {}", error.message()),
            code: error.code().as_str(),
            field: name.to_string(),
            file: None,
            line: None,
        }
    }

    fn io(message: String) -> Failure {
        Failure {
            exit: EXIT_IO,
            message,
            code: "io",
            field: String::new(),
            file: None,
            line: None,
        }
    }

    /// Standard error: `error: <message>`, or with `json` one line
    /// `{"error":{"code":…,"field":…,"message":…,"file":…,"line":…,"exit":…}}`.
    fn print(&self, json: bool) {
        if json {
            let doc = serde_json::json!({ "error": {
                "code": self.code,
                "field": self.field,
                "message": self.message,
                "file": self.file,
                "line": self.line,
                "exit": self.exit,
            }});
            eprintln!("{doc}");
        } else {
            eprintln!("error: {}", self.message);
        }
    }
}

/// A failure of the CLI's own checks (CSV files, replay options).
fn invalid(message: impl Into<String>) -> Failure {
    Failure {
        exit: EXIT_INVALID,
        message: message.into(),
        code: "invalid_input",
        field: String::new(),
        file: None,
        line: None,
    }
}

fn written(result: std::io::Result<()>) -> Result<(), Failure> {
    match result {
        Ok(()) => Ok(()),
        // A closed pipe (`acumen … | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::io(format!("cannot write the output: {e}"))),
    }
}

/// Reads a price book given with `--prices`.
fn book(path: &Path) -> Result<PriceBook, Failure> {
    input::read_book(path).map_err(|e| match e {
        input::Failure::Io(message) => Failure::io(message),
        input::Failure::Invalid {
            message,
            error,
            line,
        } => Failure {
            message,
            line,
            ..Failure::scenario(Some(path), &error)
        },
    })
}

/// Reads the scenario, applies the overrides and estimates it.
fn load(file: Option<&Path>, overrides: &Overrides) -> Result<acumen::Report, Failure> {
    let mut scenario = read(file)?;
    overrides.apply(&mut scenario);
    if let Some(path) = &overrides.prices {
        scenario.price_book = Some(book(path)?);
    }
    acumen::estimate(&scenario).map_err(|e| Failure::scenario(file, &e))
}

fn run_estimate(file: Option<&Path>, overrides: &Overrides, format: Format) -> Result<(), Failure> {
    let report = load(file, overrides)?;
    written(output::print_report(&report, format))
}

fn run_simulate(
    file: Option<&Path>,
    overrides: &Overrides,
    usage: bool,
    format: Format,
) -> Result<(), Failure> {
    let report = load(file, overrides)?;
    written(output::print_simulation(&report, usage, format))
}

fn run_validate(file: Option<&Path>, overrides: &Overrides, format: Format) -> Result<(), Failure> {
    let report = load(file, overrides)?;
    written(output::print_validation(&report, format))
}

fn read(file: Option<&Path>) -> Result<Scenario, Failure> {
    match input::read_scenario(file) {
        Ok(s) => Ok(s),
        Err(input::Failure::Io(message)) => Err(Failure::io(message)),
        Err(input::Failure::Invalid {
            message,
            error,
            line,
        }) => Err(Failure {
            message,
            line,
            ..Failure::scenario(file, &error)
        }),
    }
}

fn run_optimize(
    file: Option<&Path>,
    share: f64,
    prices: Option<&Path>,
    format: Format,
) -> Result<(), Failure> {
    let mut scenario = read(file)?;
    if let Some(path) = prices {
        scenario.price_book = Some(book(path)?);
    }
    let options = acumen::optimize::OptimizeOptions {
        max_unmet_share: share,
        ..acumen::optimize::OptimizeOptions::default()
    };
    let result = acumen::optimize::optimize(&scenario, &options).map_err(|e| {
        if e.field() == "maxUnmetShare" {
            Failure::flag("--max-unmet-share", &e)
        } else {
            Failure::scenario(file, &e)
        }
    })?;
    written(decisions::print_optimization(&result, share, format))
}

fn run_export(kind: ExportKind, file: Option<&Path>) -> Result<(), Failure> {
    let scenario = read(file)?;
    let text = match kind {
        ExportKind::Cfn => acumen::export::cloudformation(&scenario),
        ExportKind::Tf => acumen::export::terraform(&scenario),
    }
    .map_err(|e| Failure::scenario(file, &e))?;
    written(std::io::Write::write_all(
        &mut std::io::stdout().lock(),
        text.as_bytes(),
    ))
}

fn check_region(region: &str, book: Option<&PriceBook>) -> Result<(), Failure> {
    if acumen::prices::knows_region(region) || book.is_some_and(|b| b.knows_region(region)) {
        Ok(())
    } else {
        let mut known: Vec<&str> = acumen::prices::regions().iter().map(|r| r.code).collect();
        for r in book
            .iter()
            .flat_map(|b| b.entries.iter().map(|e| e.region.as_str()))
        {
            if !known.contains(&r) {
                known.push(r);
            }
        }
        Err(Failure {
            code: acumen::ErrorCode::UnknownRegion.as_str(),
            field: String::from("region"),
            ..invalid(format!(
                "region: {region:?} is not a commercial AWS region (known: {})",
                known.join(", ")
            ))
        })
    }
}

fn run_prices_list(
    region: Option<&str>,
    all: bool,
    prices: Option<&Path>,
    format: Format,
) -> Result<(), Failure> {
    let book = prices.map(book).transpose()?;
    if let Some(r) = region {
        check_region(r, book.as_ref())?;
    }
    if region.is_none() && !all {
        return written(output::print_region_list(book.as_ref(), format));
    }
    written(output::print_price_list(region, book.as_ref(), format))
}

fn run_prices_show(region: &str, prices: Option<&Path>, format: Format) -> Result<(), Failure> {
    let book = prices.map(book).transpose()?;
    check_region(region, book.as_ref())?;
    written(output::print_price_region(region, book.as_ref(), format))
}

/// True when the file at `path` starts as a Savings Plans price list does.
fn is_savings_plans(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 4096];
    let read = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    savings_plans_list::looks_like_savings_plans(&String::from_utf8_lossy(&head[..read]))
}

/// Imports a Savings Plans price list, into a book of its own or `into`
/// an existing one; the book goes to `output` (or standard output).
fn run_savings_plans_import(
    file: &Path,
    region: Option<&str>,
    output: Option<&Path>,
    into: Option<&Path>,
) -> Result<(), Failure> {
    let (plans, summary) = savings_plans_list::import(file, region).map_err(|message| Failure {
        file: Some(file.display().to_string()),
        ..invalid(message)
    })?;
    let merged = match into {
        Some(path) => savings_plans_list::merge(book(path)?, plans),
        None => plans,
    };
    write_book(&merged, output)?;
    eprintln!("{summary}");
    Ok(())
}

/// Writes a book as JSON to `output`, or standard output.
fn write_book(book: &PriceBook, output: Option<&Path>) -> Result<(), Failure> {
    let mut text = serde_json::to_string_pretty(book)
        .map_err(|e| Failure::io(format!("cannot write the book: {e}")))?;
    text.push('\n');
    match output {
        Some(path) => {
            std::fs::write(path, text).map_err(|e| Failure::io(format!("{}: {e}", path.display())))
        }
        None => written(std::io::Write::write_all(
            &mut std::io::stdout().lock(),
            text.as_bytes(),
        )),
    }
}

/// Imports an offer file; the book goes to `output` (or standard output),
/// the summary and the notes to standard error.
fn run_prices_import(
    offer: &Path,
    region: Option<&str>,
    output: Option<&Path>,
) -> Result<(), Failure> {
    let imported =
        pricelist::import(offer, &pricelist::Options { region }).map_err(|e| match e {
            pricelist::Failure::Io(message) => Failure::io(message),
            pricelist::Failure::Invalid(message) => Failure {
                file: Some(offer.display().to_string()),
                ..invalid(message)
            },
        })?;
    write_book(&imported.book, output)?;
    eprintln!("{}", imported.summary);
    for note in &imported.book.notes {
        eprintln!("note: {note}");
    }
    Ok(())
}

/// Fetches the Price List; the book goes to `--output` (written whole or
/// not at all) or standard output, the summaries and notes to standard
/// error.
fn run_prices_fetch(args: &fetch::FetchArgs) -> Result<(), Failure> {
    let fetched = fetch::fetch(args).map_err(|e| match e {
        fetch::Failure::Download(message) => Failure::io(message),
        fetch::Failure::Invalid(message) => invalid(message),
    })?;
    let mut text = serde_json::to_string_pretty(&fetched.book)
        .map_err(|e| Failure::io(format!("cannot write the book: {e}")))?;
    text.push('\n');
    match &args.output {
        Some(path) => fetch::write_atomically(path, &text).map_err(Failure::io)?,
        None => written(std::io::Write::write_all(
            &mut std::io::stdout().lock(),
            text.as_bytes(),
        ))?,
    }
    for summary in &fetched.summaries {
        eprintln!("{summary}");
    }
    for note in &fetched.book.notes {
        eprintln!("note: {note}");
    }
    Ok(())
}

fn run_max_connections(
    engine: Engine,
    version: Option<&str>,
    min_acu: f64,
    max_acu: f64,
    format: Format,
) -> Result<(), Failure> {
    // The range errors name `minAcu`/`maxAcu`, the scaling errors
    // `scaling.minAcu`/`scaling.maxAcu`: both are reported as the flag.
    let flag = |e: acumen::Error| {
        let name = match e.field() {
            "minAcu" | "scaling.minAcu" => "--min-acu",
            "maxAcu" | "scaling.maxAcu" => "--max-acu",
            _ => "--engine-version",
        };
        Failure::flag(name, &e)
    };
    let (min, max) = acumen::scenario::validate_acu_range(min_acu, max_acu, "").map_err(flag)?;
    let version = version
        .map(|v| acumen::Version::parse(v, "engineVersion"))
        .transpose()
        .map_err(flag)?;
    acumen::engine::check_scaling(engine, version, min, max, "scaling").map_err(flag)?;
    let value = acumen::engine::max_connections(engine, min, max);
    written(output::print_max_connections(
        engine, min, max, &value, format,
    ))
}

fn run_replay(args: &ReplayArgs) -> Result<(), Failure> {
    let mut options = args.options();
    options.price_book = args.prices.as_deref().map(book).transpose()?;
    let format = args.format;
    let mut series = Vec::new();
    let mut names = Vec::new();
    for path in &args.files {
        let large = std::fs::metadata(path).is_ok_and(|m| m.len() > 1 << 20);
        let shown = path.display().to_string();
        let mut bar = progress::Progress::on_stderr(format!("reading {shown}"), large);
        let reading = ReadOptions {
            statistic: args.statistic.clone(),
        };
        match cloudwatch::read_file(path, &reading, &mut |fraction| bar.set(fraction)) {
            Ok(s) => series.extend(s),
            Err(cloudwatch::ReadError::Io(m)) => return Err(Failure::io(m)),
            Err(cloudwatch::ReadError::Invalid(m)) => return Err(invalid(m)),
        }
        names.push(shown);
    }
    let samples: usize = series.iter().map(|s| s.samples.len()).sum();
    let mut bar = progress::Progress::on_stderr("simulating", samples > 100_000);
    bar.status("simulating…");
    let result = replay::replay(names, series, &options);
    bar.finish();
    let result = result.map_err(|failed| match failed {
        replay::Failed::Input(message) => invalid(message),
        // The core's code and field; the message names the flag.
        replay::Failed::Core { error, message } => Failure {
            message,
            ..Failure::scenario(None, &error)
        },
    })?;
    written(output::print_replay(&result, format))
}

/// `acumen migrate`: one instance (summary or series) or a fleet.
fn run_migrate(args: &migrate::MigrateArgs) -> Result<(), Failure> {
    let book = args.prices.as_deref().map(book).transpose()?;
    if let Some(inventory) = &args.fleet {
        return fleet::run(args, inventory, book.as_ref()).map_err(failure_of);
    }
    let mut input = migrate::shared_input(args, book.as_ref()).map_err(failure_of)?;
    input.class = args.class.clone().unwrap_or_default();
    let (input, warnings) =
        migrate::with_cpu(input, args, args.cpu.as_deref()).map_err(failure_of)?;
    let cpu_file = args.cpu.as_ref().map(|p| p.display().to_string());
    let m = migrate::answer(&input, |field| match &cpu_file {
        Some(file) if field.starts_with("cpuTrace") => file.clone(),
        _ => migrate::flag_of(field),
    })
    .map_err(failure_of)?;
    for w in warnings {
        eprintln!("warning: {w}");
    }
    written(migrate::print(&m, args.format))
}

/// The exit status, code and message of a migration that failed.
fn failure_of(failed: migrate::Failed) -> Failure {
    match failed {
        migrate::Failed::Io(message) => Failure::io(message),
        migrate::Failed::File(message) => invalid(message),
        migrate::Failed::Core { error, at } => Failure {
            message: format!("{at}: {}", error.message()),
            ..Failure::scenario(None, &error)
        },
    }
}
