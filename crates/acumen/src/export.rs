//! Infrastructure as code for the estimated cluster: a CloudFormation
//! template ([`cloudformation`]) and a Terraform configuration
//! ([`terraform`]).
//!
//! Both are written from the validated scenario, so they describe exactly
//! the cluster that was priced: the engine and its version (when given), the
//! storage configuration, the serverless scaling range (with the auto-pause
//! delay when the minimum is 0 ACU), and a `db.serverless` writer plus one
//! `db.serverless` instance per reader with its promotion tier.
//!
//! Everything else uses production defaults: encrypted storage, deletion
//! protection, 7 days of automated backups, tags copied to snapshots, the
//! engine's logs exported to CloudWatch, and a master password generated and
//! kept in AWS Secrets Manager (`ManageMasterUserPassword`), so no password
//! appears in the output. The master user name, the subnets and the security
//! groups are parameters (variables in Terraform). Performance Insights is on
//! only when the scenario bills its long-term retention.

use alloc::string::String;
use core::fmt::{self, Write};

use crate::acu::Acu;
use crate::error::{Error, ErrorCode};
use crate::scenario::{DatabaseInsights, Engine, Scenario, StorageType, ValidScenario, Workload};

/// The Performance Insights retention that Database Insights' Advanced mode
/// requires on the cluster, in days (AWS CloudFormation's `AWS::RDS::DBCluster`
/// schema: "If you set this value to `advanced`, you must also set the
/// `PerformanceInsightsEnabled` parameter to `true` and the
/// `PerformanceInsightsRetentionPeriod` parameter to 465").
pub const ADVANCED_INSIGHTS_RETENTION_DAYS: u32 = 465;

/// Automated backup retention in days.
pub const BACKUP_RETENTION_DAYS: u32 = 7;

/// The default master user name (a parameter in both outputs).
pub const DEFAULT_MASTER_USERNAME: &str = "dbadmin";

/// A CloudFormation template (YAML) for the scenario's cluster.
///
/// The template has three parameters, `MasterUsername`, `SubnetIds` and
/// `VpcSecurityGroupIds`; a DB subnet group; the `AWS::RDS::DBCluster` with
/// its `ServerlessV2ScalingConfiguration`; and one `AWS::RDS::DBInstance` of
/// class `db.serverless` for the writer and for each reader. Readers depend on
/// the writer so that the writer is created first. The master password is
/// managed by RDS in Secrets Manager; the secret's ARN is an output.
///
/// # Errors
///
/// Any error of [`Scenario::validate`], and an `engineVersion` error for an
/// Aurora MySQL version outside the 3.x and 8.x lines (the ones whose full AWS
/// names, such as `8.0.mysql_aurora.3.08.0`, are known).
///
/// # Example
///
/// ```
/// use acumen::{export, Engine, Scaling, Scenario, StorageType};
///
/// let scenario = Scenario {
///     engine: Engine::AuroraMysql,
///     engine_version: Some("3.08.0".into()),
///     storage_type: StorageType::IoOptimized,
///     scaling: Scaling { min_acu: 0.0, max_acu: 2.5, seconds_until_auto_pause: Some(600) },
///     ..Scenario::default()
/// };
/// let yaml = export::cloudformation(&scenario)?;
/// assert!(yaml.contains("      EngineVersion: \"8.0.mysql_aurora.3.08.0\"\n"));
/// assert!(yaml.contains("      StorageType: aurora-iopt1\n"));
/// assert!(yaml.contains(
///     "        MinCapacity: 0\n        MaxCapacity: 2.5\n        SecondsUntilAutoPause: 600\n"
/// ));
/// assert!(yaml.contains("      ManageMasterUserPassword: true\n"));
/// # Ok::<(), acumen::Error>(())
/// ```
pub fn cloudformation(scenario: &Scenario) -> Result<String, Error> {
    let valid = scenario.validate()?;
    let version = engine_version(&valid)?;
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_cloudformation(&mut out, scenario, &valid, version.as_deref());
    Ok(out)
}

