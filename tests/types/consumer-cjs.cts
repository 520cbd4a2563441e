// The CommonJS entry's types: require() through the "require" condition.
import acumen = require("acumen");

const report: acumen.Report = acumen.estimate({ storageGb: 10 });
const total: number = report.totalMicroUsd;
void total;
