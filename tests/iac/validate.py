#!/usr/bin/env python3
"""Validates Acumen's infrastructure-as-code exports.

    validate.py TEMPLATE.yaml MAIN.tf [--expect EXPECT.json]
    validate.py --check-requirements requirements.txt

The first form runs cfn-lint on the CloudFormation template (any error or
warning fails), parses the Terraform file with python-hcl2, and checks the
structure of both: resource types, the serverless scaling range, the
auto-pause delay, the storage type, the number of db.serverless instances and
their promotion tiers, the production defaults, and that no password is set.
With --expect, the values must equal those in the JSON file (written by
`cargo run -p acumen --example export`); without it, the two files must agree
with each other.

The second form exits 0 when every pinned requirement is installed at its
exact version, 1 otherwise (so the caller knows whether to run pip).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def requirements_installed(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            name, _, version = line.partition("==")
            try:
                installed = metadata.version(name.strip())
            except metadata.PackageNotFoundError:
                return False
            if installed != version.strip():
                return False
    return True


def number(value):
    """A capacity as a float, whether YAML gave an int, a float or a string."""
    check(isinstance(value, (int, float, str)) and not isinstance(value, bool),
          f"not a number: {value!r}")
    return float(value)


# ---------------------------------------------------------------- CloudFormation


def lint_cloudformation(path, region, quiet=False):
    # The cfn-lint script installed beside this interpreter (the virtualenv's).
    script = os.path.join(os.path.dirname(sys.executable), "cfn-lint")
    if not os.path.exists(script):
        script = shutil.which("cfn-lint")
    check(script is not None, "cfn-lint is not installed")
    command = [script, "--format", "parseable"]
    if region:
        command += ["--regions", region]
    # `--` ends --regions' list, which would otherwise swallow the file name.
    command += ["--", path]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    findings = [line for line in result.stdout.splitlines() if line.strip()]
    for line in findings if not quiet else []:
        print(f"  cfn-lint: {line}")
    if result.stderr.strip() and not quiet:
        print(result.stderr.strip(), file=sys.stderr)
    # cfn-lint's exit code is a bit set: 2 errors, 4 warnings, 8 informational.
    check(result.returncode & 1 == 0, f"cfn-lint failed to run (exit {result.returncode})")
    check(result.returncode & 2 == 0, "cfn-lint reported errors")
    check(result.returncode & 4 == 0, "cfn-lint reported warnings")
    check(" - ERROR - " not in result.stderr, "cfn-lint logged an error")
    return len(findings)


def lint_catches_a_broken_copy(path, region):
    """The same template with MaxCapacity misspelt must fail cfn-lint, which
    shows that the linter really read and checked the file."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    check("MaxCapacity:" in text, "CloudFormation: no MaxCapacity")
    with tempfile.TemporaryDirectory() as tmp:
        broken = os.path.join(tmp, "broken.yaml")
        with open(broken, "w", encoding="utf-8") as f:
            f.write(text.replace("MaxCapacity:", "MaxCapacityy:"))
        try:
            lint_cloudformation(broken, region, quiet=True)
        except Failure:
            return
    raise Failure("cfn-lint passed a template with a misspelt MaxCapacity")