/// A Terraform configuration (HCL, AWS provider) for the scenario's cluster.
///
/// It declares the variables `region` (defaulting to the scenario's region),
/// `name`, `master_username`, `subnet_ids` and `vpc_security_group_ids`; an
/// `aws_db_subnet_group`; the `aws_rds_cluster` with its
/// `serverlessv2_scaling_configuration` block; and one
/// `aws_rds_cluster_instance` of class `db.serverless` for the writer and
/// for each reader (readers depend on the writer). `seconds_until_auto_pause`
/// needs version 5.81 or later of the AWS provider, which the configuration
/// requires.
///
/// # Errors
///
/// As [`cloudformation`].
///
/// # Example
///
/// ```
/// use acumen::scenario::Reader;
/// use acumen::{export, Scaling, Scenario};
///
/// let scenario = Scenario {
///     scaling: Scaling { min_acu: 0.5, max_acu: 16.0, seconds_until_auto_pause: None },
///     readers: vec![Reader { promotion_tier: 2, workload: None }],
///     ..Scenario::default()
/// };
/// let hcl = export::terraform(&scenario)?;
/// assert!(hcl.contains(
///     "  serverlessv2_scaling_configuration {\n    min_capacity = 0.5\n    max_capacity = 16\n  }\n"
/// ));
/// assert!(hcl.contains("resource \"aws_rds_cluster_instance\" \"reader_1\" {"));
/// assert!(hcl.contains("  promotion_tier     = 2\n"));
/// assert!(!hcl.contains("seconds_until_auto_pause"));
/// # Ok::<(), acumen::Error>(())
/// ```
pub fn terraform(scenario: &Scenario) -> Result<String, Error> {
    let valid = scenario.validate()?;
    let version = engine_version(&valid)?;
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_terraform(&mut out, scenario, &valid, version.as_deref());
    Ok(out)
}

/// The engine version as AWS names it (`16.4`, `8.0.mysql_aurora.3.08.0`),
/// or `None` when the scenario gives none.
fn engine_version(valid: &ValidScenario) -> Result<Option<String>, Error> {
    let Some(v) = valid.engine_version else {
        return Ok(None);
    };
    let mut name = String::new();
    let _ = match valid.engine {
        Engine::AuroraPostgresql if v.patch == 0 => write!(name, "{}.{}", v.major, v.minor),
        Engine::AuroraPostgresql => write!(name, "{}.{}.{}", v.major, v.minor, v.patch),
        // Aurora MySQL 3.x is MySQL 8.0 compatible: 8.0.mysql_aurora.3.08.0.
        Engine::AuroraMysql if v.major == 3 => {
            write!(name, "8.0.mysql_aurora.3.{:02}.{}", v.minor, v.patch)
        }
        // Aurora MySQL 8.4 carries the MySQL version: 8.4.mysql_aurora.8.4.7.
        Engine::AuroraMysql if v.major == 8 => {
            write!(name, "8.{0}.mysql_aurora.8.{0}.{1}", v.minor, v.patch)
        }
        Engine::AuroraMysql => {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "engineVersion",
                format_args!(
                    "must be an Aurora MySQL 3.x or 8.x version to export \
                     (e.g. \"3.08.0\" or \"8.4.7\"), got {v}"
                ),
            ));
        }
    };
    Ok(Some(name))
}

/// CloudWatch Logs exports that suit the engine.
fn log_exports(engine: Engine) -> &'static [&'static str] {
    match engine {
        Engine::AuroraPostgresql => &["postgresql"],
        Engine::AuroraMysql => &["error", "slowquery"],
    }
}

fn storage_name(storage: StorageType) -> &'static str {
    match storage {
        StorageType::Standard => "aurora",
        StorageType::IoOptimized => "aurora-iopt1",
    }
}

fn auto_pause(valid: &ValidScenario) -> Option<u32> {
    (valid.scaling.min == Acu::ZERO).then_some(valid.scaling.seconds_until_auto_pause)
}

