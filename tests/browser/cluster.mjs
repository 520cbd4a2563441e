// The cluster the browser tests price as a person would (not a test file
// itself): eu-west-1, a writer and a tier-1 and a tier-2 reader, business
// hours of 12/2 ACU, 500 GB, 200 million I/O requests a month, RDS Proxy,
// and a db.r6g.2xlarge with a 1-year Reserved rate; and a week of its
// 1-minute CloudWatch capacity.

/** The cluster of the walkthrough: eu-west-1, a writer and two readers, business hours, a reserved class. */
export const CLUSTER = {
  region: "eu-west-1",
  workload: { businessHours: { peakAcu: 12, offPeakAcu: 2, hoursPerDay: 10, startHour: 8, daysPerWeek: 5 } },
  readers: [{ promotionTier: 1 }, { promotionTier: 2 }],
  storageGb: 500,
  io: { monthly: { requests: 200_000_000 } },
  extras: { rdsProxy: true },
  compare: { classes: [{ class: "db.r6g.2xlarge", onDemandHourly: 1.152, reserved: [{ termYears: 1, payment: "no-upfront", hourly: 0.78 }] }] },
};

/**
 * A week of 1-minute CloudWatch capacity for a writer and a reader, as the console's "Download as
 * CSV" writes it: weekday business hours near 12 ACU, nights near 2, in the 0.5-ACU steps the
 * metric moves in.
 */
export function weekOfMinutes() {
  const rows = ["Timestamp,app-writer ServerlessDatabaseCapacity,app-reader ServerlessDatabaseCapacity"];
  const start = Date.parse("2026-09-07T00:00:00Z"); // a Monday
  for (let minute = 0; minute < 7 * 24 * 60; minute++) {
    const hour = Math.floor(minute / 60) % 24;
    const weekday = Math.floor(minute / 1440) < 5;
    const busy = weekday && hour >= 8 && hour < 18;
    const wave = Math.round(Math.sin(minute / 47) * 4) / 2; // −2 to 2 in 0.5 steps
    const writer = busy ? 11 + wave : 2 + Math.abs(wave) / 2;
    rows.push(`${new Date(start + minute * 60_000).toISOString()},${writer},${Math.max(0.5, writer / 2)}`);
  }
  return Buffer.from(rows.join("\n") + "\n");
}