def parse_cloudformation(path):
    from cfnlint.decode import cfn_yaml

    template = cfn_yaml.load(path)
    resources = template.get("Resources", {})
    by_type = {}
    for name, resource in resources.items():
        by_type.setdefault(resource.get("Type"), []).append((name, resource))

    clusters = by_type.get("AWS::RDS::DBCluster", [])
    check(len(clusters) == 1, f"CloudFormation: {len(clusters)} DB clusters, expected 1")
    check(len(by_type.get("AWS::RDS::DBSubnetGroup", [])) == 1,
          "CloudFormation: no DB subnet group")
    cluster = clusters[0][1]["Properties"]
    scaling = cluster.get("ServerlessV2ScalingConfiguration", {})
    check("MasterUserPassword" not in cluster, "CloudFormation: a master password is set")
    check(cluster.get("ManageMasterUserPassword") is True,
          "CloudFormation: ManageMasterUserPassword is not true")
    for key, value in [("StorageEncrypted", True), ("DeletionProtection", True),
                       ("CopyTagsToSnapshot", True), ("BackupRetentionPeriod", 7)]:
        check(cluster.get(key) == value, f"CloudFormation: {key} is {cluster.get(key)!r}")
    for key in ["MasterUsername", "DBSubnetGroupName", "VpcSecurityGroupIds"]:
        check(isinstance(cluster.get(key), dict) and "Ref" in cluster[key],
              f"CloudFormation: {key} is not a reference")
    parameters = template.get("Parameters", {})
    for name in ["MasterUsername", "SubnetIds", "VpcSecurityGroupIds"]:
        check(name in parameters, f"CloudFormation: no {name} parameter")

    instances = by_type.get("AWS::RDS::DBInstance", [])
    tiers = []
    for name, resource in instances:
        props = resource["Properties"]
        check(props.get("DBInstanceClass") == "db.serverless",
              f"CloudFormation: {name} is {props.get('DBInstanceClass')!r}")
        check(props.get("Engine") == cluster.get("Engine"),
              f"CloudFormation: {name}'s engine differs from the cluster's")
        if "PromotionTier" in props:
            tiers.append(int(props["PromotionTier"]))
    # Advanced mode needs Performance Insights on with 465 days' retention.
    advanced = cluster.get("DatabaseInsightsMode") == "advanced"
    if advanced:
        check(cluster.get("PerformanceInsightsEnabled") is True
              and cluster.get("PerformanceInsightsRetentionPeriod") == 465,
              "CloudFormation: Database Insights Advanced without Performance Insights for 465 days")
    check(len(tiers) == len(instances) - 1,
          "CloudFormation: every instance but the writer needs a promotion tier")
    return {
        "engine": cluster.get("Engine"),
        "engineVersion": cluster.get("EngineVersion"),
        "storageType": cluster.get("StorageType"),
        "minCapacity": number(scaling.get("MinCapacity")),
        "maxCapacity": number(scaling.get("MaxCapacity")),
        "secondsUntilAutoPause": scaling.get("SecondsUntilAutoPause"),
        "instances": len(instances),
        "readerTiers": tiers,
        "databaseInsightsAdvanced": advanced,
        "logs": list(cluster.get("EnableCloudwatchLogsExports", [])),
    }


# ---------------------------------------------------------------- Terraform


def unquote(value):
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value


def blocks(parsed, kind):
    """{(type, name): body} for `resource`, or {name: body} for `variable`/`output`."""
    found = {}
    for entry in parsed.get(kind, []):
        for label, body in entry.items():
            if kind in ("resource", "data"):
                for name, inner in body.items():
                    found[(unquote(label), unquote(name))] = inner
            else:
                found[unquote(label)] = body
    return found


def parse_terraform(path):
    import hcl2

    with open(path, encoding="utf-8") as f:
        parsed = hcl2.load(f)
    resources = blocks(parsed, "resource")
    variables = blocks(parsed, "variable")
    for name in ["master_username", "subnet_ids", "vpc_security_group_ids"]:
        check(name in variables, f"Terraform: no variable {name}")
    clusters = [body for (kind, _), body in resources.items() if kind == "aws_rds_cluster"]
    check(len(clusters) == 1, f"Terraform: {len(clusters)} aws_rds_cluster, expected 1")
    check(any(kind == "aws_db_subnet_group" for kind, _ in resources),
          "Terraform: no aws_db_subnet_group")
    cluster = clusters[0]
    check("master_password" not in cluster, "Terraform: a master password is set")
    check(cluster.get("manage_master_user_password") is True,
          "Terraform: manage_master_user_password is not true")
    for key, value in [("storage_encrypted", True), ("deletion_protection", True),
                       ("copy_tags_to_snapshot", True), ("backup_retention_period", 7)]:
        check(cluster.get(key) == value, f"Terraform: {key} is {cluster.get(key)!r}")
    check(cluster.get("master_username") == "${var.master_username}",
          "Terraform: master_username is not the variable")
    scaling_blocks = cluster.get("serverlessv2_scaling_configuration", [])
    check(len(scaling_blocks) == 1, "Terraform: expected one serverlessv2_scaling_configuration")
    scaling = scaling_blocks[0]

    instances = [(name, body) for (kind, name), body in resources.items()
                 if kind == "aws_rds_cluster_instance"]
    tiers = []
    for name, body in instances:
        check(unquote(body.get("instance_class")) == "db.serverless",
              f"Terraform: {name} is {body.get('instance_class')!r}")
        check(body.get("cluster_identifier") == "${aws_rds_cluster.aurora.id}",
              f"Terraform: {name} is not in the cluster")
        if "promotion_tier" in body:
            tiers.append(int(body["promotion_tier"]))
    advanced = unquote(cluster.get("database_insights_mode")) == "advanced"
    if advanced:
        check(cluster.get("performance_insights_enabled") is True
              and cluster.get("performance_insights_retention_period") == 465,
              "Terraform: Database Insights Advanced without Performance Insights for 465 days")
    check(len(tiers) == len(instances) - 1,
          "Terraform: every instance but the writer needs a promotion tier")
    region = unquote(variables.get("region", {}).get("default"))
    return {
        "engine": unquote(cluster.get("engine")),
        "engineVersion": unquote(cluster.get("engine_version")),
        "storageType": unquote(cluster.get("storage_type")),
        "minCapacity": number(scaling.get("min_capacity")),
        "maxCapacity": number(scaling.get("max_capacity")),
        "secondsUntilAutoPause": scaling.get("seconds_until_auto_pause"),
        "instances": len(instances),
        "readerTiers": tiers,
        "databaseInsightsAdvanced": advanced,
        "logs": [unquote(v) for v in cluster.get("enabled_cloudwatch_logs_exports", [])],
        "region": region,
    }


