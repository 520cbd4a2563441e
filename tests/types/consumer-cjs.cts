// The CommonJS entry's types: require() through the "require" condition.
import acumen = require("acumen");

const report: acumen.Report = acumen.estimate({ storageGb: 10 });
const total: number = report.totalMicroUsd;
const connections: acumen.MaxConnections = acumen.maxConnections({
  engine: "aurora-postgresql",
  minAcu: 1,
  maxAcu: 16,
});
const checked: acumen.Validation = acumen.validate(acumen.defaultScenario());
void [total, connections, checked];