/// The comment both outputs start with: the generator and the estimate's inputs.
fn write_summary(
    out: &mut String,
    scenario: &Scenario,
    valid: &ValidScenario,
    version: Option<&str>,
) -> fmt::Result {
    writeln!(
        out,
        "# Generated by Acumen {} (Aurora Serverless v2 capacity and cost estimates).",
        crate::VERSION
    )?;
    writeln!(out, "# Estimate inputs:")?;
    write!(out, "#   region {}, engine {}", valid.region, valid.engine)?;
    match version {
        Some(v) => writeln!(out, " {v}")?,
        None => writeln!(out, " (version not given: the current default)")?,
    }
    writeln!(
        out,
        "#   storage {} ({}), {} GB; {} h a month",
        match valid.storage_type {
            StorageType::Standard => "Aurora Standard",
            StorageType::IoOptimized => "Aurora I/O-Optimized",
        },
        storage_name(valid.storage_type),
        scenario.storage_gb,
        valid.hours_per_month
    )?;
    write!(
        out,
        "#   scaling {} to {} ACU",
        valid.scaling.min, valid.scaling.max
    )?;
    match auto_pause(valid) {
        Some(seconds) => writeln!(out, ", auto-pause after {seconds} s idle")?,
        None => writeln!(out)?,
    }
    write_summary_instances(out, valid)?;
    write_summary_workload(out, scenario, valid)?;
    write_summary_notes(out, valid)
}

/// The summary's line on the instances: readers and their promotion tiers.
fn write_summary_instances(out: &mut String, valid: &ValidScenario) -> fmt::Result {
    let readers = valid.instances.len() - 1;
    match readers {
        0 => write!(out, "#   a writer and no readers")?,
        1 => write!(out, "#   a writer and 1 reader")?,
        n => write!(out, "#   a writer and {n} readers")?,
    }
    let mut tiers = valid.instances.iter().filter_map(|i| i.promotion_tier);
    if let Some(first) = tiers.next() {
        write!(out, " (promotion tiers {first}")?;
        for tier in tiers {
            write!(out, ", {tier}")?;
        }
        out.push(')');
    }
    writeln!(out, ", all db.serverless")
}

/// The summary's line on the writer's workload and its peak.
fn write_summary_workload(
    out: &mut String,
    scenario: &Scenario,
    valid: &ValidScenario,
) -> fmt::Result {
    write!(out, "#   writer workload: ")?;
    match &scenario.workload {
        Workload::Steady { acu } => write!(out, "steady {acu} ACU")?,
        Workload::BusinessHours(b) => write!(
            out,
            "business hours, {} ACU peak and {} ACU otherwise",
            b.peak_acu, b.off_peak_acu
        )?,
        Workload::Levels(levels) => write!(out, "{} demand levels", levels.len())?,
        Workload::Weekly { .. } => write!(out, "weekly hourly profile")?,
        Workload::Trace(t) => write!(
            out,
            "trace of {} samples every {} s",
            t.acu.len(),
            t.interval_seconds
        )?,
    }
    if let Some(writer) = valid.instances.first() {
        write!(out, " (peak {} ACU", writer.demand.peak())?;
        if !scenario.spikes.is_empty() {
            write!(out, " with spikes")?;
        }
        out.push(')');
    }
    out.push('\n');
    Ok(())
}

/// The summary's notes on Database Insights and RDS Proxy.
fn write_summary_notes(out: &mut String, valid: &ValidScenario) -> fmt::Result {
    let x = &valid.extras;
    if advanced_insights(valid) {
        writeln!(
            out,
            "#   Database Insights in Advanced mode ({ADVANCED_INSIGHTS_RETENTION_DAYS} days of Performance Insights data)"
        )?;
        if valid.scaling.min.halves() < 4 {
            writeln!(
                out,
                "#   Note: AWS recommends a minimum capacity of at least 2 ACU with Performance Insights, which Advanced mode turns on."
            )?;
        }
    }
    if x.rds_proxy {
        writeln!(
            out,
            "#   Note: the estimate includes an RDS Proxy, which is not part of this file."
        )?;
    }
    Ok(())
}