# ---------------------------------------------------------------- comparison


LOGS = {"aurora-postgresql": ["postgresql"], "aurora-mysql": ["error", "slowquery"]}
COMPARED = ["engine", "engineVersion", "storageType", "minCapacity", "maxCapacity",
            "secondsUntilAutoPause", "instances", "readerTiers", "databaseInsightsAdvanced",
            "logs"]


def compare(cfn, tf, expect):
    for key in COMPARED:
        check(cfn[key] == tf[key],
              f"{key}: CloudFormation has {cfn[key]!r}, Terraform has {tf[key]!r}")
    check(cfn["logs"] == LOGS.get(cfn["engine"]), f"log exports {cfn['logs']!r} for {cfn['engine']}")
    check(cfn["minCapacity"] <= cfn["maxCapacity"], "min capacity above max")
    if cfn["minCapacity"] == 0:
        check(isinstance(cfn["secondsUntilAutoPause"], int),
              "min capacity 0 without SecondsUntilAutoPause")
    else:
        check(cfn["secondsUntilAutoPause"] is None,
              "SecondsUntilAutoPause set although min capacity is not 0")
    if expect is None:
        return
    for key, want in expect.items():
        if key == "region":
            check(tf["region"] == want, f"region: Terraform has {tf['region']!r}, expected {want!r}")
            continue
        got = cfn[key]
        if key in ("minCapacity", "maxCapacity"):
            want = float(want)
        if key == "readerTiers":
            got = sorted(got)
            want = sorted(want)
        check(got == want, f"{key}: exports have {got!r}, expected {want!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("cloudformation", nargs="?")
    parser.add_argument("terraform", nargs="?")
    parser.add_argument("--expect", help="JSON file of expected values")
    parser.add_argument("--check-requirements", metavar="REQUIREMENTS")
    args = parser.parse_args()
    if args.check_requirements:
        return 0 if requirements_installed(args.check_requirements) else 1
    if not (args.cloudformation and args.terraform):
        parser.error("give a CloudFormation file and a Terraform file")
    expect = None
    if args.expect:
        with open(args.expect, encoding="utf-8") as f:
            expect = json.load(f)
    try:
        region = expect.get("region") if expect else None
        findings = lint_cloudformation(args.cloudformation, region)
        lint_catches_a_broken_copy(args.cloudformation, region)
        cfn = parse_cloudformation(args.cloudformation)
        tf = parse_terraform(args.terraform)
        compare(cfn, tf, expect)
    except Failure as failure:
        print(f"FAIL {args.cloudformation} / {args.terraform}: {failure}", file=sys.stderr)
        return 1
    print(f"ok {args.cloudformation} (cfn-lint: {findings} findings) and {args.terraform}: "
          f"{cfn['engine']} {cfn['engineVersion'] or '(default version)'}, {cfn['storageType']}, "
          f"{cfn['minCapacity']:g}-{cfn['maxCapacity']:g} ACU, auto-pause "
          f"{cfn['secondsUntilAutoPause'] or 'off'}, {cfn['instances']} db.serverless "
          f"instance(s), reader tiers {cfn['readerTiers']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