/// The CloudFormation template: the summary, parameters, subnet group,
/// cluster, instances and outputs.
fn write_cloudformation(
    out: &mut String,
    scenario: &Scenario,
    valid: &ValidScenario,
    version: Option<&str>,
) -> fmt::Result {
    write_summary(out, scenario, valid, version)?;
    writeln!(out, "AWSTemplateFormatVersion: \"2010-09-09\"")?;
    writeln!(
        out,
        "Description: Aurora Serverless v2 cluster ({}, {} to {} ACU), generated by Acumen {}",
        valid.engine,
        valid.scaling.min,
        valid.scaling.max,
        crate::VERSION
    )?;
    out.push_str(concat!(
        "Parameters:\n",
        "  MasterUsername:\n",
        "    Type: String\n",
        "    Description: Master user name; RDS generates its password and keeps it in Secrets Manager.\n",
    ));
    writeln!(out, "    Default: {DEFAULT_MASTER_USERNAME}")?;
    out.push_str(concat!(
        "    MinLength: 1\n",
        "    MaxLength: 16\n",
        "    AllowedPattern: \"[a-zA-Z][a-zA-Z0-9_]*\"\n",
        "  SubnetIds:\n",
        "    Type: List<AWS::EC2::Subnet::Id>\n",
        "    Description: Subnets for the cluster, in at least two Availability Zones.\n",
        "  VpcSecurityGroupIds:\n",
        "    Type: List<AWS::EC2::SecurityGroup::Id>\n",
        "    Description: Security groups for the cluster.\n",
        "Resources:\n",
        "  DBSubnetGroup:\n",
        "    Type: AWS::RDS::DBSubnetGroup\n",
        "    Properties:\n",
        "      DBSubnetGroupDescription: Subnets for the Aurora Serverless v2 cluster\n",
        "      SubnetIds: !Ref SubnetIds\n",
        "  DBCluster:\n",
        "    Type: AWS::RDS::DBCluster\n",
        "    DeletionPolicy: Snapshot\n",
        "    UpdateReplacePolicy: Snapshot\n",
        "    Properties:\n",
    ));
    write_cloudformation_cluster(out, valid, version)?;
    write_cloudformation_instances(out, valid)?;
    out.push_str(concat!(
        "Outputs:\n",
        "  ClusterEndpoint:\n",
        "    Description: Writer endpoint\n",
        "    Value: !GetAtt DBCluster.Endpoint.Address\n",
        "  ReaderEndpoint:\n",
        "    Description: Reader endpoint\n",
        "    Value: !GetAtt DBCluster.ReadEndpoint.Address\n",
        "  MasterUserSecretArn:\n",
        "    Description: Secrets Manager secret holding the master user's password\n",
        "    Value: !GetAtt DBCluster.MasterUserSecret.SecretArn\n",
    ));
    Ok(())
}

/// Whether the scenario turns on Database Insights' Advanced mode, which is
/// set on the cluster (instances inherit it).
fn advanced_insights(valid: &ValidScenario) -> bool {
    valid.extras.database_insights == DatabaseInsights::Advanced
}

/// The `AWS::RDS::DBCluster`'s properties.
fn write_cloudformation_cluster(
    out: &mut String,
    valid: &ValidScenario,
    version: Option<&str>,
) -> fmt::Result {
    writeln!(out, "      Engine: {}", valid.engine)?;
    if let Some(v) = version {
        // Quoted, so YAML cannot read "16.10" as the number 16.1.
        writeln!(out, "      EngineVersion: \"{v}\"")?;
    }
    writeln!(
        out,
        "      StorageType: {}",
        storage_name(valid.storage_type)
    )?;
    writeln!(out, "      ServerlessV2ScalingConfiguration:")?;
    writeln!(out, "        MinCapacity: {}", valid.scaling.min)?;
    writeln!(out, "        MaxCapacity: {}", valid.scaling.max)?;
    if let Some(seconds) = auto_pause(valid) {
        writeln!(out, "        SecondsUntilAutoPause: {seconds}")?;
    }
    out.push_str(concat!(
        "      MasterUsername: !Ref MasterUsername\n",
        "      ManageMasterUserPassword: true\n",
        "      DBSubnetGroupName: !Ref DBSubnetGroup\n",
        "      VpcSecurityGroupIds: !Ref VpcSecurityGroupIds\n",
        "      StorageEncrypted: true\n",
        "      DeletionProtection: true\n",
    ));
    writeln!(out, "      BackupRetentionPeriod: {BACKUP_RETENTION_DAYS}")?;
    writeln!(out, "      CopyTagsToSnapshot: true")?;
    if advanced_insights(valid) {
        writeln!(out, "      DatabaseInsightsMode: advanced")?;
        writeln!(out, "      PerformanceInsightsEnabled: true")?;
        writeln!(
            out,
            "      PerformanceInsightsRetentionPeriod: {ADVANCED_INSIGHTS_RETENTION_DAYS}"
        )?;
    }
    writeln!(out, "      EnableCloudwatchLogsExports:")?;
    for log in log_exports(valid.engine) {
        writeln!(out, "        - {log}")?;
    }
    Ok(())
}

/// One `AWS::RDS::DBInstance` for the writer and for each reader.
fn write_cloudformation_instances(out: &mut String, valid: &ValidScenario) -> fmt::Result {
    for (i, instance) in valid.instances.iter().enumerate() {
        match instance.promotion_tier {
            None => writeln!(out, "  WriterInstance:")?,
            Some(_) => writeln!(out, "  Reader{i}Instance:")?,
        }
        writeln!(out, "    Type: AWS::RDS::DBInstance")?;
        if instance.promotion_tier.is_some() {
            writeln!(out, "    DependsOn: WriterInstance")?;
        }
        writeln!(out, "    Properties:")?;
        writeln!(out, "      DBClusterIdentifier: !Ref DBCluster")?;
        writeln!(out, "      DBInstanceClass: db.serverless")?;
        writeln!(out, "      Engine: {}", valid.engine)?;
        if let Some(tier) = instance.promotion_tier {
            writeln!(out, "      PromotionTier: {tier}")?;
        }
    }
    Ok(())
}

/// The Terraform configuration: the summary, provider, variables, subnet
/// group, cluster, instances and outputs.
fn write_terraform(
    out: &mut String,
    scenario: &Scenario,
    valid: &ValidScenario,
    version: Option<&str>,
) -> fmt::Result {
    write_summary(out, scenario, valid, version)?;
    write_terraform_variables(out, valid)?;
    write_terraform_cluster(out, valid, version)?;
    write_terraform_instances(out, valid)?;
    out.push_str(concat!(
        "\n",
        "output \"cluster_endpoint\" {\n",
        "  value = aws_rds_cluster.aurora.endpoint\n",
        "}\n",
        "\n",
        "output \"reader_endpoint\" {\n",
        "  value = aws_rds_cluster.aurora.reader_endpoint\n",
        "}\n",
        "\n",
        "output \"master_user_secret_arn\" {\n",
        "  value = aws_rds_cluster.aurora.master_user_secret[0].secret_arn\n",
        "}\n",
    ));
    Ok(())
}

/// The required provider, the provider block and the variables.
fn write_terraform_variables(out: &mut String, valid: &ValidScenario) -> fmt::Result {
    out.push_str(concat!(
        "\n",
        "terraform {\n",
        "  required_providers {\n",
        "    aws = {\n",
        "      source  = \"hashicorp/aws\"\n",
        "      version = \">= 5.81\"\n",
        "    }\n",
        "  }\n",
        "}\n",
        "\n",
        "provider \"aws\" {\n",
        "  region = var.region\n",
        "}\n",
        "\n",
        "variable \"region\" {\n",
        "  description = \"AWS region (the estimate's region by default)\"\n",
        "  type        = string\n",
    ));
    writeln!(out, "  default     = \"{}\"", valid.region)?;
    out.push_str(concat!(
        "}\n",
        "\n",
        "variable \"name\" {\n",
        "  description = \"Name of the cluster; prefixes its instances and subnet group\"\n",
        "  type        = string\n",
        "  default     = \"aurora-serverless\"\n",
        "}\n",
        "\n",
        "variable \"master_username\" {\n",
        "  description = \"Master user name; RDS generates its password and keeps it in Secrets Manager\"\n",
        "  type        = string\n",
    ));
    writeln!(out, "  default     = \"{DEFAULT_MASTER_USERNAME}\"")?;
    out.push_str(concat!(
        "}\n",
        "\n",
        "variable \"subnet_ids\" {\n",
        "  description = \"Subnets for the cluster, in at least two Availability Zones\"\n",
        "  type        = list(string)\n",
        "}\n",
        "\n",
        "variable \"vpc_security_group_ids\" {\n",
        "  description = \"Security groups for the cluster\"\n",
        "  type        = list(string)\n",
        "}\n",
    ));
    Ok(())
}

/// The subnet group and the `aws_rds_cluster` with its scaling configuration.
fn write_terraform_cluster(
    out: &mut String,
    valid: &ValidScenario,
    version: Option<&str>,
) -> fmt::Result {
    out.push_str(concat!(
        "\n",
        "resource \"aws_db_subnet_group\" \"aurora\" {\n",
        "  name       = var.name\n",
        "  subnet_ids = var.subnet_ids\n",
        "}\n",
        "\n",
        "resource \"aws_rds_cluster\" \"aurora\" {\n",
        "  cluster_identifier              = var.name\n",
    ));
    writeln!(
        out,
        "  engine                          = \"{}\"",
        valid.engine
    )?;
    writeln!(out, "  engine_mode                     = \"provisioned\"")?;
    if let Some(v) = version {
        writeln!(out, "  engine_version                  = \"{v}\"")?;
    }
    writeln!(
        out,
        "  storage_type                    = \"{}\"",
        storage_name(valid.storage_type)
    )?;
    out.push_str(concat!(
        "  master_username                 = var.master_username\n",
        "  manage_master_user_password     = true\n",
        "  db_subnet_group_name            = aws_db_subnet_group.aurora.name\n",
        "  vpc_security_group_ids          = var.vpc_security_group_ids\n",
        "  storage_encrypted               = true\n",
        "  deletion_protection             = true\n",
    ));
    writeln!(
        out,
        "  backup_retention_period         = {BACKUP_RETENTION_DAYS}"
    )?;
    writeln!(out, "  copy_tags_to_snapshot           = true")?;
    if advanced_insights(valid) {
        // A group of its own: `terraform fmt` aligns each group's `=`.
        writeln!(out)?;
        writeln!(
            out,
            "  database_insights_mode                = \"advanced\""
        )?;
        writeln!(out, "  performance_insights_enabled          = true")?;
        writeln!(
            out,
            "  performance_insights_retention_period = {ADVANCED_INSIGHTS_RETENTION_DAYS}"
        )?;
        writeln!(out)?;
    }
    write!(out, "  enabled_cloudwatch_logs_exports = [")?;
    for (i, log) in log_exports(valid.engine).iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write!(out, "\"{log}\"")?;
    }
    writeln!(out, "]")?;
    writeln!(out, "  skip_final_snapshot             = false")?;
    writeln!(
        out,
        "  final_snapshot_identifier       = \"${{var.name}}-final\""
    )?;
    writeln!(out)?;
    writeln!(out, "  serverlessv2_scaling_configuration {{")?;
    // Aligned as `terraform fmt` aligns them.
    let pause = auto_pause(valid);
    let width = if pause.is_some() { 24 } else { 12 };
    writeln!(out, "    {:width$} = {}", "min_capacity", valid.scaling.min)?;
    writeln!(out, "    {:width$} = {}", "max_capacity", valid.scaling.max)?;
    if let Some(seconds) = pause {
        writeln!(out, "    seconds_until_auto_pause = {seconds}")?;
    }
    writeln!(out, "  }}")?;
    writeln!(out, "}}")
}

/// One `aws_rds_cluster_instance` for the writer and for each reader.
fn write_terraform_instances(out: &mut String, valid: &ValidScenario) -> fmt::Result {
    for (i, instance) in valid.instances.iter().enumerate() {
        writeln!(out)?;
        match instance.promotion_tier {
            None => {
                writeln!(out, "resource \"aws_rds_cluster_instance\" \"writer\" {{")?;
                writeln!(out, "  identifier         = \"${{var.name}}-writer\"")?;
            }
            Some(_) => {
                writeln!(
                    out,
                    "resource \"aws_rds_cluster_instance\" \"reader_{i}\" {{"
                )?;
                writeln!(out, "  identifier         = \"${{var.name}}-reader-{i}\"")?;
            }
        }
        out.push_str(concat!(
            "  cluster_identifier = aws_rds_cluster.aurora.id\n",
            "  instance_class     = \"db.serverless\"\n",
            "  engine             = aws_rds_cluster.aurora.engine\n",
            "  engine_version     = aws_rds_cluster.aurora.engine_version\n",
        ));
        if let Some(tier) = instance.promotion_tier {
            writeln!(out, "  promotion_tier     = {tier}")?;
        }
        if instance.promotion_tier.is_some() {
            writeln!(out)?;
            writeln!(out, "  depends_on = [aws_rds_cluster_instance.writer]")?;
        }
        writeln!(out, "}}")?;
    }
    Ok(())
}
